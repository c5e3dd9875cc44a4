import { readCsvSql, SCHEMAS, type TableName } from '$sim/dataset/schema';

/** The statement that loads one table from its CSV file into DuckDB memory, with declared types. */
export function createTableSql(table: TableName, path: string): string {
	return `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${readCsvSql(table, path)}`;
}

/** A table's columns: name and DuckDB type, in order. */
export type Columns = readonly (readonly [string, string])[];

/** The statement that creates an empty table with these columns (if it is not there). */
export function createEmptySql(table: string, columns: Columns): string {
	return `CREATE TABLE IF NOT EXISTS ${table} (${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`;
}

/** The statement that creates an empty table with the declared column types (if it is not there). */
export function emptyTableSql(table: TableName): string {
	return createEmptySql(table, SCHEMAS[table].columns);
}

/**
 * Statements that keep DuckDB from fetching extensions from the internet: a missing extension
 * must fail at once (users may be offline or behind networks where DuckDB's site is unreachable).
 */
export const OFFLINE_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];

/** How a loaded table's columns differ from the declared schema, or null when they match. */
export function schemaMismatch(table: TableName, columns: readonly { name: string; type: string }[]): string | null {
	return columnsMismatch(SCHEMAS[table].columns, columns);
}

/** How a loaded table's columns differ from the expected ones, or null when they match. */
export function columnsMismatch(expected: Columns, columns: readonly { name: string; type: string }[]): string | null {
	const got = columns.map((c) => `${c.name} ${c.type}`).join(', ');
	const want = expected.map(([n, t]) => `${n} ${t}`).join(', ');
	return got === want ? null : `expected columns (${want}), found (${got || 'none'})`;
}
