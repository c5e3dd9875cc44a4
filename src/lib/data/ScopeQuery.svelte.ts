import type { BrowserTable } from '$sim/dataset/schema';
import type { Dataset } from './dataset';
import { PageQuery, type PageState } from './PageQuery.svelte';
import type { Place } from './profile';
import type { QueryRunner } from './query-runner';
import { changeScope, COUNTY, scopeFromSearch, scopeKey, scopeToSearch, type Scope, type ScopeOptions, type Village } from './scope';

export interface ScopeQueryOptions<T> {
	dataset: Dataset;
	tables: readonly BrowserTable[];
	/** The page's data for a scope, by SQL (DuckDB-WASM in the browser, DuckDB in Node at build time). */
	query: (db: QueryRunner, scope: Scope) => Promise<T>;
	/** The county view, prerendered at build time. */
	prerendered: () => T;
	/** The name of a scope's prepared answer (prepared.ts). */
	prepared: (scope: Scope) => string;
	/** Whether the page drills down to villages. */
	villages?: boolean;
	/** Whether the page filters by household colour. */
	colour?: boolean;
}

/** The place (`?town=&village=`) and, on the "321" page, the colour, as a page state (scope.ts). */
export function scopeState(options: ScopeOptions): PageState<Scope> {
	return {
		parse: (params) => {
			const { scope, problems } = scopeFromSearch(params, options);
			return { state: scope, problems };
		},
		write: (s, params) => scopeToSearch(s, params),
		key: scopeKey,
		initial: COUNTY
	};
}

/**
 * A page whose state is a scope (the overview, the "321" page, the integration page): a PageQuery
 * with the place's helpers. See PageQuery for where answers come from.
 */
export class ScopeQuery<T> extends PageQuery<Scope, T> {
	readonly #villages: readonly Village[];
	get scope(): Scope {
		return this.state;
	}
	readonly #towns: readonly Place[];
	readonly town: Place | null = $derived.by(() => this.#towns.find((t) => t.code === this.state.town) ?? null);
	readonly village: Village | null = $derived.by(() => this.#villages.find((v) => v.id === this.state.village) ?? null);

	constructor(options: ScopeQueryOptions<T>) {
		const villages = options.villages ? options.dataset.villages : [];
		const towns = options.dataset.profile.towns;
		super({
			dataset: options.dataset,
			state: scopeState({ towns, villages: options.villages ? villages : undefined, colour: options.colour }),
			prerendered: options.prerendered,
			prepared: options.prepared,
			query: async (scope) => options.query(await options.dataset.engine.ready(options.tables), scope),
			// The towns (the first choice on every page), read ahead from their prepared answers.
			ahead: () => towns.map((t) => ({ ...COUNTY, town: t.code }))
		});
		this.#villages = villages;
		this.#towns = towns;
	}

	/** Changes the scope (a town leaves the village; a village brings its town), keeping the rest of the URL; Back undoes it. */
	change = (change: Partial<Scope>): void => this.set(changeScope(this.state, change, this.#villages));

	/** Chooses a town (null: the whole county). */
	select = (code: string | null): void => this.change({ town: code });
}
