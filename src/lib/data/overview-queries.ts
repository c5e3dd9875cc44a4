import type { BrowserTable } from '$sim/dataset/schema';
import { ALL } from '$sim/dataset/case-cubes';
import { DEFAULT_PROFILE, headlineScopeSql, type DatasetProfile } from './profile';
import type { QueryRunner } from './query-runner';

/** Tables the overview reads. */
export const OVERVIEW_TABLES: readonly BrowserTable[] = ['case_counts', 'units', 'liaisons', 'tasks', 'cadres'];

/**
 * Every headline case figure counts the cases of the dataset's period and levels (profile.ts): for
 * the synthetic county, as the published ledger figures, county- and town-level cases received
 * Aug 2016 – Dec 2021; for an imported dataset, every case of its months. Case figures come from
 * the pre-aggregated case_counts, months as year × 12 + month − 1.
 */
/** The case_counts slice of a town (`$1`, NULL = the roll-up over towns) and every ledger type. */
const CASE_SLICE = `town_code = coalesce($1::VARCHAR, '${ALL}') AND ledger = '${ALL}'`;
/** `$1` is the selected town's code, or NULL for the whole county. */
const TOWN = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR)`;

export interface Headline {
	cases: number;
	closed: number;
	surveyed: number;
	satisfied: number;
	villages: number;
	/** Towns (1 for a town) and the registered population of the villages (units.population). */
	towns: number;
	population: number;
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

export async function headline(db: QueryRunner, town: string | null, profile: DatasetProfile = DEFAULT_PROFILE): Promise<Headline> {
	const SCOPE = headlineScopeSql(profile);
	// One pass over each table; every part filters by the same bound town parameter. Sums are cast
	// back to BIGINT: DuckDB sums integers as HUGEINT, which reaches JavaScript as text.
	const [row] = await db.query<Headline>(
		`WITH
		c AS (SELECT coalesce(sum(cases), 0)::BIGINT AS cases, coalesce(sum(closed), 0)::BIGINT AS closed,
				coalesce(sum(surveyed), 0)::BIGINT AS surveyed, coalesce(sum(satisfied), 0)::BIGINT AS satisfied
			FROM case_counts WHERE ${SCOPE} AND ${CASE_SLICE}),
		u AS (SELECT count(*) FILTER (level = 'village') AS villages, count(*) FILTER (level = 'town') AS towns,
				coalesce(sum(population) FILTER (level = 'village'), 0)::BIGINT AS population,
				count(*) FILTER (level IN ('grid1', 'grid2', 'grid3')) AS grids,
				coalesce(sum(households) FILTER (level = 'village'), 0)::BIGINT AS households
			FROM units WHERE ${TOWN}),
		l AS (SELECT count(*) AS liaisons FROM liaisons WHERE ${TOWN}),
		t AS (SELECT count(*) AS tasks FROM tasks WHERE assigned_on <= DATE '2022-07-31' AND ${TOWN}),
		k AS (SELECT count(*) FILTER (role = 'stationed') AS "stationedCadres",
				count(*) FILTER (role = 'following_leader') AS "followingLeaders"
			FROM cadres WHERE ${TOWN})
		SELECT * FROM c, u, l, t, k`,
		[town]
	);
	return row;
}

/** The headline's cases received per month by ledger type (months with no cases are absent). */
export function monthlyByLedger(db: QueryRunner, town: string | null, profile: DatasetProfile = DEFAULT_PROFILE): Promise<MonthlyCount[]> {
	const SCOPE = headlineScopeSql(profile);
	return db.query<MonthlyCount>(
		`SELECT (month // 12) || '-' || lpad(((month % 12) + 1)::VARCHAR, 2, '0') AS month, ledger, sum(cases)::BIGINT AS cases
		FROM case_counts WHERE ${SCOPE} AND town_code = coalesce($1::VARCHAR, '${ALL}') AND ledger <> '${ALL}'
		GROUP BY ALL ORDER BY month, ledger`,
		[town]
	);
}

/** Cases, closures and satisfaction of every town, in division-code order. */
export function byTown(db: QueryRunner, profile: DatasetProfile = DEFAULT_PROFILE): Promise<TownRow[]> {
	const SCOPE = headlineScopeSql(profile);
	return db.query<TownRow>(
		`SELECT town_code AS "townCode", sum(cases)::BIGINT AS cases, sum(closed)::BIGINT AS closed,
			sum(surveyed)::BIGINT AS surveyed, sum(satisfied)::BIGINT AS satisfied
		FROM case_counts WHERE ${SCOPE} AND town_code <> '${ALL}' AND ledger = '${ALL}'
		GROUP BY ALL ORDER BY "townCode"`
	);
}

/** Everything the overview shows for one town (or the county), queried in parallel. */
export async function overviewData(db: QueryRunner, town: string | null, profile: DatasetProfile = DEFAULT_PROFILE): Promise<OverviewData> {
	const [h, monthly] = await Promise.all([headline(db, town, profile), monthlyByLedger(db, town, profile)]);
	return { town, headline: h, monthly };
}
