import type { TableName } from '../../../sim/dataset/schema';
import type { QueryRunner } from './query-runner';

/** Tables the overview reads. */
export const OVERVIEW_TABLES: readonly TableName[] = ['cases', 'units', 'liaisons', 'tasks', 'cadres'];

/**
 * The published ledger figures count county- and town-level cases received Aug 2016 – Dec 2021;
 * every headline case figure uses exactly this scope.
 */
const PUBLISHED_SCOPE = `level IN ('county', 'town') AND received_at >= TIMESTAMP '2016-08-01' AND received_at < TIMESTAMP '2022-01-01'`;
/** `$1` is the selected town's code, or NULL for the whole county. */
const TOWN = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR)`;

export interface Headline {
	cases: number;
	closed: number;
	surveyed: number;
	satisfied: number;
	villages: number;
	grids: number;
	households: number;
	liaisons: number;
	tasks: number;
	stationedCadres: number;
	followingLeaders: number;
}

export interface MonthlyCount {
	month: string;
	ledger: string;
	cases: number;
}

export interface TownRow {
	townCode: string;
	cases: number;
	closed: number;
	surveyed: number;
	satisfied: number;
}

export interface OverviewData {
	town: string | null;
	headline: Headline;
	monthly: MonthlyCount[];
}

export async function headline(db: QueryRunner, town: string | null): Promise<Headline> {
	const [row] = await db.query<Headline>(
		`SELECT
			(SELECT count(*) FROM cases WHERE ${PUBLISHED_SCOPE} AND ${TOWN}) AS cases,
			(SELECT count(archived_at) FROM cases WHERE ${PUBLISHED_SCOPE} AND ${TOWN}) AS closed,
			(SELECT count(satisfaction) FROM cases WHERE ${PUBLISHED_SCOPE} AND ${TOWN}) AS surveyed,
			(SELECT count(*) FROM cases WHERE ${PUBLISHED_SCOPE} AND ${TOWN} AND satisfaction IN ('satisfied', 'basic')) AS satisfied,
			(SELECT count(*) FROM units WHERE level = 'village' AND ${TOWN}) AS villages,
			(SELECT count(*) FROM units WHERE level IN ('grid1', 'grid2', 'grid3') AND ${TOWN}) AS grids,
			(SELECT coalesce(sum(households), 0) FROM units WHERE level = 'village' AND ${TOWN}) AS households,
			(SELECT count(*) FROM liaisons WHERE ${TOWN}) AS liaisons,
			(SELECT count(*) FROM tasks WHERE assigned_on <= DATE '2022-07-31' AND ${TOWN}) AS tasks,
			(SELECT count(*) FROM cadres WHERE role = 'stationed' AND ${TOWN}) AS "stationedCadres",
			(SELECT count(*) FROM cadres WHERE role = 'following_leader' AND ${TOWN}) AS "followingLeaders"`,
		[town]
	);
	return row;
}

/** County- and town-level cases received per month by ledger type (months with no cases are absent). */
export function monthlyByLedger(db: QueryRunner, town: string | null): Promise<MonthlyCount[]> {
	return db.query<MonthlyCount>(
		`SELECT strftime(received_at, '%Y-%m') AS month, ledger, count(*) AS cases
		FROM cases WHERE ${PUBLISHED_SCOPE} AND ${TOWN}
		GROUP BY ALL ORDER BY month, ledger`,
		[town]
	);
}

/** Cases, closures and satisfaction of every town, in division-code order. */
export function byTown(db: QueryRunner): Promise<TownRow[]> {
	return db.query<TownRow>(
		`SELECT town_code AS "townCode", count(*) AS cases, count(archived_at) AS closed,
			count(satisfaction) AS surveyed, count(*) FILTER (satisfaction IN ('satisfied', 'basic')) AS satisfied
		FROM cases WHERE ${PUBLISHED_SCOPE}
		GROUP BY ALL ORDER BY "townCode"`
	);
}

/** Everything the overview shows for one town (or the county), queried in parallel. */
export async function overviewData(db: QueryRunner, town: string | null): Promise<OverviewData> {
	const [h, monthly] = await Promise.all([headline(db, town), monthlyByLedger(db, town)]);
	return { town, headline: h, monthly };
}
