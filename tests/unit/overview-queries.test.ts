import { readFile } from 'node:fs/promises';
import { csvParse, type DSVRowArray } from 'd3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { byTown, headline, monthlyByLedger, OVERVIEW_TABLES } from '../../src/lib/data/overview-queries';
import { openNodeDb } from '../../src/lib/server/dataset';
import { PUBLISHED } from '../../sim/county/published';
import { TOWNS } from '../../sim/county/towns';

// The overview's SQL, run by DuckDB on the pre-aggregated case_counts, against the same figures
// computed independently from the raw cases by parsing the CSV files in JavaScript.
const dir = inject('dataDir');
let cases: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;

beforeAll(async () => {
	cases = csvParse(await readFile(`${dir}/cases.csv`, 'utf8'));
	db = await openNodeDb(dir, OVERVIEW_TABLES);
});

const inScope = (c: Record<string, string | undefined>) =>
	(c.level === 'county' || c.level === 'town') && c.received_at! >= '2016-08-01' && c.received_at! < '2022-01-01';

describe('overview queries', () => {
	it.each([null, ...TOWNS.map((t) => t.code)])('headline case figures for town %s equal an independent count', async (town) => {
		const mine = cases.filter((c) => inScope(c) && (town === null || c.town_code === town));
		const h = await headline(db, town);
		expect(h.cases).toBe(mine.length);
		expect(h.closed).toBe(mine.filter((c) => c.archived_at).length);
		expect(h.surveyed).toBe(mine.filter((c) => c.satisfaction).length);
		expect(h.satisfied).toBe(mine.filter((c) => c.satisfaction === 'satisfied' || c.satisfaction === 'basic').length);
	});

	it('monthly counts add up to the headline and cover every month from Aug 2016 to Dec 2021', async () => {
		const monthly = await monthlyByLedger(db, null);
		expect(monthly.reduce((s, m) => s + m.cases, 0)).toBe(PUBLISHED.ledgerCases.value);
		expect(new Set(monthly.map((m) => m.month)).size).toBe(65);
		const aug2016 = cases.filter((c) => inScope(c) && c.received_at!.startsWith('2016-08') && c.ledger === 'demand').length;
		expect(monthly.find((m) => m.month === '2016-08' && m.ledger === 'demand')?.cases).toBe(aug2016);
	});

	it('per-town rows add up to the county and match each town’s headline', async () => {
		const rows = await byTown(db);
		expect(rows.map((r) => r.townCode)).toEqual(TOWNS.map((t) => t.code));
		expect(rows.reduce((s, r) => s + r.cases, 0)).toBe(PUBLISHED.ledgerCases.value);
		expect(rows.reduce((s, r) => s + r.closed, 0)).toBe(PUBLISHED.ledgerClosed.value);
		const raofeng = await headline(db, '610922101');
		expect(rows[1]).toMatchObject({ cases: raofeng.cases, closed: raofeng.closed, satisfied: raofeng.satisfied });
	});

	it('treats a town code as a bound value, never as SQL', async () => {
		const h = await headline(db, "610922101' OR '1'='1");
		expect(h.cases).toBe(0);
		expect(h.households).toBe(0);
	});
});
