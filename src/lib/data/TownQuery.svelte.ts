import { onMount } from 'svelte';
import { currentSearch, setShallowUrl } from '$lib/shallow-url.svelte';
import { page } from '$app/state';
import { afterFirstPaint } from '$lib/components/after-first-paint';
import { TOWNS, type Town } from '../../../sim/county/towns';
import type { BrowserTable as TableName } from '../../../sim/dataset/schema';
import type { DataEngine } from './data-engine.svelte';
import type { QueryRunner } from './query-runner';

export interface TownQueryOptions<T> {
	engine: DataEngine;
	tables: readonly TableName[];
	/** The page's data for one town, by SQL in the browser. */
	query: (db: QueryRunner, town: string) => Promise<T>;
	/** The county view, prerendered at build time. */
	prerendered: () => T;
}

/**
 * A page's town filter kept in the URL (`?town=`): the county view is prerendered, a town's view
 * is queried by DuckDB-WASM; stale answers are dropped and an unknown town falls back to the
 * county with `badTown` set. The engine starts after first paint. Create it during component
 * initialisation (it registers onMount and an effect).
 */
export class TownQuery<T> {
	#mounted = $state(false);
	readonly #prerendered: () => T;
	readonly townParam = $derived(this.#mounted ? new URLSearchParams(currentSearch(page.url)).get('town') : null);
	readonly town: Town | null = $derived(TOWNS.find((t) => t.code === this.townParam) ?? null);
	readonly badTown = $derived(this.townParam && !this.town ? this.townParam : null);
	live = $state.raw<{ town: string; data: T } | null>(null);
	/** Milliseconds the browser took for the shown town, or null for the prerendered view. */
	computedMs = $state<number | null>(null);

	constructor({ engine, tables, query, prerendered }: TownQueryOptions<T>) {
		this.#prerendered = prerendered;
		onMount(() => {
			this.#mounted = true;
			return afterFirstPaint(() => engine.ready(tables).catch(() => {}));
		});
		let request = 0;
		$effect(() => {
			const code = this.town?.code ?? null;
			const id = ++request;
			if (code === null) {
				this.computedMs = null;
				return;
			}
			engine
				.ready(tables)
				.then(async (db) => {
					const t0 = performance.now();
					const data = await query(db, code);
					if (id !== request) return;
					this.live = { town: code, data };
					this.computedMs = Math.round(performance.now() - t0);
				})
				.catch((e) => engine.fail(e));
		});
	}

	/** The data to show: the prerendered county, or the chosen town's once the browser has it. */
	get shown(): T | null {
		if (!this.town) return this.#prerendered();
		return this.live?.town === this.town.code ? this.live.data : null;
	}

	/** Chooses a town (null: the whole county), keeping the rest of the URL; Back undoes it. */
	select = (code: string | null): void => {
		const url = new URL(page.url);
		url.search = currentSearch(page.url);
		if (code) url.searchParams.set('town', code);
		else url.searchParams.delete('town');
		setShallowUrl(url, 'push');
	};
}
