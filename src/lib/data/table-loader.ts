import { readCsvSql, type TableName } from '../../../sim/dataset/schema';

/** The statement that loads one table from its CSV file into DuckDB memory, with declared types. */
export function createTableSql(table: TableName, path: string): string {
	return `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${readCsvSql(table, path)}`;
}

/**
 * Statements that keep DuckDB from fetching extensions from the internet: a missing extension
 * must fail at once (users may be offline or behind networks where DuckDB's site is unreachable).
 */
export const OFFLINE_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
