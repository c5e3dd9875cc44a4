import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../../sim/dataset/schema';
import { plainRow, type QueryParam, type QueryRunner } from '../data/query-runner';
import { createTableSql, OFFLINE_SETTINGS } from '../data/table-loader';

/**
 * DuckDB in Node over the dataset files, used at build time to prerender the first view with
 * the same SQL the browser runs later.
 */
export interface NodeDb extends QueryRunner {
	/** A result as one array per column (faster than row objects for large results). */
	columns(sql: string, params?: readonly QueryParam[]): Promise<unknown[][]>;
	close(): void;
}

export async function openNodeDb(dir: string, tables: readonly TableName[] = TABLE_NAMES): Promise<NodeDb> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const s of OFFLINE_SETTINGS) await conn.run(s);
	for (const t of tables) await conn.run(createTableSql(t, resolve(dir, `${t}.csv`)));
	return {
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
