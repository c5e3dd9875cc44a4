/**
 * The checks, as SQL over the raw table: every row gets a flag per kind of problem and, if it is
 * dropped, the one code it is dropped under (the first in CHECKS that applies and whose action is
 * drop), so kept = rows − dropped and every drop is counted. Same SQL in Node and the browser.
 */
import { CHECKS, type Action, type CheckCode } from './checks-spec';
import { columnOf } from './lookups';
import type { Mapping } from './mapping';
import type { RawTable } from './read';
import { CODE_FIELDS, DATE_FIELDS, FALSE_WORDS, FLAG_FIELDS, NUMBER_FIELDS, TRUE_WORDS, type DateField } from './vocabulary';
import { sqlString, type ImportDb } from './types';

export const ROWS_TABLE = 'import_rows';
export const CHECKED_TABLE = 'import_checked';

const list = (words: readonly string[]) => words.map(sqlString).join(', ');
/** A flag as written → boolean (NULL when it is neither). */
export const flagSql = (x: string) => `CASE WHEN lower(${x}) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(${x}) IN (${list(FALSE_WORDS)}) THEN false END`;

/** Which fields each problem's examples show. */
const EXAMPLE_FIELDS: Record<CheckCode, readonly string[]> = {
	'duplicate-row': ['case_id', 'received_at'],
	'missing-required': ['case_id', 'received_at', 'town', 'village'],
	'unparseable-date': DATE_FIELDS,
	'sentinel-date': DATE_FIELDS,
	'unknown-place': ['town', 'village'],
	cancelled: ['status'],
	'duplicate-id': ['case_id', 'received_at', 'status'],
	'closed-before-received': ['received_at', 'archived_at', 'updated_at', 'status'],
	'closed-late': ['received_at', 'archived_at', 'updated_at', 'status'],
	'unknown-status': ['status'],
	'unknown-category': ['category'],
	'unknown-value': [...CODE_FIELDS, ...NUMBER_FIELDS, ...FLAG_FIELDS]
};

export interface Example {
	file: string;
	row: number;
	values: Record<string, string | null>;
}

export interface Problem {
	code: CheckCode;
	/** Rows with the problem (for duplicate-row: the extra copies). */
	count: number;
	/** Rows dropped under this code. */
	dropped: number;
	action: Action;
	examples: Example[];
}

/** The action of a check under a mapping. */
export const actionOf = (mapping: Mapping, code: CheckCode): Action => mapping.actions[code] ?? CHECKS.find((c) => c.code === code)!.default;

export const COPIES_TABLE = 'import_copies';
export const IDS_TABLE = 'import_id_repeats';

/**
 * The rows that repeat an earlier row exactly (every column equal, NULLs equal): `(_file, _row)`
 * of each extra copy, in a narrow table. Rows are first grouped by a hash of all their columns
 * (a narrow pass); only rows whose hash occurs more than once are compared column by column, so
 * the result is exact and the wide rows are never sorted as a whole.
 */
export async function markCopies(db: ImportDb, raw: RawTable): Promise<void> {
	const all = raw.columns.join(', ');
	await db.query(`CREATE OR REPLACE TABLE ${COPIES_TABLE} AS
WITH h AS (SELECT _file, _row, hash(${all}) AS h FROM ${raw.table}),
c AS (SELECT h FROM h GROUP BY h HAVING count(*) > 1),
k AS (SELECT _file, _row FROM h SEMI JOIN c USING (h))
SELECT _file, _row FROM (
	SELECT _file, _row, row_number() OVER (PARTITION BY ${all} ORDER BY _file, _row) AS copy_no
	FROM ${raw.table} SEMI JOIN k USING (_file, _row)
) WHERE copy_no > 1`);
}

/**
 * The rows whose id (as mapped, trimmed) an earlier row that is not an exact copy already has:
 * `(_file, _row)` in a narrow table (the duplicate-id check), numbered over the id column alone.
 */
export async function markIdRepeats(db: ImportDb, raw: RawTable, mapping: Mapping): Promise<void> {
	const id = columnOf(raw, mapping.fields.case_id);
	const source = id
		? `SELECT _file, _row FROM (
	SELECT _file, _row, row_number() OVER (PARTITION BY s ORDER BY _file, _row) AS id_no
	FROM (SELECT _file, _row, import_txt(${id}) AS s FROM ${raw.table} ANTI JOIN ${COPIES_TABLE} USING (_file, _row)) WHERE s IS NOT NULL
) WHERE id_no > 1`
		: `SELECT _file, _row FROM ${COPIES_TABLE} LIMIT 0`;
	await db.query(`CREATE OR REPLACE TABLE ${IDS_TABLE} AS ${source}`);
}

/**
 * Defines the typed rows (values as written, dates read, codes and places looked up, the copies
 * and repeated ids marked): a view, materialised once by the checks. Needs markCopies and
 * markIdRepeats first.
 */
export async function typeRows(db: ImportDb, raw: RawTable, mapping: Mapping): Promise<void> {
	const col = (field: string) => columnOf(raw, mapping.fields[field as keyof Mapping['fields']]);
	const txt = (field: string) => (col(field) ? `import_txt(${col(field)})` : 'NULL::VARCHAR');
	const texts = DATE_FIELDS.map((f) => `${txt(f)} AS ${f}_raw`);
	const dates = DATE_FIELDS.map((f) => {
		const format = mapping.dateFormats?.[f as DateField];
		return `${!col(f) ? 'NULL::TIMESTAMP' : format ? `import_ts_as(${f}_raw, ${sqlString(format)})` : `import_ts(${f}_raw)`} AS ${f}_ts`;
	});
	const codes = ['status', ...CODE_FIELDS].map((f) => `${txt(f)} AS ${f}_raw`);
	const others = [...NUMBER_FIELDS, ...FLAG_FIELDS, 'repeat_of'].map((f) => `${txt(f)} AS ${f}_raw`);
	const joins = ['status', ...CODE_FIELDS].map((f) => `LEFT JOIN import_values v_${f} ON v_${f}.field = '${f}' AND v_${f}.raw = r.${f}_raw`).join('\n');
	await db.query(`CREATE OR REPLACE VIEW ${ROWS_TABLE} AS
WITH t AS (
	SELECT _file, _row, ${txt('case_id')} AS case_src, ${txt('town')} AS town_raw, ${txt('village')} AS village_raw,
		${[...texts, ...codes, ...others].join(',\n\t\t')}
	FROM ${raw.table}
),
r AS (SELECT *, ${dates.join(', ')} FROM t)
SELECT r.*, ${['status', ...CODE_FIELDS].map((f) => `v_${f}.code AS ${f}_code`).join(', ')}, p.town_code, p.village_id::BIGINT AS village_id,
	d._row IS NOT NULL AS is_copy, i._row IS NOT NULL AS is_id_repeat
FROM r ${joins}
LEFT JOIN import_places p ON p.town_raw IS NOT DISTINCT FROM r.town_raw AND p.village_raw IS NOT DISTINCT FROM r.village_raw
LEFT JOIN ${COPIES_TABLE} d ON d._file = r._file AND d._row = r._row
LEFT JOIN ${IDS_TABLE} i ON i._file = r._file AND i._row = r._row`);
}

/** Flags every row and picks the code it is dropped under. */
export async function checkRows(db: ImportDb, raw: RawTable, mapping: Mapping): Promise<void> {
	const act = (code: CheckCode) => sqlString(actionOf(mapping, code));
	const placeMapped = Boolean(mapping.fields.town || mapping.fields.village);
	const eff = (f: string) => `CASE WHEN import_sentinel(${f}_ts) THEN NULL ELSE ${f}_ts END`;
	const unparseable = DATE_FIELDS.map((f) => `(${f}_raw IS NOT NULL AND ${f}_ts IS NULL)`).join(' OR ');
	const sentinel = DATE_FIELDS.map((f) => `import_sentinel(${f}_ts)`).join(' OR ');
	const unknownValue = [
		...CODE_FIELDS.filter((f) => f !== 'category').map((f) => `(${f}_raw IS NOT NULL AND ${f}_code IS NULL)`),
		...NUMBER_FIELDS.map((f) => `(${f}_raw IS NOT NULL AND try_cast(${f}_raw AS BIGINT) IS NULL)`),
		...FLAG_FIELDS.map((f) => `(${f}_raw IS NOT NULL AND ${flagSql(`${f}_raw`)} IS NULL)`)
	].join(' OR ');
	const closed = `CASE status_code WHEN 'open' THEN NULL WHEN 'closed' THEN coalesce(${eff('archived_at')}, ${eff('updated_at')}) ELSE ${eff('archived_at')} END`;
	const dropWhen: Record<CheckCode, string> = {
		'duplicate-row': `f_duplicate_row AND ${act('duplicate-row')} = 'drop'`,
		'missing-required': 'f_missing_required',
		'unparseable-date': `f_unparseable_date AND (${act('unparseable-date')} = 'drop' OR received_at_ts IS NULL)`,
		'sentinel-date': `f_sentinel_date AND (${act('sentinel-date')} = 'drop' OR received_eff IS NULL)`,
		'unknown-place': `f_unknown_place AND (${act('unknown-place')} = 'drop' OR town_code IS NULL)`,
		cancelled: `f_cancelled AND ${act('cancelled')} = 'drop'`,
		'duplicate-id': `f_duplicate_id AND ${act('duplicate-id')} = 'drop'`,
		'closed-before-received': `f_closed_before_received AND ${act('closed-before-received')} = 'drop'`,
		'closed-late': `f_closed_late AND ${act('closed-late')} = 'drop'`,
		'unknown-status': `f_unknown_status AND ${act('unknown-status')} = 'drop'`,
		'unknown-category': `f_unknown_category AND ${act('unknown-category')} = 'drop'`,
		'unknown-value': `f_unknown_value AND ${act('unknown-value')} = 'drop'`
	};
	await db.query(`CREATE OR REPLACE TABLE ${CHECKED_TABLE} AS
WITH a AS (
	SELECT *, ${eff('received_at')} AS received_eff, ${closed} AS closed_eff
	FROM ${ROWS_TABLE}
),
f AS (
	SELECT *,
		is_copy AS f_duplicate_row,
		received_at_raw IS NULL ${placeMapped ? 'OR (town_raw IS NULL AND village_raw IS NULL)' : ''} AS f_missing_required,
		coalesce(${unparseable}, false) AS f_unparseable_date,
		coalesce(${sentinel}, false) AS f_sentinel_date,
		${placeMapped ? `(town_raw IS NOT NULL OR village_raw IS NOT NULL) AND (town_code IS NULL OR (village_raw IS NOT NULL AND village_id IS NULL))` : 'false'} AS f_unknown_place,
		coalesce(status_code = 'cancelled', false) AS f_cancelled,
		is_id_repeat AS f_duplicate_id,
		coalesce(closed_eff < received_eff, false) AS f_closed_before_received,
		coalesce(date_diff('second', received_eff, closed_eff) > $1 * 86400, false) AS f_closed_late,
		status_raw IS NOT NULL AND status_code IS NULL AS f_unknown_status,
		category_raw IS NOT NULL AND category_code IS NULL AS f_unknown_category,
		coalesce(${unknownValue}, false) AS f_unknown_value
	FROM a
)
SELECT * EXCLUDE (${DATE_FIELDS.map((f) => `${f}_raw`).join(', ')}, is_copy, is_id_repeat), CASE ${CHECKS.map((c) => `WHEN ${dropWhen[c.code]} THEN '${c.code}'`).join(' ')} END AS drop_code,
	CASE WHEN (f_closed_before_received AND ${act('closed-before-received')} = 'fix') OR (f_closed_late AND ${act('closed-late')} = 'fix') THEN NULL ELSE closed_eff END AS closed_final
FROM f`, [mapping.lateDays]);
}

/** Counts and examples of every check. */
export async function problems(db: ImportDb, raw: RawTable, mapping: Mapping): Promise<{ rows: number; kept: number; problems: Problem[] }> {
	const flag = (code: CheckCode) => `f_${code.replaceAll('-', '_')}`;
	const [totals] = await db.query<Record<string, number>>(
		`SELECT count(*)::INTEGER AS rows, count(*) FILTER (drop_code IS NULL)::INTEGER AS kept, ${CHECKS.map(
			(c) => `count(*) FILTER (${flag(c.code)})::INTEGER AS "${c.code}", count(*) FILTER (drop_code = '${c.code}')::INTEGER AS "${c.code}:dropped"`
		).join(', ')} FROM ${CHECKED_TABLE}`
	);
	const out: Problem[] = [];
	for (const c of CHECKS) {
		const count = totals[c.code];
		let examples: Example[] = [];
		if (count > 0) {
			// Values as the file has them, from the raw rows (the checked table keeps only what the cases need).
			const fields = EXAMPLE_FIELDS[c.code].filter((f) => columnOf(raw, mapping.fields[f as keyof Mapping['fields']]));
			const cols = fields.map((f) => `r.${columnOf(raw, mapping.fields[f as keyof Mapping['fields']])} AS "${f}"`);
			const rows = await db.query<Record<string, string | number | null>>(
				`SELECT c._file, c._row${cols.length ? ', ' + cols.join(', ') : ''} FROM (SELECT _file, _row FROM ${CHECKED_TABLE} WHERE ${flag(c.code)} ORDER BY _file, _row LIMIT 5) c JOIN ${raw.table} r ON r._file = c._file AND r._row = c._row ORDER BY c._file, c._row`
			);
			examples = rows.map((r) => ({
				file: raw.files[Number(r._file)].name,
				row: Number(r._row),
				values: Object.fromEntries(fields.map((f) => [mapping.fields[f as keyof Mapping['fields']]!, r[f] === null ? null : String(r[f])]))
			}));
		}
		out.push({ code: c.code, count, dropped: totals[`${c.code}:dropped`], action: actionOf(mapping, c.code), examples });
	}
	return { rows: totals.rows, kept: totals.kept, problems: out };
}
