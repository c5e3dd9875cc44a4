import { DuckDBInstance } from '@duckdb/node-api';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { COUNTY_SEED } from '$sim/county/published';
import { TABLE_NAMES, type TableName } from '$sim/dataset/schema';
import { plainRow, type QueryParam, type QueryRunner } from '$lib/data/query-runner';
import { createTableSql, OFFLINE_SETTINGS } from '$lib/data/table-loader';
import type { DatasetProfile } from '$lib/data/profile';
import { countyFigures, parsePublished, type Figures } from '$lib/data/published-figures';

/** The optional file of published figures in an imported dataset's folder. */
export const PUBLISHED_FILE = 'published.json';

/**
 * The dataset as the build and the scripts share it: where the site's files are, the seed they
 * are generated from, what meta.json says about them, and DuckDB in Node over them. The
 * generator (scripts/dataset-writer.ts) writes it; the build prerenders from it.
 */

/** Where the site's dataset is written (served as /data/): static/data, or SITE_STATIC/data for a second site (svelte.config.js). */
export const SITE_DATA_DIR = `${process.env.SITE_STATIC ?? 'static'}/data`;
/** The seed of the dataset the site serves: the county's own. */
export const DEFAULT_SEED = COUNTY_SEED;

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

/** meta.json: row counts and hashes of every file (the hashes version the files' URLs). */
export interface DatasetMeta {
	generator: string;
	seed: number;
	/** False for a dataset written by the importer (scripts/import.ts) from a user's own files. */
	synthetic: boolean;
	/** What an imported dataset was made from (absent for the synthetic one). */
	imported?: { files: string[]; rows: number; kept: number; at: string; places: 'county' | 'own' };
	tables: Record<TableName, TableMeta>;
	/**
	 * Each village's cases as an Arrow stream, `cases/<village id>.arrow`: the browser loads one
	 * when a user drills down to that village on the ledger page and derives its slices there.
	 * `sha256` hashes the files in order (it versions their URLs).
	 */
	villageCases: { dir: string; files: number; rows: number; bytes: number; sha256: string };
	/**
	 * The prepared answers (src/lib/data/prepared.ts), `prepared/<name>.json`, written by
	 * `npm run data` (src/lib/server/prepared-writer.ts); `sha256` hashes them in order (it
	 * versions their URLs). Absent for a dataset without them: its pages then ask the engine.
	 */
	prepared?: { dir: string; files: number; bytes: number; sha256: string };
	/**
	 * Whose data it is, its places and period, the case fields it has (src/lib/data/profile.ts);
	 * absent: the synthetic county's.
	 */
	profile?: DatasetProfile;
}

export async function readDatasetMeta(dir: string): Promise<DatasetMeta> {
	return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
}

/**
 * DuckDB in Node over the dataset's CSV files, used at build time to prerender the first view
 * with the same SQL the browser runs later, and by the generator to derive tables.
 */
export interface NodeDb extends QueryRunner {
	/** A result as one array per column (faster than row objects for large results). */
	columns(sql: string, params?: readonly QueryParam[]): Promise<unknown[][]>;
	close(): void;
}

/** DuckDB in Node in memory, offline (no extension downloads), with no tables yet. */
export async function openMemoryDb(): Promise<NodeDb & { run(sql: string): Promise<void> }> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const s of OFFLINE_SETTINGS) await conn.run(s);
	return {
		async run(sql: string) {
			await conn.run(sql);
		},
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []) {
			const reader = await conn.runAndReadAll(sql, params as QueryParam[]);
			return reader.getRowObjectsJS().map((r) => plainRow<T>(r));
		},
		async columns(sql: string, params: readonly QueryParam[] = []) {
			return (await conn.runAndReadAll(sql, params as QueryParam[])).getColumnsJS() as unknown[][];
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

export async function openNodeDb(dir: string, tables: readonly TableName[] = TABLE_NAMES): Promise<NodeDb> {
	const db = await openMemoryDb();
	for (const t of tables) await db.run(createTableSql(t, resolve(dir, `${t}.csv`)));
	return db;
}

/**
 * The published figures the pages set beside the dataset's: the synthetic county's, or for an
 * imported dataset those in its folder's published.json (none without one). A malformed file
 * stops the build with its message.
 */
export async function readPublished(dir: string, meta: DatasetMeta): Promise<Figures> {
	if (meta.synthetic) return countyFigures();
	let text: string;
	try {
		text = await readFile(join(dir, PUBLISHED_FILE), 'utf8');
	} catch {
		return {};
	}
	return parsePublished(JSON.parse(text)).figures;
}
