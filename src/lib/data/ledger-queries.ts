import { STEPS } from '../../../sim/dataset/case-vocabulary';
import type { QueryRunner, QueryParam } from './query-runner';

/** Filters of the ledger page; every value is bound as a parameter. */
export interface LedgerFilters {
	town: string | null;
	ledger: string | null;
	/** First and last year (inclusive) of intake. */
	from: number;
	to: number;
}

export const LEDGER_YEARS = { first: 2016, last: 2021 } as const;
export const NO_FILTERS: LedgerFilters = { town: null, ledger: null, from: LEDGER_YEARS.first, to: LEDGER_YEARS.last };

/** `$1` town, `$2` ledger type (NULL = all), `$3`/`$4` first and last year. */
const WHERE = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR)
	AND ($2::VARCHAR IS NULL OR ledger = $2::VARCHAR)
	AND year(received_at) BETWEEN $3::INTEGER AND $4::INTEGER`;
const params = (f: LedgerFilters): QueryParam[] => [f.town, f.ledger, f.from, f.to];

export interface StepTime {
	step: string;
	cases: number;
	medianDays: number;
	p90Days: number;
}

/** Days spent in each of the nine steps (from the previous step's timestamp), median and 90th percentile. */
export function stepTimes(db: QueryRunner, f: LedgerFilters): Promise<StepTime[]> {
	const columns = ['received', ...STEPS].map((s) => `${s}_at`);
	const parts = STEPS.map(
		(step, i) => `SELECT ${i} AS k, '${step}' AS step, date_diff('minute', ${columns[i]}, ${columns[i + 1]}) / 1440.0 AS days
			FROM cases WHERE ${WHERE} AND ${columns[i + 1]} IS NOT NULL`
	);
	return db.query<StepTime>(
		`SELECT step, count(*) AS cases, round(median(days), 2) AS "medianDays", round(quantile_cont(days, 0.9), 2) AS "p90Days"
		FROM (${parts.join(' UNION ALL ')}) GROUP BY k, step ORDER BY k`,
		params(f)
	);
}

export interface Stall {
	step: string;
	cases: number;
}

/** Cases not closed, by the step they are waiting at (the first step without a timestamp). */
export function stalls(db: QueryRunner, f: LedgerFilters): Promise<Stall[]> {
	const firstMissing = `CASE ${STEPS.map((s) => `WHEN ${s}_at IS NULL THEN '${s}'`).join(' ')} END`;
	return db.query<Stall>(
		`SELECT ${firstMissing} AS step, count(*) AS cases FROM cases WHERE ${WHERE} AND archived_at IS NULL GROUP BY ALL ORDER BY cases DESC`,
		params(f)
	);
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

/** Per quarter of intake: received, closed, surveyed and satisfied, handled and handled on time. */
export function quarterRates(db: QueryRunner, f: LedgerFilters): Promise<QuarterRates[]> {
	return db.query<QuarterRates>(
		`SELECT year(received_at) || 'Q' || quarter(received_at) AS quarter, count(*) AS received, count(archived_at) AS closed,
			count(satisfaction) AS surveyed, count(*) FILTER (satisfaction IN ('satisfied', 'basic')) AS satisfied,
			count(handled_at) AS handled, count(*) FILTER (handled_at <= due_at) AS "onTime"
		FROM cases WHERE ${WHERE} GROUP BY ALL ORDER BY quarter`,
		params(f)
	);
}

/** Dimensions a breakdown can group by: fixed column names, never taken from input. */
export const DIMENSIONS = { ledger: 'ledger', level: 'level', channel: 'channel', category: 'category', town: 'town_code' } as const;
export type Dimension = keyof typeof DIMENSIONS;

export interface BreakdownRow {
	key: string;
	cases: number;
	closed: number;
	escalated: number;
}

export function breakdown(db: QueryRunner, f: LedgerFilters, dimension: Dimension): Promise<BreakdownRow[]> {
	const column = DIMENSIONS[dimension];
	return db.query<BreakdownRow>(
		`SELECT ${column} AS key, count(*) AS cases, count(archived_at) AS closed, count(*) FILTER (escalated) AS escalated
		FROM cases WHERE ${WHERE} GROUP BY ALL ORDER BY ${dimension === 'town' ? 'key' : 'cases DESC'}`,
		params(f)
	);
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

/** Counts behind the page's key rates: local resolution, escalation, repeat complaints within 90 days. */
export async function keyCounts(db: QueryRunner, f: LedgerFilters): Promise<KeyCounts> {
	const [row] = await db.query<KeyCounts>(
		`SELECT count(*) AS received, count(c.archived_at) AS closed,
			count(c.archived_at) FILTER (c.level IN ('village', 'town')) AS "closedLocally",
			count(*) FILTER (c.escalated) AS escalated,
			count(o.case_id) FILTER (date_diff('day', o.received_at, c.received_at) <= 90) AS repeats
		FROM cases c LEFT JOIN cases o ON o.case_id = c.repeat_of
		WHERE ($1::VARCHAR IS NULL OR c.town_code = $1::VARCHAR)
			AND ($2::VARCHAR IS NULL OR c.ledger = $2::VARCHAR)
			AND year(c.received_at) BETWEEN $3::INTEGER AND $4::INTEGER`,
		params(f)
	);
	return row;
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
}

/** Everything the ledger page shows for a set of filters. */
export async function ledgerData(db: QueryRunner, f: LedgerFilters): Promise<LedgerData> {
	const [key, steps, stalled, quarters, byLevel, byChannel, byCategory, byTown] = await Promise.all([
		keyCounts(db, f),
		stepTimes(db, f),
		stalls(db, f),
		quarterRates(db, f),
		breakdown(db, f, 'level'),
		breakdown(db, f, 'channel'),
		breakdown(db, f, 'category'),
		breakdown(db, { ...f, town: null }, 'town')
	]);
	return { filters: f, key, steps, stalls: stalled, quarters, byLevel, byChannel, byCategory, byTown };
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
export const BULLETIN_QUARTERS: string[] = Array.from({ length: 22 }, (_, i) => {
	const q = 2 + i; // 2016 Q3 is the first quarter of the ledgers
	return `${2016 + Math.floor(q / 4)}Q${(q % 4) + 1}`;
});

/**
 * The quarterly bulletin (一季度一通报): every town's cases received in the quarter (all levels),
 * closed, satisfaction, on-time handling and median days to close. `quarter` is 'YYYYQn', bound.
 */
export function bulletin(db: QueryRunner, quarter: string): Promise<BulletinRow[]> {
	return db.query<BulletinRow>(
		`SELECT town_code AS "townCode", count(*) AS received, count(archived_at) AS closed, count(satisfaction) AS surveyed,
			count(*) FILTER (satisfaction IN ('satisfied', 'basic')) AS satisfied, count(handled_at) AS handled,
			count(*) FILTER (handled_at <= due_at) AS "onTime",
			round(median(date_diff('minute', received_at, archived_at) / 1440.0), 1) AS "medianDays"
		FROM cases WHERE year(received_at) || 'Q' || quarter(received_at) = $1::VARCHAR
		GROUP BY ALL ORDER BY "townCode"`,
		[quarter]
	);
}
