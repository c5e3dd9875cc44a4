import { untrack } from 'svelte';
import { toDataErrorInfo, type DataErrorInfo } from './data-error';

/**
 * The answer to the latest of a page's requests, each for a key (a scope, a set of filters, a
 * quarter): what a request overtaken by a newer one brings, answer or failure, is dropped. A
 * failure belongs to its key: it is reported while that key is the one asked for, and the next
 * answer clears it, so a message never stays up after later requests succeed.
 */
export class LatestAnswer<T> {
	#answer = $state.raw<{ key: string; data: T } | null>(null);
	#failure = $state.raw<{ key: string; error: DataErrorInfo } | null>(null);
	/** Milliseconds from the latest request to its answer; null when it needed no query. */
	ms = $state<number | null>(null);
	#request = 0;

	/**
	 * Asks for `key`'s answer, given by `run` (at once, or by a promise). `run` is called untracked,
	 * so an effect that asks depends only on what it read itself.
	 */
	ask(key: string, run: () => T | Promise<T>): void {
		const id = ++this.#request;
		const t0 = performance.now();
		const done = (data: T) => {
			if (id !== this.#request) return;
			this.#answer = { key, data };
			this.#failure = null;
			this.ms = Math.round(performance.now() - t0);
		};
		const failed = (e: unknown) => {
			if (id === this.#request) this.#failure = { key, error: toDataErrorInfo(e) };
		};
		let result: T | Promise<T>;
		try {
			result = untrack(run);
		} catch (e) {
			return failed(e);
		}
		if (result instanceof Promise) result.then(done, failed);
		else done(result);
	}

	/** The latest request needs no query (a prerendered view): pending answers are dropped, and any failure. */
	skip(): void {
		++this.#request;
		this.ms = null;
		this.#failure = null;
	}

	/** The answer for `key`, if it is the one kept. */
	data(key: string): T | null {
		return this.#answer?.key === key ? this.#answer.data : null;
	}

	/** The answer kept, whatever its key (the charts keep it while a new one is computed). */
	get last(): T | null {
		return this.#answer?.data ?? null;
	}

	/** Why the latest request failed, if it was for `key`. */
	error(key: string): DataErrorInfo | null {
		return this.#failure?.key === key ? this.#failure.error : null;
	}
}
