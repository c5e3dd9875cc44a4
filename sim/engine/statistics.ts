/** Paired-replicate statistics, free of the model so that the page can use them without it. */

export interface Interval {
	mean: number;
	low: number;
	high: number;
	n: number;
	/** Share of pairs in which the difference is positive. */
	shareAbove: number;
}

/** Student's t quantile for a two-sided interval (Cornish–Fisher expansion in 1/df; within 1% for df ≥ 4). */
export function tQuantile(level: number, df: number): number {
	const z = normalQuantile(0.5 + level / 2);
	const z3 = z ** 3;
	const z5 = z ** 5;
	return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
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
