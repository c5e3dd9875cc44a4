import { readFile } from 'node:fs/promises';
import { csvParse, type DSVRowArray } from 'd3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gridData, GRID_TABLES, rollUp } from '../../src/lib/data/grid-queries';
import { COUNTY, type Scope } from '../../src/lib/data/scope';
import { openNodeDb } from '../../src/lib/server/dataset';
import { PUBLISHED } from '../../sim/county/published';

// The "321" page's SQL against independent counts from the CSV files.
let households: DSVRowArray<string>;
let status: DSVRowArray<string>;
let units: DSVRowArray<string>;
let liaisons: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;
const dataDir = inject('dataDir');
beforeAll(async () => {
	households = csvParse(await readFile(`${dataDir}/households.csv`, 'utf8'));
	status = csvParse(await readFile(`${dataDir}/household_status.csv`, 'utf8'));
	units = csvParse(await readFile(`${dataDir}/units.csv`, 'utf8'));
	liaisons = csvParse(await readFile(`${dataDir}/liaisons.csv`, 'utf8'));
	db = await openNodeDb(dataDir, GRID_TABLES);
});

const TOWN = '610922109';
const VILLAGE = '610922109203';
const LATEST = '2022Q2';
/** Colour of each household in the latest quarter. */
const latestColour = () => new Map(status.filter((s) => s.quarter === LATEST).map((s) => [s.household_id!, s.colour!]));

describe('"321" page queries', () => {
	it('counts households by colour per quarter, for the county, one town and one village', async () => {
		const county = await gridData(db, COUNTY);
		const red = status.filter((s) => s.quarter === LATEST && s.colour === 'red').length;
		expect(county.colours.find((c) => c.quarter === LATEST && c.colour === 'red')?.households).toBe(red);
		const inTown = new Set(households.filter((h) => h.town_code === TOWN).map((h) => h.household_id));
		const town = await gridData(db, { ...COUNTY, town: TOWN });
		const yellow = status.filter((s) => s.quarter === '2021Q3' && s.colour === 'yellow' && inTown.has(s.household_id)).length;
		expect(town.colours.find((c) => c.quarter === '2021Q3' && c.colour === 'yellow')?.households).toBe(yellow);
		const inVillage = new Set(households.filter((h) => h.village_id === VILLAGE).map((h) => h.household_id));
		// The colour chart is where a colour is picked: it keeps every colour under a colour filter.
		const village = await gridData(db, { town: TOWN, village: VILLAGE, colour: 'red' });
		for (const colour of ['green', 'yellow', 'red'])
			expect(village.colours.find((c) => c.quarter === LATEST && c.colour === colour)?.households ?? 0).toBe(
				status.filter((s) => s.quarter === LATEST && s.colour === colour && inVillage.has(s.household_id)).length
			);
	});

	it('finds the village with the largest share of red households, and of any picked colour', async () => {
		const colourOf = latestColour();
		const bestShare = (colour: string) => {
			const totals = new Map<string, [number, number]>();
			for (const h of households) {
				const t = totals.get(h.village_id!) ?? [0, 0];
				t[0] += colourOf.get(h.household_id!) === colour ? 1 : 0;
				t[1] += 1;
				totals.set(h.village_id!, t);
			}
			return Math.max(...[...totals.values()].map(([r, n]) => r / n));
		};
		const { clusters } = await gridData(db, COUNTY);
		expect(clusters[0].coloured / clusters[0].households).toBeCloseTo(bestShare('red'), 12);
		const yellow = await gridData(db, { ...COUNTY, colour: 'yellow' });
		expect(yellow.clusters[0].coloured / yellow.clusters[0].households).toBeCloseTo(bestShare('yellow'), 12);
	});

	it('ranks the villager groups of a village by their share of a colour', async () => {
		const colourOf = latestColour();
		const parentOf = new Map(units.map((u) => [u.unit_id!, u.parent_id!]));
		const byGroup = new Map<string, [number, number]>();
		for (const h of households.filter((x) => x.village_id === VILLAGE)) {
			const group = parentOf.get(h.grid_id!)!;
			const t = byGroup.get(group) ?? [0, 0];
			t[0] += colourOf.get(h.household_id!) === 'green' ? 1 : 0;
			t[1] += 1;
			byGroup.set(group, t);
		}
		const { clusters } = await gridData(db, { town: TOWN, village: VILLAGE, colour: 'green' });
		expect(clusters).toHaveLength(byGroup.size);
		for (const c of clusters) expect([c.coloured, c.households]).toEqual(byGroup.get(c.unitId));
	});

	it('sums the three liaison lines to the published liaisons and households', async () => {
		const { lines, nodes } = await gridData(db, COUNTY);
		expect(lines.reduce((s, l) => s + l.liaisons, 0)).toBe(PUBLISHED.liaisons.value);
		expect(lines.reduce((s, l) => s + l.households, 0)).toBe(PUBLISHED.households.value);
		expect(nodes.filter((n) => n.level === 'village')).toHaveLength(PUBLISHED.villages.value);
	});

	it('counts, with a colour picked, the households of that colour each line looks after and the liaisons who have one', async () => {
		const colourOf = latestColour();
		const lineOf = new Map(liaisons.map((l) => [l.liaison_id!, l.line!]));
		const scope: Scope = { town: TOWN, village: null, colour: 'red' };
		const red = households.filter((h) => h.town_code === TOWN && colourOf.get(h.household_id!) === 'red');
		const { lines } = await gridData(db, scope);
		for (const l of lines) {
			const mine = red.filter((h) => lineOf.get(h.liaison_id!) === l.line);
			expect(l.households).toBe(mine.length);
			expect(l.liaisons).toBe(new Set(mine.map((h) => h.liaison_id)).size);
		}
		expect(lines.reduce((s, l) => s + l.households, 0)).toBe(red.length);
	});

	it('gives a town’s and a village’s whole grid hierarchy, nested, with one root', async () => {
		for (const scope of [{ ...COUNTY, town: TOWN }, { ...COUNTY, town: TOWN, village: VILLAGE }]) {
			const { nodes } = await gridData(db, scope);
			const ids = new Set(nodes.map((n) => n.id));
			const roots = nodes.filter((n) => n.parent === null);
			expect(roots.map((r) => r.id)).toEqual([scope.village ?? scope.town]);
			expect(nodes.every((n) => n.parent === null || ids.has(n.parent))).toBe(true);
		}
		const town = await gridData(db, { ...COUNTY, town: TOWN });
		expect(town.nodes.filter((n) => n.level === 'village')).toHaveLength(12);
		const village = await gridData(db, { ...COUNTY, town: TOWN, village: VILLAGE });
		expect(village.nodes.filter((n) => n.level === 'grid3').length).toBe(units.filter((u) => u.level === 'grid3' && u.unit_id!.startsWith(VILLAGE)).length);
	});

	it('counts a picked colour in every unit of the hierarchy, summed from the households', async () => {
		const colourOf = latestColour();
		const yellow = households.filter((h) => colourOf.get(h.household_id!) === 'yellow');
		const county = await gridData(db, { ...COUNTY, colour: 'yellow' });
		expect(county.nodes.find((n) => n.level === 'county')?.households).toBe(yellow.length);
		const town = county.nodes.find((n) => n.id === TOWN)!;
		expect(town.households).toBe(yellow.filter((h) => h.town_code === TOWN).length);
		const inTown = await gridData(db, { ...COUNTY, town: TOWN, colour: 'yellow' });
		const grid = inTown.nodes.find((n) => n.level === 'grid3' && n.households > 0)!;
		expect(grid.households).toBe(yellow.filter((h) => h.grid_id === grid.id).length);
		expect(inTown.nodes.find((n) => n.id === VILLAGE)?.households).toBe(yellow.filter((h) => h.village_id === VILLAGE).length);
	});

	it('rolls counts up a tree given in any order', () => {
		const n = (id: string, parent: string | null, households: number) => ({ id, parent, households, level: '', name_zh: '', name_en: '' });
		const out = rollUp([n('c', 'b', 2), n('a', null, 0), n('d', 'a', 5), n('b', 'a', 1)]);
		expect(Object.fromEntries(out.map((x) => [x.id, x.households]))).toEqual({ a: 8, b: 3, c: 2, d: 5 });
	});
});
