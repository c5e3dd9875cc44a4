import type { Lang } from '$lib/i18n/messages';

/** An example query of the console: its name is a message key (`sql.example.<id>`), its SQL in the page's language's names. */
export interface Example {
	id: 'closure' | 'monthly' | 'colours' | 'channels' | 'tasks' | 'describe';
	sql: string;
}

/** Example queries over the dataset's browser tables (their names: town names in the page's language). */
export function examples(lang: Lang): Example[] {
	const name = lang === 'en' ? 'name_en' : 'name_zh';
	return [
		{
			id: 'closure',
			sql: `SELECT u.${name} AS town,
       round(sum(c.closed) / sum(c.cases), 4) AS closure_rate,
       sum(c.cases) AS cases,
       sum(c.closed) AS closed
FROM case_counts c
JOIN units u ON u.level = 'town' AND u.town_code = c.town_code
WHERE c.ledger = '*' AND c.dim = 'all'
GROUP BY u.${name}
ORDER BY closure_rate`
		},
		{
			id: 'monthly',
			sql: `SELECT make_date((month // 12)::BIGINT, (month % 12 + 1)::BIGINT, 1) AS month,
       sum(cases) AS cases
FROM case_counts
WHERE town_code = '*' AND ledger = '*' AND dim = 'all'
GROUP BY ALL
ORDER BY month`
		},
		{
			id: 'colours',
			sql: `SELECT colour, count(*) AS households
FROM household_status
WHERE quarter = (SELECT max(quarter) FROM household_status)
GROUP BY colour
ORDER BY households DESC`
		},
		{
			id: 'channels',
			sql: `SELECT key AS channel, sum(cases) AS cases
FROM case_counts
WHERE town_code = '*' AND ledger = '*' AND dim = 'channel'
GROUP BY key
ORDER BY cases DESC`
		},
		{
			id: 'tasks',
			sql: `PIVOT (
  SELECT u.${name} AS town, t.status
  FROM tasks t JOIN units u ON u.level = 'town' AND u.town_code = t.town_code
) ON status IN ('done', 'in_progress', 'overdue') USING count(*)
ORDER BY town`
		},
		{ id: 'describe', sql: 'SUMMARIZE units' }
	];
}
