import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeDataset } from '../../scripts/dataset-writer';
import { PUBLISHED } from '../../sim/county/published';
import { TABLE_NAMES } from '../../sim/dataset/schema';
import { DEFAULT_SEED as SEED, openNodeDb } from '../../src/lib/server/dataset';
import type { QueryRunner } from '../../src/lib/data/query-runner';

// The site's dataset as the global setup wrote it, and a second run of the generator to compare.
const dirA = inject('dataDir');
let dirB: string;
let db: QueryRunner & { close(): void };

beforeAll(async () => {
	dirB = await mkdtemp(join(tmpdir(), 'ggs-b-'));
	await writeDataset({ seed: SEED, dir: dirB });
	db = await openNodeDb(dirA);
});

afterAll(async () => {
	db?.close();
	await rm(dirB, { recursive: true, force: true });
});

async function one<T extends object>(sql: string): Promise<T> {
	const [row] = await db.query<T>(sql);
	return row;
}

describe('the dataset generator', () => {
	it('writes identical bytes for the same seed', async () => {
		for (const t of TABLE_NAMES) {
			const [a, b] = await Promise.all([readFile(join(dirA, `${t}.csv`)), readFile(join(dirB, `${t}.csv`))]);
			expect(a.length).toBeGreaterThan(100);
			expect(a.equals(b), `${t}.csv differs between runs`).toBe(true);
		}
		expect(await readFile(join(dirA, 'meta.json'), 'utf8')).toBe(await readFile(join(dirB, 'meta.json'), 'utf8'));
	});

	it('writes different cases for a different seed', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-c-'));
		try {
			await writeDataset({ seed: SEED + 1, dir });
			const [a, b] = await Promise.all([readFile(join(dirA, 'cases.csv')), readFile(join(dir, 'cases.csv'))]);
			expect(a.equals(b)).toBe(false);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('matches the published ledger totals: 8,812 received, 8,597 closed, satisfaction ≥ 98.5%', async () => {
		const r = await one<{ received: number; closed: number; surveyed: number; satisfied: number }>(`
			SELECT count(*) AS received, count(archived_at) AS closed, count(satisfaction) AS surveyed,
				count(*) FILTER (satisfaction IN ('satisfied', 'basic')) AS satisfied
			FROM cases WHERE level IN ('county', 'town')
				AND received_at >= TIMESTAMP '2016-08-01' AND received_at < TIMESTAMP '2022-01-01'`);
		expect(r.received).toBe(PUBLISHED.ledgerCases.value);
		expect(r.closed).toBe(PUBLISHED.ledgerClosed.value);
		expect(r.satisfied / r.surveyed).toBeGreaterThanOrEqual(PUBLISHED.satisfaction.value);
		expect(r.satisfied / r.surveyed).toBeLessThan(1);
	});

	it('matches every published count of units, people, liaisons, tasks and cadres', async () => {
		const r = await one<Record<string, number>>(`SELECT
			(SELECT count(*) FROM units WHERE level = 'town') AS towns,
			(SELECT count(*) FROM units WHERE level = 'village') AS villages,
			(SELECT count(*) FROM units WHERE level LIKE 'grid%') AS grids,
			(SELECT count(*) FROM households) AS households,
			(SELECT sum(size) FROM households) AS population,
			(SELECT population FROM units WHERE level = 'county') AS county_population,
			(SELECT count(*) FROM liaisons) AS liaisons,
			(SELECT sum(households_linked) FROM liaisons) AS linked,
			(SELECT count(*) FROM tasks) AS tasks,
			(SELECT count(*) FROM cadres WHERE role = 'stationed') AS stationed,
			(SELECT count(*) FROM cadres WHERE role = 'following_leader') AS leaders`);
		expect(r).toEqual({
			towns: 11,
			villages: PUBLISHED.villages.value,
			grids: PUBLISHED.grids.value,
			households: PUBLISHED.households.value,
			population: PUBLISHED.population.value,
			county_population: PUBLISHED.population.value,
			liaisons: PUBLISHED.liaisons.value,
			linked: PUBLISHED.households.value,
			tasks: PUBLISHED.tasks.value,
			stationed: PUBLISHED.stationedCadres.value,
			leaders: PUBLISHED.followingLeaders.value
		});
	});

	it('puts every household in exactly one household-cluster grid, nested in its village', async () => {
		const r = await one<{ orphans: number; mismatched: number }>(`SELECT
			count(*) FILTER (g.unit_id IS NULL) AS orphans,
			count(*) FILTER (g.unit_id IS NOT NULL AND (g.level <> 'grid3' OR v.unit_id <> h.village_id)) AS mismatched
			FROM households h
			LEFT JOIN units g ON g.unit_id = h.grid_id
			LEFT JOIN units p ON p.unit_id = g.parent_id
			LEFT JOIN units q ON q.unit_id = p.parent_id
			LEFT JOIN units v ON v.unit_id = q.parent_id`);
		expect(r).toEqual({ orphans: 0, mismatched: 0 });
	});

	it('nests units: grid3 → grid2 → grid1 → village → town → county', async () => {
		const rows = await db.query<{ level: string; parent_level: string | null; n: number }>(`
			SELECT c.level, p.level AS parent_level, count(*) AS n
			FROM units c LEFT JOIN units p ON p.unit_id = c.parent_id GROUP BY ALL ORDER BY c.level`);
		const pairs = Object.fromEntries(rows.map((r) => [r.level, r.parent_level]));
		expect(pairs).toEqual({ county: null, town: 'county', village: 'town', grid1: 'village', grid2: 'grid1', grid3: 'grid2' });
		expect(rows).toHaveLength(6);
	});

	it('keeps every case’s steps in order and leaves later steps empty once a case stalls', async () => {
		const r = await one<{ disordered: number; gaps: number; openSurveyed: number }>(`SELECT
			count(*) FILTER (NOT (received_at <= registered_at AND registered_at <= reviewed_at AND reviewed_at <= acknowledged_at
				AND acknowledged_at <= assigned_at AND (handled_at IS NULL OR assigned_at <= handled_at)
				AND (archived_at IS NULL OR surveyed_at <= archived_at))) AS disordered,
			count(*) FILTER (handled_at IS NULL AND (reported_at IS NOT NULL OR archived_at IS NOT NULL)) AS gaps,
			count(*) FILTER (surveyed_at IS NULL AND satisfaction IS NOT NULL) AS "openSurveyed"
			FROM cases`);
		expect(r).toEqual({ disordered: 0, gaps: 0, openSurveyed: 0 });
	});

	it('keeps a village ledger from Jan 2018 only, which grows once stationed cadres handle cases in villages (2019–20)', async () => {
		const r = await db.query<{ y: number; n: number }>(`
			SELECT year(received_at) AS y, count(*) AS n FROM cases WHERE level = 'village' GROUP BY 1 ORDER BY 1`);
		const byYear = Object.fromEntries(r.map((x) => [x.y, x.n]));
		expect(Object.keys(byYear).map(Number)).toEqual([2018, 2019, 2020, 2021]);
		expect(byYear[2021]).toBeGreaterThan(2 * byYear[2018]);
	});
});

describe('npm run data', () => {
	const run = promisify(execFile);
	const cli = ['node_modules/.bin/tsx', 'scripts/generate-data.ts'];

	it.each([['--cases', 'abc'], ['--seed', '-4'], ['--bogus']])('rejects %s %s with a message and exit code 2', async (...args) => {
		const err = await run(cli[0], [cli[1], ...args.filter(Boolean)]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(/generate-data: /);
	});
});
