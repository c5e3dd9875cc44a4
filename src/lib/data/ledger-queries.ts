import { STEPS } from '$sim/dataset/case-vocabulary';
import { ALL, binDays, CLOSE_STEP, VILLAGE_COUNTS_SQL, VILLAGE_CUBES, VILLAGE_CUBES_CREATE, VILLAGE_DAYS_SQL } from '$sim/dataset/case-cubes';
import type { BrowserTable } from '$sim/dataset/schema';
import { Cache } from '../cache';
import { DEFAULT_PROFILE, periodQuarters, type DatasetProfile } from './profile';
import type { QueryRunner } from './query-runner';
import { townDaysFromRows, type TownDays } from './ranking-queries';

/** Tables the ledger pages read. */
export const LEDGER_TABLES: readonly BrowserTable[] = ['case_counts', 'case_days', 'case_villages'];
/**
 * What a village's view reads besides the village's cases (its slices are derived from those: no
 * case_days), when its town's slice is at hand (a prepared answer): the towns' and the town's
 * villages' rows are that slice's, so not case_counts either. case_villages says how many cases
 * the village's file holds.
 */
export const VILLAGE_LEDGER_TABLES: readonly BrowserTable[] = ['case_villages'];
/** What a village's view reads without its town's slice (imported data has no prepared answers): the towns' rows from case_counts. */
export const VILLAGE_ALONE_TABLES: readonly BrowserTable[] = ['case_counts', 'case_villages'];

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

/** The quarters of a dataset's period, 'YYYYQn' (the periods the ledger page and the bulletin offer). */
export const ledgerQuarters = (profile: DatasetProfile): string[] => periodQuarters(profile);
/** The ledger page without filters: every place and ledger type, the dataset's whole period. */
export function noFilters(profile: DatasetProfile): LedgerFilters {
	const quarters = ledgerQuarters(profile);
	return { town: null, village: null, ledger: null, from: quarters[0], to: quarters[quarters.length - 1] };
}
/** The synthetic county's quarters with ledger cases (the ledgers began in August 2016) and its page without filters. */
export const LEDGER_QUARTERS: string[] = ledgerQuarters(DEFAULT_PROFILE);
export const NO_FILTERS: LedgerFilters = noFilters(DEFAULT_PROFILE);

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
 * A filter's answer comes from one *slice*: the rows of a place (a town, a village, or the roll-up
 * over towns '*') and a ledger type (or the roll-up '*'), over every month — at most a few
 * thousand count rows and some thousands of histogram rows, whatever the data size. The slice
 * is read by SQL (`$1` place, `$2` ledger type, NULL = all; `$3` the town whose villages are
 * listed) and kept, so a period change (a brush) is summed in JavaScript without a query.
 */
const SLICE = `town_code = coalesce($1::VARCHAR, '${ALL}') AND ledger = coalesce($2::VARCHAR, '${ALL}')`;
const place = (f: LedgerFilters) => f.village ?? f.town;
/** The tables a filter's slices live in: the county's, or the villages' derived in the browser (fixed names). */
const cubes = (f: LedgerFilters) => (f.village ? VILLAGE_CUBES : { counts: 'case_counts', days: 'case_days' });

const derived = new WeakMap<QueryRunner, Cache<string, Promise<void>>>();

/**
 * Derives a village's slices into the village tables, once per engine, with the same SQL the
 * generator uses for towns. The `cases` table must hold the village's cases (the browser appends
 * the village's file first; DuckDB in Node has them all).
 */
export function deriveVillage(db: QueryRunner, village: string): Promise<void> {
	let done = derived.get(db);
	if (!done) derived.set(db, (done = new Cache()));
	return done.getOrMake(village, async () => {
		for (const sql of VILLAGE_CUBES_CREATE) await db.query(sql);
		await db.query(VILLAGE_COUNTS_SQL, [village]);
		await db.query(VILLAGE_DAYS_SQL, [village]);
	});
}

/**
 * Median and 90th percentile days of each group of a histogram: the first bin whose cumulative
 * count reaches the share, at the bin's centre (within ±2%).
 */
export function histogramQuantiles<G>(rows: readonly { g: G; bin: number; n: number }[]): { g: G; cases: number; medianDays: number; p90Days: number }[] {
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

/** Count columns of a slice's rows (case_counts' counts, camel-cased). */
const COUNT_FIELDS = ['cases', 'closed', 'closedLocally', 'escalated', 'surveyed', 'satisfied', 'handled', 'onTime', 'repeats'] as const;
type Counts = Record<(typeof COUNT_FIELDS)[number], number>;

/** One row of a slice: counts by month and breakdown (part 'dim'), by town or by village (key). */
interface SliceRow extends Counts {
	part: 'dim' | 'town' | 'village';
	dim: string;
	key: string;
	month: number;
}

/** What a filter's answer is summed from: see the comment on SLICE. */
export interface LedgerSlice {
	/** The filters the slice was read for (its period is not used). */
	filters: LedgerFilters;
	rows: SliceRow[];
	/** Step-time histogram rows by quarter of intake, step and bin. */
	days: { quarter: number; step: number; bin: number; n: number }[];
}

/** The part of the filters a slice depends on (not the period). */
export function sliceKey(f: LedgerFilters): string {
	return `${f.town ?? ''}|${f.village ?? ''}|${f.ledger ?? ''}`;
}

/**
 * Reads a slice: two statements, run together (after a chosen village's slices are derived, the
 * first time). The counts of the place and ledger type by month and breakdown; the towns under
 * the ledger type (the town chart picks a town, so it shows them all); the chosen town's villages
 * likewise; the step-time histograms of the place and ledger type by quarter.
 * A village's towns and villages rows are its town's (same ledger type): given `town`, that
 * slice, they are taken from it and only the village's own rows are read (no case_counts).
 */
export async function ledgerSlice(db: QueryRunner, f: LedgerFilters, town: LedgerSlice | null = null): Promise<LedgerSlice> {
	if (f.village) await deriveVillage(db, f.village);
	const { counts, days } = cubes(f);
	const around = f.village && town ? town : null;
	if (around && sliceKey(around.filters) !== sliceKey({ ...f, village: null })) throw new Error(`slice ${sliceKey(around.filters)} is not the town's of ${sliceKey(f)}`);
	// Each row of the derived tables is already one (place, ledger type, month | quarter, …) cell:
	// a slice is a filter, no aggregation (and no ordering: ledgerFromSlice does not need one).
	const COUNTS = `closed, closed_locally AS "closedLocally", escalated, surveyed, satisfied, handled, on_time AS "onTime", repeats`;
	const own = `SELECT 'dim' AS part, dim, key, month, cases, ${COUNTS} FROM ${counts} WHERE ${SLICE}`;
	const [rows, d] = await Promise.all([
		around
			? db.query<SliceRow>(own, [place(f), f.ledger]).then((r) => [...r, ...around.rows.filter((x) => x.part !== 'dim')])
			: db.query<SliceRow>(
					`${own}
			UNION ALL SELECT 'town', 'all', town_code, month, cases, ${COUNTS} FROM case_counts
				WHERE dim = 'all' AND town_code <> '${ALL}' AND ledger = coalesce($2::VARCHAR, '${ALL}')
			UNION ALL SELECT 'village', 'all', village_id, month, cases, closed, 0, escalated, 0, 0, 0, 0, 0 FROM case_villages
				WHERE town_code = $3::VARCHAR AND ledger = coalesce($2::VARCHAR, '${ALL}')`,
					[place(f), f.ledger, f.town]
				),
		db.query<{ quarter: number; step: number; bin: number; n: number }>(`SELECT quarter, step, bin, cases AS n FROM ${days} WHERE ${SLICE}`, [place(f), f.ledger])
	]);
	return { filters: f, rows, days: d };
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
 * Everything the ledger page shows for `f`, summed from a slice read for the same place and
 * ledger type (any period): totals and breakdowns under every filter; by quarter under every
 * filter but the period; by town under every filter but the place; by village of the chosen
 * town under every filter but the village (the charts that pick show what can be picked, with
 * the choice highlighted). Pure and synchronous: a brushed period needs no query.
 */
export function ledgerFromSlice(slice: LedgerSlice, f: LedgerFilters): LedgerData {
	if (sliceKey(slice.filters) !== sliceKey(f)) throw new Error(`slice ${sliceKey(slice.filters)} does not answer ${sliceKey(f)}`);
	const m0 = quarterNumber(f.from) * 3;
	const m1 = quarterNumber(f.to) * 3 + 2;
	const groups = new Map<string, Counts & { part: string; dim: string; key: string; quarter: number }>();
	const add = (id: string, part: string, dim: string, key: string, quarter: number, r: Counts) => {
		let g = groups.get(id);
		if (!g) groups.set(id, (g = { part, dim, key, quarter, cases: 0, closed: 0, closedLocally: 0, escalated: 0, surveyed: 0, satisfied: 0, handled: 0, onTime: 0, repeats: 0 }));
		for (const c of COUNT_FIELDS) g[c] += r[c];
	};
	for (const r of slice.rows) {
		const inPeriod = r.month >= m0 && r.month <= m1;
		if (r.part === 'dim') {
			if (inPeriod) add(`d|${r.dim}|${r.key}`, 'dim', r.dim, r.key, 0, r);
			if (r.dim === 'all') add(`q|${Math.floor(r.month / 3)}`, 'quarter', 'all', '', Math.floor(r.month / 3), r);
		} else if (inPeriod) add(`${r.part}|${r.key}`, r.part, 'all', r.key, 0, r);
	}
	const all = [...groups.values()];
	const of = (part: string, dim = 'all') => all.filter((r) => r.part === part && r.dim === dim);
	const byCases = (a: { cases: number; key: string }, b: { cases: number; key: string }) => b.cases - a.cases || (a.key < b.key ? -1 : 1);
	const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
	const breakdownOf = (list: (Counts & { key: string })[]) => list.map(({ key, cases, closed, escalated }) => ({ key, cases, closed, escalated }));
	const total = of('dim')[0];
	// Step times: the histogram of the picked quarters, by step and bin, ordered.
	const q0 = quarterNumber(f.from);
	const q1 = quarterNumber(f.to);
	const binned = new Map<number, { g: number; bin: number; n: number }>();
	for (const d of slice.days) {
		if (d.step >= CLOSE_STEP || d.quarter < q0 || d.quarter > q1) continue;
		const id = d.step * 1e6 + d.bin;
		const b = binned.get(id);
		if (b) b.n += d.n;
		else binned.set(id, { g: d.step, bin: d.bin, n: d.n });
	}
	const bins = [...binned.values()].sort((a, b) => a.g - b.g || a.bin - b.bin);
	return {
		filters: f,
		key: {
			received: total?.cases ?? 0,
			closed: total?.closed ?? 0,
			closedLocally: total?.closedLocally ?? 0,
			escalated: total?.escalated ?? 0,
			repeats: total?.repeats ?? 0
		},
		steps: histogramQuantiles(bins).map(({ g, ...r }) => ({ step: STEPS[g], ...r })),
		stalls: of('dim', 'stall')
			.sort(byCases)
			.map(({ key, cases }) => ({ step: key, cases })),
		quarters: of('quarter')
			.sort((a, b) => a.quarter - b.quarter)
			.map((r) => ({ quarter: quarterName(r.quarter), received: r.cases, closed: r.closed, surveyed: r.surveyed, satisfied: r.satisfied, handled: r.handled, onTime: r.onTime })),
		byLevel: breakdownOf(of('dim', 'level').sort(byCases)),
		byChannel: breakdownOf(of('dim', 'channel').sort(byCases)),
		byCategory: breakdownOf(of('dim', 'category').sort(byCases)),
		byTown: breakdownOf(of('town').sort(byKey)),
		byVillage: breakdownOf(of('village').sort(byKey))
	};
}

/** Everything the ledger page shows for a set of filters (a slice read and summed). */
export async function ledgerData(db: QueryRunner, f: LedgerFilters): Promise<LedgerData> {
	return ledgerFromSlice(await ledgerSlice(db, f), f);
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
	/** Days to close of the quarter's closed cases (ranking-queries.ts), or null when none closed. */
	days: TownDays | null;
}

/** Quarters with ledger data, 'YYYYQn' (the synthetic county's; `ledgerQuarters(profile)` for another dataset). */
export const BULLETIN_QUARTERS = LEDGER_QUARTERS;

/**
 * The quarterly bulletin (一季度一通报): every town's cases received in the quarter (all levels),
 * closed, satisfaction, on-time handling and median days to close. `quarter` is 'YYYYQn', bound.
 */
export async function bulletin(db: QueryRunner, quarter: string): Promise<BulletinRow[]> {
	const q = quarterNumber(quarter);
	const [counts, days] = await Promise.all([
		db.query<Omit<BulletinRow, 'medianDays' | 'days'>>(
			`SELECT town_code AS "townCode", sum(cases)::BIGINT AS received, sum(closed)::BIGINT AS closed, sum(surveyed)::BIGINT AS surveyed,
				sum(satisfied)::BIGINT AS satisfied, sum(handled)::BIGINT AS handled, sum(on_time)::BIGINT AS "onTime"
			FROM case_counts WHERE dim = 'all' AND town_code <> '${ALL}' AND ledger = '${ALL}' AND month BETWEEN $1::INTEGER AND $2::INTEGER
			GROUP BY ALL ORDER BY "townCode"`,
			[q * 3, q * 3 + 2]
		),
		db.query<{ g: string; bin: number; n: number }>(
			`SELECT town_code AS g, bin, sum(cases)::BIGINT AS n FROM case_days
			WHERE town_code <> '${ALL}' AND ledger = '${ALL}' AND step = ${CLOSE_STEP} AND quarter = $1::INTEGER GROUP BY ALL ORDER BY g, bin`,
			[q]
		)
	]);
	const median = new Map(histogramQuantiles(days).map((d) => [d.g, Math.round(d.medianDays * 10) / 10]));
	const ranked = new Map(townDaysFromRows(days.map((d) => ({ town: d.g, bin: d.bin, n: d.n }))).map((t) => [t.townCode, t]));
	return counts.map((c) => ({ ...c, medianDays: median.get(c.townCode) ?? null, days: ranked.get(c.townCode) ?? null }));
}
