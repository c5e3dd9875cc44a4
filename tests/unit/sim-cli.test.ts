import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { PUBLISHED } from '../../sim/county/published';
import { HISTORY_WEEKS } from '../../sim/engine/history';
import { WEEKLY_METRICS } from '../../sim/engine/outputs';
import { MODEL_VERSION } from '../../sim/engine/version';

const run = promisify(execFile);
const sim = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/sim.ts', ...args]);
const quick = ['--weeks', '8', '--scale', '0.05'];

describe('npm run sim', () => {
	it('writes tidy long CSV that DuckDB reads: one row per scenario × replicate × week × metric', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-sim-'));
		try {
			const out = join(dir, 'runs.csv');
			const { stdout } = await sim(['--compare', 'one-way,multi', '--reps', '2', ...quick, '--seed', '3', '--out', out]);
			expect(stdout).toMatch(/one-way\s+\d\.\d{3}/);
			expect(stdout).toContain(`model ${MODEL_VERSION}:`);
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

	it('prints the run summary as JSON with --json, structure and levers kept apart', async () => {
		const { stdout } = await sim(['--compare', 'two-way,custom', '--base', 'two-way', '--coordination', '0.7', ...quick, '--json']);
		const out = JSON.parse(stdout);
		expect(out.modelVersion).toBe(MODEL_VERSION);
		expect(out.scenarios.map((s: { mode: string }) => s.mode)).toEqual(['two-way', 'custom']);
		const [preset, custom] = out.scenarios;
		expect(preset.levers).toEqual({ sinking: 0, coordination: 0, participation: 0 });
		// The custom scenario starts from two-way's structure and changes only the lever it was given.
		expect(custom.structure).toEqual(preset.structure);
		expect(custom.levers).toEqual({ sinking: 0, coordination: 0.7, participation: 0 });
		for (const key of ['closureRate', 'daysMedian', 'satisfaction', 'orderIndex', 'vitalityIndex', 'costMillionYuan']) {
			expect(typeof custom.summary[key] === 'number' || custom.summary[key] === null, key).toBe(true);
		}
		expect(custom.summary.costMillionYuan).toBeGreaterThan(preset.summary.costMillionYuan);
	});

	it('starts from the county as of mid-2022 by default, from zero with --start zero', async () => {
		const [history, zero] = await Promise.all([sim(['--mode', 'two-way', ...quick, '--json']), sim(['--mode', 'two-way', ...quick, '--start', 'zero', '--json'])]);
		const [h, z] = [JSON.parse(history.stdout), JSON.parse(zero.stdout)];
		expect([h.start, z.start]).toEqual(['history', 'zero']);
		// The history leaves trust and open issues behind: the first weeks differ from a county at zero.
		expect(h.scenarios[0].summary.trust).not.toBe(z.scenarios[0].summary.trust);
		expect(h.scenarios[0].summary.closed).toBeGreaterThan(0);
	});

	it('replays the county’s history with --scenario history and prints its fit to the published record', async () => {
		const { stdout } = await sim(['--scenario', 'history', '--reps', '2', '--scale', '0.125', '--json']);
		const out = JSON.parse(stdout);
		expect(out.weeks).toBe(HISTORY_WEEKS);
		expect(out.scenarios.map((s: { label: string }) => s.label)).toEqual(['history']);
		const byName = Object.fromEntries(out.targets.map((t: { name: string }) => [t.name, t]));
		expect(byName.received.published).toBe(PUBLISHED.ledgerCases.value);
		expect(byName.closed.published).toBe(PUBLISHED.ledgerClosed.value);
		expect(byName.satisfaction.published).toBe(PUBLISHED.satisfaction.value);
		for (const t of out.targets) {
			expect(t.low).toBeLessThanOrEqual(t.model);
			expect(t.high).toBeGreaterThanOrEqual(t.model);
		}
		// A reduced county's counts read as the full county's: within a fifth of the published volume.
		expect(Math.abs(byName.received.model / PUBLISHED.ledgerCases.value - 1)).toBeLessThan(0.2);
		const refused = await sim(['--scenario', 'history', '--mode', 'one-way']).catch((e: { code: number; stderr: string }) => e);
		expect(refused).toMatchObject({ code: 2 });
		expect((refused as { stderr: string }).stderr).toContain('--scenario history follows the published timeline');
	});

	// From zero: a county from the history closes issues in its first week (those open at the start).
	it('writes null, not NaN, where a tiny short run has nothing to measure', async () => {
		const { stdout } = await sim(['--mode', 'one-way', '--weeks', '1', '--scale', String(1 / 128), '--start', 'zero', '--json']);
		const s = JSON.parse(stdout).scenarios[0].summary;
		expect(s.closed).toBe(0);
		expect(s.daysMedian).toBeNull();
		expect(s.satisfaction).toBeNull();
	});

	it.each([
		[['--mode', 'sideways'], /unknown mode "sideways"/],
		[['--mode', 'one-way', '--coordination', '1'], /one-way is a preset that fixes its own: add "custom"/],
		[['--compare', 'one-way,two-way', '--structure', 'feedback=true'], /are presets/],
		[['--mode', 'custom', '--structure', 'feedback=maybe'], /feedback must be true or false/],
		[['--mode', 'custom', '--structure', 'wings=true'], /unknown field "wings"/],
		[['--mode', 'custom', '--base', 'custom'], /--base must be one of/],
		[['--reps', '0'], /--reps must be an integer from 1 to 1000/],
		[['--seed', '0x10'], /--seed must be an integer/],
		[['--mode', 'custom', '--sinking', '1.5'], /--sinking must be a number in \[0, 1\]/],
		[['--mode', 'custom', '--sinking', '0b1'], /--sinking must be a number/],
		[['--budget', 'lots'], /--budget must be a number/],
		[['--scale', '0.001'], /--scale must be a number in \[0.0078125, 1\]/],
		[['--weeks', '1.5'], /--weeks must be an integer/],
		[['--start', 'warm'], /--start must be one of zero, history/],
		[['--param', 'nonsense=1'], /--param needs NAME=VALUE/],
		[['--param', 'toString=1'], /--param needs NAME=VALUE with a known parameter name/],
		[['--param', 'reviewWeeks=2.5'], /reviewWeeks must be an integer in \[1, 13\]/],
		[['--param', 'budget=0x2'], /--param budget must be a number/],
		[['--out', '/nonexistent-folder/runs.csv', ...quick], /cannot write --out/],
		[['--frobnicate'], /Unknown option/]
	])('rejects %j with a clear message and exit code 2, no stack trace', async (args, message) => {
		const err = await sim(args as string[]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(message);
		expect(err.stderr).not.toMatch(/\n\s+at /);
	});
});
