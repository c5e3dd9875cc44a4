import { onMount } from 'svelte';
import { currentSearch, setShallowUrl } from '$lib/shallow-url.svelte';
import { page } from '$app/state';
import { afterFirstPaint } from '$lib/components/after-first-paint';
import { TOWNS, type Town } from '$sim/county/towns';
import type { BrowserTable as TableName } from '$sim/dataset/schema';
import type { DataEngine } from './data-engine.svelte';
import type { DataErrorInfo } from './data-error';
import { LatestAnswer } from './LatestAnswer.svelte';
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
 * are dropped with `problems` set. A scope whose query failed has `error` set (until it is
 * answered, or another scope is chosen). The engine starts after first paint. Create it during
 * component initialisation (it registers onMount and an effect).
 */
export class ScopeQuery<T> {
	#mounted = $state(false);
	readonly #options: ScopeQueryOptions<T>;
	readonly #answers = new LatestAnswer<T>();
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

	constructor(options: ScopeQueryOptions<T>) {
		this.#options = options;
		const { engine, tables, query } = options;
		onMount(() => {
			this.#mounted = true;
			// Warming up: a failure here is reported by the request that needs the tables.
			return afterFirstPaint(() =>
				engine
					.ready(tables)
					.then((db) => options.warm?.(db))
					.catch(() => {})
			);
		});
		$effect(() => {
			const scope = this.scope;
			if (isCounty(scope)) this.#answers.skip();
			else this.#answers.ask(scopeKey(scope), async () => query(await engine.ready(tables), scope));
		});
	}

	/** Milliseconds the browser took for the shown scope, or null for the prerendered view. */
	get computedMs(): number | null {
		return this.#answers.ms;
	}

	/** Why the scope's data could not be computed, if its query failed. */
	get error(): DataErrorInfo | null {
		return isCounty(this.scope) ? null : this.#answers.error(scopeKey(this.scope));
	}

	/** The scope's own data: the prerendered county, or the scope's once the browser has it. */
	get current(): T | null {
		if (isCounty(this.scope)) return this.#options.prerendered();
		return this.#answers.data(scopeKey(this.scope));
	}

	/**
	 * The data to draw. While a new scope is computed the charts keep the last answer (marked as
	 * updating) rather than being torn down; null before the engine has answered anything, and
	 * when the scope's query failed (nothing shown is then another scope's).
	 */
	get shown(): T | null {
		if (this.error) return null;
		return this.current ?? this.#answers.last ?? (this.#options.engine.status === 'ready' ? this.#options.prerendered() : null);
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
