/**
 * Shapley values of a cooperative game given by its value for every coalition: `values[mask]`,
 * where bit i of `mask` says player i takes part. Player i's share is the weighted mean of its
 * marginal contributions v(S ∪ {i}) − v(S) over the coalitions S without it, with weights
 * |S|! (n − |S| − 1)! / n! (Shapley 1953). The shares always add up to v(all) − v(none).
 */
export function shapleyValues(values: readonly number[]): number[] {
	const n = Math.log2(values.length);
	if (!Number.isInteger(n) || n < 1) throw new RangeError('values needs one entry per coalition: 2^n entries');
	const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
	const weight = (size: number) => (factorial(size) * factorial(n - size - 1)) / factorial(n);
	const popcount = (m: number) => {
		let c = 0;
		for (let x = m; x; x &= x - 1) c++;
		return c;
	};
	return Array.from({ length: n }, (_, i) => {
		let phi = 0;
		for (let mask = 0; mask < values.length; mask++) {
			if (mask & (1 << i)) continue;
			phi += weight(popcount(mask)) * (values[mask | (1 << i)] - values[mask]);
		}
		return phi;
	});
}
