import { onMount } from 'svelte';
import { page } from '$app/state';
import { Cache } from '$lib/cache';
import { afterFirstPaint } from '$lib/components/after-first-paint';
import { fastConnection } from './when-idle';
import { currentSearch, setShallowUrl } from '$lib/shallow-url.svelte';
import type { DataErrorInfo } from './data-error';
import type { Dataset } from './dataset';
import { LatestAnswer } from './LatestAnswer.svelte';
import { getEmbedTarget } from '$lib/embed/embed-target';

/** A page's state as its address keeps it (the query string). */
export interface PageState<S> {
	/** Reads the state from the query string: bad parameters are dropped and listed as `name=value`. */
	parse(params: URLSearchParams): { state: S; problems: string[] };
	/** Writes the state into `params`, keeping parameters that are not the page's. */
	write(state: S, params: URLSearchParams): void;
	/** A stable text for a state (the answer's key; data attributes). */
	key(state: S): string;
	/** The state the page is prerendered for (its answer is the build's). */
	initial: S;
}

/** Where the shown answer came from: the build (prerendered page), a prepared answer file, or the engine. */
export type AnswerSource = 'build' | 'prepared' | 'engine';

export interface PageQueryOptions<S, T, U> {
	dataset: Dataset;
	state: PageState<S>;
	/** The answer for `state.initial`, prerendered at build time. */
	prerendered: () => T;
	/**
	 * What an answer is made from, when not the answer itself: a *unit* that answers several
	 * states (a ledger slice answers every period), its key, and how a state's answer is made from
	 * it (synchronously: a state whose unit is kept is answered without waiting).
	 */
	unit?: { key: (s: S) => string; answer: (unit: U, s: S) => T };
	/** The name of the prepared answer holding a state's unit (prepared.ts), or null when none does. */
	prepared?: (s: S) => string | null;
	/** A prepared answer's JSON as a unit (default: as it is). Throws if it is malformed. */
	decode?: (json: unknown) => U;
	/** The engine's answer for a state's unit: for states no prepared answer covers, or whose file failed. */
	query: (s: S) => Promise<U>;
	/**
	 * States likely chosen first (the towns): their prepared answers (a few kB each) are read once
	 * the page has painted, on a fast connection, so the first click is answered at once. Never the engine.
	 */
	ahead?: () => S[];
	/**
	 * States one choice away from the shown one (another ledger type of its place): read ahead, as `ahead`, once the shown state's answer has painted, so the
	 * next choice of one control is answered from what is kept. Prepared answers only, never the engine.
	 */
	around?: (s: S) => S[];
}

/**
 * One page-state mechanism for every dashboard page: the state lives in the address (shallow
 * history entries: Back undoes a change; bad parameters are dropped with `problems`), and each
 * state's answer comes, in order, from the prerendered page (the initial state), a prepared
 * answer written at build time, or the DuckDB-WASM engine (which only then starts). Units read
 * are kept, so returning to a place, or brushing a period of a kept slice, needs no request.
 * Stale answers are dropped; a state whose answer failed has `error` set (until it is answered or
 * another state is chosen). Create it during component initialisation (it registers onMount and
 * an effect).
 */
export class PageQuery<S, T, U = T> {
	#mounted = $state(false);
	readonly #o: PageQueryOptions<S, T, U>;
	readonly #answers = new LatestAnswer<T>();
	readonly #units = new Cache<string, { unit: U; source: AnswerSource }>({ limit: 32 });
	readonly #reading = new Cache<string, Promise<U>>();
	/** Where each kept unit came from, for the status line. */
	#source = $state<Record<string, AnswerSource>>({});
	readonly #parsed = $derived.by(() =>
		this.#mounted ? this.#o.state.parse(new URLSearchParams(currentSearch(page.url))) : { state: this.#o.state.initial, problems: [] as string[] }
	);
	/** The state in the address (the initial one until the page has mounted). */
	readonly state: S = $derived(this.#parsed.state);
	/** Parameters of the address that were dropped, as `name=value`. */
	readonly problems: string[] = $derived(this.#parsed.problems);
	// Imported data has no prerendered answer: its first view is the engine's too.
	readonly #isInitial = $derived.by(() => !this.#o.dataset.engineOnly && this.#o.state.key(this.state) === this.#o.state.key(this.#o.state.initial));

	constructor(options: PageQueryOptions<S, T, U>) {
		this.#o = options;
		// An embed (one chart, no filters to change) reads nothing ahead: another site's page should not fetch the towns' answers.
		const embedded = getEmbedTarget() !== undefined;
		onMount(() => {
			this.#mounted = true;
			const ahead = options.ahead;
			// Not on a slow or data-saving connection: there the click fetches just its own answer.
			if (ahead && !embedded && options.dataset.meta.prepared && fastConnection()) return afterFirstPaint(() => ahead().forEach((s) => this.hint(s)));
		});
		$effect(() => {
			const s = this.state;
			if (this.#isInitial) return this.#answers.skip();
			const kept = this.#units.get(this.#unitKey(s));
			this.#answers.ask(this.#o.state.key(s), () => (kept ? this.#answer(kept.unit, s) : this.#read(s).then((u) => this.#answer(u, s))));
		});
		$effect(() => {
			const around = options.around;
			// Once the state's own answer is in (and painted): its neighbours, a few kB each. Not for
			// the prerendered first view: there `ahead` reads what the first click needs, and nothing
			// else should compete with that click for a slow link.
			if (!around || embedded || this.#isInitial || this.current === null || !options.dataset.meta.prepared || !fastConnection()) return;
			const s = this.state;
			return afterFirstPaint(() => around(s).forEach((n) => this.hint(n)));
		});
	}

	#unitKey(s: S): string {
		return this.#o.unit ? this.#o.unit.key(s) : this.#o.state.key(s);
	}

	#answer(unit: U, s: S): T {
		return this.#o.unit ? this.#o.unit.answer(unit, s) : (unit as unknown as T);
	}

	/** Reads a state's unit once, however many ask while it is read: the prepared answer, else the engine. */
	#read(s: S): Promise<U> {
		const k = this.#unitKey(s);
		return this.#reading.getOrMake(k, async () => {
			try {
				const name = this.#o.prepared?.(s) ?? null;
				const json = name === null ? null : this.#o.dataset.prepared(name);
				let unit: U | undefined;
				let source: AnswerSource = 'engine';
				if (json) {
					try {
						unit = (this.#o.decode ?? ((j: unknown) => j as U))(await json);
						source = 'prepared';
					} catch {
						// A prepared file missing or damaged: the engine computes the same answer.
					}
				}
				if (unit === undefined) unit = await this.#o.query(s);
				this.#units.set(k, { unit, source });
				this.#source = { ...this.#source, [k]: source };
				return unit;
			} finally {
				this.#reading.delete(k);
			}
		});
	}

	/** Reads a state's unit ahead (a place pointed at is likely the next choice), if that costs no engine start. */
	hint = (s: S): void => {
		if (this.#units.has(this.#unitKey(s))) return;
		const name = this.#o.prepared?.(s) ?? null;
		if ((name !== null && this.#o.dataset.meta.prepared) || this.#o.dataset.engine.status === 'ready') this.#read(s).catch(() => {});
	};

	/** Where the shown state's answer came from. */
	get source(): AnswerSource | null {
		if (this.#isInitial) return 'build';
		return this.current === null ? null : (this.#source[this.#unitKey(this.state)] ?? null);
	}

	/** Milliseconds the browser took for the shown state, or null for the prerendered view. */
	get computedMs(): number | null {
		return this.#answers.ms;
	}

	/** Why the state's answer could not be had, if it failed. */
	get error(): DataErrorInfo | null {
		return this.#isInitial ? null : this.#answers.error(this.#o.state.key(this.state));
	}

	/** The state's own answer: the prerendered one, or the state's once the browser has it. */
	get current(): T | null {
		if (this.#isInitial) return this.#o.prerendered();
		return this.#answers.data(this.#o.state.key(this.state));
	}

	/** The last answer had, whatever its state (charts keep it, marked as updating, while the next comes). */
	get last(): T | null {
		return this.#answers.last;
	}

	/** The data to draw: the state's own, else the last one's while it comes; null before any, and on failure. */
	get shown(): T | null {
		if (this.error) return null;
		return this.current ?? this.#answers.last;
	}

	/** True while the charts show an earlier state's answer. */
	get updating(): boolean {
		return this.current === null && this.shown !== null;
	}

	/** Shows `next` (a new history entry, or replacing the current one: one entry for a brush gesture). */
	set = (next: S, mode: 'push' | 'replace' = 'push'): void => {
		const url = new URL(page.url);
		url.search = currentSearch(page.url);
		this.#o.state.write(next, url.searchParams);
		setShallowUrl(url, mode);
	};
}
