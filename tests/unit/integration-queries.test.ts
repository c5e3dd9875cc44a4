import { readFile } from 'node:fs/promises';
import { csvParse, type DSVRowArray } from 'd3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { integrationData, INTEGRATION_TABLES } from '../../src/lib/data/integration-queries';
import { COUNTY } from '../../src/lib/data/scope';
import { openNodeDb } from '../../src/lib/server/dataset';
import { PUBLISHED } from '../../sim/county/published';

// The integration page's SQL against independent counts from the CSV files.
let tasks: DSVRowArray<string>;
let cadres: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;
const dataDir = inject('dataDir');
beforeAll(async () => {
	tasks = csvParse(await readFile(`${dataDir}/tasks.csv`, 'utf8'));
	cadres = csvParse(await readFile(`${dataDir}/cadres.csv`, 'utf8'));
	db = await openNodeDb(dataDir, INTEGRATION_TABLES);
});

describe('integration page queries', () => {
	it('gives each town its tasks, completions and cadres, adding up to the published totals', async () => {
		const d = await integrationData(db, COUNTY);
		expect(d.units).toHaveLength(11);
		for (const u of d.units) {
			expect(u.tasks).toBe(tasks.filter((t) => t.town_code === u.code).length);
			expect(u.done).toBe(tasks.filter((t) => t.town_code === u.code && t.status === 'done').length);
			expect(u.stationed).toBe(cadres.filter((c) => c.town_code === u.code && c.role === 'stationed').length);
		}
		expect(d.units.reduce((s, u) => s + u.tasks, 0)).toBe(PUBLISHED.tasks.value);
		expect(d.units.reduce((s, u) => s + u.stationed, 0)).toBe(PUBLISHED.stationedCadres.value);
		expect(d.units.reduce((s, u) => s + u.leaders, 0)).toBe(PUBLISHED.followingLeaders.value);
	});

	it('drills down to the villages of one town', async () => {
		const d = await integrationData(db, { ...COUNTY, town: '610922109' });
		expect(d.units).toHaveLength(12);
		const v = d.units[0];
		expect(v.tasks).toBe(tasks.filter((t) => t.village_id === v.code).length);
	});

	it('drills down to one village: its own tasks, shown among the villages of its town', async () => {
		const village = '610922109203';
		const d = await integrationData(db, { ...COUNTY, town: '610922109', village });
		expect(d.units).toHaveLength(12);
		const own = tasks.filter((t) => t.village_id === village);
		expect(own.length).toBeGreaterThan(0);
		expect(d.months.reduce((s, m) => s + m.tasks, 0)).toBe(own.length);
		expect(d.periods.reduce((s, p) => s + p.tasks, 0)).toBe(own.length);
		const pilot = own.filter((t) => t.assigned_on! < '2020-03-01');
		expect(d.periods.find((p) => p.period === 'pilot')?.tasks ?? 0).toBe(pilot.length);
	});

	it('splits tasks into the pilot and the county-wide periods', async () => {
		const d = await integrationData(db, COUNTY);
		const pilot = tasks.filter((t) => t.assigned_on! < '2020-03-01');
		expect(d.periods.find((p) => p.period === 'pilot')).toMatchObject({ tasks: pilot.length, done: pilot.filter((t) => t.completed_on).length });
		expect(d.periods.reduce((s, p) => s + p.tasks, 0)).toBe(PUBLISHED.tasks.value);
		// Pilot towns only: the assumed pilots are Chengguan and Chihe.
		expect(new Set(pilot.map((t) => t.town_code))).toEqual(new Set(['610922100', '610922104']));
	});
});
