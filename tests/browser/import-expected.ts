import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { headline, type Headline } from '../../src/lib/data/overview-queries';
import { emptyTableSql } from '../../src/lib/data/table-loader';
import { parseMapping } from '../../src/lib/import/mapping';
import { applyMapping, deriveTables, readFiles, type ImportReport } from '../../src/lib/import/pipeline';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';
import { openImportDb } from '../../src/lib/server/import-db';
import { csvText } from '../../sim/dataset/csv';
import { readCsvSql, SCHEMAS, TABLE_NAMES } from '../../sim/dataset/schema';

/**
 * What the command line's code (DuckDB in Node) makes of a file under a mapping: the checks'
 * report, and the overview's county headline computed by the overview's own query on the
 * imported tables — the browser import must show the same.
 */
export async function nodeImport(file: string, mapFile: string): Promise<{ report: ImportReport; headline: Headline }> {
	const db = await openImportDb();
	try {
		const raw = await readFiles(db, [{ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
		const { report, units } = await applyMapping(db, raw, parseMapping(JSON.parse(readFileSync(mapFile, 'utf8'))), { seed: DEFAULT_SEED });
		await deriveTables(db);
		const path = await db.registerFile('units.csv', new TextEncoder().encode(csvText([SCHEMAS.units.columns.map(([n]) => n), ...units])));
		await db.query(`CREATE OR REPLACE TABLE units AS SELECT * FROM ${readCsvSql('units', path)}`);
		for (const t of TABLE_NAMES) await db.query(emptyTableSql(t));
		return { report, headline: await headline(db, null) };
	} finally {
		db.close();
	}
}
