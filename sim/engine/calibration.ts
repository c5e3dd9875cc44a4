/**
 * Calibration of the history scenario to the published record (`npm run sim:calibrate`).
 *
 * Method: approximate Bayesian computation by rejection over Latin-hypercube samples, in stages
 * that narrow the box (after sequential ABC). Stage 1 samples the prior box of the free
 * parameters (uniform, or log-uniform for the scale parameters) with one replicate a point.
 * Stage 2 samples the box around the stage-1 points within three tolerances of the record, stage
 * 3 around the stage-2 points within one and a half, later stages within one and a quarter (each
 * box widened by a quarter of its width each side, clipped to the prior; at least the best tenth
 * of the points), with two replicates a point averaged. A point of the last stage is accepted when its distance — the largest of the fitted targets' errors, each in units of its
 * tolerance (history.ts TARGETS) — is at most 1: every target within its tolerance. The chosen values are, of the five accepted
 * points nearest the record rounded to three significant digits, the nearest over six further
 * replicates; the acceptable ranges are the 5th–95th
 * percentiles of the accepted points. A final check runs the chosen values with fresh
 * replicates. Then every other parameter is moved to the ends of its range, one at a time with
 * the same random numbers, to see which ones the record can say anything about.
 *
 * The targets are the record only (cases received, closure, satisfaction): no proposition of the
 * study enters the distance.
 */
import type { County } from '../county/build-county';
import { Xoshiro128 } from '../random/xoshiro128';
import { runHistory, TARGETS, targetError, targetFits, type RecordCounts } from './history';
import { defaultParameters, PARAMETERS, type ParameterName, type Parameters } from './parameters';
import type { CalibrationReport, FreeParameter } from './reports';

/** A free parameter: its prior box, whether it is sampled on a log scale, and why it is free. */
export interface FreeSpec {
	name: ParameterName;
	low: number;
	high: number;
	log: boolean;
	/** Key of the reason (the model card words it): which target it answers to. */
	why: 'volume' | 'capacity' | 'solving' | 'expectations' | 'protracted';
}

/**
 * The free parameters, few and chosen for what the record can tell: the issue rate sets how many
 * cases reach county and town (received); the cadre hours for cases and the share of protracted
 * issues set how many are still open at the end (closure) — the first through queues, which also
 * make households wait, the second through cases that wait long for an outside decision; the share
 * of handled issues really solved, how much a failed hand-off spoils the fix, and the time
 * households expect set how many are satisfied (satisfaction). All six were assumptions with no
 * source; every other parameter keeps its stated value.
 */
export const FREE: readonly FreeSpec[] = [
	{ name: 'issueRate', low: 0.01, high: 0.1, log: true, why: 'volume' },
	{ name: 'cadreHours', low: 200, high: 3000, log: true, why: 'capacity' },
	{ name: 'solveBase', low: 0.9, high: 1, log: false, why: 'solving' },
	{ name: 'failureSolvePenalty', low: 0.5, high: 1, log: false, why: 'solving' },
	{ name: 'expectedWeeks', low: 1, high: 12, log: true, why: 'expectations' },
	{ name: 'protractedShare', low: 0, high: 0.2, log: false, why: 'protracted' }
];

export interface CalibrationOptions {
	seed: number;
	county: County;
	/** Points of each stage (at least one stage). */
	points: readonly number[];
	checkReplicates: number;
	/** Moves every other parameter to its range's ends to find what the record cannot identify. */
	sensitivity: boolean;
	onProgress?: (stage: string, done: number, total: number) => void;
}

type Point = Record<ParameterName, number>;

/** Stage k + 2 samples the box around stage k + 1's points within NEAR[k] tolerances (the last value repeats). */
const NEAR = [3, 1.5, 1.25];

/**
 * Distance of replicates' counts from the record: the largest of the fitted targets' errors (of
 * the replicates' mean) in tolerance units — at most 1 when every target is within its tolerance.
 */
export function distance(counts: readonly RecordCounts[]): number {
	let worst = 0;
	for (const t of TARGETS) {
		if (!t.fitted) continue;
		const mean = counts.reduce((a, c) => a + t.of(c), 0) / counts.length;
		worst = Math.max(worst, Math.abs(targetError(t, mean)));
	}
	return worst;
}

/** A Latin-hypercube sample of `n` points in a box: each dimension's n strata each hit once. */
export function latinHypercube(rng: Xoshiro128, n: number, box: readonly { low: number; high: number; log: boolean }[]): number[][] {
	const columns = box.map((b) => {
		const order = Array.from({ length: n }, (_, i) => i);
		for (let i = n - 1; i > 0; i--) {
			const j = Math.floor(rng.next() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		return order.map((stratum) => {
			const u = (stratum + rng.next()) / n;
			return b.log ? Math.exp(Math.log(b.low) + u * (Math.log(b.high) - Math.log(b.low))) : b.low + u * (b.high - b.low);
		});
	});
	return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

const significant = (x: number) => Number(x.toPrecision(3));

function quantile(sorted: readonly number[], p: number): number {
	const i = p * (sorted.length - 1);
	const lo = Math.floor(i);
	return sorted[lo] + (sorted[Math.min(sorted.length - 1, lo + 1)] - sorted[lo]) * (i - lo);
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export function calibrate(options: CalibrationOptions): { report: CalibrationReport; chosen: Partial<Parameters> } {
	const { seed, county } = options;
	const rng = Xoshiro128.stream(seed, 11);
	const run = (params: Partial<Parameters>, replicates: number, first = 0) =>
		Array.from({ length: replicates }, (_, r) => runHistory({ params, seed, replicate: first + r, county }).counts);
	const asPoint = (xs: number[]): Partial<Point> => Object.fromEntries(FREE.map((f, i) => [f.name, xs[i]]));

	// Stage 1: the prior box, one replicate a point. Each later stage: the box around the previous
	// stage's points within `near` tolerances (at least its best tenth), two replicates a point.
	type Scored = { xs: number[]; d: number };
	const score = (box: readonly { low: number; high: number; log: boolean }[], n: number, reps: number, stage: string): Scored[] =>
		latinHypercube(rng, n, box).map((xs, i) => {
			options.onProgress?.(stage, i, n);
			return { xs, d: distance(run(asPoint(xs), reps)) };
		});
	const around = (points: readonly Scored[], near: number) => {
		const sorted = [...points].sort((a, b) => a.d - b.d);
		const close = sorted.filter((p) => p.d <= near);
		const least = Math.max(5, Math.ceil(sorted.length / 10));
		const seeds = close.length >= least ? close : sorted.slice(0, least);
		return FREE.map((f, k) => {
			const t = (x: number) => (f.log ? Math.log(x) : x);
			const u = (x: number) => (f.log ? Math.exp(x) : x);
			const lo = Math.min(...seeds.map((p) => t(p.xs[k])));
			const hi = Math.max(...seeds.map((p) => t(p.xs[k])));
			const pad = (hi - lo) / 4;
			return { low: Math.max(f.low, u(lo - pad)), high: Math.min(f.high, u(hi + pad)), log: f.log };
		});
	};
	let last = score(FREE, options.points[0], 1, 'stage 1');
	options.points.slice(1).forEach((n, k) => {
		last = score(around(last, NEAR[Math.min(k, NEAR.length - 1)]), n, 2, `stage ${k + 2}`);
	});
	const accepted = last.filter((p) => p.d <= 1);
	// The chosen values: of the five nearest points (rounded), the nearest over six further replicates.
	const finalists = [...(accepted.length ? accepted : last)].sort((a, b) => a.d - b.d).slice(0, 5);
	const rescored = finalists.map((p, i) => {
		options.onProgress?.('finalists', i, finalists.length);
		const xs = p.xs.map(significant);
		return { xs, d: distance(run(asPoint(xs), 6, 50)) };
	});
	const best = rescored.sort((a, b) => a.d - b.d)[0];
	const chosen = asPoint(best.xs);

	// The final check: fresh replicates (numbered after those of the search).
	options.onProgress?.('check', 0, 1);
	const check = run(chosen, options.checkReplicates, 100);
	const free: FreeParameter[] = FREE.map((f, k) => {
		const xs = (accepted.length ? accepted : [best]).map((p) => p.xs[k]).sort((a, b) => a - b);
		return { name: f.name, low: f.low, high: f.high, chosen: chosen[f.name] as number, acceptedLow: significant(quantile(xs, 0.05)), acceptedHigh: significant(quantile(xs, 0.95)), why: f.why };
	});
	const tradeOffs: CalibrationReport['tradeOffs'] = [];
	if (accepted.length >= 5) {
		for (let a = 0; a < FREE.length; a++) {
			for (let b = a + 1; b < FREE.length; b++) {
				const r = correlation(
					accepted.map((p) => p.xs[a]),
					accepted.map((p) => p.xs[b])
				);
				if (Math.abs(r) >= 0.5) tradeOffs.push({ a: FREE[a].name, b: FREE[b].name, r: Number(r.toFixed(2)) });
			}
		}
	}

	// What the record cannot identify: parameters whose whole range moves no target by a tolerance.
	const notIdentified: string[] = [];
	if (options.sensitivity) {
		const base = run(chosen, 1)[0];
		const others = (Object.keys(PARAMETERS) as ParameterName[]).filter((n) => !FREE.some((f) => f.name === n));
		others.forEach((name, i) => {
			options.onProgress?.('sensitivity', i, others.length);
			const [lo, hi] = PARAMETERS[name].range;
			const moved = [lo, hi].map((v) => run({ ...chosen, [name]: v }, 1)[0]);
			const shift = Math.max(...moved.flatMap((c) => TARGETS.filter((t) => t.fitted).map((t) => Math.abs(targetError(t, t.of(c)) - targetError(t, t.of(base))))));
			if (shift < 1) notIdentified.push(name);
		});
	}

	const report: CalibrationReport = {
		modelVersion: '',
		method: 'abc-rejection-lhs',
		households: county.households.count,
		replicatesPerPoint: 2,
		points: options.points.reduce((a, b) => a + b, 0),
		accepted: accepted.length,
		tolerance: 1,
		seed,
		free,
		targets: targetFits(check),
		checkReplicates: options.checkReplicates,
		notIdentified,
		tradeOffs
	};
	return { report, chosen };
}

/** The parameters with the calibrated values of a report (what the parameter table's defaults must equal). */
export function calibratedParameters(report: CalibrationReport): Parameters {
	const p = defaultParameters();
	for (const f of report.free) p[f.name as ParameterName] = f.chosen;
	return p;
}
