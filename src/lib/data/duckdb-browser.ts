/**
 * DuckDB-WASM in the browser, self-hosted: the wasm and worker files come from this site (Vite
 * `?url` imports), never from a CDN, and no extension is ever fetched. Import this module
 * dynamically from browser-only code: a static import breaks prerendering.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { TableName } from '../../../sim/dataset/schema';
import { DataError } from './data-error';
import { plainRow, type QueryParam, type QueryRunner } from './query-runner';
import { createTableSql, OFFLINE_SETTINGS } from './table-loader';

export interface BrowserDbOptions {
	/** URL of a table's CSV file (including any cache-busting version). */
	fileUrl: (table: TableName) => string;
}

/** A started engine: queries plus on-demand loading of tables. */
export interface BrowserDb extends QueryRunner {
	load(tables: readonly TableName[]): Promise<void>;
	close(): Promise<void>;
}

const absolute = (url: string) => new URL(url, location.href).href;

export async function startBrowserDb(options: BrowserDbOptions): Promise<BrowserDb> {
	let db: duckdb.AsyncDuckDB;
	let conn: duckdb.AsyncDuckDBConnection;
	let worker: Worker | undefined;
	try {
		const bundle = await duckdb.selectBundle({
			mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
			eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) }
		});
		worker = new Worker(bundle.mainWorker!);
		db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
		conn = await db.connect();
		for (const s of OFFLINE_SETTINGS) await conn.query(s);
	} catch (e) {
		worker?.terminate();
		throw new DataError({ kind: 'engine', detail: e instanceof Error ? e.message : String(e) });
	}

	const loading = new Map<TableName, Promise<void>>();
	const loadTable = async (table: TableName) => {
		const file = `${table}.csv`;
		let response: Response;
		try {
			response = await fetch(options.fileUrl(table));
		} catch (e) {
			throw new DataError({ kind: 'network', file, detail: e instanceof Error ? e.message : String(e) });
		}
		if (!response.ok) throw new DataError({ kind: 'file-missing', file, status: response.status });
		const bytes = new Uint8Array(await response.arrayBuffer());
		await db.registerFileBuffer(file, bytes);
		try {
			await conn.query(createTableSql(table, file));
		} catch (e) {
			throw new DataError({ kind: 'file-corrupt', file, detail: e instanceof Error ? e.message : String(e) });
		} finally {
			await db.dropFile(file);
		}
	};

	return {
		async load(tables) {
			await Promise.all(
				tables.map((t) => {
					let p = loading.get(t);
					if (!p) {
						p = loadTable(t);
						p.catch(() => loading.delete(t));
						loading.set(t, p);
					}
					return p;
				})
			);
		},
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []) {
			try {
				const stmt = await conn.prepare(sql);
				try {
					const table = await stmt.query(...params);
					return table.toArray().map((r) => plainRow<T>(r.toJSON()));
				} finally {
					await stmt.close();
				}
			} catch (e) {
				throw new DataError({ kind: 'query', detail: e instanceof Error ? e.message : String(e) });
			}
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}
