import { STEPS } from '../../../sim/dataset/case-vocabulary';
import { ALL, binDays, CLOSE_STEP, VILLAGE_COUNTS_SQL, VILLAGE_CUBES, VILLAGE_CUBES_CREATE, VILLAGE_DAYS_SQL } from '../../../sim/dataset/case-cubes';
import type { BrowserTable } from '../../../sim/dataset/schema';
import type { QueryRunner, QueryParam } from './query-runner';

/** Tables the ledger pages read. */
export const LEDGER_TABLES: readonly BrowserTable[] = ['case_counts', 'case_days', 'case_villages'];

/**
 * Filters of the ledger page; every value is bound as a parameter. Periods are quarters of
 * intake, 'YYYYQn', inclusive. A village (of the town) is the drill-down below towns: its slices
 * are derived from its own cases (see `deriveVillage`).
 */
export interface LedgerFilters {
	town: string | null;
	village: string | null;
	ledger: string | null;
	from: string;
	to: string;
}

/** Quarters with ledger cases, 'YYYYQn' (the ledgers began in August 2016). */
export const LEDGER_QUARTERS: string[] = Array.from({ length: 22 }, (_, i) => {
	const q = 2 + i;
	return `${2016 + Math.floor(q / 4)}Q${(q % 4) + 1}`;
});
export const NO_FILTERS: LedgerFilters = { town: null, village: null, ledger: null, from: LEDGER_QUARTERS[0], to: LEDGER_QUARTERS[LEDGER_QUARTERS.length - 1] };

/** 'YYYYQn' → year × 4 + n − 1 (the quarter index of case_days). */
export function quarterNumber(q: string): number {
	return Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1;
}
export function quarterName(n: number): string {
	return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
}

/**
 * The pages query pre-aggregated tables (sim/dataset/case-cubes.ts), never the county's raw cases,
 * so a filter costs the same at ten thousand cases as at ten million.
 * Each query reads one slice of a table: a place (a town, a village, or the roll-up over towns
 * '*') and a ledger type or the roll-up over types. case_counts: `$1` place, `$2` ledger type
 * (NULL = all), `$3`/`$4` first and last month index, `$5` the town (the list of its villages).
 */
const SLICE = `town_code = coalesce($1::VARCHAR, '${ALL}') AND ledger = coalesce($2::VARCHAR, '${ALL}')`;
const COUNTS_WHERE = `${SLICE} AND month BETWEEN $3::INTEGER AND $4::INTEGER`;
const place = (f: LedgerFilters) => f.village ?? f.town;
const countParams = (f: LedgerFilters): QueryParam[] => [place(f), f.ledger, quarterNumber(f.from) * 3, quarterNumber(f.to) * 3 + 2, f.town];
/** case_days: the same, with `$3`/`$4` the first and last quarter index. */
const DAYS_WHERE = `${SLICE} AND quarter BETWEEN $3::INTEGER AND $4::INTEGER`;
const dayParams = (f: LedgerFilters): QueryParam[] => [place(f), f.ledger, quarterNumber(f.from), quarterNumber(f.to)];
/** The tables a filter's slices live in: the county's, or the villages' derived in the browser (fixed names). */
const cubes = (f: LedgerFilters) => (f.village ? VILLAGE_CUBES : { counts: 'case_counts', days: 'case_days' });

const derived = new WeakMap<QueryRunner, Map<string, Promise<void>>>();

/**
 * Derives a village's slices into the village tables, once per engine, with the same SQL the
 * generator uses for towns. The `cases` table must hold the village's cases (the browser appends
 * the village's file first; DuckDB in Node has them all).
 */
export function deriveVillage(db: QueryRunner, village: string): Promise<void> {
	let done = derived.get(db);
	if (!done) derived.set(db, (done = new Map()));
	let p = done.get(village);
	if (!p) {
		p = (async () => {
			for (const sql of VILLAGE_CUBES_CREATE) await db.query(sql);
			await db.query(VILLAGE_COUNTS_SQL, [village]);
			await db.query(VILLAGE_DAYS_SQL, [village]);
		})();
		p.catch(() => done.delete(village));
		done.set(village, p);
	}
	return p;
}

/**
 * The histogram of case_days rows selected by `where`, summed over quarters, by `group` (step,
 * or any other grouping column) and bin, ordered: at most a few thousand rows whatever the data size.
 */
function histogramSql(table: string, group: string, where: string): string {
	return `SELECT ${group} AS g, bin, sum(cases)::BIGINT AS n FROM ${table} WHERE ${where} GROUP BY ALL ORDER BY g, bin`;
}

/**
 * Median and 90th percentile days of each group of a histogram: the first bin whose cumulative
 * count reaches the share, at the bin's centre (within ±2%).
 */
function histogramQuantiles<G>(rows: readonly { g: G; bin: number; n: number }[]): { g: G; cases: number; medianDays: number; p90Days: number }[] {
	const out: { g: G; cases: number; medianDays: number; p90Days: number }[] = [];
	for (let i = 0; i < rows.length; ) {
		let j = i;
		let total = 0;
		while (j < rows.length && rows[j].g === rows[i].g) total += rows[j++].n;
		const at = (share: number) => {
			let cum = 0;
			for (let k = i; k < j; k++) if ((cum += rows[k].n) >= share * total) return Math.round(binDays(rows[k].bin) * 100) / 100;
			return NaN;
		};
		out.push({ g: rows[i].g, cases: total, medianDays: at(0.5), p90Days: at(0.9) });
		i = j;
	}
	return out;
}

export interface StepTime {
	step: string;
	cases: number;
	medianDays: number;
	p90Days: number;
}

/** Days spent in each of the nine steps (from the previous step's timestamp), median and 90th percentile. */
export async function stepTimes(db: QueryRunner, f: LedgerFilters): Promise<StepTime[]> {
	if (f.village) await deriveVillage(db, f.village);
	const rows = await db.query<{ g: number; bin: number; n: number }>(histogramSql(cubes(f).days, 'step', `${DAYS_WHERE} AND step < ${CLOSE_STEP}`), dayParams(f));
	return histogramQuantiles(rows).map(({ g, ...r }) => ({ step: STEPS[g], ...r }));
}

/** Open cases by the step they are waiting at (the first step without a timestamp). */
export interface Stall {
	step: string;
	cases: number;
}

export interface QuarterRates {
	quarter: string;
	received: number;
	closed: number;
	surveyed: number;
	satisfied: number;
	handled: number;
	onTime: number;
}

/** Dimensions a breakdown can group by: fixed names, never taken from input. */
export const DIMENSIONS = ['level', 'channel', 'category', 'town', 'village'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface BreakdownRow {
	key: string;
	cases: number;
	closed: number;
	escalated: number;
}

export interface KeyCounts {
	received: number;
	closed: number;
	/** Closed cases handled at village or town level (小事不出村、大事不出镇). */
	closedLocally: number;
	escalated: number;
	/** Cases repeating an earlier case of the same household within 90 days. */
	repeats: number;
}

/** Every count the ledger page shows, from one query over case_counts. */
export interface LedgerCounts {
	key: KeyCounts;
	stalls: Stall[];
	quarters: QuarterRates[];
	breakdowns: Record<Dimension, BreakdownRow[]>;
}

interface CountRow {
	part: 'dim' | 'quarter' | 'town' | 'village';
	dim: string;
	key: string;
	quarter: number | null;
	cases: number;
	closed: number;
	closedLocally: number;
	escalated: number;
	surveyed: number;
	satisfied: number;
	handled: number;
	onTime: number;
	repeats: number;
}

const SUMS = `sum(cases)::BIGINT AS cases, sum(closed)::BIGINT AS closed, sum(closed_locally)::BIGINT AS "closedLocally",
	sum(escalated)::BIGINT AS escalated, sum(surveyed)::BIGINT AS surveyed, sum(satisfied)::BIGINT AS satisfied,
	sum(handled)::BIGINT AS handled, sum(on_time)::BIGINT AS "onTime", sum(repeats)::BIGINT AS repeats`;

const LIST_SUMS = `sum(cases)::BIGINT AS cases, sum(closed)::BIGINT AS closed, 0::BIGINT AS "closedLocally", sum(escalated)::BIGINT AS escalated,
	0::BIGINT AS surveyed, 0::BIGINT AS satisfied, 0::BIGINT AS handled, 0::BIGINT AS "onTime", 0::BIGINT AS repeats`;

/**
 * One statement, one round trip to the engine: totals and breakdowns (level, channel, category,
 * stalled step) under the filters; by quarter under every filter but the period; by town under
 * every filter but the place, and by village of the chosen town under every filter but the
 * village (those charts pick the period, the town and the village, so they show what can be
 * picked, with the choice highlighted). Rows are split and ordered in JavaScript.
 */
export async function ledgerCounts(db: QueryRunner, f: LedgerFilters): Promise<LedgerCounts> {
	if (f.village) await deriveVillage(db, f.village);
	const counts = cubes(f).counts;
	const listed = `ledger = coalesce($2::VARCHAR, '${ALL}') AND month BETWEEN $3::INTEGER AND $4::INTEGER`;
	const rows = await db.query<CountRow>(
		`SELECT 'dim' AS part, dim, key, NULL::INTEGER AS quarter, ${SUMS} FROM ${counts} WHERE ${COUNTS_WHERE} GROUP BY dim, key
		UNION ALL SELECT 'quarter', 'all', '', month // 3, ${SUMS} FROM ${counts} WHERE dim = 'all' AND ${SLICE} GROUP BY month // 3
		UNION ALL SELECT 'town', 'all', town_code, NULL, ${SUMS} FROM case_counts
			WHERE dim = 'all' AND town_code <> '${ALL}' AND ${listed} GROUP BY town_code
		UNION ALL SELECT 'village', 'all', village_id, NULL, ${LIST_SUMS} FROM case_villages WHERE town_code = $5::VARCHAR AND ${listed} GROUP BY village_id`,
		countParams(f)
	);
	const of = (part: CountRow['part'], dim = 'all') => rows.filter((r) => r.part === part && r.dim === dim);
	const byCases = (a: { cases: number; key: string }, b: { cases: number; key: string }) => b.cases - a.cases || (a.key < b.key ? -1 : 1);
	const breakdownOf = (list: CountRow[]) => list.map(({ key, cases, closed, escalated }) => ({ key, cases, closed, escalated }));
	const all = of('dim')[0];
	return {
		key: {
			received: all?.cases ?? 0,
			closed: all?.closed ?? 0,
			closedLocally: all?.closedLocally ?? 0,
			escalated: all?.escalated ?? 0,
			repeats: all?.repeats ?? 0
		},
		stalls: of('dim', 'stall')
			.sort(byCases)
			.map(({ key, cases }) => ({ step: key, cases })),
		quarters: of('quarter')
			.sort((a, b) => a.quarter! - b.quarter!)
			.map((r) => ({ quarter: quarterName(r.quarter!), received: r.cases, closed: r.closed, surveyed: r.surveyed, satisfied: r.satisfied, handled: r.handled, onTime: r.onTime })),
		breakdowns: {
			level: breakdownOf(of('dim', 'level').sort(byCases)),
			channel: breakdownOf(of('dim', 'channel').sort(byCases)),
			category: breakdownOf(of('dim', 'category').sort(byCases)),
			town: breakdownOf(of('town').sort((a, b) => (a.key < b.key ? -1 : 1))),
			village: breakdownOf(of('village').sort((a, b) => (a.key < b.key ? -1 : 1)))
		}
	};
}

export interface LedgerData {
	filters: LedgerFilters;
	key: KeyCounts;
	steps: StepTime[];
	stalls: Stall[];
	quarters: QuarterRates[];
	byLevel: BreakdownRow[];
	byChannel: BreakdownRow[];
	byCategory: BreakdownRow[];
	byTown: BreakdownRow[];
	/** The chosen town's villages (empty without a town). */
	byVillage: BreakdownRow[];
}

/**
 * Everything the ledger page shows for a set of filters: two statements, run together (after a
 * chosen village's slices are derived, the first time).
 */
export async function ledgerData(db: QueryRunner, f: LedgerFilters): Promise<LedgerData> {
	const [counts, steps] = await Promise.all([ledgerCounts(db, f), stepTimes(db, f)]);
	const b = counts.breakdowns;
	return {
		filters: f,
		key: counts.key,
		steps,
		stalls: counts.stalls,
		quarters: counts.quarters,
		byLevel: b.level,
		byChannel: b.channel,
		byCategory: b.category,
		byTown: b.town,
		byVillage: b.village
	};
}

/**
 * Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it stays
 * inside [0, 1] and is honest for rates near 100%, such as closure and satisfaction.
 */
export function wilson(successes: number, n: number, z = 1.96): { low: number; high: number } {
	if (n === 0) return { low: NaN, high: NaN };
	const p = successes / n;
	const denom = 1 + (z * z) / n;
	const centre = (p + (z * z) / (2 * n)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface BulletinRow {
	townCode: string;
	received: number;
	closed: number;
	surveyed: number;
	satisfied: number;
	handled: number;
	onTime: number;
	medianDays: number | null;
}

/** Quarters with ledger data, 'YYYYQn'. */
export const BULLETIN_QUARTERS = LEDGER_QUARTERS;

/**
 * The quarterly bulletin (一季度一通报): every town's cases received in the quarter (all levels),
 * closed, satisfaction, on-time handling and median days to close. `quarter` is 'YYYYQn', bound.
 */
export async function bulletin(db: QueryRunner, quarter: string): Promise<BulletinRow[]> {
	const q = quarterNumber(quarter);
	const [counts, days] = await Promise.all([
		db.query<Omit<BulletinRow, 'medianDays'>>(
			`SELECT town_code AS "townCode", sum(cases)::BIGINT AS received, sum(closed)::BIGINT AS closed, sum(surveyed)::BIGINT AS surveyed,
				sum(satisfied)::BIGINT AS satisfied, sum(handled)::BIGINT AS handled, sum(on_time)::BIGINT AS "onTime"
			FROM case_counts WHERE dim = 'all' AND town_code <> '${ALL}' AND ledger = '${ALL}' AND month BETWEEN $1::INTEGER AND $2::INTEGER
			GROUP BY ALL ORDER BY "townCode"`,
			[q * 3, q * 3 + 2]
		),
		db.query<{ g: string; bin: number; n: number }>(histogramSql('case_days', 'town_code', `town_code <> '${ALL}' AND ledger = '${ALL}' AND step = ${CLOSE_STEP} AND quarter = $1::INTEGER`), [q])
	]);
	const median = new Map(histogramQuantiles(days).map((d) => [d.g, Math.round(d.medianDays * 10) / 10]));
	return counts.map((c) => ({ ...c, medianDays: median.get(c.townCode) ?? null }));
}
