import { readFile } from 'node:fs/promises';
import { csvParse, type DSVRowArray } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_DATA_DIR } from '../../scripts/dataset-writer';
import { gridData, GRID_TABLES } from '../../src/lib/data/grid-queries';
import { openNodeDb } from '../../src/lib/server/node-db';

// The "321" page's SQL against independent counts from the CSV files.
let households: DSVRowArray<string>;
let status: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;
beforeAll(async () => {
	households = csvParse(await readFile(`${SITE_DATA_DIR}/households.csv`, 'utf8'));
	status = csvParse(await readFile(`${SITE_DATA_DIR}/household_status.csv`, 'utf8'));
	db = await openNodeDb(SITE_DATA_DIR, GRID_TABLES);
});

describe('"321" page queries', () => {
	it('counts households by colour per quarter, for the county and for one town', async () => {
		const county = await gridData(db, null);
		const red = status.filter((s) => s.quarter === '2022Q2' && s.colour === 'red').length;
		expect(county.colours.find((c) => c.quarter === '2022Q2' && c.colour === 'red')?.households).toBe(red);
		const inTown = new Set(households.filter((h) => h.town_code === '610922109').map((h) => h.household_id));
		const town = await gridData(db, '610922109');
		const yellow = status.filter((s) => s.quarter === '2021Q3' && s.colour === 'yellow' && inTown.has(s.household_id)).length;
		expect(town.colours.find((c) => c.quarter === '2021Q3' && c.colour === 'yellow')?.households).toBe(yellow);
	});

	it('finds the village with the largest share of red households', async () => {
		const { red } = await gridData(db, null);
		const villageOf = new Map(households.map((h) => [h.household_id, h.village_id]));
		const totals = new Map<string, [number, number]>();
		for (const s of status) {
			if (s.quarter !== '2022Q2') continue;
			const v = villageOf.get(s.household_id)!;
			const t = totals.get(v) ?? [0, 0];
			t[0] += s.colour === 'red' ? 1 : 0;
			t[1] += 1;
			totals.set(v, t);
		}
		const best = Math.max(...[...totals.values()].map(([r, n]) => r / n));
		expect(red[0].red / red[0].households).toBeCloseTo(best, 12);
	});

	it('sums the three liaison lines to the published 2,024 liaisons and 63,949 households', async () => {
		const { lines, nodes } = await gridData(db, null);
		expect(lines.reduce((s, l) => s + l.liaisons, 0)).toBe(2024);
		expect(lines.reduce((s, l) => s + l.households, 0)).toBe(63949);
		expect(nodes.filter((n) => n.level === 'village')).toHaveLength(164);
	});

	it('gives a town’s whole grid hierarchy, nested', async () => {
		const { nodes } = await gridData(db, '610922109');
		const ids = new Set(nodes.map((n) => n.id));
		expect(nodes.filter((n) => n.parent === null)).toHaveLength(1);
		expect(nodes.every((n) => n.parent === null || ids.has(n.parent))).toBe(true);
		expect(nodes.filter((n) => n.level === 'village')).toHaveLength(12);
	});
});
