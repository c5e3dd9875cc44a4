import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { headline, type Headline } from '../../src/lib/data/overview-queries';
import { bulletin, ledgerData, noFilters, type BulletinRow, type LedgerData } from '../../src/lib/data/ledger-queries';
import { profileOf } from '../../src/lib/data/profile';
import { importArea, UNNAMED_AREA } from '../../src/lib/import/lookups';
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
export interface NodeImport {
	report: ImportReport;
	headline: Headline;
	/** The ledger page's county view, and a town's and one of its villages' (the village with most cases). */
	ledger: LedgerData;
	village: { town: string; id: string; ledger: LedgerData };
	/** The bulletin of the quarter with most cases. */
	bulletin: { quarter: string; rows: BulletinRow[] };
	/** The rows of each query asked for (`queries`), by DuckDB in Node on the imported tables. */
	sql: Record<string, Record<string, unknown>[]>;
}

export async function nodeImport(file: string, mapFile: string, queries: Record<string, string> = {}): Promise<NodeImport> {
	const db = await openImportDb();
	try {
		const raw = await readFiles(db, [{ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
		const mapping = parseMapping(JSON.parse(readFileSync(mapFile, 'utf8')));
		const { report, units } = await applyMapping(db, raw, mapping, { seed: DEFAULT_SEED });
		await deriveTables(db);
		const path = await db.registerFile('units.csv', new TextEncoder().encode(csvText([SCHEMAS.units.columns.map(([n]) => n), ...units])));
		await db.query(`CREATE OR REPLACE TABLE units AS SELECT * FROM ${readCsvSql('units', path)}`);
		for (const t of TABLE_NAMES) await db.query(emptyTableSql(t));
		// The dataset's own period, levels and fields, as the command line and the browser keep them.
		const profile = await profileOf(db, { area: importArea(mapping), mapped: Object.keys(mapping.fields), unnamed: UNNAMED_AREA });
		const none = noFilters(profile);
		const [v] = await db.query<{ town: string; id: string }>(
			`SELECT town_code AS town, village_id::VARCHAR AS id FROM cases WHERE village_id IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC, id LIMIT 1`
		);
		const [{ quarter }] = await db.query<{ quarter: string }>(
			`SELECT year(received_at) || 'Q' || quarter(received_at) AS quarter FROM cases GROUP BY ALL ORDER BY count(*) DESC, quarter LIMIT 1`
		);
		const sql: NodeImport['sql'] = {};
		for (const [name, q] of Object.entries(queries)) sql[name] = await db.query(q);
		return {
			sql,
			bulletin: { quarter, rows: await bulletin(db, quarter) },
			report,
			headline: await headline(db, null, profile),
			ledger: await ledgerData(db, none),
			village: { ...v, ledger: await ledgerData(db, { ...none, town: v.town, village: v.id }) }
		};
	} finally {
		db.close();
	}
}
