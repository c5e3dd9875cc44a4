/**
 * Files of the other kinds (tasks, households) into their tables, with the cases' machinery: the
 * same macros (dates, blanks, sentinels), the exact-copy and repeated-id marks of checks.ts, the
 * value and place tables of lookups.ts, one checked table whose rows each carry a flag per kind of
 * problem and the one code they are dropped under (kept = rows − dropped; nothing silently lost).
 * Runs after the cases (their units are the places tasks and households are matched against).
 * Same SQL in Node and in the browser.
 */
import { COPIES_TABLE, IDS_TABLE, markCopies, markIdRepeats, type Example } from './checks';
import type { Action } from './checks-spec';
import { columnOf, loadCsv } from './lookups';
import type { Mapping } from './mapping';
import type { RawTable } from './read';
import { TABLE_CHECKS, tableActionOf, tableMappingProblem, type TableCheckCode, type TableMapping } from './table-mapping';
import { KIND_SPECS, knownTableValues, TABLE_KINDS, type FileKind, type TableKind } from './table-vocabulary';
import { countyMatcher, type PlaceMatch, type UnitRow } from './units';
import { norm } from './vocabulary';
import { ImportError, sqlString, type ImportDb } from './types';
import { mappingKey } from './mapping';

export const TABLE_CHECKED = 'import_tchecked';

export interface TableProblem {
	code: TableCheckCode;
	count: number;
	dropped: number;
	action: Action;
	examples: Example[];
}

/** What happened to one kind's files: as the cases' report, per table. */
export interface TableReport {
	files: string[];
	rows: number;
	kept: number;
	dropped: number;
	problems: TableProblem[];
	/** Whether the rows were numbered anew (their ids were not unique whole numbers). */
	renumbered: boolean;
	/** Rows written per table (households also fill household_status and liaisons when mapped). */
	tables: Record<string, number>;
}

/**
 * The kind of a file under a mapping: the one made for exactly its headers; else the one whose
 * mapped columns the file all has, with the most of them; else the kind its headers suggest.
 */
export function kindOfFile(headers: readonly string[], mapping: Mapping, suggested: FileKind): FileKind {
	const key = mappingKey(headers);
	const parts: [FileKind, { headers: string[]; fields: Record<string, string | undefined> }][] = [
		['cases', mapping],
		...TABLE_KINDS.flatMap((k) => (mapping.tables?.[k] ? [[k, mapping.tables[k]!] as [FileKind, TableMapping]] : []))
	];
	const exact = parts.find(([, m]) => mappingKey(m.headers) === key);
	if (exact) return exact[0];
	const fits = parts
		.map(([k, m]) => [k, Object.values(m.fields).filter((h): h is string => typeof h === 'string')] as const)
		.filter(([, cols]) => cols.length > 0 && cols.every((h) => headers.includes(h)))
		.sort((a, b) => b[1].length - a[1].length);
	if (fits.length && (fits.length === 1 || fits[0][1].length > fits[1][1].length)) return fits[0][0];
	return fits.some(([k]) => k === suggested) || fits.length === 0 ? suggested : fits[0][0];
}

/** Places of the file's own units (mode 'own'), matched by name: a town, then a village within it. */
function ownMatcher(units: readonly UnitRow[]): (t: string | null, v: string | null) => PlaceMatch {
	const towns = new Map<string, string>();
	const villages = new Map<string, number>();
	for (const [id, level, , town, , zh] of units) {
		if (level === 'town') towns.set(norm(String(zh)), String(town));
		if (level === 'village') villages.set(`${town}|${norm(String(zh))}`, Number(id));
	}
	return (t, v) => {
		const code = t === null ? null : (towns.get(norm(t)) ?? null);
		if (code === null) return { town_code: null, village_id: null };
		return { town_code: code, village_id: v === null ? null : (villages.get(`${code}|${norm(v)}`) ?? null) };
	};
}

const QUARTER_RE = `^(\\d{4})\\s*[-年/]?\\s*第?\\s*[Qq]?\\s*([1-4一二三四])\\s*(季度|季)?$`;
/** A quarter as written (2021Q3, 2021-Q3, 2021年第三季度) or a date → 'YYYYQn'; NULL when neither. */
const quarterSql = (x: string) =>
	`CASE WHEN regexp_matches(${x}, '${QUARTER_RE}') THEN regexp_extract(${x}, '${QUARTER_RE}', 1) || 'Q' || translate(regexp_extract(${x}, '${QUARTER_RE}', 2), '一二三四', '1234')
	WHEN import_ts(${x}) IS NOT NULL THEN strftime(import_ts(${x}), '%Y') || 'Q' || quarter(import_ts(${x}))::VARCHAR END`;

/**
 * Checks the rows of one kind's files (read into `raw`) under its mapping and writes its tables
 * (tasks; or households, household_status and liaisons). `units`: the import's units (the cases'),
 * returned with their households and population counted from the households when those are given.
 */
export async function applyTableMapping(db: ImportDb, raw: RawTable, kind: TableKind, tm: TableMapping, mapping: Mapping, units: UnitRow[]): Promise<{ report: TableReport; units: UnitRow[] }> {
	const problem = tableMappingProblem(kind, tm, raw.headers);
	if (problem) throw new ImportError(problem);
	const spec = KIND_SPECS[kind];
	const col = (f: string) => columnOf(raw, tm.fields[f]);
	const txt = (f: string) => (col(f) ? `import_txt(${col(f)})` : 'NULL::VARCHAR');
	const county = mapping.places.mode === 'county';

	await markCopies(db, raw);
	await markIdRepeats(db, raw, { fields: { case_id: tm.fields[spec.id] } } as Mapping);
	// Code values and places: resolved in JavaScript, loaded as tables (no value is spliced into SQL).
	const valueRows: unknown[][] = [];
	for (const field of Object.keys(spec.codes)) {
		if (!col(field)) continue;
		const known = knownTableValues(kind, field);
		const user = new Map(Object.entries(tm.values[field] ?? {}).map(([k, v]) => [k.trim(), v]));
		for (const { v } of await db.query<{ v: string }>(`SELECT DISTINCT ${txt(field)} AS v FROM ${raw.table} WHERE ${txt(field)} IS NOT NULL`))
			valueRows.push([field, v, user.get(v) ?? known.get(norm(v)) ?? null]);
	}
	await loadCsv(db, 'import_tvalues', ['field', 'raw', 'code'], valueRows);
	const match = county ? countyMatcher(units, mapping.places.towns, mapping.places.villages) : ownMatcher(units);
	const pairs = await db.query<{ t: string | null; v: string | null }>(`SELECT DISTINCT ${txt('town')} AS t, ${txt('village')} AS v FROM ${raw.table}`);
	await loadCsv(db, 'import_tplaces', ['town_raw', 'village_raw', 'town_code', 'village_id'], pairs.map(({ t, v }) => [t, v, match(t, v).town_code, match(t, v).village_id]));

	const act = (code: TableCheckCode) => sqlString(tableActionOf(tm, code));
	const codes = Object.keys(spec.codes);
	const fieldsRaw = spec.fields.map((f) => `${txt(f)} AS ${f}_raw`);
	const dates = spec.dates.map((f) => {
		const format = tm.dateFormats?.[f];
		return `${!col(f) ? 'NULL::TIMESTAMP' : format ? `import_ts_as(${f}_raw, ${sqlString(format)})` : `import_ts(${f}_raw)`} AS ${f}_ts`;
	});
	const eff = (f: string) => `CASE WHEN import_sentinel(${f}_ts) THEN NULL ELSE ${f}_ts END`;
	const quarter = kind === 'households' ? [`${quarterSql('quarter_raw')} AS quarter_code`] : [];
	const grid = kind === 'households' && county ? `(grid_id_raw IS NOT NULL AND g.unit_id IS NULL)` : 'false';
	const unknownValue = [
		...codes.map((f) => `(${f}_raw IS NOT NULL AND v_${f}.code IS NULL)`),
		...spec.numbers.map((f) => `(${f}_raw IS NOT NULL AND try_cast(${f}_raw AS INTEGER) IS NULL)`),
		grid
	].join(' OR ');
	const unparseable = [...spec.dates.map((f) => `(${f}_raw IS NOT NULL AND ${f}_ts IS NULL)`), ...(kind === 'households' ? ['(quarter_raw IS NOT NULL AND quarter_code IS NULL)'] : [])];
	const sentinel = spec.dates.map((f) => `import_sentinel(${f}_ts)`);
	const required = spec.dates.includes(spec.required) ? `${eff(spec.required)}` : `${spec.required}_raw`;
	const before = kind === 'tasks' ? `coalesce(${eff('completed_on')}::DATE < ${eff('assigned_on')}::DATE, false)` : 'false';
	const dropWhen: Record<TableCheckCode, string> = {
		'duplicate-row': `f_duplicate_row AND ${act('duplicate-row')} = 'drop'`,
		'missing-required': 'f_missing_required',
		'unparseable-date': `f_unparseable_date AND (${act('unparseable-date')} = 'drop' OR ${required} IS NULL)`,
		'sentinel-date': `f_sentinel_date AND (${act('sentinel-date')} = 'drop' OR ${required} IS NULL)`,
		'unknown-place': `f_unknown_place AND (${act('unknown-place')} = 'drop' OR town_code IS NULL)`,
		'duplicate-id': `f_duplicate_id AND ${act('duplicate-id')} = 'drop'`,
		'completed-before-assigned': `f_completed_before_assigned AND ${act('completed-before-assigned')} = 'drop'`,
		'unknown-value': `f_unknown_value AND ${act('unknown-value')} = 'drop'`
	};
	await db.query(`CREATE OR REPLACE TABLE ${TABLE_CHECKED} AS
WITH t AS (SELECT _file, _row, ${fieldsRaw.join(', ')} FROM ${raw.table}),
r AS (
	SELECT t.*, ${[...dates, ...quarter, ...codes.map((f) => `v_${f}.code AS ${f}_code`)].join(', ')}${kind === 'households' ? `, ${county ? 'g.unit_id' : 'NULL::BIGINT'} AS grid_unit` : ''},
		p.town_code, p.village_id::BIGINT AS village_id, d._row IS NOT NULL AS is_copy, i._row IS NOT NULL AS is_id_repeat, ${unknownValue} AS unknown_value
	FROM t ${codes.map((f) => `LEFT JOIN import_tvalues v_${f} ON v_${f}.field = '${f}' AND v_${f}.raw = t.${f}_raw`).join(' ')}
	LEFT JOIN import_tplaces p ON p.town_raw IS NOT DISTINCT FROM t.town_raw AND p.village_raw IS NOT DISTINCT FROM t.village_raw
	${kind === 'households' && county ? `LEFT JOIN units g ON g.level LIKE 'grid%' AND g.unit_id = try_cast(t.grid_id_raw AS BIGINT)` : ''}
	LEFT JOIN ${COPIES_TABLE} d ON d._file = t._file AND d._row = t._row
	LEFT JOIN ${IDS_TABLE} i ON i._file = t._file AND i._row = t._row
),
f AS (
	SELECT *,
		is_copy AS f_duplicate_row,
		${spec.required}_raw IS NULL OR (town_raw IS NULL AND village_raw IS NULL) AS f_missing_required,
		coalesce(${unparseable.join(' OR ')}, false) AS f_unparseable_date,
		coalesce(${sentinel.length ? sentinel.join(' OR ') : 'false'}, false) AS f_sentinel_date,
		(town_raw IS NOT NULL OR village_raw IS NOT NULL) AND (town_code IS NULL OR (village_raw IS NOT NULL AND village_id IS NULL)) AS f_unknown_place,
		is_id_repeat AS f_duplicate_id,
		${before} AS f_completed_before_assigned,
		coalesce(unknown_value, false) AS f_unknown_value
	FROM r
)
SELECT *, CASE ${TABLE_CHECKS.map((c) => `WHEN ${dropWhen[c.code]} THEN '${c.code}'`).join(' ')} END AS drop_code FROM f`);

	// Counts and examples (values as the file has them).
	const flag = (code: TableCheckCode) => `f_${code.replaceAll('-', '_')}`;
	const [totals] = await db.query<Record<string, number>>(
		`SELECT count(*)::INTEGER AS rows, count(*) FILTER (drop_code IS NULL)::INTEGER AS kept, ${TABLE_CHECKS.map(
			(c) => `count(*) FILTER (${flag(c.code)})::INTEGER AS "${c.code}", count(*) FILTER (drop_code = '${c.code}')::INTEGER AS "${c.code}:dropped"`
		).join(', ')} FROM ${TABLE_CHECKED}`
	);
	const shown = spec.fields.filter((f) => col(f));
	const problems: TableProblem[] = [];
	for (const c of TABLE_CHECKS) {
		const rows =
			totals[c.code] > 0
				? await db.query<Record<string, unknown>>(`SELECT _file, _row, ${shown.map((f) => `${f}_raw AS "${f}"`).join(', ')} FROM ${TABLE_CHECKED} WHERE ${flag(c.code)} ORDER BY _file, _row LIMIT 5`)
				: [];
		problems.push({
			code: c.code,
			count: totals[c.code],
			dropped: totals[`${c.code}:dropped`],
			action: tableActionOf(tm, c.code),
			examples: rows.map((r) => ({ file: raw.files[Number(r._file)].name, row: Number(r._row), values: Object.fromEntries(shown.map((f) => [tm.fields[f], r[f] === null ? null : String(r[f])])) }))
		});
	}

	// The table: ids the file's own when they are unique whole numbers, else numbered in file order.
	const [ids] = await db.query<{ n: number; ints: number; uniq: number }>(
		`SELECT count(*)::INTEGER AS n, count(try_cast(${spec.id}_raw AS INTEGER))::INTEGER AS ints, count(DISTINCT try_cast(${spec.id}_raw AS INTEGER))::INTEGER AS uniq FROM ${TABLE_CHECKED} WHERE drop_code IS NULL`
	);
	const renumbered = !(ids.n > 0 && ids.ints === ids.n && ids.uniq === ids.n);
	const id = renumbered ? 'row_number() OVER (ORDER BY _file, _row)' : `try_cast(${spec.id}_raw AS INTEGER)`;
	const kept = `(SELECT *, (${id})::INTEGER AS new_id FROM ${TABLE_CHECKED} WHERE drop_code IS NULL)`;
	const written: Record<string, number> = {};
	const count = async (t: string) => (written[t] = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))[0].n);
	if (kind === 'tasks') {
		const fixed = (f: string) => `CASE WHEN f_completed_before_assigned AND ${act('completed-before-assigned')} = 'fix' THEN NULL ELSE ${eff(f)} END`;
		await db.query(`CREATE OR REPLACE TABLE tasks AS
WITH k AS (SELECT new_id, town_code, village_id, category_code, status_code, ${eff('assigned_on')}::DATE AS a, ${eff('due_on')}::DATE AS d, (${fixed('completed_on')})::DATE AS c FROM ${kept}),
latest AS (SELECT max(greatest(a, coalesce(c, a))) AS day FROM k)
SELECT new_id AS task_id, town_code::VARCHAR AS town_code, village_id::BIGINT AS village_id, coalesce(category_code, 'other')::VARCHAR AS category,
	a AS assigned_on, d AS due_on, c AS completed_on,
	coalesce(status_code, CASE WHEN c IS NOT NULL THEN 'done' WHEN d < latest.day THEN 'overdue' ELSE 'in_progress' END)::VARCHAR AS status
FROM k, latest ORDER BY task_id`);
		await count('tasks');
	} else {
		const liaison = col('liaison_id')
			? `CASE WHEN (SELECT count(*) = count(try_cast(liaison_id_raw AS INTEGER)) FROM ${TABLE_CHECKED} WHERE liaison_id_raw IS NOT NULL) THEN try_cast(liaison_id_raw AS INTEGER) ELSE dense_rank() OVER (ORDER BY liaison_id_raw)::INTEGER END`
			: 'NULL::INTEGER';
		await db.query(`CREATE OR REPLACE TABLE import_households AS
SELECT new_id AS household_id, town_code::VARCHAR AS town_code, village_id::BIGINT AS village_id, grid_unit::BIGINT AS grid_id,
	CASE WHEN liaison_id_raw IS NULL THEN NULL ELSE ${liaison} END AS liaison_id, try_cast(size_raw AS INTEGER) AS size, type_code::VARCHAR AS type,
	colour_code, quarter_code, line_code
FROM ${kept} ORDER BY household_id`);
		await db.query(`CREATE OR REPLACE TABLE households AS SELECT household_id, town_code, village_id, grid_id, liaison_id, size, type FROM import_households ORDER BY household_id`);
		// Colours: one quarter per household, the file's or (none given) the quarter of the latest case.
		await db.query(`CREATE OR REPLACE TABLE household_status AS
WITH q AS (SELECT coalesce((SELECT strftime(max(received_at), '%Y') || 'Q' || quarter(max(received_at))::VARCHAR FROM cases), '${thisQuarter()}') AS latest)
SELECT household_id, coalesce(quarter_code, q.latest)::VARCHAR AS quarter, colour_code::VARCHAR AS colour FROM import_households, q WHERE colour_code IS NOT NULL ORDER BY quarter, household_id`);
		// Liaisons: each one once, placed where most of their households are, with the households they link.
		await db.query(`CREATE OR REPLACE TABLE liaisons AS
SELECT liaison_id, mode(line_code)::VARCHAR AS line, mode(town_code)::VARCHAR AS town_code, mode(village_id)::BIGINT AS village_id, NULL::BIGINT AS grid_id, count(*)::INTEGER AS households_linked
FROM import_households WHERE liaison_id IS NOT NULL GROUP BY liaison_id ORDER BY liaison_id`);
		for (const t of ['households', 'household_status', 'liaisons']) await count(t);
		units = await countHouseholds(db, units);
		await db.query('DROP TABLE import_households');
	}
	for (const t of [TABLE_CHECKED, COPIES_TABLE, IDS_TABLE]) await db.query(`DROP TABLE IF EXISTS ${t}`);
	if ((written.tasks ?? written.households) !== totals.kept) throw new Error(`importer defect: ${written.tasks ?? written.households} ${kind} written, ${totals.kept} kept`);
	return {
		units,
		report: { files: raw.files.map((f) => f.name), rows: totals.rows, kept: totals.kept, dropped: totals.rows - totals.kept, problems, renumbered, tables: written }
	};
}

/** Today's quarter, 'YYYYQn' (DuckDB-WASM has no current_date without its ICU extension). */
const thisQuarter = (now = new Date()) => `${now.getUTCFullYear()}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

/**
 * Every unit's households and population counted from the imported households (a household
 * counts in its grid, or else its village, or else its town, and in every unit above), in the
 * units table and in the rows returned. Population: the households' sizes (empty when none is given).
 */
async function countHouseholds(db: ImportDb, units: UnitRow[]): Promise<UnitRow[]> {
	const counts = await db.query<{ unit_id: string; n: number; p: number | null }>(`WITH RECURSIVE
leaf AS (
	SELECT coalesce(h.grid_id, h.village_id, t.unit_id) AS unit_id, count(*) AS n, sum(h.size) AS p
	FROM households h LEFT JOIN units t ON t.level = 'town' AND t.town_code = h.town_code GROUP BY ALL
),
up(unit_id, n, p) AS (
	SELECT unit_id, n, p FROM leaf
	UNION ALL SELECT u.parent_id, up.n, up.p FROM up JOIN units u ON u.unit_id = up.unit_id WHERE u.parent_id IS NOT NULL
)
SELECT unit_id::VARCHAR AS unit_id, sum(n)::INTEGER AS n, sum(p)::INTEGER AS p FROM up GROUP BY unit_id`);
	const by = new Map(counts.map((c) => [String(c.unit_id), c]));
	const out = units.map((u) => {
		const c = by.get(String(u[0]));
		return [...u.slice(0, 7), c?.n ?? 0, c?.p ?? null];
	});
	await loadCsv(db, 'import_unit_counts', ['unit_id', 'households', 'population'], out.map((u) => [u[0], u[7], u[8]]));
	await db.query(`CREATE OR REPLACE TABLE units AS SELECT u.* REPLACE (c.households::INTEGER AS households, c.population::INTEGER AS population)
FROM units u JOIN import_unit_counts c ON c.unit_id = u.unit_id::VARCHAR`);
	await db.query('DROP TABLE import_unit_counts');
	return out;
}

/**
 * After the tables of the other kinds are written: which hold rows (the tables the dataset writer
 * fills) and which the pages may draw from (the profile's `tables`, profile.ts). Liaisons count
 * only with their line (the liaison lines chart needs it).
 */
export async function filledTables(db: ImportDb, mapping: Mapping, reports: Partial<Record<TableKind, TableReport>>) {
	const filled = Object.values(reports).flatMap((r) => Object.entries(r!.tables).filter(([, n]) => n > 0).map(([t]) => t));
	const households = filled.includes('households');
	return {
		filled: filled as ('tasks' | 'households' | 'household_status' | 'liaisons')[],
		tables: {
			tasks: filled.includes('tasks'),
			households,
			household_status: filled.includes('household_status'),
			liaisons: filled.includes('liaisons') && Boolean(mapping.tables?.households?.fields.line),
			grids: households && (await db.query<{ n: number }>('SELECT count(grid_id)::INTEGER AS n FROM households'))[0].n > 0
		}
	};
}
