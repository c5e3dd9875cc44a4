import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapleyValues } from '../../src/lib/sim/shapley';

describe('the Shapley split', () => {
	it('adds up to the total difference for any game of three levers', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 8, maxLength: 8 }), (v) => {
				const phi = shapleyValues(v);
				expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(v[7] - v[0], 9);
			})
		);
	});

	it('gives each lever its own effect when effects simply add up', () => {
		// v(S) = 1·sinking + 2·coordination + 4·participation
		const v = Array.from({ length: 8 }, (_, m) => (m & 1 ? 1 : 0) + (m & 2 ? 2 : 0) + (m & 4 ? 4 : 0));
		expect(shapleyValues(v)).toEqual([1, 2, 4]);
	});

	it('splits a pure interaction equally between the levers that need each other', () => {
		// Only sinking and coordination together have an effect (3); participation does nothing.
		const v = Array.from({ length: 8 }, (_, m) => ((m & 3) === 3 ? 3 : 0));
		const [s, c, p] = shapleyValues(v);
		expect(s).toBeCloseTo(1.5, 12);
		expect(c).toBeCloseTo(1.5, 12);
		expect(p).toBeCloseTo(0, 12);
	});

	it('rejects a table that is not one value per coalition', () => {
		expect(() => shapleyValues([1, 2, 3])).toThrow(RangeError);
	});
});
