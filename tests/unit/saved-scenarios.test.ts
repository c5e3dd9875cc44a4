import { MODEL_VERSION } from '../../sim/engine/version';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SavedScenarios } from '../../src/lib/sim/SavedScenarios.svelte';
import { defaultScenario, type Scenario } from '../../src/lib/sim/scenario';

const KEY = 'grassroots-governance-sandbox.scenarios.v1';

/** localStorage as the browser gives it, with a quota in characters (keys and values). */
class FakeStorage {
	#items = new Map<string, string>();
	constructor(readonly quota = Infinity) {}
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		let used = key.length + value.length;
		for (const [k, v] of this.#items) if (k !== key) used += k.length + v.length;
		if (used > this.quota) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
		this.#items.set(key, String(value));
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	clear() {
		this.#items.clear();
	}
}

const scenario = (sinking: number): Scenario => ({ ...defaultScenario(), mode: 'custom', levers: { sinking, coordination: 0.5, participation: 0.5 } });
const entry = (name: string, sinking = 0.5) => ({ name, scenario: scenario(sinking), savedAt: '2024-01-01T00:00:00.000Z' });
const stored = (storage: FakeStorage) => JSON.parse(storage.getItem(KEY) ?? 'null') as unknown[];

let storage: FakeStorage;
function store(entries: unknown[] | string, quota = Infinity) {
	storage = new FakeStorage(quota);
	storage.setItem(KEY, typeof entries === 'string' ? entries : JSON.stringify(entries));
	vi.stubGlobal('localStorage', storage);
	return new SavedScenarios();
}
beforeEach(() => vi.stubGlobal('localStorage', new FakeStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('saved scenarios', () => {
	it('rename a legacy duplicate name on load instead of failing, keeping both scenarios', () => {
		const saved = store([entry('Same', 0.1), entry('Same', 0.2), entry('Same (2)', 0.3)]);
		expect(saved.list.map((s) => s.name)).toEqual(['Same', 'Same (3)', 'Same (2)']);
		expect(saved.list.map((s) => s.scenario.levers.sinking)).toEqual([0.1, 0.2, 0.3]);
	});

	it('keep an unreadable stored entry through a save, and report it', () => {
		const bad = [{ name: 'Broken', scenario: { mode: 'sideways' } }, 'garbage', { name: 'Newer', scenario: { ...scenario(0.4), version: '4' } }];
		const saved = store([entry('Good'), ...bad]);
		expect(saved.list.map((s) => s.name)).toEqual(['Good']);
		saved.save('Another', scenario(0.7));
		expect(stored(storage)).toEqual(expect.arrayContaining(bad));
		expect(new SavedScenarios().list.map((s) => s.name).sort()).toEqual(['Another', 'Good']);
		expect(saved.unreadable.map((u) => u.raw)).toEqual(bad);
		expect(saved.unreadable.map((u) => [u.name, u.position, u.problems[0]])).toEqual([
			['Broken', 3, { field: 'scenario.mode', code: 'choice', value: '"sideways"', expected: { type: 'choice', values: ['one-way', 'two-way', 'multi', 'custom'] } }],
			[undefined, 4, { field: '', code: 'notObject', value: '"garbage"' }],
			['Newer', 5, { field: 'scenario.version', code: 'newerVersion', value: '4' }]
		]);
	});

	it('read a scenario saved with model 2 (the same fields) with the current model', () => {
		const v2 = { name: 'Two', savedAt: '2026-06-01T00:00:00.000Z', scenario: { ...scenario(0.4), version: '2' } };
		const saved = store([v2]);
		expect(saved.unreadable).toEqual([]);
		expect(saved.list.map((s) => [s.name, s.scenario.levers.sinking, s.scenario.version])).toEqual([['Two', 0.4, MODEL_VERSION]]);
	});

	it('read a scenario saved with model 1 as model 2 read it, and keep it through a save', () => {
		const v1 = { name: 'Old', savedAt: '2024-01-01T00:00:00.000Z', scenario: { mode: 'custom', levers: { sinking: 0.1, coordination: 0.2, participation: 0.3 }, context: defaultScenario().context, seed: 1, version: '1' } };
		const saved = store([v1]);
		expect(saved.unreadable).toEqual([]);
		expect(saved.list.map((s) => [s.name, s.scenario.mode, s.scenario.base, s.scenario.levers])).toEqual([['Old', 'custom', 'multi', { sinking: 0.1, coordination: 0.2, participation: 0.3 }]]);
		saved.save('New', scenario(0.5));
		expect(new SavedScenarios().list.map((s) => s.name).sort()).toEqual(['New', 'Old']);
	});

	it('keep a store that is not a list at all, through a save', () => {
		const saved = store('{"oops": tru');
		saved.save('Mine', scenario(0.2));
		expect(storage.getItem(KEY)).toContain('oops');
		const after = new SavedScenarios();
		expect(after.list.map((s) => s.name)).toEqual(['Mine']);
		expect(after.unreadable.map((u) => u.raw)).toEqual(['{"oops": tru']);
	});

	it('never cut the list: all stored entries are shown, and a save past the limit is refused', () => {
		const many = Array.from({ length: 60 }, (_, i) => entry(`S${i}`));
		const saved = store(many);
		expect(saved.list).toHaveLength(60);
		const result = saved.save('One more', scenario(0.1));
		expect(stored(storage)).toHaveLength(60);
		expect(saved.list).toHaveLength(60);
		expect(result).toMatchObject({ ok: false, reason: 'full' });
	});

	it('refuse a save the browser cannot store, keeping the list true to what is stored', () => {
		// Room for the one stored entry, not for a second.
		const saved = store([entry('Old')], JSON.stringify([entry('Old')]).length + 50);
		const result = saved.save('Too much', scenario(0.3));
		expect(saved.list.map((s) => s.name)).toEqual(['Old']);
		expect(new SavedScenarios().list.map((s) => s.name)).toEqual(['Old']);
		expect(result).toMatchObject({ ok: false, reason: 'storage' });
	});

	it('ask before replacing a scenario of the same name, and replace when told to', () => {
		const saved = store([entry('Mine', 0.1)]);
		const result = saved.save('Mine', scenario(0.9));
		expect(new SavedScenarios().list[0].scenario.levers.sinking).toBe(0.1);
		expect(result).toEqual({ ok: false, reason: 'exists', name: 'Mine' });
		expect(saved.save('Mine', scenario(0.9), { replace: true })).toEqual({ ok: true, name: 'Mine' });
		expect(new SavedScenarios().list.map((s) => [s.name, s.scenario.levers.sinking])).toEqual([['Mine', 0.9]]);
	});

	it('keep a scenario listed when the browser refuses to delete it', () => {
		const saved = store([entry('A'), entry('B')]);
		storage.setItem = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		const result = saved.remove('A');
		expect(saved.list.map((s) => s.name)).toEqual(['A', 'B']);
		expect(result).toMatchObject({ ok: false, reason: 'storage' });
	});

	it('remove the unreadable entries only when asked, keeping the readable ones', () => {
		const saved = store([entry('Good'), 'garbage']);
		expect(saved.removeUnreadable()).toEqual({ ok: true });
		expect(stored(storage)).toEqual([entry('Good')]);
		expect(saved.unreadable).toEqual([]);
	});

	it('see what another tab saved before writing, so neither overwrites the other', () => {
		const a = store([entry('Old')]);
		const b = new SavedScenarios();
		a.save('From A', scenario(0.1));
		b.save('From B', scenario(0.2));
		expect(new SavedScenarios().list.map((s) => s.name).sort()).toEqual(['From A', 'From B', 'Old']);
		expect(b.list.map((s) => s.name).sort()).toEqual(['From A', 'From B', 'Old']);
	});
});
