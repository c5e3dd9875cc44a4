import { getContext, setContext } from 'svelte';
import { Cache } from '$lib/cache';
import type { BrowserDb, TableFile } from './duckdb-browser';
import type { EngineProgress } from './engine-start';
import type { QueryRunner } from './query-runner';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'error';

export interface DataEngineOptions {
	/** The file a named table is loaded from (its Arrow stream, columns and row count). */
	table: (table: string) => TableFile;
}

/**
 * The one DuckDB-WASM engine of a page session, started behind one promise on first use: when a
 * view needs it (a question no prepared answer covers, the SQL console, imported data) or in the
 * background once the page is idle on a fast connection (see engine-idle.ts); never before the
 * first paint. It knows tables by name and files of rows, nothing of the domain (the dataset
 * module does). `status` says whether the engine itself started ('error': it could not); what a
 * request needed and could not get (a missing or damaged file) is that request's failure, reported
 * by the page that asked (LatestAnswer), so a damaged file does not stop the views that never read it.
 */
export class DataEngine {
	status = $state<EngineStatus>('idle');
	/** The engine's start while it is 'starting': its download in bytes, then its compilation. */
	progress = $state.raw<EngineProgress | null>(null);
	#db: Promise<BrowserDb> | null = null;
	readonly #options: DataEngineOptions;
	readonly #appended = new Cache<string, Promise<void>>();

	constructor(options: DataEngineOptions) {
		this.#options = options;
	}

	/** Whether the engine has been asked to start (by a view or in the background). */
	get started(): boolean {
		return this.#db !== null;
	}

	/**
	 * Starts the engine ahead of need (the page is idle on a fast connection). A failure here is
	 * quiet and forgotten: the next view that needs the engine tries again and reports its own.
	 */
	background(): void {
		if (this.#db) return;
		this.ready([]).catch(() => {
			this.#db = null;
			this.status = 'idle';
		});
	}

	/** The engine with `tables` loaded; starts the engine on first call. Rejects with a DataError. */
	async ready(tables: readonly string[]): Promise<QueryRunner> {
		if (!this.#db) {
			this.status = 'starting';
			performance.mark('engine:import');
			this.progress = null;
			const onProgress = (p: EngineProgress) => (this.progress = p);
			const db = import('./duckdb-browser').then((m) => m.startBrowserDb({ table: this.#options.table, prefetch: tables, onProgress }));
			this.#db = db;
			// An engine that could not start is tried again by the next request (a retry).
			db.catch(() => {
				this.status = 'error';
				if (this.#db === db) this.#db = null;
			});
		}
		const db = await this.#db!;
		try {
			await db.load(tables);
		} finally {
			this.status = 'ready';
		}
		return db;
	}

	/**
	 * The engine with `tables` loaded and the rows of `source` appended to `table`, once per `key`
	 * (whoever asks while it is under way waits for the same append). Rejects with a DataError.
	 */
	async withAppended(tables: readonly string[], table: string, key: string, source: () => Promise<TableFile>): Promise<QueryRunner> {
		const db = await this.ready(tables);
		const browserDb = await this.#db!;
		await this.#appended.getOrMake(`${table}|${key}`, async () => browserDb.append(table, await source()));
		return db;
	}
}

const KEY = Symbol('data-engine');

/** Sets the pages' engine; a function gives the current one (the dataset's, which the layout may switch). */
export function setDataEngine<E extends DataEngine | (() => DataEngine)>(engine: E): E {
	return setContext(KEY, engine);
}

export function getDataEngine(): DataEngine {
	const engine = getContext<DataEngine | (() => DataEngine) | undefined>(KEY);
	if (!engine) throw new Error('getDataEngine() needs a DataEngine set by the layout');
	return typeof engine === 'function' ? engine() : engine;
}
