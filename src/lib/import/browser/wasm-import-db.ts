/**
 * The importer's database in the browser: DuckDB-WASM in a worker of its own (started by the same
 * code as the dashboard's engine, duckdb-browser.ts), implementing ImportDb: SQL, and files
 * registered as buffers. Used from the import worker (import.worker.ts).
 */
import * as arrow from 'apache-arrow';
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { rowsOf } from '$lib/data/arrow-rows';
import { startDuckDb } from '$lib/data/duckdb-browser';
import type { QueryParam } from '$lib/data/query-runner';
import type { ImportDb } from '../types';

export interface WasmImportDb extends ImportDb {
	/** A query's result as one Arrow IPC stream (the tables the dashboard loads). */
	arrowStream(sql: string): Promise<Uint8Array>;
	close(): Promise<void>;
}

export async function openWasmImportDb(): Promise<WasmImportDb> {
	const { db, conn, worker, guard } = await startDuckDb();
	let n = 0;
	return {
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []): Promise<T[]> {
			if (params.length === 0) return rowsOf<T>(await guard(conn.query(sql)));
			const stmt = await guard(conn.prepare(sql));
			try {
				return rowsOf<T>(await guard(stmt.query(...params)));
			} finally {
				await stmt.close().catch(() => {});
			}
		},
		async registerFile(name, bytes) {
			const path = `import-${n++}-${name.replace(/[^\w.-]/g, '_')}`;
			// As a Blob DuckDB reads in slices (FileReaderSync in its worker), not a buffer: a buffer
			// is copied whole into the wasm heap, which never shrinks again (a 370 MB file stayed
			// 370 MB of the engine's memory for the whole import).
			await guard(db.registerFileHandle(path, new Blob([bytes as Uint8Array<ArrayBuffer>]), DuckDBDataProtocol.BROWSER_FILEREADER, true));
			return path;
		},
		async registerBlob(name, blob) {
			const path = `import-${n++}-${name.replace(/[^\w.-]/g, '_')}`;
			await guard(db.registerFileHandle(path, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true));
			return path;
		},
		async dropFile(path) {
			await guard(db.dropFile(path)).catch(() => {});
		},
		async insertArrow(table, ipcStream, create) {
			await guard(conn.insertArrowFromIPCStream(ipcStream, { name: table, create }));
		},
		async arrowStream(sql) {
			const table = await guard(conn.query(sql));
			if (table.batches.length > 0) return arrow.tableToIPC(table, 'stream');
			// No rows: one empty batch, so the stream still declares its columns to the loader.
			const columns = Object.fromEntries(table.schema.fields.map((f) => [f.name, arrow.vectorFromArray([], f.type)]));
			return arrow.tableToIPC(new arrow.Table(columns), 'stream');
		},
		async close() {
			await conn.close().catch(() => {});
			await db.terminate().catch(() => {});
			worker.terminate();
		}
	};
}
