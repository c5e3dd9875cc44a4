import { readFile } from 'node:fs/promises';
import { csvParse, quantile, type DSVRowArray } from 'd3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { LEDGER_QUARTERS, LEDGER_TABLES, ledgerData, ledgerFromSlice, ledgerSlice, NO_FILTERS, wilson, type LedgerFilters } from '../../src/lib/data/ledger-queries';
import { openNodeDb } from '../../src/lib/server/dataset';
import { STEPS } from '../../sim/dataset/case-vocabulary';
import { binDays, binOfMinutes } from '../../sim/dataset/case-cubes';

// The ledger page's SQL, run by DuckDB on the pre-aggregated tables, against the same figures
// computed from the raw cases by parsing the CSV in JavaScript.
let cases: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;
const dataDir = inject('dataDir');
beforeAll(async () => {
	cases = csvParse(await readFile(`${dataDir}/cases.csv`, 'utf8'));
	// The raw cases too: a village's slices are derived from its cases (as the browser does).
	db = await openNodeDb(dataDir, [...LEDGER_TABLES, 'cases']);
});

const FILTERS: LedgerFilters = { town: '610922104', village: null, ledger: 'complaint', from: '2018Q2', to: '2021Q3' };
/** A village's drill-down (its slices derived from its own cases). */
const VILLAGE: LedgerFilters = { town: '610922100', village: '610922100001', ledger: null, from: '2017Q1', to: '2021Q4' };
const quarterOf = (timestamp: string) => `${timestamp.slice(0, 4)}Q${Math.floor((Number(timestamp.slice(5, 7)) - 1) / 3) + 1}`;
const pick = (f: LedgerFilters) =>
	cases.filter(
		(c) =>
			(!f.town || c.town_code === f.town) &&
			(!f.village || c.village_id === f.village) &&
			(!f.ledger || c.ledger === f.ledger) &&
			quarterOf(c.received_at!) >= f.from &&
			quarterOf(c.received_at!) <= f.to
	);
const minutes = (a: string, b: string) => (Date.parse(`${b.replace(' ', 'T')}Z`) - Date.parse(`${a.replace(' ', 'T')}Z`)) / 60000;

describe('ledger page queries', () => {
	it.each([NO_FILTERS, FILTERS, VILLAGE])('step medians and 90th percentiles match an independent computation, within 2% of the exact ones (%o)', async (f) => {
		const rows = (await ledgerData(db, f)).steps;
		const mine = pick(f);
		const columns = ['received', ...STEPS].map((s) => `${s}_at`);
		STEPS.forEach((step, i) => {
			const spans = mine.filter((c) => c[columns[i + 1]]).map((c) => minutes(c[columns[i]]!, c[columns[i + 1]]!)).sort((a, b) => a - b);
			const row = rows.find((r) => r.step === step)!;
			expect(row.cases).toBe(spans.length);
			for (const [q, got] of [
				[0.5, row.medianDays],
				[0.9, row.p90Days]
			] as const) {
				// The order statistic the histogram reports: the k-th smallest, k = ⌈q·n⌉ …
				const exact = spans[Math.max(1, Math.ceil(q * spans.length)) - 1];
				expect(got).toBeCloseTo(binDays(binOfMinutes(exact)), 2);
				// … to within the bin's half-width (2%) plus the rounding to 0.01 day.
				expect(Math.abs(got - exact / 1440)).toBeLessThanOrEqual(0.0203 * (exact + 1) / 1440 + 0.005);
			}
			// And close to the interpolated quantile whenever the sample is large.
			// (3% of it, plus the rounding to 0.01 day: a step of an hour or two has a median of under 0.1 day.)
			if (spans.length > 2000) {
				const interpolated = quantile(spans, 0.5)! / 1440;
				expect(Math.abs(row.medianDays - interpolated), `${step}: ${row.medianDays} vs ${interpolated} (${spans.length} cases)`).toBeLessThanOrEqual(0.03 * interpolated + 0.005);
			}
		});
	});

	it('counts open cases at the step they wait for', async () => {
		const rows = (await ledgerData(db, NO_FILTERS)).stalls;
		const open = cases.filter((c) => !c.archived_at);
		expect(rows.reduce((s, r) => s + r.cases, 0)).toBe(open.length);
		// Each open case waits for the first step it has not reached (a case received on the last days of 2021 may not be registered yet).
		for (const step of STEPS) {
			const waiting = open.filter((c) => STEPS.find((s) => !c[`${s}_at`]) === step).length;
			expect(rows.find((r) => r.step === step)?.cases ?? 0).toBe(waiting);
		}
	});

	it('gives per-quarter closure, satisfaction and on-time counts that match', async () => {
		const rows = (await ledgerData(db, FILTERS)).quarters;
		const mine = pick(FILTERS);
		const q = '2019Q3';
		const inQ = mine.filter((c) => quarterOf(c.received_at!) === q);
		expect(rows.find((r) => r.quarter === q)).toMatchObject({
			received: inQ.length,
			closed: inQ.filter((c) => c.archived_at).length,
			onTime: inQ.filter((c) => c.handled_at && c.handled_at <= c.due_at!).length
		});
		// Every quarter is there (the chart picks the period), and the picked ones add up.
		expect(rows.filter((r) => r.quarter >= FILTERS.from && r.quarter <= FILTERS.to).reduce((s, r) => s + r.received, 0)).toBe(mine.length);
		expect(rows.reduce((s, r) => s + r.received, 0)).toBe(pick({ ...FILTERS, from: NO_FILTERS.from, to: NO_FILTERS.to }).length);
	});

	it.each([FILTERS, VILLAGE])('breaks cases down by channel as an independent count does (%o)', async (f) => {
		const rows = (await ledgerData(db, f)).byChannel;
		const mine = pick(f);
		expect(mine.length).toBeGreaterThan(20);
		for (const r of rows) expect(r.cases).toBe(mine.filter((c) => c.channel === r.key).length);
		expect(rows.reduce((s, r) => s + r.cases, 0)).toBe(mine.length);
	});

	it('drills down to a village: its totals, quarters and stalls from its own cases, and its town’s villages to pick from', async () => {
		const d = await ledgerData(db, VILLAGE);
		const mine = pick(VILLAGE);
		const byId = new Map(cases.map((c) => [c.case_id, c]));
		const days = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
		expect(d.key).toEqual({
			received: mine.length,
			closed: mine.filter((c) => c.archived_at).length,
			closedLocally: mine.filter((c) => c.archived_at && (c.level === 'village' || c.level === 'town')).length,
			escalated: mine.filter((c) => c.escalated === 'true').length,
			repeats: mine.filter((c) => {
				const o = c.repeat_of ? byId.get(c.repeat_of) : undefined;
				return o !== undefined && days(o.received_at!, c.received_at!) <= 90;
			}).length
		});
		const all = pick({ ...VILLAGE, from: NO_FILTERS.from, to: NO_FILTERS.to });
		expect(d.quarters.reduce((s, q) => s + q.received, 0)).toBe(all.length);
		expect(d.stalls.reduce((s, r) => s + r.cases, 0)).toBe(mine.filter((c) => !c.archived_at).length);
		// The picker: every village of the town, under the other filters (not the village).
		const town = pick({ ...VILLAGE, village: null });
		const villages = new Set(town.map((c) => c.village_id));
		expect(d.byVillage.map((r) => r.key).sort()).toEqual([...villages].sort());
		for (const r of d.byVillage) expect([r.cases, r.closed]).toEqual([town.filter((c) => c.village_id === r.key).length, town.filter((c) => c.village_id === r.key && c.archived_at).length]);
		// The towns' list stays the towns' (no village rows among them), and a second call derives nothing twice.
		expect(d.byTown).toHaveLength(11);
		expect(await ledgerData(db, VILLAGE)).toEqual(d);
	});

	it('counts repeat complaints within 90 days, local closures and escalations as an independent count does', async () => {
		const k = (await ledgerData(db, NO_FILTERS)).key;
		const byId = new Map(cases.map((c) => [c.case_id, c]));
		// DuckDB's date_diff('day', …) counts calendar-day boundaries.
		const days = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
		const repeats = cases.filter((c) => {
			const o = c.repeat_of ? byId.get(c.repeat_of) : undefined;
			return o !== undefined && days(o.received_at!, c.received_at!) <= 90;
		}).length;
		expect(repeats).toBeGreaterThan(0);
		expect(k.repeats).toBe(repeats);
		expect(k.closedLocally).toBe(cases.filter((c) => c.archived_at && (c.level === 'village' || c.level === 'town')).length);
		expect(k.escalated).toBe(cases.filter((c) => c.escalated === 'true').length);
	});

	it('answers any period from one slice as an independent count of the raw cases does', async () => {
		const slice = await ledgerSlice(db, FILTERS);
		const period = fc.tuple(fc.constantFrom(...LEDGER_QUARTERS), fc.constantFrom(...LEDGER_QUARTERS)).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
		fc.assert(
			fc.property(period, (p) => {
				const f = { ...FILTERS, ...p };
				const d = ledgerFromSlice(slice, f);
				const mine = pick(f);
				expect(d.key.received).toBe(mine.length);
				expect(d.key.closed).toBe(mine.filter((c) => c.archived_at).length);
				for (const r of d.byCategory) expect(r.cases).toBe(mine.filter((c) => c.category === r.key).length);
				const towns = pick({ ...f, town: null });
				for (const r of d.byTown) expect(r.cases).toBe(towns.filter((c) => c.town_code === r.key).length);
				expect(d.steps.find((s) => s.step === 'handled')?.cases ?? 0).toBe(mine.filter((c) => c.handled_at).length);
			}),
			{ numRuns: 40 }
		);
		// A slice answers only its own place and ledger type.
		expect(() => ledgerFromSlice(slice, { ...FILTERS, ledger: null })).toThrow();
	});

	it('computes Wilson intervals that stay within [0, 1] and contain the rate', () => {
		expect(wilson(100, 100).high).toBeCloseTo(1, 12);
		expect(wilson(100, 100).low).toBeGreaterThan(0.96);
		const ci = wilson(98, 100);
		expect(ci.low).toBeGreaterThan(0.92);
		expect(ci.low).toBeLessThan(0.98);
		expect(ci.high).toBeGreaterThan(0.98);
		expect(Number.isNaN(wilson(0, 0).low)).toBe(true);
	});
});
