import { getContext, setContext } from 'svelte';
import type { BrowserTable as TableName } from '../../../sim/dataset/schema';
import { toDataErrorInfo, type DataErrorInfo } from './data-error';
import type { BrowserDb } from './duckdb-browser';
import type { QueryRunner } from './query-runner';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'error';

/**
 * The one DuckDB-WASM engine of a page session, started lazily behind one promise on first use
 * (after first paint: the prerendered page never waits for it). Its status and any error are
 * reactive so the UI can say what is happening in the user's language.
 */
export class DataEngine {
	status = $state<EngineStatus>('idle');
	error = $state<DataErrorInfo | null>(null);
	#db: Promise<BrowserDb> | null = null;
	readonly #fileUrl: (table: TableName) => string;

	constructor(fileUrl: (table: TableName) => string) {
		this.#fileUrl = fileUrl;
	}

	/** The engine with `tables` loaded; starts the engine on first call. Rejects with a DataError. */
	async ready(tables: readonly TableName[]): Promise<QueryRunner> {
		if (!this.#db) {
			this.status = 'starting';
			performance.mark('engine:import');
			this.#db = import('./duckdb-browser').then((m) => m.startBrowserDb({ fileUrl: this.#fileUrl, prefetch: tables }));
		}
		try {
			const db = await this.#db;
			await db.load(tables);
			if (this.status !== 'error') this.status = 'ready';
			return db;
		} catch (e) {
			this.fail(e);
			throw e;
		}
	}

	/** Records an error (start-up, loading or a query) for the page to show. */
	fail(e: unknown): void {
		this.status = 'error';
		this.error = toDataErrorInfo(e);
	}
}

const KEY = Symbol('data-engine');

export function setDataEngine(engine: DataEngine): DataEngine {
	return setContext(KEY, engine);
}

export function getDataEngine(): DataEngine {
	const engine = getContext<DataEngine | undefined>(KEY);
	if (!engine) throw new Error('getDataEngine() needs a DataEngine set by the layout');
	return engine;
}
