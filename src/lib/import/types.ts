import type { QueryParam, QueryRunner } from '$lib/data/query-runner';

/**
 * What the importer needs of a DuckDB: SQL, and bytes made readable by SQL under a path. DuckDB in
 * Node (src/lib/server/import-db.ts) and DuckDB-WASM (registerFileBuffer) both implement it, so
 * reading, mapping and checks are the same SQL at build time and in the browser.
 */
export interface ImportDb extends QueryRunner {
	/** Makes `bytes` readable by SQL; returns the path to use in read_csv / read_parquet. */
	registerFile(name: string, bytes: Uint8Array): Promise<string>;
	/**
	 * Makes a Blob (a File the user chose) readable by SQL without copying it: the database reads
	 * it in slices. Only DuckDB-WASM has it (a UTF-8 delimited file is then never held whole in memory).
	 */
	registerBlob?(name: string, blob: Blob): Promise<string>;
	/** Forgets a registered file. */
	dropFile(path: string): Promise<void>;
	/**
	 * Appends an Arrow IPC stream's rows to `table` (creating it when `create`). Only a DuckDB that cannot read
	 * Parquet itself (DuckDB-WASM offline) has it: Parquet is then decoded in JavaScript (parquet-js.ts).
	 */
	insertArrow?(table: string, ipcStream: Uint8Array, create: boolean): Promise<void>;
}

export type ArrowImportDb = ImportDb & Required<Pick<ImportDb, 'insertArrow'>>;

export type { QueryParam };

/**
 * A problem with the user's input (a file that cannot be read, a mapping that does not fit): its
 * message is for the user, in one line. Anything else thrown by the importer is a defect.
 */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

/** SQL string literal. Used only for paths and identifiers the importer makes itself. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** SQL identifier. */
export const sqlIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;
