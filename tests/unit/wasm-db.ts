import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { rowsOf } from '../../src/lib/data/arrow-rows';
import type { QueryParam, QueryRunner } from '../../src/lib/data/query-runner';
import { OFFLINE_SETTINGS } from '../../src/lib/data/table-loader';
import type { ArrowImportDb } from '../../src/lib/import/types';

/**
 * The browser's engine as the tests run it: DuckDB-WASM (its Node build) with the dataset's Arrow
 * files loaded as the browser loads them, and its rows read as the browser reads them (arrow-rows.ts).
 */
export async function openWasmDb(dir: string, tables: readonly string[]): Promise<{ db: duckdb.DuckDBBindings; conn: duckdb.DuckDBConnection; runner: QueryRunner; append: (table: string, file: string) => Promise<void> }> {
	const dist = resolve('node_modules/@duckdb/duckdb-wasm/dist');
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
			eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const conn = db.connect();
	for (const s of OFFLINE_SETTINGS) conn.query(s);
	for (const t of tables) conn.insertArrowFromIPCStream(new Uint8Array(await readFile(`${dir}/${t}.arrow`)), { name: t, create: true });
	const runner: QueryRunner = {
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []) {
			const stmt = conn.prepare(sql);
			try {
				return rowsOf<T>(stmt.query(...params));
			} finally {
				stmt.close();
			}
		}
	};
	const append = async (table: string, file: string) => {
		conn.insertArrowFromIPCStream(new Uint8Array(await readFile(`${dir}/${file}`)), { name: table, create: false });
	};
	return { db, conn, runner, append };
}

/** The importer's database as the browser's worker has it (wasm-import-db.ts): DuckDB-WASM, files as buffers, Arrow tables in. */
export async function openWasmImportDb(): Promise<ArrowImportDb & { close(): void }> {
	const { db, conn, runner } = await openWasmDb('', []);
	let n = 0;
	return {
		query: runner.query,
		async registerFile(name, bytes) {
			const path = `import-${n++}-${name.replace(/[^\w.-]/g, '_')}`;
			db.registerFileBuffer(path, bytes);
			return path;
		},
		async dropFile(path) {
			db.dropFile(path);
		},
		async insertArrow(table, ipcStream, create) {
			conn.insertArrowFromIPCStream(ipcStream, { name: table, create });
		},
		close() {
			conn.close();
			db.reset();
		}
	};
}
