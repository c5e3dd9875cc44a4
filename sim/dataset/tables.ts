import type { County } from '../county/build-county';
import { HOUSEHOLD_TYPES } from '../county/household-types';
import { COUNTY } from '../county/towns';
import { CASE_LEVELS, CATEGORIES, CHANNELS, DEPARTMENTS, LEDGER_TYPES, SATISFACTION } from './case-vocabulary';
import { formatDate, formatTimestamp, type CsvValue } from './csv';
import { COLOUR_QUARTERS, COLOURS, generateColours } from './household-colours';
import { generateCadres, generateTasks, TASK_CATEGORIES, TASK_STATUSES } from './integration';
import { generateCases, type CaseColumns } from './ledger-cases';
import type { RAW_TABLES } from './schema';

/** Rows of one table, in the column order of its schema. */
export type Rows = Iterable<CsvValue[]>;

export interface DatasetOptions {
	seed: number;
	/** County- and town-level ledger cases (default: the published 8,812). */
	countyTownCases?: number;
}

/** Every table of the dataset as lazily produced rows. */
export function datasetTables(county: County, options: DatasetOptions): Record<(typeof RAW_TABLES)[number], () => Rows> {
	return {
		units: () => unitRows(county),
		households: () => householdRows(county),
		household_status: () => statusRows(county, options.seed),
		liaisons: () => liaisonRows(county),
		cases: () => caseRows(county, generateCases(county, { seed: options.seed, countyTownCases: options.countyTownCases })),
		tasks: () => taskRows(county, options.seed),
		cadres: () => cadreRows(county, options.seed)
	};
}

function villageName(county: County, v: number): { zh: string; en: string } {
	const village = county.villages[v];
	const town = county.towns[village.town];
	const n = String(village.ordinal).padStart(2, '0');
	return village.kind === 'community'
		? { zh: `${town.nameZh}第${n}社区`, en: `${town.namePinyin} community ${n}` }
		: { zh: `${town.nameZh}第${n}村`, en: `${town.namePinyin} village ${n}` };
}

function* unitRows(county: County): Generator<CsvValue[]> {
	const { households: hh, villages, grids, towns } = county;
	const population = villages.reduce((s, v) => s + v.population, 0);
	yield [Number(COUNTY.code), 'county', null, null, null, COUNTY.nameZh, COUNTY.nameEn, hh.count, population];
	for (const [t, town] of towns.entries()) {
		const vs = villages.filter((v) => v.town === t);
		const sum = (f: (v: (typeof vs)[number]) => number) => vs.reduce((s, v) => s + f(v), 0);
		yield [Number(town.code), 'town', Number(COUNTY.code), town.code, null, town.nameZh, `${town.namePinyin} town`, sum((v) => v.households), sum((v) => v.population)];
	}
	for (const v of villages) {
		const name = villageName(county, v.index);
		yield [v.id, 'village', Number(towns[v.town].code), towns[v.town].code, v.kind, name.zh, name.en, v.households, v.population];
	}
	const ordinal = new Map<number, number>();
	const gridPopulation = new Float64Array(grids.length);
	for (let i = 0; i < hh.count; i++) {
		for (let g = hh.grid[i]; g >= 0; g = grids[g].parent) gridPopulation[g] += hh.size[i];
	}
	for (const g of grids) {
		const village = villages[g.village];
		const name = villageName(county, g.village);
		const k = (ordinal.get(g.parent) ?? 0) + 1;
		ordinal.set(g.parent, k);
		const [zh, en] =
			g.level === 1
				? [`${name.zh}网格`, `${name.en} grid`]
				: g.level === 2
					? [`${name.zh}第${k}组`, `${name.en} group ${k}`]
					: [`${name.zh}第${k}片`, `${name.en} cluster ${k}`];
		const parent = g.parent < 0 ? village.id : grids[g.parent].id;
		yield [g.id, `grid${g.level}`, parent, towns[village.town].code, null, zh, en, g.households, gridPopulation[g.index]];
	}
}

function* householdRows(county: County): Generator<CsvValue[]> {
	const { households: h, villages, grids, towns } = county;
	for (let i = 0; i < h.count; i++) {
		const v = villages[h.village[i]];
		yield [i + 1, towns[v.town].code, v.id, grids[h.grid[i]].id, h.liaison[i] + 1, h.size[i], HOUSEHOLD_TYPES[h.type[i]]];
	}
}

function* statusRows(county: County, seed: number): Generator<CsvValue[]> {
	const colours = generateColours(county, seed);
	const n = county.households.count;
	for (let q = 0; q < COLOUR_QUARTERS.length; q++) {
		for (let i = 0; i < n; i++) yield [i + 1, COLOUR_QUARTERS[q], COLOURS[colours[q * n + i]]];
	}
}

function* liaisonRows(county: County): Generator<CsvValue[]> {
	for (const l of county.liaisons) {
		const v = county.villages[l.village];
		yield [l.index + 1, l.line, county.towns[v.town].code, v.id, county.grids[l.grid].id, l.households];
	}
}

function* caseRows(county: County, c: CaseColumns): Generator<CsvValue[]> {
	const { households: h, villages, grids, towns } = county;
	const bool = (x: number) => x === 1;
	for (let i = 0; i < c.count; i++) {
		const hh = c.household[i];
		const v = villages[h.village[hh]];
		yield [
			i + 1,
			LEDGER_TYPES[c.ledger[i]],
			CASE_LEVELS[c.level[i]],
			towns[v.town].code,
			v.id,
			grids[h.grid[hh]].id,
			hh + 1,
			CATEGORIES[c.category[i]],
			CHANNELS[c.channel[i]],
			formatTimestamp(c.received[i]),
			...c.steps.map((s) => formatTimestamp(s[i])),
			formatTimestamp(c.due[i]),
			DEPARTMENTS[c.leadDept[i]],
			c.coDepts[i],
			c.handoffs[i],
			bool(c.escalated[i]),
			c.solved[i] < 0 ? null : bool(c.solved[i]),
			c.satisfaction[i] < 0 ? null : SATISFACTION[c.satisfaction[i]],
			bool(c.revisited[i]),
			c.repeatOf[i] || null
		];
	}
}

function* taskRows(county: County, seed: number): Generator<CsvValue[]> {
	for (const [k, t] of generateTasks(county, seed).entries()) {
		const v = county.villages[t.village];
		yield [k + 1, county.towns[v.town].code, v.id, TASK_CATEGORIES[t.category], formatDate(t.assigned), formatDate(t.due), formatDate(t.completed), TASK_STATUSES[t.status]];
	}
}

function* cadreRows(county: County, seed: number): Generator<CsvValue[]> {
	for (const [k, c] of generateCadres(county, seed).entries()) {
		const v = county.villages[c.village];
		yield [k + 1, c.role, county.towns[v.town].code, v.id, formatDate(c.start)];
	}
}
