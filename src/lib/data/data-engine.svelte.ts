import { getContext, setContext } from 'svelte';
import { ALL } from '../../../sim/dataset/case-cubes';
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
	readonly #villageCasesUrl: (village: string) => string;
	readonly #villages = new Map<string, Promise<void>>();

	/** `fileUrl`: a table's Arrow file; `villageCasesUrl`: the Arrow file of one village's cases. */
	constructor(fileUrl: (table: TableName) => string, villageCasesUrl: (village: string) => string = () => '') {
		this.#fileUrl = fileUrl;
		this.#villageCasesUrl = villageCasesUrl;
	}

	/**
	 * The engine with `tables` (which must include case_villages) loaded and one village's cases
	 * appended to the `cases` table, once per village; case_villages says how many there must be.
	 */
	async withVillageCases(tables: readonly TableName[], village: string): Promise<QueryRunner> {
		const db = await this.ready(tables);
		let p = this.#villages.get(village);
		if (!p) {
			p = (async () => {
				const [{ n }] = await db.query<{ n: number }>(
					`SELECT coalesce(sum(cases), 0)::INTEGER AS n FROM case_villages WHERE village_id = $1::VARCHAR AND ledger = '${ALL}'`,
					[village]
				);
				await (await this.#db!).appendCases(this.#villageCasesUrl(village), `cases/${village}.arrow`, n);
			})();
			p.catch(() => this.#villages.delete(village));
			this.#villages.set(village, p);
		}
		try {
			await p;
		} catch (e) {
			this.fail(e);
			throw e;
		}
		return db;
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
