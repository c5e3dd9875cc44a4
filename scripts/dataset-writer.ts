import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCounty } from '../sim/county/build-county';
import { csvLine } from '../sim/dataset/csv';
import { BROWSER_TABLES, DERIVED_TABLES, RAW_TABLES, SCHEMAS, type TableName } from '../sim/dataset/schema';
import { CASE_COUNTS_SQL, CASE_DAYS_SQL } from '../sim/dataset/case-cubes';
import type { CsvValue } from '../sim/dataset/csv';
import { openNodeDb } from '../src/lib/server/node-db';
import { datasetTables, type DatasetOptions } from '../sim/dataset/tables';
import { writeArrowStream } from './arrow-table';

export const GENERATOR_VERSION = '1';
/** The seed of the dataset the site serves. */
export const DEFAULT_SEED = 20160801;
/** Where the site's dataset is written (served as /data/). */
export const SITE_DATA_DIR = 'static/data';

export interface TableMeta {
	/** The CSV file: the download format, and what DuckDB in Node reads at build time. */
	file: string;
	rows: number;
	bytes: number;
	sha256: string;
	/**
	 * The same rows as an Arrow IPC stream: what the browser engine loads (no text parsing). Not
	 * written for the raw cases, which the browser never loads (it queries the derived tables).
	 */
	arrow?: { file: string; bytes: number; sha256: string };
}

export interface DatasetMeta {
	generator: string;
	seed: number;
	synthetic: true;
	tables: Record<TableName, TableMeta>;
}

/** Writes every table as CSV plus meta.json (row counts and hashes) into `dir`. */
export async function writeDataset(options: DatasetOptions & { dir: string }): Promise<DatasetMeta> {
	await mkdir(options.dir, { recursive: true });
	const county = buildCounty({ seed: options.seed });
	const tables = datasetTables(county, options);
	const meta: DatasetMeta = {
		generator: GENERATOR_VERSION,
		seed: options.seed,
		synthetic: true,
		tables: {} as Record<TableName, TableMeta>
	};
	const write = async (name: TableName, rows: () => Iterable<CsvValue[]>) => {
		const csv = await writeTable(join(options.dir, `${name}.csv`), name, rows());
		meta.tables[name] = csv;
		if ((BROWSER_TABLES as readonly TableName[]).includes(name)) {
			const arrow = await writeArrowStream(join(options.dir, `${name}.arrow`), name, rows());
			meta.tables[name].arrow = { file: `${name}.arrow`, ...arrow };
		} else await rm(join(options.dir, `${name}.arrow`), { force: true });
	};
	for (const name of RAW_TABLES) await write(name, tables[name]);
	// The derived tables, by DuckDB from the cases just written (deterministic: the SQL orders rows).
	const db = await openNodeDb(options.dir, ['cases']);
	try {
		for (const [name, sql] of [
			['case_counts', CASE_COUNTS_SQL],
			['case_days', CASE_DAYS_SQL]
		] as const satisfies readonly (readonly [(typeof DERIVED_TABLES)[number], string])[]) {
			await db.query(sql);
			const columns = SCHEMAS[name].columns.map(([c]) => c);
			const rows = (await db.query<Record<string, CsvValue>>(`SELECT * FROM ${name}`)).map((r) => columns.map((c) => r[c]));
			await write(name, () => rows);
		}
	} finally {
		db.close();
	}
	await writeFile(join(options.dir, 'meta.json'), JSON.stringify(meta, null, '\t') + '\n');
	return meta;
}

async function writeTable(
	path: string,
	name: TableName,
	rows: Iterable<Parameters<typeof csvLine>[0]>
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
	for (const row of rows) {
		chunk += csvLine(row);
		count++;
		if (chunk.length > 1 << 20) await flush();
	}
	await flush();
	await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
	return { file: `${name}.csv`, rows: count, bytes, sha256: hash.digest('hex') };
}
