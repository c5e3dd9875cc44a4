import type { QueryParam, QueryRunner } from './query-runner';
import type { Scope } from './scope';

/** `$1` is the selected town's code and `$2` the village's id, NULL when not chosen. */
const IN_SCOPE = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR) AND ($2::VARCHAR IS NULL OR village_id = $2::BIGINT)`;
const params = (s: Scope): QueryParam[] => [s.town, s.village];

export interface TaskMonth {
	month: string;
	category: string;
	tasks: number;
}

/** Tasks assigned per month by category, in the scope's place. */
export function tasksByMonth(db: QueryRunner, scope: Scope): Promise<TaskMonth[]> {
	return db.query<TaskMonth>(
		`SELECT strftime(assigned_on, '%Y-%m') AS month, category, count(*) AS tasks FROM tasks WHERE ${IN_SCOPE} GROUP BY ALL ORDER BY month, category`,
		params(scope)
	);
}

export interface UnitLoad {
	code: string;
	name_zh: string;
	name_en: string;
	tasks: number;
	done: number;
	overdue: number;
	stationed: number;
	leaders: number;
}

/**
 * Per town for the county, or per village of the scope's town (a chosen village is one of them:
 * the chart shows it among its neighbours): tasks, their status, stationed cadres and leaders.
 */
export function loadByUnit(db: QueryRunner, scope: Scope): Promise<UnitLoad[]> {
	const town = scope.town;
	const TOWN = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR)`;
	const unit = town === null ? 'town_code' : 'village_id::VARCHAR';
	const names = town === null ? `level = 'town'` : `level = 'village'`;
	return db.query<UnitLoad>(
		`WITH t AS (SELECT ${unit} AS code, count(*) AS tasks, count(*) FILTER (status = 'done') AS done,
				count(*) FILTER (status = 'overdue') AS overdue FROM tasks WHERE ${TOWN} GROUP BY ALL),
			c AS (SELECT ${unit} AS code, count(*) FILTER (role = 'stationed') AS stationed,
				count(*) FILTER (role = 'following_leader') AS leaders FROM cadres WHERE ${TOWN} GROUP BY ALL),
			u AS (SELECT unit_id::VARCHAR AS code, name_zh, name_en FROM units WHERE ${names} AND ${TOWN})
		SELECT u.code, u.name_zh, u.name_en, coalesce(t.tasks, 0) AS tasks, coalesce(t.done, 0) AS done,
			coalesce(t.overdue, 0) AS overdue, coalesce(c.stationed, 0) AS stationed, coalesce(c.leaders, 0) AS leaders
		FROM u LEFT JOIN t USING (code) LEFT JOIN c USING (code) ORDER BY u.code`,
		[town]
	);
}

export interface PeriodRow {
	period: 'pilot' | 'county-wide';
	tasks: number;
	done: number;
	medianDays: number | null;
	withinDue: number;
}

/**
 * Tasks assigned in the pilot period (2019, before the county-wide roll-out in Mar 2020) and after
 * it, in the scope's place: how many, how many done by Jul 2022, median days to complete, and how
 * many were done by their due date.
 */
export function periods(db: QueryRunner, scope: Scope): Promise<PeriodRow[]> {
	return db.query<PeriodRow>(
		`SELECT CASE WHEN assigned_on < DATE '2020-03-01' THEN 'pilot' ELSE 'county-wide' END AS period,
			count(*) AS tasks, count(completed_on) AS done,
			median(date_diff('day', assigned_on, completed_on)) AS "medianDays",
			count(*) FILTER (completed_on <= due_on) AS "withinDue"
		FROM tasks WHERE ${IN_SCOPE} GROUP BY ALL ORDER BY period DESC`,
		params(scope)
	);
}

export interface YearRow extends Omit<PeriodRow, 'period'> {
	year: string;
}

/** The same figures per year a task was assigned in (a county's own tasks have no pilot period). */
export function years(db: QueryRunner, scope: Scope): Promise<YearRow[]> {
	return db.query<YearRow>(
		`SELECT strftime(assigned_on, '%Y') AS year, count(*) AS tasks, count(completed_on) AS done,
			median(date_diff('day', assigned_on, completed_on)) AS "medianDays",
			count(*) FILTER (completed_on <= due_on) AS "withinDue"
		FROM tasks WHERE ${IN_SCOPE} GROUP BY ALL ORDER BY year`,
		params(scope)
	);
}

export interface IntegrationData {
	scope: Scope;
	months: TaskMonth[];
	units: UnitLoad[];
	periods: PeriodRow[];
	years: YearRow[];
}

export async function integrationData(db: QueryRunner, scope: Scope): Promise<IntegrationData> {
	const [months, units, p, y] = await Promise.all([tasksByMonth(db, scope), loadByUnit(db, scope), periods(db, scope), years(db, scope)]);
	return { scope, months, units, periods: p, years: y };
}

export const INTEGRATION_TABLES = ['tasks', 'cadres', 'units'] as const;
