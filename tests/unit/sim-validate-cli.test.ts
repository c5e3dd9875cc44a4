import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parsePropositions, propositionsView } from '../../src/lib/model-card/reports';
import { MODEL_VERSION } from '../../sim/engine/version';

const run = promisify(execFile);

describe('npm run sim:validate -- --out FILE', () => {
	it('writes the propositions report the model card reads, with the model version and the run’s settings', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-validate-'));
		try {
			const out = join(dir, 'reports', 'propositions.json');
			// A tiny county for one year: the shape of the report, not its verdicts.
			const { stdout } = await run('node_modules/.bin/tsx', ['scripts/sim-validate.ts', '--reps', '2', '--scale', String(1 / 128), '--weeks', '52', '--seed', '3', '--out', out]);
			expect(stdout).toContain(`report written to ${out}`);
			const report = parsePropositions(await readFile(out, 'utf8'), out);
			expect(report).toMatchObject({ modelVersion: MODEL_VERSION, replicates: 2, weeks: 52, seed: 3 });
			expect(report.households).toBeGreaterThan(0);
			expect(propositionsView(report).groups.map((g) => g.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('refuses a run shorter than a year (participation’s growth compares the first and last years)', async () => {
		await expect(run('node_modules/.bin/tsx', ['scripts/sim-validate.ts', '--weeks', '8'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--weeks must be an integer from 52') });
	});
});
