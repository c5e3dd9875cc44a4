import { onMount } from 'svelte';
import { currentSearch, setShallowUrl } from '$lib/shallow-url.svelte';
import { page } from '$app/state';
import { afterFirstPaint } from '$lib/components/after-first-paint';
import { TOWNS, type Town } from '../../../sim/county/towns';
import type { BrowserTable as TableName } from '../../../sim/dataset/schema';
import type { DataEngine } from './data-engine.svelte';
import type { QueryRunner } from './query-runner';
import { changeScope, COUNTY, isCounty, scopeFromSearch, scopeKey, scopeToSearch, type Scope, type Village } from './scope';

export interface ScopeQueryOptions<T> {
	engine: DataEngine;
	tables: readonly TableName[];
	/** The page's data for a scope other than the whole county, by SQL in the browser. */
	query: (db: QueryRunner, scope: Scope) => Promise<T>;
	/** The county view, prerendered at build time. */
	prerendered: () => T;
	/** The county's villages, if the page drills down to one. */
	villages?: () => readonly Village[];
	/** Whether the page filters by household colour. */
	colour?: boolean;
	/** Work to do once the tables are in, before the first choice (preparing a derived table, say). */
	warm?: (db: QueryRunner) => Promise<unknown>;
}

/**
 * A page's scope kept in the URL (`?town=&village=&colour=`, see scope.ts): the county view is
 * prerendered, any other is queried by DuckDB-WASM; stale answers are dropped and bad parameters
 * are dropped with `problems` set. The engine starts after first paint. Create it during
 * component initialisation (it registers onMount and an effect).
 */
export class ScopeQuery<T> {
	#mounted = $state(false);
	readonly #options: ScopeQueryOptions<T>;
	readonly #parsed = $derived.by(() =>
		this.#mounted
			? scopeFromSearch(new URLSearchParams(currentSearch(page.url)), { villages: this.#options.villages?.(), colour: this.#options.colour })
			: { scope: COUNTY, problems: [] as string[] }
	);
	readonly scope: Scope = $derived(this.#parsed.scope);
	/** Parameters of the address that were dropped, as `name=value`. */
	readonly problems: string[] = $derived(this.#parsed.problems);
	readonly town: Town | null = $derived(TOWNS.find((t) => t.code === this.scope.town) ?? null);
	readonly village: Village | null = $derived.by(() => this.#options.villages?.().find((v) => v.id === this.scope.village) ?? null);
	live = $state.raw<{ key: string; data: T } | null>(null);
	/** Milliseconds the browser took for the shown scope, or null for the prerendered view. */
	computedMs = $state<number | null>(null);

	constructor(options: ScopeQueryOptions<T>) {
		this.#options = options;
		const { engine, tables, query } = options;
		onMount(() => {
			this.#mounted = true;
			return afterFirstPaint(() =>
				engine
					.ready(tables)
					.then((db) => options.warm?.(db))
					.catch(() => {})
			);
		});
		let request = 0;
		$effect(() => {
			const scope = this.scope;
			const id = ++request;
			if (isCounty(scope)) {
				this.computedMs = null;
				return;
			}
			engine
				.ready(tables)
				.then(async (db) => {
					const t0 = performance.now();
					const data = await query(db, scope);
					if (id !== request) return;
					this.live = { key: scopeKey(scope), data };
					this.computedMs = Math.round(performance.now() - t0);
				})
				.catch((e) => engine.fail(e));
		});
	}

	/** The scope's own data: the prerendered county, or the scope's once the browser has it. */
	get current(): T | null {
		if (isCounty(this.scope)) return this.#options.prerendered();
		return this.live?.key === scopeKey(this.scope) ? this.live.data : null;
	}

	/**
	 * The data to draw. While a new scope is computed the charts keep the last answer (marked as
	 * updating) rather than being torn down; null only before the engine has answered anything.
	 */
	get shown(): T | null {
		return this.current ?? this.live?.data ?? (this.#options.engine.status === 'ready' ? this.#options.prerendered() : null);
	}

	/** True while the charts show an earlier scope's answer. */
	get updating(): boolean {
		return this.current === null && this.shown !== null;
	}

	/** Changes the scope (a town leaves the village; a village brings its town), keeping the rest of the URL; Back undoes it. */
	change = (change: Partial<Scope>): void => {
		const url = new URL(page.url);
		url.search = currentSearch(page.url);
		scopeToSearch(changeScope(this.scope, change, this.#options.villages?.()), url.searchParams);
		setShallowUrl(url, 'push');
	};

	/** Chooses a town (null: the whole county). */
	select = (code: string | null): void => this.change({ town: code });
}
