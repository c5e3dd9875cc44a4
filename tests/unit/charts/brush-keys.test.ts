import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedRange } from '../../../src/lib/charts/brush-x';

const Q = ['2016Q3', '2016Q4', '2017Q1', '2017Q2', '2017Q3', '2017Q4'];

describe('the period brush by keyboard', () => {
	it('picks one quarter from nothing, moves, stretches and clears', () => {
		expect(keyedRange(Q, null, 'ArrowRight')).toEqual(['2016Q3', '2016Q3']);
		expect(keyedRange(Q, null, 'ArrowLeft')).toEqual(['2017Q4', '2017Q4']);
		expect(keyedRange(Q, null, 'End')).toEqual(['2017Q4', '2017Q4']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'ArrowRight')).toEqual(['2017Q2', '2017Q3']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'ArrowLeft')).toEqual(['2016Q4', '2017Q1']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'ArrowRight', true)).toEqual(['2017Q1', '2017Q3']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'ArrowLeft', true)).toEqual(['2017Q1', '2017Q1']);
		expect(keyedRange(Q, ['2017Q1', '2017Q1'], 'ArrowLeft', true)).toEqual(['2017Q1', '2017Q1']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'Home')).toEqual(['2016Q3', '2016Q4']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'End')).toEqual(['2017Q3', '2017Q4']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'Home', true)).toEqual(['2016Q3', '2017Q2']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'End', true)).toEqual(['2017Q1', '2017Q4']);
		expect(keyedRange(Q, ['2017Q3', '2017Q4'], 'ArrowRight')).toEqual(['2017Q3', '2017Q4']);
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'Escape')).toBeNull();
		// Keys the brush leaves to the page (Tab, letters), and Escape with nothing to clear.
		expect(keyedRange(Q, ['2017Q1', '2017Q2'], 'Tab')).toBeUndefined();
		expect(keyedRange(Q, null, 'Escape')).toBeUndefined();
		expect(keyedRange([], null, 'ArrowRight')).toBeUndefined();
	});

	it('keeps any range inside the quarters, in order; a move keeps its length, a stretch its start', () => {
		let moved = 0;
		const keys = fc.constantFrom('ArrowLeft', 'ArrowRight', 'Home', 'End');
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.nat(), keys, fc.boolean(), (n, i, j, key, shift) => {
				const values = Array.from({ length: n }, (_, k) => `q${k}`);
				const [a, b] = [i % n, j % n].sort((p, q) => p - q);
				const out = keyedRange(values, [values[a], values[b]], key, shift)!;
				const [c, d] = [values.indexOf(out[0]), values.indexOf(out[1])];
				expect(c).toBeGreaterThanOrEqual(0);
				expect(d).toBeGreaterThanOrEqual(c);
				if (!shift) expect(d - c).toBe(b - a);
				if (shift && key !== 'Home') expect(c).toBe(a);
				if (shift && key === 'Home') expect([c, d]).toEqual([0, b]);
				// Where there is room, a step moves by exactly one quarter (the deep case).
				if (!shift && key === 'ArrowRight' && b < n - 1) {
					expect([c, d]).toEqual([a + 1, b + 1]);
					moved++;
				}
			}),
			{ numRuns: 1000 }
		);
		expect(moved, 'runs that moved a range with room to move').toBeGreaterThan(30);
	});
});
