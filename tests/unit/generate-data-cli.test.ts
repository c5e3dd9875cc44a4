import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PUBLISHED } from '../../sim/county/published';

const run = promisify(execFile);
const generate = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--quiet', ...args]);

describe('npm run data', () => {
	it('writes a small scaled dataset, with an empty case file for each village that has no cases', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-data-'));
		try {
			await generate(['--cases', '100', '--out', dir]);
			const files = await readdir(join(dir, 'cases'));
			expect(files).toHaveLength(PUBLISHED.villages.value);
			const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
			expect(meta.villageCases.files).toBe(PUBLISHED.villages.value);
			expect(meta.villageCases.rows).toBe(meta.tables.cases.rows);
			// The pages' prepared answers, every one listed in the index (the county's and towns' apart from the villages').
			const index = JSON.parse(await readFile(join(dir, 'prepared', 'index.json'), 'utf8'));
			expect(index.core.length + index.villages.length).toBe(meta.prepared.files);
			expect(index.villages.length).toBeGreaterThan(PUBLISHED.villages.value);
			expect((await readdir(join(dir, 'prepared', 'ledgers'))).length).toBe((1 + 11 + PUBLISHED.villages.value) * 4);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}, 240_000);

	it.each([
		[['--cases', '5'], /--cases must be an integer between 100 and 50,000,000/],
		[['--seed', 'x'], /--seed must be an integer/],
		[['--frobnicate'], /Unknown option/]
	])('rejects %j with a message and exit code 2, no stack trace', async (args, message) => {
		const err = await generate(args as string[]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(message);
		expect(err.stderr).not.toMatch(/\n\s+at /);
	});
});
