/**
 * Calibration of the history scenario to the published record (`npm run sim:calibrate`).
 *
 * Method: approximate Bayesian computation by sequential Monte Carlo (ABC-SMC: Toni et al. 2009,
 * J. R. Soc. Interface 6; weights after Beaumont et al. 2009, Biometrika 96; thresholds adapted
 * as in Del Moral, Doucet & Jasra 2012, Statistics and Computing 22). The distance of a point is
 * the largest of the fitted targets' errors, each in units of its tolerance (history.ts TARGETS):
 * at most 1 when every target is within its tolerance. Generation 0 samples the prior — uniform,
 * or log-uniform for the scale parameters, as a Latin hypercube — with one replicate a point, and
 * keeps the nearest `population`; each later generation perturbs kept points and keeps those
 * within the median distance of the generation before (two replicates a point averaged), until
 * the threshold reaches 1. The acceptable ranges are the weighted 5th–95th percentiles of the last
 * population's points within tolerance; the chosen values are, of its five points nearest the
 * record rounded to three significant digits, the nearest over six further replicates. A final
 * check runs the chosen values with fresh replicates. Then every other parameter is moved to the
 * ends of its range, one at a time with the same random numbers, to see which ones the record can
 * say anything about.
 *
 * The targets are the record only (cases received, closure, satisfaction): no proposition of the
 * study enters the distance.
 */
import type { County } from '../county/build-county';
import { normal, weightedIndex } from '../random/distributions';
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
	/** Points of the first generation (from the prior), points kept in each generation, and the most points tried in a later one. */
	prior: number;
	population: number;
	budget: number;
	checkReplicates: number;
	/** Moves every other parameter to its range's ends to find what the record cannot identify. */
	sensitivity: boolean;
	onProgress?: (stage: string, done: number, total: number) => void;
}

type Point = Record<ParameterName, number>;



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

/** A point of the ABC population: values, transformed values, distance, importance weight. */
interface Particle {
	xs: number[];
	t: number[];
	d: number;
	w: number;
}

/** Generations after the first, at most. */
const MAX_GENERATIONS = 12;

const transform = (f: FreeSpec, x: number) => (f.log ? Math.log(x) : x);
const untransform = (f: FreeSpec, x: number) => (f.log ? Math.exp(x) : x);

/** The p-quantile of coordinate k among weighted points. */
function weightedQuantile(points: readonly { xs: number[]; w: number }[], k: number, p: number): number {
	const sorted = [...points].sort((a, b) => a.xs[k] - b.xs[k]);
	const total = sorted.reduce((a, q) => a + q.w, 0);
	let cum = 0;
	for (const q of sorted) {
		cum += q.w;
		if (cum >= p * total) return q.xs[k];
	}
	return sorted[sorted.length - 1].xs[k];
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

	// ABC-SMC (Toni et al. 2009; Beaumont et al. 2009) with adaptive thresholds (Del Moral, Doucet
	// & Jasra 2012). Generation 0 runs `prior` points of a Latin hypercube over the prior (one
	// replicate each) and keeps the `population` nearest. Each later generation's threshold is the
	// median distance of the population before it (never below 1); it draws a kept point by weight,
	// perturbs it with a Gaussian kernel of twice the population's variance in each transformed
	// coordinate (log for the scale parameters), runs it with two replicates and keeps it within
	// the threshold, weighted prior ÷ Σ w_j K(θ | θ_j) — until the threshold reaches 1 (every
	// target within its tolerance) and that generation is full, or a generation runs out of budget.
	const lows = FREE.map((f) => transform(f, f.low));
	const highs = FREE.map((f) => transform(f, f.high));
	const { population, budget } = options;
	let simulated = 0;
	const generations: CalibrationReport['generations'] = [];
	let kept: Particle[];
	{
		const draws = latinHypercube(rng, options.prior, FREE);
		const all = draws.map((xs, i) => {
			options.onProgress?.('generation 0', i, draws.length);
			simulated++;
			return { xs, t: xs.map((x, k) => transform(FREE[k], x)), d: distance(run(asPoint(xs), 1)), w: 1 };
		});
		kept = [...all].sort((x, y) => x.d - y.d).slice(0, population);
		generations.push({ epsilon: kept[kept.length - 1].d, simulated, kept: kept.length });
	}
	for (let g = 1; g <= MAX_GENERATIONS; g++) {
		const sortedD = kept.map((p) => p.d).sort((a, b) => a - b);
		const epsilon = Math.max(1, sortedD[Math.floor(sortedD.length / 2)]);
		const total = kept.reduce((a, p) => a + p.w, 0);
		const sd = FREE.map((_, k) => {
			const mean = kept.reduce((a, p) => a + p.w * p.t[k], 0) / total;
			const variance = kept.reduce((a, p) => a + p.w * (p.t[k] - mean) ** 2, 0) / total;
			return Math.sqrt(2 * variance) || (highs[k] - lows[k]) / 100;
		});
		const next: Particle[] = [];
		const before = simulated;
		// The budget counts runs; proposals outside the prior are redrawn without a run (at most 50 a run's worth).
		let proposals = 0;
		while (next.length < population && simulated - before < budget && proposals < 50 * budget) {
			options.onProgress?.(`generation ${g} (ε ${epsilon.toFixed(2)})`, next.length, population);
			proposals++;
			const parent = kept[weightedIndex(rng, kept.map((p) => p.w), total)];
			const t = parent.t.map((x, k) => x + sd[k] * normal(rng));
			if (t.some((x, k) => x < lows[k] || x > highs[k])) continue;
			const xs = t.map((x, k) => untransform(FREE[k], x));
			const d = distance(run(asPoint(xs), 2));
			simulated++;
			if (d > epsilon) continue;
			let density = 0;
			for (const p of kept) {
				let k2 = 0;
				for (let k = 0; k < t.length; k++) k2 += ((t[k] - p.t[k]) / sd[k]) ** 2;
				density += p.w * Math.exp(-k2 / 2);
			}
			next.push({ xs, t, d, w: 1 / density });
		}
		generations.push({ epsilon: Number(epsilon.toFixed(3)), simulated: simulated - before, kept: next.length });
		if (next.length < Math.min(10, population)) break;
		kept = next;
		if (epsilon <= 1) break;
	}
	const accepted = kept.filter((p) => p.d <= 1);
	// The chosen values: of the five kept points nearest the record (rounded), the nearest over six further replicates.
	const finalists = [...kept].sort((a, b) => a.d - b.d).slice(0, 5);
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
		const pts = accepted.length ? accepted : [{ xs: best.xs, w: 1 }];
		return { name: f.name, low: f.low, high: f.high, chosen: chosen[f.name] as number, acceptedLow: significant(weightedQuantile(pts, k, 0.05)), acceptedHigh: significant(weightedQuantile(pts, k, 0.95)), why: f.why };
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
		method: 'abc-smc',
		households: county.households.count,
		replicatesPerPoint: 2,
		points: simulated,
		generations,
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
