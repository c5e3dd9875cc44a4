/**
 * The importer from files to cleaned cases, DOM-free: read → (suggest a mapping) → look up values
 * and places → check → cases and units. The CLI (scripts/import.ts) runs it with DuckDB in Node;
 * the browser page will run it in a worker with DuckDB-WASM.
 */
import { CASE_COUNTS_SQL, CASE_DAYS_SQL, CASE_VILLAGES_SQL } from '$sim/dataset/case-cubes';
import { buildCases } from './cases';
import { checkRows, problems, typeRows, type Problem } from './checks';
import { loadPlaces, loadValues } from './lookups';
import { mappingKey, mappingProblem, type Mapping } from './mapping';
import { readSources, type RawTable, type ReadFile, type SourceFile } from './read';
import { MACROS } from './sql';
import { profileColumns, suggestMapping, type ColumnProfile } from './suggest';
import { countyUnits, type UnitRow } from './units';
import { ImportError, type ImportDb } from './types';

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
}

export interface ImportOptions {
	/** Seed of the county whose units the cases are placed in (the site's: DEFAULT_SEED). */
	seed: number;
}

/** Reads the files and makes the importer's macros. */
export async function readFiles(db: ImportDb, sources: readonly SourceFile[]): Promise<RawTable> {
	for (const m of MACROS) await db.query(m);
	return readSources(db, sources);
}

/** The columns' profiles and a suggested mapping for what was read. */
export async function suggest(db: ImportDb, raw: RawTable, options: ImportOptions): Promise<{ profiles: ColumnProfile[]; mapping: Mapping }> {
	const profiles = await profileColumns(db, raw);
	return { profiles, mapping: suggestMapping(profiles, countyUnits(options.seed)) };
}

/** Checks the rows under a mapping and builds `cases` and `units`; returns the report. */
export async function applyMapping(db: ImportDb, raw: RawTable, mapping: Mapping, options: ImportOptions): Promise<{ report: ImportReport; units: UnitRow[] }> {
	const problem = mappingProblem(mapping, raw.headers);
	if (problem) throw new ImportError(problem);
	await loadValues(db, raw, mapping);
	const units = await loadPlaces(db, raw, mapping, () => countyUnits(options.seed));
	await typeRows(db, raw, mapping);
	await checkRows(db, raw, mapping);
	const checked = await problems(db, raw, mapping);
	const { renumbered } = await buildCases(db, mapping);
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
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
export async function deriveTables(db: ImportDb): Promise<void> {
	for (const sql of [CASE_COUNTS_SQL, CASE_DAYS_SQL, CASE_VILLAGES_SQL]) await db.query(sql);
}
