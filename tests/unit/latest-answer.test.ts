import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/lib/data/data-error';
import { LatestAnswer } from '../../src/lib/data/LatestAnswer.svelte';

/** A promise and the functions that settle it. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
	return { promise, resolve, reject };
}
const settled = () => new Promise((r) => setTimeout(r));

describe('the latest answer', () => {
	it('keeps the answer of the latest request and drops one that was overtaken', async () => {
		const a = new LatestAnswer<string>();
		const slow = deferred<string>();
		a.ask('town=1', () => slow.promise);
		a.ask('town=2', () => 'two');
		slow.resolve('one');
		await settled();
		expect([a.data('town=1'), a.data('town=2'), a.last]).toEqual([null, 'two', 'two']);
	});

	it('reports a failure for its own key only, and the next answer clears it', async () => {
		const a = new LatestAnswer<string>();
		const missing = new DataError({ kind: 'file-missing', file: 'case_counts.arrow', status: 404 });
		a.ask('town=1', () => Promise.reject(missing));
		await settled();
		expect(a.error('town=1')).toEqual(missing.info);
		expect(a.error('town=2')).toBeNull();
		a.ask('town=2', () => 'two');
		expect([a.error('town=1'), a.data('town=2')]).toEqual([null, 'two']);
	});

	it('drops a failure that arrives after a newer request, and one skipped for a prerendered view', async () => {
		const a = new LatestAnswer<string>();
		const failing = deferred<string>();
		a.ask('town=1', () => failing.promise);
		a.skip();
		failing.reject(new Error('too late'));
		await settled();
		expect([a.error('town=1'), a.ms]).toEqual([null, null]);
		a.ask('town=3', () => {
			throw new Error('at once');
		});
		expect(a.error('town=3')).toEqual({ kind: 'engine', detail: 'at once' });
		a.skip();
		expect(a.error('town=3')).toBeNull();
	});
});
