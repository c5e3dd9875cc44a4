/**
 * The cleaned cases: the kept rows in the dataset's `cases` schema (sim/dataset/schema.ts), in
 * case order. Case numbers are the file's own when they are whole numbers, one per case;
 * otherwise cases are numbered in file order (and `repeat_of` follows the new numbers).
 */
import { SCHEMAS } from '$sim/dataset/schema';
import { CHECKED_TABLE, flagSql } from './checks';
import type { Mapping } from './mapping';
import { STEPS } from '$sim/dataset/case-vocabulary';
import type { ImportDb } from './types';

export async function buildCases(db: ImportDb, mapping: Mapping): Promise<{ cases: number; renumbered: boolean }> {
	const [ids] = await db.query<{ n: number; ints: number; uniq: number }>(
		`SELECT count(*)::INTEGER AS n, count(try_cast(case_src AS INTEGER))::INTEGER AS ints, count(DISTINCT try_cast(case_src AS INTEGER))::INTEGER AS uniq FROM ${CHECKED_TABLE} WHERE drop_code IS NULL`
	);
	const renumbered = !(ids.n > 0 && ids.ints === ids.n && ids.uniq === ids.n);
	const id = renumbered ? 'row_number() OVER (ORDER BY _file, _row)::INTEGER' : 'try_cast(case_src AS INTEGER)';
	const eff = (f: string) => `CASE WHEN import_sentinel(${f}_ts) THEN NULL ELSE ${f}_ts END`;
	const { ledger, level } = mapping.defaults;
	const column: Record<string, string> = {
		case_id: 'k.case_id',
		ledger: `coalesce(ledger_code, '${ledger}')`,
		level: `coalesce(level_code, '${level}')`,
		town_code: 'town_code',
		village_id: 'village_id',
		grid_id: 'try_cast(grid_id_raw AS BIGINT)',
		household_id: 'try_cast(household_id_raw AS INTEGER)',
		category: `CASE WHEN category_raw IS NULL THEN NULL ELSE coalesce(category_code, 'other') END`,
		channel: 'channel_code',
		received_at: 'received_eff',
		...Object.fromEntries(STEPS.map((s) => [`${s}_at`, s === 'archived' ? 'closed_final' : eff(`${s}_at`)])),
		due_at: eff('due_at'),
		lead_dept: 'lead_dept_code',
		co_depts: 'try_cast(co_depts_raw AS INTEGER)',
		handoffs: 'try_cast(handoffs_raw AS INTEGER)',
		escalated: flagSql('escalated_raw'),
		solved: flagSql('solved_raw'),
		satisfaction: 'satisfaction_code',
		revisited: flagSql('revisited_raw'),
		repeat_of: 'o.case_id'
	};
	const select = SCHEMAS.cases.columns.map(([c, t]) => `(${column[c]})::${t} AS ${c}`).join(',\n\t');
	await db.query(`CREATE OR REPLACE TABLE cases AS
WITH k AS (SELECT *, ${id} AS case_id FROM ${CHECKED_TABLE} WHERE drop_code IS NULL),
o AS (SELECT case_src, min(case_id) AS case_id FROM k WHERE case_src IS NOT NULL GROUP BY case_src)
SELECT ${select}
FROM k LEFT JOIN o ON o.case_src = k.repeat_of_raw
ORDER BY case_id`);
	return { cases: ids.n, renumbered };
}
