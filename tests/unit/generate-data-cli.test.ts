import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PUBLISHED } from '../../sim/county/published';
import { openNodeDb } from '../../src/lib/server/dataset';

const run = promisify(execFile);
const generate = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--quiet', ...args]);

describe('npm run data', () => {
	// One run of the whole command (the dataset and its prepared answers: the longest unit test).
	// Resampling beyond the model's pool of cases is tested in process (history-cases.test.ts).
	it('writes a small scaled dataset: N county and town cases, the published share of them open, an empty case file for each village that has no cases', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-data-'));
		const n = 100;
		try {
			await generate(['--cases', String(n), '--out', dir]);
			const scaled = await openNodeDb(dir, ['cases']);
			const [r] = await scaled.query<{ n: number; closed: number }>(`SELECT count(*) AS n, count(archived_at) AS closed FROM cases WHERE level <> 'village'`);
			scaled.close();
			expect(r.n).toBe(n);
			const open = PUBLISHED.ledgerCases.value - PUBLISHED.ledgerClosed.value;
			expect(r.closed).toBe(n - Math.round((n * open) / PUBLISHED.ledgerCases.value));
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
	// Minutes on a busy machine: four minutes were not enough at a load average of 25 on 2 cores.
	}, 600_000);

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
