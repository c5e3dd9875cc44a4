import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../sim/random/xoshiro128';
import { weightedSample } from '../../sim/random/distributions';
import { apportion } from '../../sim/county/apportion';

describe('xoshiro128**', () => {
	// Reference outputs of the authors' C code (prng.di.unimi.it/xoshiro128starstar.c) from the state {1, 2, 3, 4}.
	it('matches the reference implementation from state {1, 2, 3, 4}', () => {
		const g = new Xoshiro128([1, 2, 3, 4]);
		const first = Array.from({ length: 8 }, () => g.nextUint32());
		expect(first).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
	});

	it('matches the reference jump() (2^64 steps ahead)', () => {
		const g = new Xoshiro128([1, 2, 3, 4]);
		for (let i = 0; i < 8; i++) g.nextUint32();
		g.jump();
		expect(Array.from({ length: 4 }, () => g.nextUint32())).toEqual([913312880, 2049367984, 4290708443, 2568308862]);
	});

	it('gives the same stream for the same seed and different streams for different seeds or indices', () => {
		const draw = (g: Xoshiro128) => Array.from({ length: 5 }, () => g.nextUint32());
		expect(draw(Xoshiro128.fromSeed(7))).toEqual(draw(Xoshiro128.fromSeed(7)));
		expect(draw(Xoshiro128.fromSeed(7))).not.toEqual(draw(Xoshiro128.fromSeed(8)));
		expect(draw(Xoshiro128.stream(7, 1))).not.toEqual(draw(Xoshiro128.stream(7, 2)));
	});

	it('draws floats in [0, 1) with a mean near one half', () => {
		const g = Xoshiro128.fromSeed(1);
		let sum = 0;
		for (let i = 0; i < 100_000; i++) {
			const u = g.next();
			expect(u >= 0 && u < 1).toBe(true);
			sum += u;
		}
		expect(sum / 100_000).toBeCloseTo(0.5, 2);
	});

	it('rejects the all-zero state', () => {
		expect(() => new Xoshiro128([0, 0, 0, 0])).toThrow(RangeError);
	});
});

describe('apportion', () => {
	it.each([
		{ total: 10, weights: [1, 1, 1], min: 0, expected: [4, 3, 3] },
		{ total: 100, weights: [0.5, 0.3, 0.2], min: 0, expected: [50, 30, 20] },
		{ total: 7, weights: [10, 1, 1], min: 2, expected: [3, 2, 2] },
		{ total: 2893, weights: [3, 1], min: 0, expected: [2170, 723] }
	])('splits $total by $weights (min $min) into $expected', ({ total, weights, min, expected }) => {
		const parts = apportion(total, weights, min);
		expect(parts).toEqual(expected);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
	});

	it('refuses a total too small for the minimum', () => {
		expect(() => apportion(5, [1, 1, 1], 2)).toThrow(RangeError);
	});
});

describe('weightedSample', () => {
	it('draws exactly k distinct indices, never one of weight zero, favouring heavy weights', () => {
		const g = Xoshiro128.fromSeed(3);
		const weights = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 0 : i < 500 ? 1 : 9));
		const picked = weightedSample(g, weights, 100);
		expect(new Set(picked).size).toBe(100);
		expect(picked.every((i) => weights[i] > 0)).toBe(true);
		expect(picked.filter((i) => i >= 500).length).toBeGreaterThan(75);
	});
});
