import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/lib/cache';

describe('the cache', () => {
	it('forgets the least recently used entry past its limit; a read counts as a use', () => {
		const c = new Cache<string, number>({ limit: 2 });
		c.set('a', 1);
		c.set('b', 2);
		expect(c.get('a')).toBe(1);
		c.set('c', 3);
		expect([c.has('a'), c.has('b'), c.has('c'), c.size]).toEqual([true, false, true, 2]);
	});

	it('makes a value once and remembers it', () => {
		const c = new Cache<string, number[]>();
		let made = 0;
		const make = () => [++made];
		expect(c.getOrMake('k', make)).toBe(c.getOrMake('k', make));
		expect(made).toBe(1);
	});

	it('shares a pending promise, keeps a resolved one and forgets a rejected one, so the next call tries again', async () => {
		const c = new Cache<string, Promise<number>>();
		let calls = 0;
		const flaky = () => (++calls === 1 ? Promise.reject(new Error('first try fails')) : Promise.resolve(calls));
		const first = c.getOrMake('k', flaky);
		expect(c.getOrMake('k', flaky)).toBe(first);
		await expect(first).rejects.toThrow('first try fails');
		expect(c.has('k')).toBe(false);
		await expect(c.getOrMake('k', flaky)).resolves.toBe(2);
		await expect(c.getOrMake('k', flaky)).resolves.toBe(2);
		expect(calls).toBe(2);
	});

	it('does not forget a newer value when an older promise for the same key rejects', async () => {
		const c = new Cache<string, Promise<string>>();
		let fail!: (e: Error) => void;
		const old = c.getOrMake('k', () => new Promise<string>((_, reject) => (fail = reject)));
		const newer = c.set('k', Promise.resolve('new'));
		fail(new Error('old'));
		await expect(old).rejects.toThrow('old');
		expect(c.get('k')).toBe(newer);
	});

	it.each([0, -1, Number.NaN])('refuses a limit of %s', (limit) => {
		expect(() => new Cache({ limit })).toThrow(RangeError);
	});
});
