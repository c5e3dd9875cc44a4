/**
 * Writes the importer's cleaned cases (the `cases` and `units` tables of its database) as a
 * dataset with the same files and meta.json shape as the generator's (static/data), through the
 * generator's own writer: the derived tables come from the same SQL.
 */
import type { CsvValue } from '../sim/dataset/csv';
import { SCHEMAS } from '../sim/dataset/schema';
import type { ImportReport } from '../src/lib/import/pipeline';
import type { UnitRow } from '../src/lib/import/units';
import type { DatasetMeta } from '../src/lib/server/dataset';
import type { DatasetProfile } from '../src/lib/data/profile';
import type { NodeImportDb } from '../src/lib/server/import-db';
import { writeDatasetTables } from './dataset-writer';

/** `generator` of an imported dataset's meta.json. */
export const IMPORT_GENERATOR = 'import-1';
const CHUNK = 50_000;

async function* caseRows(db: NodeImportDb): AsyncGenerator<CsvValue[]> {
	const columns = SCHEMAS.cases.columns.map(([c, t]) => (t === 'TIMESTAMP' ? `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS ${c}` : c));
	let last = -2147483648;
	for (;;) {
		const chunk = await db.columns(`SELECT ${columns.join(', ')} FROM cases WHERE case_id > $1 ORDER BY case_id LIMIT ${CHUNK}`, [last]);
		const n = chunk[0]?.length ?? 0;
		if (n === 0) return;
		for (let i = 0; i < n; i++) yield chunk.map((col) => (typeof col[i] === 'bigint' ? Number(col[i]) : (col[i] as CsvValue)));
		last = Number(chunk[0][n - 1]);
		if (n < CHUNK) return;
	}
}

/** The tables besides the cases an import may fill (tasks and households files: src/lib/import/tables.ts). */
export const FILLED_TABLES = ['tasks', 'households', 'household_status', 'liaisons'] as const;
export type FilledTable = (typeof FILLED_TABLES)[number];

/** A table of the import's database in its schema's column order (dates as text), read at once (these tables are small). */
async function* tableRows(db: NodeImportDb, name: FilledTable): AsyncGenerator<CsvValue[]> {
	const columns = SCHEMAS[name].columns.map(([c, t]) => (t === 'DATE' ? `strftime(${c}, '%Y-%m-%d') AS ${c}` : c));
	const chunk = await db.columns(`SELECT ${columns.join(', ')} FROM ${name}`);
	const n = chunk[0]?.length ?? 0;
	for (let i = 0; i < n; i++) yield chunk.map((col) => (typeof col[i] === 'bigint' ? Number(col[i]) : (col[i] as CsvValue)));
}

export async function writeImportedDataset(
	db: NodeImportDb,
	dir: string,
	report: ImportReport,
	units: UnitRow[],
	seed: number,
	/** Whose data, its places, period and fields (src/lib/data/profile.ts: `profileOf`). */
	profile?: DatasetProfile,
	/** The tables besides the cases the import filled (the others are written empty). */
	filled: readonly FilledTable[] = []
): Promise<DatasetMeta> {
	const none = () => [];
	const rows = (t: FilledTable) => (filled.includes(t) ? () => tableRows(db, t) : none);
	return writeDatasetTables(
		dir,
		{
			generator: IMPORT_GENERATOR,
			seed,
			synthetic: false,
			imported: { files: [...report.files.map((f) => f.name), ...Object.values(report.tables ?? {}).flatMap((t) => t!.files)], rows: report.rows, kept: report.kept, at: new Date().toISOString(), places: report.places.mode },
			...(profile && { profile })
		},
		{ units: () => units, households: rows('households'), household_status: rows('household_status'), liaisons: rows('liaisons'), cases: () => caseRows(db), tasks: rows('tasks'), cadres: none }
	);
}
