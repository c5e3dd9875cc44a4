/**
 * The importer from files to cleaned cases, DOM-free: read → (suggest a mapping) → look up values
 * and places → check → cases and units. The CLI (scripts/import.ts) runs it with DuckDB in Node;
 * the browser page will run it in a worker with DuckDB-WASM.
 */
import { CASE_COUNTS_SQL, CASE_DAYS_SQL, CASE_VILLAGES_SQL } from '$sim/dataset/case-cubes';
import { buildCases } from './cases';
import { CHECKED_TABLE, checkRows, COPIES_TABLE, IDS_TABLE, markCopies, markIdRepeats, problems, typeRows, type Problem } from './checks';
import { loadPlaces, loadValues } from './lookups';
import { mappingKey, mappingProblem, type Mapping } from './mapping';
import { readSources, type RawTable, type ReadFile, type SourceFile } from './read';
import { MACROS } from './sql';
import { profileColumns, suggestMapping, type ColumnProfile } from './suggest';
import { countyUnits, type UnitRow } from './units';
import { ImportError, type ImportDb } from './types';
import { untimed, type Timed } from './stages';
import type { TableReport } from './tables';
import type { TableKind } from './table-vocabulary';

export const REPORT_FORMAT = 'ggs-import-report';

export interface ImportReport {
	format: typeof REPORT_FORMAT;
	version: 1;
	files: Omit<ReadFile, 'headers'>[];
	/** The key of the mapping used (its set of headers). */
	mappingKey: string;
	rows: number;
	kept: number;
	dropped: number;
	problems: Problem[];
	/** Whether the cases were numbered anew (the file's ids were not unique whole numbers). */
	renumbered: boolean;
	places: { mode: 'county' | 'own'; towns: number; villages: number };
	/** Files of tasks and households: their checks and rows, per table (tables.ts). */
	tables?: Partial<Record<TableKind, TableReport>>;
}

export interface ImportOptions {
	/** Seed of the county whose units the cases are placed in (the site's: DEFAULT_SEED). */
	seed: number;
}

/** Reads the files and makes the importer's macros. */
export async function readFiles(db: ImportDb, sources: readonly SourceFile[], timed: Timed = untimed): Promise<RawTable> {
	for (const m of MACROS) await db.query(m);
	return readSources(db, sources, timed);
}

/** The columns' profiles and a suggested mapping for what was read. */
export async function suggest(db: ImportDb, raw: RawTable, options: ImportOptions, timed: Timed = untimed): Promise<{ profiles: ColumnProfile[]; mapping: Mapping }> {
	const profiles = await timed('profile columns', () => profileColumns(db, raw));
	return { profiles, mapping: await timed('suggest mapping', () => suggestMapping(profiles, countyUnits(options.seed))) };
}

/** Checks the rows under a mapping and builds `cases` and `units`; returns the report. */
export async function applyMapping(db: ImportDb, raw: RawTable, mapping: Mapping, options: ImportOptions, timed: Timed = untimed): Promise<{ report: ImportReport; units: UnitRow[] }> {
	const problem = mappingProblem(mapping, raw.headers);
	if (problem) throw new ImportError(problem);
	await timed('values', () => loadValues(db, raw, mapping));
	const units = await timed('places', () => loadPlaces(db, raw, mapping, () => countyUnits(options.seed)));
	await timed('check: duplicate rows', () => markCopies(db, raw));
	await timed('check: duplicate ids', () => markIdRepeats(db, raw, mapping));
	await typeRows(db, raw, mapping);
	await timed('check: all rows (one pass)', () => checkRows(db, raw, mapping));
	const checked = await timed('check: counts and examples', () => problems(db, raw, mapping));
	const { renumbered } = await timed('cases', () => buildCases(db, mapping));
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
	// The checks' tables are not needed once the cases are built (a new check makes them anew): their memory is reused.
	for (const t of [CHECKED_TABLE, COPIES_TABLE, IDS_TABLE]) await db.query(`DROP TABLE IF EXISTS ${t}`);
	if (n !== checked.kept) throw new Error(`importer defect: ${n} cases written, ${checked.kept} kept`);
	return {
		units,
		report: {
			format: REPORT_FORMAT,
			version: 1,
			files: raw.files.map(({ headers: _, ...f }) => f),
			mappingKey: mappingKey(raw.headers),
			rows: checked.rows,
			kept: checked.kept,
			dropped: checked.rows - checked.kept,
			problems: checked.problems,
			renumbered,
			places: { mode: mapping.places.mode, towns: units.filter((u) => u[1] === 'town').length, villages: units.filter((u) => u[1] === 'village').length }
		}
	};
}

/** The derived tables the dashboard reads, by the generator's SQL (sim/dataset/case-cubes.ts), in the import's database. */
export async function deriveTables(db: ImportDb, timed: Timed = untimed): Promise<void> {
	await timed('derived tables', async () => {
		for (const sql of [CASE_COUNTS_SQL, CASE_DAYS_SQL, CASE_VILLAGES_SQL]) await db.query(sql);
	});
}
