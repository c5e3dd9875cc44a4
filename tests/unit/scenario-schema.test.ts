import { describe, expect, it } from 'vitest';
import { group, leafNames, readLenient, readStrict, type Schema } from '../../src/lib/sim/scenario-schema';

// A schema with a nested object of booleans and a number, as Model 2's `structure` will be.
const SCHEMA = {
	mode: { type: 'choice', values: ['one-way', 'custom'] },
	structure: group({ feedback: { type: 'boolean' }, liaisons: { type: 'boolean' }, topDownPressure: { type: 'number', min: 0, max: 1 } }),
	seed: { type: 'number', min: 0, max: 10, integer: true }
} as const satisfies Schema;

describe('a schema with a nested object of booleans', () => {
	it('reads it strictly from JSON', () => {
		const value = { mode: 'custom', structure: { feedback: true, liaisons: false, topDownPressure: 0.4 }, seed: 3 };
		expect(readStrict(value, SCHEMA)).toEqual({ ok: true, values: value });
		const bad = readStrict({ mode: 'custom', structure: { feedback: 'yes', liaisons: 0, topDownPressure: 2, Feedback: true }, seed: 3 }, SCHEMA);
		expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.code, p.suggestion])).toEqual([
			['structure.Feedback', 'unknown', 'feedback'],
			['structure.feedback', 'type', undefined],
			['structure.liaisons', 'type', undefined],
			['structure.topDownPressure', 'range', undefined]
		]);
	});

	it('reads it leniently from a link, each leaf by its own name', () => {
		const params = new URLSearchParams('feedback=1&liaisons=false&topDownPressure=0.25&seed=2');
		expect(readLenient((k) => params.get(k), SCHEMA)).toEqual({ values: { structure: { feedback: true, liaisons: false, topDownPressure: 0.25 }, seed: 2 }, problems: [] });
		const broken = new URLSearchParams('feedback=yes&topDownPressure=0x1');
		expect(readLenient((k) => broken.get(k), SCHEMA).problems.map((p) => [p.field, p.code])).toEqual([
			['feedback', 'type'],
			['topDownPressure', 'format']
		]);
		expect(leafNames(SCHEMA)).toEqual(['mode', 'feedback', 'liaisons', 'topDownPressure', 'seed']);
	});
});
