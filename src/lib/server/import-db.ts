import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { plainRow, type QueryParam } from '$lib/data/query-runner';
import { OFFLINE_SETTINGS } from '$lib/data/table-loader';
import type { ImportDb } from '$lib/import/types';

export interface NodeImportDb extends ImportDb {
	/** A result as one array per column. */
	columns(sql: string, params?: readonly QueryParam[]): Promise<unknown[][]>;
	close(): void;
}

/** The importer's database in Node: DuckDB in memory; registered files are written to a private temporary folder. */
export async function openImportDb(): Promise<NodeImportDb> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const s of OFFLINE_SETTINGS) await conn.run(s);
	const dir = mkdtempSync(join(tmpdir(), 'ggs-import-'));
	let n = 0;
	return {
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []) {
			const reader = await conn.runAndReadAll(sql, params as QueryParam[]);
			return reader.getRowObjectsJS().map((r) => plainRow<T>(r));
		},
		async columns(sql: string, params: readonly QueryParam[] = []) {
			return (await conn.runAndReadAll(sql, params as QueryParam[])).getColumnsJS() as unknown[][];
		},
		async registerFile(name, bytes) {
			const path = join(dir, `${n++}-${basename(name).replace(/[^\w.-]/g, '_')}`);
			await writeFile(path, bytes);
			return path;
		},
		async dropFile(path) {
			await rm(path, { force: true });
		},
		close() {
			conn.closeSync();
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
