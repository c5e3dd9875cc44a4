/** Paired-replicate statistics, free of the model so that the page can use them without it. */

export interface Interval {
	mean: number;
	low: number;
	high: number;
	n: number;
	/** Share of pairs in which the difference is positive. */
	shareAbove: number;
}

/**
 * Student's t quantile for a two-sided interval at `level` with `df` degrees of freedom: the t
 * with P(|T| ≤ t) = level. Exact to about 1e-10 (the t distribution's CDF through the regularized
 * incomplete beta function, inverted by bisection): intervals from two or three replicates, as the
 * sandbox shows during its quick pass, get their true width. (A series in 1/df, used before, was
 * 27% too narrow at 1 degree of freedom.)
 */
export function tQuantile(level: number, df: number): number {
	if (!(level > 0 && level < 1 && df > 0)) return NaN;
	const key = `${level}|${df}`;
	let t = quantiles.get(key);
	if (t === undefined) {
		// Callers ask for few distinct (level, df) pairs, often (every table cell at each refinement).
		if (quantiles.size >= 256) quantiles.clear();
		quantiles.set(key, (t = solveT(level, df)));
	}
	return t;
}

const quantiles = new Map<string, number>();

function solveT(level: number, df: number): number {
	// P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t²), which falls as t grows: solve for x.
	const tail = 1 - level;
	let lo = 0;
	let hi = 1;
	for (let i = 0; i < 200 && hi - lo > 1e-17 * hi; i++) {
		const x = (lo + hi) / 2;
		if (regularizedBeta(x, df / 2, 0.5) > tail) hi = x;
		else lo = x;
	}
	const x = (lo + hi) / 2;
	return Math.sqrt((df * (1 - x)) / x);
}

/** The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
function regularizedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	// The fraction converges fast for x below the mean; above it, use I_x(a, b) = 1 − I_{1−x}(b, a).
	if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
	const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b)) / a;
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	d = 1 / (Math.abs(d) < tiny ? tiny : d);
	let f = d;
	for (let m = 1; m <= 300; m++) {
		// Even step d_{2m}, then odd step d_{2m+1}, of the fraction 1 / (1 + d1 / (1 + d2 / (1 + …))).
		for (const numerator of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
			d = 1 + numerator * d;
			d = 1 / (Math.abs(d) < tiny ? tiny : d);
			c = 1 + numerator / c;
			if (Math.abs(c) < tiny) c = tiny;
			f *= c * d;
		}
		if (Math.abs(c * d - 1) < 1e-15) break;
	}
	return front * f;
}

function logBeta(a: number, b: number): number {
	return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln Γ(z) for z > 0: Lanczos' approximation with g = 7, nine terms (relative error about 1e-15). */
function logGamma(z: number): number {
	if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
	const g = 7;
	const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
	const w = z - 1;
	let sum = c[0];
	for (let i = 1; i < c.length; i++) sum += c[i] / (w + i);
	const t = w + g + 0.5;
	return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const lowTail = 0.02425;
	if (p < lowTail) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	if (p > 1 - lowTail) return -normalQuantile(1 - p);
	const q = p - 0.5;
	const r = q * q;
	return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Mean of paired differences with a t interval at `level` (default 90%). */
export function pairedInterval(differences: readonly number[], level = 0.9): Interval {
	const n = differences.length;
	const mean = differences.reduce((a, b) => a + b, 0) / n;
	const sd = n > 1 ? Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
	const half = n > 1 ? (tQuantile(level, n - 1) * sd) / Math.sqrt(n) : NaN;
	return { mean, low: mean - half, high: mean + half, n, shareAbove: differences.filter((d) => d > 0).length / n };
}
