import { getContext, setContext } from 'svelte';
import { Cache } from '$lib/cache';
import { ALL } from '$sim/dataset/case-cubes';
import type { BrowserTable as TableName } from '$sim/dataset/schema';
import type { BrowserDb, TableFile } from './duckdb-browser';
import type { EngineProgress } from './engine-start';
import type { QueryRunner } from './query-runner';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'error';

export interface DataEngineOptions {
	/** A table's Arrow file and its row count. */
	table: (table: TableName) => TableFile;
	/** The Arrow file of one village's cases. */
	villageCasesUrl?: (village: string) => string;
}

/**
 * The one DuckDB-WASM engine of a page session, started lazily behind one promise on first use
 * (after first paint: the prerendered page never waits for it). `status` says whether the engine
 * itself started ('error': it could not); what a request needed and could not get (a missing or
 * damaged file) is that request's failure, reported by the page that asked (LatestAnswer), so a
 * damaged file does not stop the pages and views that never read it.
 */
export class DataEngine {
	status = $state<EngineStatus>('idle');
	/** The engine's start while it is 'starting': its download in bytes, then its compilation. */
	progress = $state.raw<EngineProgress | null>(null);
	#db: Promise<BrowserDb> | null = null;
	readonly #options: DataEngineOptions;
	readonly #villages = new Cache<string, Promise<void>>();

	constructor(options: DataEngineOptions) {
		this.#options = options;
	}

	/**
	 * The engine with `tables` (which must include case_villages) loaded and one village's cases
	 * appended to the `cases` table, once per village; case_villages says how many there must be.
	 */
	async withVillageCases(tables: readonly TableName[], village: string): Promise<QueryRunner> {
		const db = await this.ready(tables);
		const browserDb = await this.#db!;
		await this.#villages.getOrMake(village, async () => {
			const [{ n }] = await db.query<{ n: number }>(
				`SELECT coalesce(sum(cases), 0)::INTEGER AS n FROM case_villages WHERE village_id = $1::VARCHAR AND ledger = '${ALL}'`,
				[village]
			);
			const url = this.#options.villageCasesUrl?.(village) ?? '';
			await browserDb.appendCases(url, `cases/${village}.arrow`, n);
		});
		return db;
	}

	/** The engine with `tables` loaded; starts the engine on first call. Rejects with a DataError. */
	async ready(tables: readonly TableName[]): Promise<QueryRunner> {
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
