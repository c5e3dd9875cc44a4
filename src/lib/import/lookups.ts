/**
 * The value tables the checks join: every distinct status and code value of the file with the code
 * it maps to (NULL: unknown), and every distinct place with its unit. Resolved in JavaScript (the
 * vocabularies are small) and loaded through the CSV reader, so no value is spliced into SQL.
 */
import { csvText } from '$sim/dataset/csv';
import { readCsvSql } from '$sim/dataset/schema';
import type { Mapping } from './mapping';
import type { RawTable } from './read';
import { countyMatcher, ownUnits, type UnitRow } from './units';
import { CODE_FIELDS, knownValues, norm, type CodeField } from './vocabulary';
import { sqlString, type ImportDb } from './types';

/** The raw table's column holding a mapped field, or null. */
export function columnOf(raw: RawTable, header: string | undefined): string | null {
	if (header === undefined) return null;
	const i = raw.headers.indexOf(header);
	return i < 0 ? null : raw.columns[i];
}

export async function loadCsv(db: ImportDb, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
	const path = await db.registerFile(`${table}.csv`, new TextEncoder().encode(csvText([columns, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))))])));
	try {
		const cols = columns.map((c) => `'${c}': 'VARCHAR'`).join(', ');
		await db.query(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(path)}, header = true, auto_detect = false, columns = {${cols}}, delim = ',', quote = '"', escape = '"', parallel = false)`);
	} finally {
		await db.dropFile(path);
	}
}

/** Builds `import_values(field, raw, code)`. */
export async function loadValues(db: ImportDb, raw: RawTable, mapping: Mapping): Promise<void> {
	const rows: unknown[][] = [];
	for (const field of ['status', ...CODE_FIELDS] as const) {
		const col = columnOf(raw, mapping.fields[field]);
		if (!col) continue;
		const known = knownValues(field);
		const user = new Map(Object.entries(mapping.values[field as CodeField | 'status'] ?? {}).map(([k, v]) => [k.trim(), v]));
		const values = await db.query<{ v: string }>(`SELECT DISTINCT import_txt(${col}) AS v FROM ${raw.table} WHERE import_txt(${col}) IS NOT NULL`);
		for (const { v } of values) rows.push([field, v, user.get(v) ?? known.get(norm(v)) ?? null]);
	}
	await loadCsv(db, 'import_values', ['field', 'raw', 'code'], rows);
}

/** The name of the area's unit when the mapping gives none (the pages then say "unnamed area" in their language). */
export const UNNAMED_AREA = 'Imported area';

/**
 * The area's name in each language: given (`names`: the command line's or the published figures'),
 * or the mapping's name for the file's own places; each language falls back to the other. Null:
 * the county's own towns (Shiquan); no name at all for the file's own places: empty (shown as
 * "unnamed area").
 */
export function importArea(mapping: Mapping, names: { zh?: string; en?: string } = {}): { zh: string; en: string } | null {
	const named = mapping.places.name && mapping.places.name !== UNNAMED_AREA ? mapping.places.name : undefined;
	const { zh, en } = names;
	if (zh || en || named) return { zh: zh ?? en ?? named!, en: en ?? zh ?? named! };
	return mapping.places.mode === 'county' ? null : { zh: '', en: '' };
}

/** Builds `import_places(town_raw, village_raw, town_code, village_id)` and returns the units. */
export async function loadPlaces(db: ImportDb, raw: RawTable, mapping: Mapping, county: () => UnitRow[]): Promise<UnitRow[]> {
	const town = columnOf(raw, mapping.fields.town);
	const village = columnOf(raw, mapping.fields.village);
	const pairs = (
		await db.query<{ t: string | null; v: string | null }>(
			`SELECT DISTINCT ${town ? `import_txt(${town})` : 'NULL::VARCHAR'} AS t, ${village ? `import_txt(${village})` : 'NULL::VARCHAR'} AS v FROM ${raw.table}`
		)
	).map((r) => [r.t, r.v] as [string | null, string | null]);
	let units: UnitRow[];
	let match: (t: string | null, v: string | null) => { town_code: string | null; village_id: number | null };
	if (mapping.places.mode === 'county') {
		units = county();
		match = countyMatcher(units, mapping.places.towns, mapping.places.villages);
	} else {
		({ units, match } = ownUnits(mapping.places.name ?? UNNAMED_AREA, pairs.filter(([t, v]) => t !== null || v !== null || (!town && !village))));
	}
	await loadCsv(
		db,
		'import_places',
		['town_raw', 'village_raw', 'town_code', 'village_id'],
		pairs.map(([t, v]) => {
			const m = match(t, v);
			return [t, v, m.town_code, m.village_id];
		})
	);
	const path = await db.registerFile('import_units.csv', new TextEncoder().encode(csvText([['unit_id', 'level', 'parent_id', 'town_code', 'kind', 'name_zh', 'name_en', 'households', 'population'], ...units])));
	try {
		await db.query(`CREATE OR REPLACE TABLE units AS SELECT * FROM ${readCsvSql('units', path)}`);
	} finally {
		await db.dropFile(path);
	}
	return units;
}
