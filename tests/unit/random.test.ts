import { describe, expect, it } from 'vitest';
import { KeyedUniform } from '../../sim/random/keyed';
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

describe('the keyed (counter-based) uniforms', () => {
	const g = KeyedUniform.stream(1, 3);

	it('gives the same number for the same key, and another for another key, stream or seed', () => {
		expect(g.at(5, 7, 2)).toBe(KeyedUniform.stream(1, 3).at(5, 7, 2));
		expect(g.at(5, 7, 2)).not.toBe(g.at(5, 7, 3));
		expect(g.at(5, 7, 2)).not.toBe(g.at(5, 8, 2));
		expect(g.at(5, 7, 2)).not.toBe(KeyedUniform.stream(1, 4).at(5, 7, 2));
		expect(g.at(5, 7, 2)).not.toBe(KeyedUniform.stream(2, 3).at(5, 7, 2));
	});

	it('answers below(p) exactly as its uniform compares with p', () => {
		for (let a = 0; a < 2000; a++) for (const p of [0, 0.001, 0.3, 0.5, 0.999, 1]) expect(g.below(p, a, 9, 4)).toBe(g.at(a, 9, 4) < p);
	});

	it('is uniform over neighbouring keys (chi-square, 100 bins, 1,000,000 draws)', () => {
		const bins = new Float64Array(100);
		for (let a = 0; a < 2000; a++) for (let b = 0; b < 500; b++) bins[Math.floor(g.at(a, b, 7) * 100)]++;
		const expected = 10_000;
		const chi2 = bins.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
		// 99 degrees of freedom: the 0.1% critical value is 148.2.
		expect(chi2).toBeLessThan(148.2);
	});

	it.each([
		['the next household', (a: number, b: number) => [a + 1, b, 0]],
		['the next week', (a: number, b: number) => [a, b + 1, 0]],
		['the next draw of the same event', (a: number, b: number) => [a, b, 1]]
	] as const)('has no correlation with %s', (_, next) => {
		let sx = 0;
		let sy = 0;
		let sxy = 0;
		let sxx = 0;
		let syy = 0;
		const n = 200_000;
		for (let i = 0; i < n; i++) {
			const a = i % 4000;
			const b = Math.floor(i / 4000);
			const x = g.at(a, b, 0);
			const [a2, b2, c2] = next(a, b);
			const y = g.at(a2, b2, c2);
			sx += x;
			sy += y;
			sxy += x * y;
			sxx += x * x;
			syy += y * y;
		}
		const r = (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
		// Independent draws: r has standard error 1/√n ≈ 0.0022.
		expect(Math.abs(r)).toBeLessThan(0.01);
	});
});
