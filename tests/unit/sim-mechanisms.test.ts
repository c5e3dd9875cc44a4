import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { COUNTY_SEED, Model } from '../../sim/engine/model';
import { handoffWait } from '../../sim/engine/mechanisms/barriers';
import { colourOf, GREEN, RED, YELLOW } from '../../sim/engine/mechanisms/colour';
import { experienceOf } from '../../sim/engine/mechanisms/feedback';
import { poissonFromUniform } from '../../sim/engine/mechanisms/order';
import { binomialFromUniform } from '../../sim/engine/mechanisms/participation';
import { VILLAGE } from '../../sim/engine/world';
import { defaultParameters } from '../../sim/engine/parameters';
import { Xoshiro128 } from '../../sim/random/xoshiro128';

/** Each fixed formula checked against its documented form (MODEL.md §6) by sampling or by cases. */
describe('the mechanisms’ formulas', () => {
	const p = defaultParameters();

	it.each([0.4, 1, 2, 6])('draws hand-off waits with the documented mean of %s weeks (geometric on 0, 1, 2, …)', (mean) => {
		const rng = Xoshiro128.fromSeed(17);
		const n = 200_000;
		let sum = 0;
		let zeros = 0;
		for (let i = 0; i < n; i++) {
			const k = handoffWait(rng.next(), mean);
			sum += k;
			if (k === 0) zeros++;
		}
		// Geometric: mean m, variance m(1 + m), P(0) = 1 / (1 + m).
		const se = Math.sqrt((mean * (1 + mean)) / n);
		expect(Math.abs(sum / n - mean)).toBeLessThan(4 * se);
		expect(zeros / n).toBeCloseTo(1 / (1 + mean), 2);
	});

	it.each([0.003, 0.2, 1.5])('draws Poisson counts of mean %s from one uniform each', (mean) => {
		const rng = Xoshiro128.fromSeed(5);
		const n = 400_000;
		let sum = 0;
		let sq = 0;
		for (let i = 0; i < n; i++) {
			const k = poissonFromUniform(rng.next(), mean);
			sum += k;
			sq += k * k;
		}
		const m = sum / n;
		expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
		// Poisson: variance equals the mean.
		expect(sq / n - m * m).toBeCloseTo(mean, mean < 0.01 ? 3 : 1);
	});

	it.each([
		[1, 0.3],
		[3, 0.5],
		[5, 0.12]
	])('draws binomial counts of %s trials of probability %s from one uniform each', (n, prob) => {
		const rng = Xoshiro128.fromSeed(8);
		const draws = 200_000;
		let sum = 0;
		let sq = 0;
		for (let i = 0; i < draws; i++) {
			const k = binomialFromUniform(rng.next(), n, prob);
			sum += k;
			sq += k * k;
		}
		const mean = sum / draws;
		expect(Math.abs(mean - n * prob)).toBeLessThan(4 * Math.sqrt((n * prob * (1 - prob)) / draws));
		expect(sq / draws - mean * mean).toBeCloseTo(n * prob * (1 - prob), 2);
	});

	it('scores an outcome by expectancy–disconfirmation: unsolved, on time, late', () => {
		expect(experienceOf(p, false, 0)).toBe(p.unsolvedExperience);
		expect(experienceOf(p, true, p.expectedWeeks)).toBe(1);
		// One expected time late loses latenessPenalty; the floor is 0.
		expect(experienceOf(p, true, 2 * p.expectedWeeks)).toBeCloseTo(1 - p.latenessPenalty, 12);
		expect(experienceOf(p, true, 100 * p.expectedWeeks)).toBe(0);
	});

	it.each([
		[0, 0, 0, GREEN],
		[0, 0, 3, YELLOW],
		[0, 1, 0, YELLOW],
		[0, 2, 0, RED],
		['yellow', 0, 0, YELLOW],
		['red', 0, 0, RED],
		['below yellow', 0, 0, GREEN]
	] as const)('colours a household with grievance %s, %s known open issues, type %s as %s', (g, open, type, colour) => {
		const grievance = g === 'yellow' ? p.yellowGrievance : g === 'red' ? p.redGrievance : g === 'below yellow' ? p.yellowGrievance * 0.99 : g;
		expect(colourOf(p.redGrievance, p.yellowGrievance, grievance, open, type)).toBe(colour);
	});

	it('sends a single-department issue to the village only when its stationed cadres would finish it sooner (no cliff at small sinking)', () => {
		const county = buildCounty({ seed: COUNTY_SEED, scale: 1 / 8 });
		// Share of received single-department issues queued in the village, counted from the model's own events.
		const villageShare = (sinking: number) => {
			const m = new Model({ county, seed: 3, weeks: 52, mode: 'custom', levers: { sinking, coordination: 0.5, participation: 0.5 } });
			let village = 0;
			let all = 0;
			const queued = m.world.events.queued;
			m.world.events.queued = (w, id, ahead) => {
				if (w.issues.depts[id] === 1) {
					all++;
					if (w.issues.level[id] === VILLAGE) village++;
				}
				queued(w, id, ahead);
			};
			m.run();
			return village / all;
		};
		const shares = [0, 0.02, 0.1, 0.3, 1].map(villageShare);
		expect(shares[0]).toBe(0);
		// Tiny village capacity takes a small share; the share grows with sinking.
		expect(shares[1]).toBeLessThan(0.15);
		for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
		// At full sinking the village takes a real share. (Calibrated, the county has few case hours a village —
		// about five a week at full sinking — so the village is faster only when its queue is short.)
		expect(shares[4]).toBeGreaterThan(0.1);
	});
});
