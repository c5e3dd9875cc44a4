/**
 * A map of remembered values, optionally bounded: past `limit` entries the least recently used
 * one is forgotten. `getOrMake` remembers a value made on first use; when that value is a promise
 * it is shared by every caller while pending and after it resolves, and forgotten if it rejects,
 * so the next call tries again instead of repeating the failure forever.
 *
 * The one cache of the app (downloads, loaded tables, prepared statements, derived tables, slices
 * read by the ledger page, the build's prerendered answers).
 */
export class Cache<K, V> {
	readonly #entries = new Map<K, V>();
	readonly #limit: number;

	/** `limit`: the most entries kept (default: no limit). */
	constructor({ limit = Infinity }: { limit?: number } = {}) {
		if (!(limit >= 1)) throw new RangeError(`a cache keeps at least one entry, got limit ${limit}`);
		this.#limit = limit;
	}

	get size(): number {
		return this.#entries.size;
	}

	has(key: K): boolean {
		return this.#entries.has(key);
	}

	/** The value for `key` (now the most recently used), or undefined. */
	get(key: K): V | undefined {
		if (!this.#entries.has(key)) return undefined;
		const value = this.#entries.get(key)!;
		this.#touch(key, value);
		return value;
	}

	/** Remembers `value` for `key` as the most recently used, forgetting the least recently used past the limit. */
	set(key: K, value: V): V {
		this.#touch(key, value);
		if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value as K);
		return value;
	}

	delete(key: K): boolean {
		return this.#entries.delete(key);
	}

	/** The value remembered for `key`, or the one `make` returns (remembered; a rejected promise is forgotten). */
	getOrMake(key: K, make: () => V): V {
		if (this.#entries.has(key)) return this.get(key)!;
		const value = this.set(key, make());
		if (value instanceof Promise) {
			value.catch(() => {
				if (this.#entries.get(key) === value) this.#entries.delete(key);
			});
		}
		return value;
	}

	#touch(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
	}
}
