import { readFile } from 'node:fs/promises';
import { csvParse, type DSVRowArray } from 'd3';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bulletin, LEDGER_QUARTERS, LEDGER_TABLES } from '../../src/lib/data/ledger-queries';
import { MIN_CASES, rankingSlice, rankingVerdict, SPREAD_TOLERANCE, townRanking, type RankingSlice, type TownDays } from '../../src/lib/data/ranking-queries';
import { openNodeDb } from '../../src/lib/server/dataset';
import { LEDGER_TYPES } from '../../sim/dataset/case-vocabulary';

// The towns' days to close as the ledger page and the bulletin rank them (DuckDB on case_days,
// summed in JavaScript), against the same figures computed from the raw cases in cases.csv.
let cases: DSVRowArray<string>;
let db: Awaited<ReturnType<typeof openNodeDb>>;
const slices = new Map<string | null, RankingSlice>();
const dataDir = inject('dataDir');
beforeAll(async () => {
	cases = csvParse(await readFile(`${dataDir}/cases.csv`, 'utf8'));
	db = await openNodeDb(dataDir, LEDGER_TABLES);
	for (const l of [null, ...LEDGER_TYPES]) slices.set(l, await rankingSlice(db, l));
});

const quarterOf = (t: string) => `${t.slice(0, 4)}Q${Math.floor((Number(t.slice(5, 7)) - 1) / 3) + 1}`;
const minutes = (a: string, b: string) => (Date.parse(`${b.replace(' ', 'T')}Z`) - Date.parse(`${a.replace(' ', 'T')}Z`)) / 60000;

/** Each town's sorted days to close (intake → archived) of the closed cases received in the quarters, from the raw cases. */
function independent(ledger: string | null, from: string, to: string): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const c of cases) {
		if (!c.archived_at || (ledger && c.ledger !== ledger)) continue;
		const q = quarterOf(c.received_at!);
		if (q < from || q > to) continue;
		const list = out.get(c.town_code!) ?? [];
		list.push(minutes(c.received_at!, c.archived_at) / 1440);
		out.set(c.town_code!, list);
	}
	for (const l of out.values()) l.sort((a, b) => a - b);
	return out;
}
/** The k-th smallest (1-based, clamped). */
const kth = (sorted: readonly number[], k: number) => sorted[Math.min(sorted.length, Math.max(1, k)) - 1];
/** A binned figure is within the bin's half-width (2%) of the exact order statistic, plus rounding to 0.01 day. */
const near = (got: number, exact: number) => Math.abs(got - exact) <= 0.0203 * (exact + 1 / 1440) + 0.006;

function expectMatches(got: readonly TownDays[], exact: Map<string, number[]>) {
	expect(got.map((t) => t.townCode).sort()).toEqual([...exact.keys()].sort());
	for (const t of got) {
		const d = exact.get(t.townCode)!;
		const n = d.length;
		expect(t.cases).toBe(n);
		expect(near(t.medianDays, kth(d, Math.ceil(n / 2))), `${t.townCode} median ${t.medianDays} vs ${kth(d, Math.ceil(n / 2))}`).toBe(true);
		expect(near(t.p90Days, kth(d, Math.ceil(0.9 * n))), `${t.townCode} p90`).toBe(true);
		expect(near(t.medianLow, kth(d, Math.floor(n / 2 - 0.98 * Math.sqrt(n))))).toBe(true);
		expect(near(t.medianHigh, kth(d, Math.ceil(n / 2 + 1 + 0.98 * Math.sqrt(n))))).toBe(true);
		expect(t.medianLow).toBeLessThanOrEqual(t.medianDays);
		expect(t.medianDays).toBeLessThanOrEqual(t.medianHigh);
		expect(t.medianDays).toBeLessThanOrEqual(t.p90Days);
	}
}

describe('towns ranked by days to close', () => {
	it('the whole period, every ledger type: matches the raw cases town by town', () => {
		const got = townRanking(slices.get(null)!, LEDGER_QUARTERS[0], LEDGER_QUARTERS.at(-1)!);
		expect(got).toHaveLength(11);
		expectMatches(got, independent(null, LEDGER_QUARTERS[0], LEDGER_QUARTERS.at(-1)!));
	});

	it('any ledger type and period: matches the raw cases (property; most draws rank several towns)', () => {
		let ranked = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(null, ...LEDGER_TYPES),
				fc.integer({ min: 0, max: LEDGER_QUARTERS.length - 1 }),
				fc.integer({ min: 0, max: LEDGER_QUARTERS.length - 1 }),
				(ledger, a, b) => {
					const [from, to] = [LEDGER_QUARTERS[Math.min(a, b)], LEDGER_QUARTERS[Math.max(a, b)]];
					const got = townRanking(slices.get(ledger)!, from, to);
					expectMatches(got, independent(ledger, from, to));
					// The deep stage: a verdict over at least two towns with enough cases to compare.
					if (got.filter((t) => t.cases >= MIN_CASES).length >= 2) {
						ranked++;
						const v = rankingVerdict(got);
						expect(v.fastest!.medianDays).toBeLessThanOrEqual(v.slowest!.medianDays);
					}
				}
			),
			{ numRuns: 60, seed: 15 }
		);
		expect(ranked).toBeGreaterThanOrEqual(30);
	});

	it('the bulletin: each town’s quarter matches the raw cases', async () => {
		for (const q of [LEDGER_QUARTERS[6], LEDGER_QUARTERS.at(-1)!]) {
			const rows = await bulletin(db, q);
			expectMatches(
				rows.flatMap((r) => (r.days ? [r.days] : [])),
				independent(null, q, q)
			);
		}
	});
});

describe('whether towns hardly differ', () => {
	const town = (code: string, medianDays: number, low: number, high: number, cases = 100): TownDays => ({ townCode: code, cases, medianDays, p90Days: medianDays * 2, medianLow: low, medianHigh: high });

	it('medians within the tolerance of the middle median: “spread”', () => {
		// Middle median 10 days; spread 0.9 day = 9% ≤ 10%.
		const v = rankingVerdict([town('a', 9.6, 9.5, 9.7), town('b', 10, 9.9, 10.1), town('c', 10.5, 10.4, 10.6)]);
		expect(SPREAD_TOLERANCE).toBe(0.1);
		expect(v.why).toBe('spread');
		expect(v.spreadDays).toBeCloseTo(0.9, 9);
		expect(v.spreadShare).toBeCloseTo(0.09, 9);
	});

	it('a wide spread but overlapping intervals of the fastest and slowest: “overlap”; apart: they differ', () => {
		expect(rankingVerdict([town('a', 5, 3, 9), town('b', 10, 6, 14), town('c', 12, 8.5, 16)]).why).toBe('overlap');
		const apart = rankingVerdict([town('a', 5, 4, 6), town('b', 10, 9, 11), town('c', 12, 11, 13)]);
		expect(apart.why).toBeNull();
		expect([apart.fastest!.townCode, apart.slowest!.townCode]).toEqual(['a', 'c']);
	});

	it('towns with too few cases are not compared', () => {
		const v = rankingVerdict([town('a', 1, 0.9, 1.1, MIN_CASES - 1), town('b', 10, 9.9, 10.1), town('c', 10.2, 10.1, 10.3)]);
		expect(v.fastest!.townCode).toBe('b');
		expect(v.why).toBe('spread');
	});
});
