/**
 * Pre-aggregated tables of the ledger cases (after Mosaic's data-cube indexes, Heer & Moritz
 * 2020). The dashboard filters by town, ledger type and period and groups by a handful of
 * dimensions, so every chart can be answered from counts grouped by those columns, whose size
 * does not grow with the number of cases: about 60 thousand rows whether the dataset has 8.8
 * thousand cases or ten million. The generator derives them from the cases with DuckDB; the
 * browser loads only these, never the raw cases.
 *
 * Both hold roll-ups: rows whose town_code is '*' sum over every town, rows whose ledger is '*' over
 * every ledger type. A query picks exactly one slice (a town or '*', a ledger type or '*') with
 * equality filters, and the rows are ordered by slice, so it reads one small part of the table
 * whatever the filters (Mosaic's data-cube indexes do the same for their filter dimensions).
 *
 * - `case_counts`: cases by town, ledger type, month of intake and one breakdown dimension
 *   (`dim` = 'all' | 'level' | 'channel' | 'category' | 'stall', `key` its value), with every
 *   count the pages show.
 * - `case_days`: the time each case spent in each step (and from intake to closure), as a
 *   histogram with logarithmic bins 4% wide, by town, ledger type and quarter of intake. Medians
 *   and 90th percentiles are read from it to within ±2% (the centre of the bin). Narrower bins
 *   cost rows: with the first generator's narrow log-normal steps, 2% bins gave a million rows at
 *   a million cases and 4% bins about half that; the cases drawn from the model's history spread
 *   wider (minutes to months), and 4% bins give about 250 thousand rows at the published size and
 *   1.7 million at a million cases.
 * - `case_villages`: cases by village, ledger type and month: the list a town's villages are
 *   picked from.
 *
 * Below towns the county's tables stop (a village slice would multiply their rows by fifteen).
 * When a user drills down to a village, the browser loads that village's own cases (one small
 * Arrow file per village) and derives its slices with the same SQL into `village_counts` and
 * `village_days`.
 */
import { STEPS } from './case-vocabulary';
import { SCHEMAS } from './schema';

/** town_code or ledger of the roll-up rows (every town, every ledger type). */
export const ALL = '*';

/** Histogram bins per unit of ln(1 + minutes): bins are 4% wide, values within ±2% of a bin's centre. */
export const DAY_BINS_PER_LN = 25;
/** `step` of case_days that holds the time from intake to closure (archiving). */
export const CLOSE_STEP = STEPS.length;

/** Breakdown dimensions of case_counts and the columns they come from (fixed, never from input). */
export const COUNT_DIMENSIONS = { level: 'level', channel: 'channel', category: 'category', stall: 'stalled_at' } as const;

const firstMissing = `CASE WHEN c.archived_at IS NULL THEN (CASE ${STEPS.map((s) => `WHEN c.${s}_at IS NULL THEN '${s}'`).join(' ')} END) END`;

/**
 * Grouping sets of the derived tables: per place (a town, or a village derived in the browser) and
 * ledger type, plus the roll-ups. `cols` are the other grouping columns.
 */
function groupingSets(cols: string, rollUpPlaces: boolean): string {
	const sets = [`(town_code, ledger, ${cols})`, `(town_code, ${cols})`];
	if (rollUpPlaces) sets.push(`(ledger, ${cols})`, `(${cols})`);
	return `GROUPING SETS (${sets.join(', ')})`;
}

/**
 * The cases of one village, as the place of the derived rows (`$1`, its id): the browser derives a
 * village's slices on demand from that village's cases, with the same SQL as the county's.
 */
const VILLAGE_CASES = `(SELECT * REPLACE (village_id::VARCHAR AS town_code) FROM cases WHERE village_id = $1::BIGINT)`;

function caseCountsSelect(source: string, rollUpPlaces: boolean): string {
	return `WITH c AS (
	SELECT c.town_code, c.ledger, (year(c.received_at) * 12 + month(c.received_at) - 1)::INTEGER AS month,
		c.level, c.channel, c.category, ${firstMissing} AS stalled_at,
		c.archived_at IS NOT NULL AS closed,
		c.archived_at IS NOT NULL AND c.level IN ('village', 'town') AS closed_locally,
		coalesce(c.escalated, false) AS escalated,
		c.satisfaction IS NOT NULL AS surveyed,
		coalesce(c.satisfaction IN ('satisfied', 'basic'), false) AS satisfied,
		c.handled_at IS NOT NULL AS handled,
		coalesce(c.handled_at <= c.due_at, false) AS on_time,
		coalesce(date_diff('day', o.received_at, c.received_at) <= 90, false) AS repeat
	FROM ${source} c LEFT JOIN cases o ON o.case_id = c.repeat_of
),
g AS (
	SELECT town_code, ledger, month, 'all' AS dim, '' AS key, * EXCLUDE (town_code, ledger, month) FROM c
	${Object.entries(COUNT_DIMENSIONS)
		.map(([dim, column]) => `UNION ALL SELECT town_code, ledger, month, '${dim}', ${column}, * EXCLUDE (town_code, ledger, month) FROM c WHERE ${column} IS NOT NULL`)
		.join('\n\t')}
)
SELECT coalesce(town_code, '${ALL}') AS town_code, coalesce(ledger, '${ALL}') AS ledger, month, dim, key,
	count(*)::INTEGER AS cases, count(*) FILTER (closed)::INTEGER AS closed,
	count(*) FILTER (closed_locally)::INTEGER AS closed_locally, count(*) FILTER (escalated)::INTEGER AS escalated,
	count(*) FILTER (surveyed)::INTEGER AS surveyed, count(*) FILTER (satisfied)::INTEGER AS satisfied,
	count(*) FILTER (handled)::INTEGER AS handled, count(*) FILTER (on_time)::INTEGER AS on_time,
	count(*) FILTER (repeat)::INTEGER AS repeats
FROM g GROUP BY ${groupingSets('month, dim, key', rollUpPlaces)}
ORDER BY town_code, ledger, month, dim, key`;
}

/** The statement that derives case_counts from cases. */
export const CASE_COUNTS_SQL = `CREATE OR REPLACE TABLE case_counts AS\n${caseCountsSelect('cases', true)}`;

const columns = ['received', ...STEPS].map((s) => `${s}_at`);
const spans = [
	...STEPS.map((_, i) => [i, columns[i], columns[i + 1]] as const),
	[CLOSE_STEP, 'received_at', 'archived_at'] as const
];

function caseDaysSelect(source: string, rollUpPlaces: boolean): string {
	return `SELECT coalesce(town_code, '${ALL}') AS town_code, coalesce(ledger, '${ALL}') AS ledger, quarter, step, bin, count(*)::INTEGER AS cases FROM (
	${spans
		.map(
			([step, from, to]) => `SELECT town_code, ledger, (year(received_at) * 4 + quarter(received_at) - 1)::INTEGER AS quarter, ${step} AS step,
		round(ln(1 + greatest(0, date_diff('minute', ${from}, ${to}))) * ${DAY_BINS_PER_LN})::INTEGER AS bin
		FROM ${source} WHERE ${to} IS NOT NULL`
		)
		.join('\n\tUNION ALL ')}
) GROUP BY ${groupingSets('quarter, step, bin', rollUpPlaces)}
ORDER BY town_code, ledger, quarter, step, bin`;
}

/** The statement that derives case_days from cases. */
export const CASE_DAYS_SQL = `CREATE OR REPLACE TABLE case_days AS\n${caseDaysSelect('cases', true)}`;

/**
 * `case_villages`: cases, closed and escalated by village, ledger type (and the roll-up '*') and
 * month: the list a town's villages are picked from (at most villages × 5 × months rows).
 */
export const CASE_VILLAGES_SQL = `CREATE OR REPLACE TABLE case_villages AS
SELECT village_id::VARCHAR AS village_id, town_code, coalesce(ledger, '${ALL}') AS ledger,
	(year(received_at) * 12 + month(received_at) - 1)::INTEGER AS month,
	count(*)::INTEGER AS cases, count(*) FILTER (archived_at IS NOT NULL)::INTEGER AS closed,
	count(*) FILTER (coalesce(escalated, false))::INTEGER AS escalated
FROM cases GROUP BY GROUPING SETS ((village_id, town_code, ledger, month), (village_id, town_code, month))
ORDER BY town_code, ledger, village_id, month`;

/**
 * Tables of one village's slices, derived in the browser when a user drills down to it (same
 * columns as case_counts and case_days; town_code holds the village's id). Kept apart from the
 * county's tables so the town lists never meet a village.
 */
export const VILLAGE_CUBES = { counts: 'village_counts', days: 'village_days' } as const;
/**
 * Creates the (empty) village tables if they do not exist, with the declared columns of
 * case_counts and case_days: a village's view needs neither table loaded (case_days is 9 MB).
 */
export const VILLAGE_CUBES_CREATE = (['case_counts', 'case_days'] as const).map(
	(t) => `CREATE TABLE IF NOT EXISTS ${t === 'case_counts' ? VILLAGE_CUBES.counts : VILLAGE_CUBES.days} (${SCHEMAS[t].columns.map(([n, type]) => `${n} ${type}`).join(', ')})`
);
/** Appends one village's slices (`$1`, its id) from the cases table, which must hold that village's cases. */
export const VILLAGE_COUNTS_SQL = `INSERT INTO ${VILLAGE_CUBES.counts}\n${caseCountsSelect(VILLAGE_CASES, false)}`;
export const VILLAGE_DAYS_SQL = `INSERT INTO ${VILLAGE_CUBES.days}\n${caseDaysSelect(VILLAGE_CASES, false)}`;

/** The days a bin stands for, in JavaScript (for tests and checks). */
export const binDays = (bin: number) => (Math.exp(bin / DAY_BINS_PER_LN) - 1) / 1440;
/** The bin of a duration in minutes, in JavaScript. */
export const binOfMinutes = (minutes: number) => Math.round(Math.log(1 + Math.max(0, minutes)) * DAY_BINS_PER_LN);

/** Month index of case_counts (year × 12 + month − 1) of a 'YYYY-MM' month. */
export const monthIndex = (year: number, month: number) => year * 12 + month - 1;
/** Quarter index of case_days (year × 4 + quarter − 1). */
export const quarterIndex = (year: number, quarter: number) => year * 4 + quarter - 1;
