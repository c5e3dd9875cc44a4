import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { WEEKLY_METRICS } from '../../sim/engine/outputs';

const run = promisify(execFile);
const sim = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/sim.ts', ...args]);

describe('npm run sim', () => {
	it('writes tidy long CSV that DuckDB reads: one row per scenario × replicate × week × metric', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-sim-'));
		try {
			const out = join(dir, 'runs.csv');
			const { stdout } = await sim(['--compare', 'one-way,multi', '--reps', '2', '--weeks', '8', '--scale', '0.05', '--seed', '3', '--out', out]);
			expect(stdout).toMatch(/one-way\s+\d\.\d{3}/);
			const db = await DuckDBInstance.create();
			const conn = await db.connect();
			const reader = await conn.runAndReadAll(
				`SELECT count(*)::INTEGER AS n, count(DISTINCT metric)::INTEGER AS metrics, count(DISTINCT mode)::INTEGER AS modes, max(week)::INTEGER AS last
				FROM read_csv('${out}')`
			);
			expect(reader.getRowObjectsJS()[0]).toEqual({ n: 2 * 2 * 8 * WEEKLY_METRICS.length, metrics: WEEKLY_METRICS.length, modes: 2, last: 7 });
			conn.closeSync();
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it.each([
		[['--mode', 'sideways'], /unknown mode "sideways"/],
		[['--reps', '0'], /--reps must be an integer from 1 to 1000/],
		[['--sinking', '1.5'], /--sinking must be a number in \[0, 1\]/],
		[['--budget', 'lots'], /--budget must be a number/],
		[['--param', 'nonsense=1'], /--param needs NAME=VALUE/],
		[['--frobnicate'], /Unknown option/]
	])('rejects %j with a clear message and exit code 2', async (args, message) => {
		const err = await sim(args as string[]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(message);
	});
});
