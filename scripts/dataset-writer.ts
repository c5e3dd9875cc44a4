import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCounty } from '../sim/county/build-county';
import { csvLine } from '../sim/dataset/csv';
import { BROWSER_TABLES, DERIVED_TABLES, RAW_TABLES, SCHEMAS, type TableName } from '../sim/dataset/schema';
import { CASE_COUNTS_SQL, CASE_DAYS_SQL, CASE_VILLAGES_SQL } from '../sim/dataset/case-cubes';
import type { CsvValue } from '../sim/dataset/csv';
import { openNodeDb, type DatasetMeta, type NodeDb, type TableMeta } from '../src/lib/server/dataset';
import { datasetTables, type DatasetOptions } from '../sim/dataset/tables';
import { writeArrowColumns, writeArrowStream } from './arrow-table';

/** Version of the generator's method (2: ledger cases drawn from the model's history). */
export const GENERATOR_VERSION = '2';

/** Writes one Arrow file of cases per village (ordered by case id) into `dir`/cases/. */
async function writeVillageCases(db: NodeDb, dir: string): Promise<DatasetMeta['villageCases']> {
	const out = join(dir, 'cases');
	await rm(out, { recursive: true, force: true });
	await mkdir(out, { recursive: true });
	// Every village gets a file, an empty one if it has no cases.
	const villages = await db.query<{ v: string }>(`SELECT unit_id::VARCHAR AS v FROM units WHERE level = 'village' ORDER BY v`);
	// Read column by column, in the values Arrow's builders take: timestamps as epoch milliseconds.
	const select = SCHEMAS.cases.columns.map(([c, t]) => (t === 'TIMESTAMP' ? `epoch_ms(${c}) AS ${c}` : c)).join(', ');
	const timestamps = SCHEMAS.cases.columns.map(([, t]) => t === 'TIMESTAMP');
	// Ordered by village once, so each village's rows sit together and its scan skips the rest.
	await db.query(`CREATE OR REPLACE TEMP TABLE village_cases AS SELECT ${select} FROM cases ORDER BY village_id, case_id`);
	const hash = createHash('sha256');
	let rows = 0;
	let bytes = 0;
	for (const { v } of villages) {
		const read = await db.columns(`SELECT * FROM village_cases WHERE village_id = $1::BIGINT ORDER BY case_id`, [v]);
		// A village without cases (a small scaled dataset) reads no columns at all: write it empty.
		const columns = read.length ? read : SCHEMAS.cases.columns.map(() => []);
		columns.forEach((values, c) => {
			if (timestamps[c]) columns[c] = values.map((x) => (x === null ? null : Number(x)));
		});
		const written = await writeArrowColumns(join(out, `${v}.arrow`), 'cases', [columns]);
		hash.update(written.sha256);
		rows += columns[0].length;
		bytes += written.bytes;
	}
	await db.query(`DROP TABLE village_cases`);
	return { dir: 'cases', files: villages.length, rows, bytes, sha256: hash.digest('hex') };
}

/** Writes every table as CSV plus meta.json (row counts and hashes) into `dir`. */
export async function writeDataset(options: DatasetOptions & { dir: string }): Promise<DatasetMeta> {
	const county = buildCounty({ seed: options.seed });
	return writeDatasetTables(options.dir, { generator: GENERATOR_VERSION, seed: options.seed, synthetic: true }, datasetTables(county, options));
}

/** Rows of a raw table: generated (synchronous) or read in chunks from a database (asynchronous). */
export type RowSource = () => Iterable<CsvValue[]> | AsyncIterable<CsvValue[]>;

/**
 * Writes the raw tables given (CSV, and Arrow for the browser's), derives the case tables from the
 * cases with DuckDB (the generator's SQL, case-cubes.ts), writes each village's cases and
 * meta.json. The generator and the importer (scripts/import.ts) both write through it.
 */
export async function writeDatasetTables(
	dir: string,
	head: Pick<DatasetMeta, 'generator' | 'seed' | 'synthetic' | 'imported' | 'profile'>,
	tables: Record<(typeof RAW_TABLES)[number], RowSource>
): Promise<DatasetMeta> {
	await mkdir(dir, { recursive: true });
	const meta: DatasetMeta = {
		...head,
		tables: {} as Record<TableName, TableMeta>,
		villageCases: { dir: 'cases', files: 0, rows: 0, bytes: 0, sha256: '' }
	};
	const write = async (name: TableName, rows: RowSource) => {
		const csv = await writeTable(join(dir, `${name}.csv`), name, rows());
		meta.tables[name] = csv;
		if ((BROWSER_TABLES as readonly TableName[]).includes(name)) {
			const source = rows();
			const sync: Iterable<CsvValue[]> = Symbol.iterator in source ? source : [];
			if (!(Symbol.iterator in source)) for await (const row of source) (sync as CsvValue[][]).push(row);
			const arrow = await writeArrowStream(join(dir, `${name}.arrow`), name, sync);
			meta.tables[name].arrow = { file: `${name}.arrow`, ...arrow };
		} else await rm(join(dir, `${name}.arrow`), { force: true });
	};
	for (const name of RAW_TABLES) await write(name, tables[name]);
	// The derived tables, by DuckDB from the cases just written (deterministic: the SQL orders rows).
	const db = await openNodeDb(dir, ['cases', 'units']);
	try {
		for (const [name, sql] of [
			['case_counts', CASE_COUNTS_SQL],
			['case_days', CASE_DAYS_SQL],
			['case_villages', CASE_VILLAGES_SQL]
		] as const satisfies readonly (readonly [(typeof DERIVED_TABLES)[number], string])[]) {
			await db.query(sql);
			const columns = SCHEMAS[name].columns.map(([c]) => c);
			const rows = (await db.query<Record<string, CsvValue>>(`SELECT * FROM ${name}`)).map((r) => columns.map((c) => r[c]));
			await write(name, () => rows);
		}
		meta.villageCases = await writeVillageCases(db, dir);
	} finally {
		db.close();
	}
	await writeFile(join(dir, 'meta.json'), JSON.stringify(meta, null, '\t') + '\n');
	return meta;
}

async function writeTable(
	path: string,
	name: TableName,
	rows: Iterable<Parameters<typeof csvLine>[0]> | AsyncIterable<Parameters<typeof csvLine>[0]>
): Promise<Omit<TableMeta, 'arrow'>> {
	const out = createWriteStream(path);
	const hash = createHash('sha256');
	let bytes = 0;
	let count = 0;
	let chunk = csvLine(SCHEMAS[name].columns.map(([n]) => n));
	const flush = async () => {
		const buf = Buffer.from(chunk, 'utf8');
		hash.update(buf);
		bytes += buf.length;
		chunk = '';
		if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
	};
	const add = async (row: Parameters<typeof csvLine>[0]) => {
		chunk += csvLine(row);
		count++;
		if (chunk.length > 1 << 20) await flush();
	};
	if (Symbol.iterator in rows) for (const row of rows) await add(row);
	else for await (const row of rows) await add(row);
	await flush();
	await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
	return { file: `${name}.csv`, rows: count, bytes, sha256: hash.digest('hex') };
}
