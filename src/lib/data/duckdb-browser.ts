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
import { DataError, fetchDataFile } from './data-error';
import type { QueryParam, QueryRunner } from './query-runner';
import { rowsOf } from './arrow-rows';
import { columnsMismatch, createEmptySql, OFFLINE_SETTINGS, type Columns } from './table-loader';
import { Cache } from '$lib/cache';
import { keepOffline } from '$lib/sw/keep-offline';
import { arrowParts, emptyStreamColumns } from './arrow-parts';
import { StartWatch, type EngineDownloadEvent, type EngineProgress } from './engine-start';

/**
 * A file of rows as an Arrow IPC stream: where it is (its URL, with any cache-busting version),
 * its name in messages, and what it must hold (the columns with their DuckDB types, and the
 * number of rows). The connector knows nothing else of the data: the dataset says this.
 */
export interface TableFile {
	url: string;
	file: string;
	rows: number;
	columns: Columns;
}

export interface BrowserDbOptions {
	/** The file a named table is loaded from. */
	table: (table: string) => TableFile;
	/** The engine's start: its wasm's download in bytes, then its compilation. */
	onProgress?: (progress: EngineProgress) => void;
	/** Tables to start downloading at once, while the engine compiles. */
	prefetch?: readonly string[];
}

/** A started engine: queries, named tables loaded on demand from their files, and files of rows appended to a table. */
export interface BrowserDb extends QueryRunner {
	load(tables: readonly string[]): Promise<void>;
	/**
	 * Appends the rows of an Arrow stream to `table`, creating it empty with the file's columns
	 * first; a file with other columns or another number of rows than it declares is reported damaged.
	 */
	append(table: string, source: TableFile): Promise<void>;
	close(): Promise<void>;
}

const absolute = (url: string) => new URL(url, location.href).href;

/** The engine's wasm files' sizes on disk, by URL (vite.config.ts reads them at build time). */
declare const __DUCKDB_WASM_BYTES__: { eh: number; mvp: number } | undefined;
const WASM_BYTES: Record<string, number> =
	typeof __DUCKDB_WASM_BYTES__ === 'undefined' ? {} : { [absolute(ehWasm)]: __DUCKDB_WASM_BYTES__.eh, [absolute(mvpWasm)]: __DUCKDB_WASM_BYTES__.mvp };
/** After the worker reports an error, how long its last download reports may take to arrive. */
const LAST_WORD_MS = 300;

async function fetchTable(url: string, file: string): Promise<Uint8Array> {
	return new Uint8Array(await (await fetchDataFile(url, file)).arrayBuffer());
}

/**
 * Instantiates the engine in `worker` while watching its wasm download (reported on a port by
 * engine-worker.ts): progress goes to `onProgress`; a stall, a failed download or an engine that
 * does not start rejects with the DataError that says which (engine-start.ts decides).
 */
async function instantiateWatched(
	db: duckdb.AsyncDuckDB,
	worker: Worker,
	bundle: duckdb.DuckDBBundle,
	workerFailed: Promise<never>,
	onProgress: (p: EngineProgress) => void
): Promise<void> {
	const wasm = bundle.mainModule;
	const watch = new StartWatch(decodeURIComponent(wasm.split('/').pop() ?? wasm), WASM_BYTES[wasm] ?? null, performance.now());
	const channel = new MessageChannel();
	channel.port1.onmessage = (e: MessageEvent<EngineDownloadEvent>) => {
		watch.event(e.data, performance.now());
		if (e.data.type === 'response' || e.data.type === 'downloaded') performance.mark(`engine:wasm-${e.data.type}`);
		onProgress(watch.progress());
	};
	worker.postMessage({ engineWorker: bundle.mainWorker, wasm, progress: channel.port2 }, [channel.port2]);
	let timer: ReturnType<typeof setInterval> | undefined;
	const watched = new Promise<never>((_, reject) => {
		timer = setInterval(() => {
			const verdict = watch.check(performance.now());
			if (verdict) reject(new DataError(verdict));
		}, 1000);
	});
	try {
		await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), watched, workerFailed]);
	} catch (e) {
		if (e instanceof DataError) throw e;
		// The worker's error may overtake its last reports on the port (a download that broke).
		await new Promise((r) => setTimeout(r, LAST_WORD_MS));
		throw new DataError(watch.explain(e instanceof Error ? e.message : String(e), performance.now()));
	} finally {
		clearInterval(timer);
		channel.port1.close();
	}
}

/** The engine's two variants, served by this site; `selectBundle` picks the one this browser runs. */
const bundles = (): duckdb.DuckDBBundles => ({
	mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
	eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) }
});

/**
 * Fetches the files of the engine this browser would run (its wasm and worker script) into the
 * browser's caches — the HTTP cache, and the service worker's for offline use — without starting
 * it: a started engine holds about 280 MiB (mostly its compiled code) that a dashboard page on the
 * default dataset never needs, as every filter has a prepared answer. A view that needs the engine
 * then starts it without downloading anything. The bodies are read and dropped, not kept.
 */
export async function prefetchEngine(): Promise<void> {
	const bundle = await duckdb.selectBundle(bundles());
	const files = [bundle.mainModule, bundle.mainWorker].filter((f): f is string => f !== null);
	await Promise.all(
		files.map(async (url) => {
			const response = await fetch(url, { credentials: 'same-origin', priority: 'low' } as RequestInit);
			const reader = response.body?.getReader();
			if (reader) while (!(await reader.read()).done);
		})
	);
	keepOffline(files);
}

/** A DuckDB-WASM instance in its own worker, self-hosted and offline, with one connection. */
export interface StartedDuckDb {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	worker: Worker;
	/** Races a call against the worker's failure (which never settles a pending call by itself). */
	guard: <T>(p: Promise<T>) => Promise<T>;
}

/**
 * Starts DuckDB-WASM in a worker of its own (the site's wasm and worker files, the download
 * watched and reported to `onProgress`), connected, with extensions off. The dashboard's engine
 * and the importer (src/lib/import/browser/) each start one. Rejects with a DataError.
 */
export async function startDuckDb(onProgress: (p: EngineProgress) => void = () => {}): Promise<StartedDuckDb> {
	let worker: Worker | undefined;
	// An error thrown inside the engine's worker (a wasm file that fails to load, a crash) never
	// settles the pending call: it surfaces only as an error event, so every call races it.
	let workerFailed: Promise<never> = new Promise(() => {});
	const guard = <T>(p: Promise<T>) => Promise.race([p, workerFailed]);
	try {
		const bundle = await duckdb.selectBundle(bundles());
		const w = new Worker(new URL('./engine-worker.ts', import.meta.url));
		worker = w;
		workerFailed = new Promise<never>((_, reject) => {
			w.addEventListener('error', (e) => {
				e.preventDefault();
				reject(new Error(e.message || 'the engine worker stopped'));
			});
		});
		workerFailed.catch(() => {});
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
		performance.mark('engine:start');
		await instantiateWatched(db, w, bundle, workerFailed, onProgress);
		performance.mark('engine:instantiated');
		// The engine this browser uses (one of the two variants), kept for offline use.
		keepOffline([bundle.mainModule, bundle.mainWorker]);
		const conn = await guard(db.connect());
		for (const s of OFFLINE_SETTINGS) await guard(conn.query(s));
		performance.mark('engine:connected');
		return { db, conn, worker: w, guard };
	} catch (e) {
		worker?.terminate();
		throw e instanceof DataError ? e : new DataError({ kind: 'engine', detail: e instanceof Error ? e.message : String(e) });
	}
}

export async function startBrowserDb(options: BrowserDbOptions): Promise<BrowserDb> {
	// A download is kept until its table is loaded (the bytes then move to the engine's worker).
	const downloads = new Cache<string, Promise<Uint8Array>>();
	const download = (table: string) => downloads.getOrMake(table, () => fetchTable(options.table(table).url, options.table(table).file));
	for (const t of options.prefetch ?? []) download(t);
	const { db, conn, guard } = await startDuckDb(options.onProgress);

	const loading = new Cache<string, Promise<void>>();
	let answered = false;
	const prepared = new Cache<string, Promise<duckdb.AsyncPreparedStatement>>();
	const count = async (table: string) => Number((await guard(conn.query(`SELECT count(*) AS n FROM ${table}`))).toArray()[0].toJSON().n);

	// DuckDB-WASM decodes Arrow streams per connection and waits for a stream's end: a file cut
	// short leaves its connection waiting, and the next file inserted there would be read as the
	// rest of it (and blamed for the damage). So each file is inserted on a connection of its own,
	// closed afterwards, which drops whatever a damaged file left behind.
	const insertAlone = async (bytes: Uint8Array, options: { name: string; create: boolean }) => {
		const own = await guard(db.connect());
		try {
			await guard(own.insertArrowFromIPCStream(bytes, options));
		} finally {
			await guard(own.close()).catch(() => {});
		}
	};

	// Tables arrive as Arrow IPC streams: inserted without parsing text, then checked against the
	// declared schema and meta.json's row count, so a wrong or damaged file is reported instead of
	// answering queries wrongly.
	const loadTable = async (table: string) => {
		const { file, columns: expected, rows: expectedRows } = options.table(table);
		const bytes = await download(table);
		downloads.delete(table);
		performance.mark(`engine:fetched:${table}`);
		try {
			await guard(conn.query(`DROP TABLE IF EXISTS ${table}`));
			// A large file goes in a few megabytes at a time (arrow-parts.ts: the engine's heap stays smaller).
			for (const [i, part] of arrowParts(bytes).entries()) await insertAlone(part, { name: table, create: i === 0 });
			const readColumns = async () =>
				(
					await guard(
						conn.query(`SELECT column_name AS name, data_type AS type FROM information_schema.columns
						WHERE table_name = '${table}' ORDER BY ordinal_position`)
					)
				)
					.toArray()
					.map((r) => r.toJSON() as { name: string; type: string });
			let columns = await readColumns();
			// A table declared empty (an import gives no liaisons, say) is a stream without batches,
			// from which DuckDB makes no table: a complete stream with the declared columns is created empty.
			if (columns.length === 0 && expectedRows === 0 && emptyStreamColumns(bytes)?.join() === expected.map(([n]) => n).join()) {
				await guard(conn.query(createEmptySql(table, expected)));
				columns = await readColumns();
			}
			if (columns.length === 0) throw new Error('no complete Arrow stream in the file (cut short?)');
			const mismatch = columnsMismatch(expected, columns);
			if (mismatch) throw new Error(mismatch);
			const rows = await count(table);
			if (rows !== expectedRows) throw new Error(`expected ${expectedRows} rows, found ${rows}`);
		} catch (e) {
			throw new DataError({ kind: 'file-corrupt', file, detail: e instanceof Error ? e.message : String(e) });
		}
		performance.mark(`engine:loaded:${table}`);
	};

	// Appends are serialised: each checks the table it adds to.
	let appending: Promise<unknown> = Promise.resolve();
	const appendFile = async (table: string, { url, file, rows, columns }: TableFile) => {
		const bytes = await fetchTable(url, file);
		try {
			await guard(conn.query(createEmptySql(table, columns)));
			const before = await count(table);
			// Inserting into the declared table fails if the stream's columns differ; a stream that
			// is not Arrow at all, or cut short, inserts nothing, so the rows are counted too.
			await insertAlone(bytes, { name: table, create: false });
			const added = (await count(table)) - before;
			if (added !== rows) throw new Error(`expected ${rows} rows, found ${added}`);
		} catch (e) {
			throw new DataError({ kind: 'file-corrupt', file, detail: e instanceof Error ? e.message : String(e) });
		}
	};

	return {
		append(table, source) {
			const p = appending.then(() => appendFile(table, source));
			appending = p.catch(() => {});
			return p;
		},
		async load(tables) {
			await Promise.all(tables.map((t) => loading.getOrMake(t, () => loadTable(t))));
		},
		async query<T extends object>(sql: string, params: readonly QueryParam[] = []) {
			const started = performance.now();
			try {
				// The pages run the same few statements with different parameters: each is prepared
				// once and kept, so a query is one round trip to the engine's worker, not three.
				const stmt = await prepared.getOrMake(sql, () => guard(conn.prepare(sql)));
				const table = await guard(stmt.query(...params));
				if (!answered) (answered = true), performance.mark('engine:first-query');
				return rowsOf<T>(table);
			} catch (e) {
				throw new DataError({ kind: 'query', detail: e instanceof Error ? e.message : String(e) });
			} finally {
				performance.measure('engine:query', { start: started, detail: sql.slice(0, 60) });
			}
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}
