/** Random variates drawn from an injected uniform source, so every draw is seeded and reproducible. */
export interface Uniform {
	/** A float uniform on [0, 1). */
	next(): number;
}

/** A standard normal variate (Box–Muller; one of the pair is discarded for simplicity). */
export function normal(rng: Uniform): number {
	const u = 1 - rng.next();
	const v = rng.next();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal variate given its median and the standard deviation of its logarithm. */
export function logNormal(rng: Uniform, median: number, sigma: number): number {
	return median * Math.exp(sigma * normal(rng));
}

/** An exponential variate with the given mean. */
export function exponential(rng: Uniform, mean: number): number {
	return -mean * Math.log(1 - rng.next());
}

/** A Poisson variate (Knuth's method for small means, a rounded normal above 30). */
export function poisson(rng: Uniform, mean: number): number {
	if (mean <= 0) return 0;
	if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
	const limit = Math.exp(-mean);
	let k = 0;
	let p = rng.next();
	while (p > limit) {
		k++;
		p *= rng.next();
	}
	return k;
}

/** The index of an item drawn with probability proportional to its weight. */
export function weightedIndex(rng: Uniform, weights: ArrayLike<number>, total?: number): number {
	let sum = total ?? 0;
	if (total === undefined) for (let i = 0; i < weights.length; i++) sum += weights[i];
	let r = rng.next() * sum;
	for (let i = 0; i < weights.length; i++) {
		r -= weights[i];
		if (r < 0) return i;
	}
	return weights.length - 1;
}

/**
 * Exactly `k` distinct indices drawn without replacement with probability proportional to
 * weight (Efraimidis & Spirakis 2006, "Weighted random sampling with a reservoir"):
 * each item gets the key ln(u)/w and the k largest keys win. Returned in ascending order.
 */
export function weightedSample(rng: Uniform, weights: ArrayLike<number>, k: number): number[] {
	const n = weights.length;
	if (k <= 0) return [];
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const w = weights[i];
		keys[i] = w > 0 ? Math.log(1 - rng.next()) / w : -Infinity;
	}
	const sorted = keys.slice().sort();
	const threshold = sorted[Math.max(0, n - k)];
	const picked: number[] = [];
	for (let i = 0; i < n && picked.length < k; i++) if (keys[i] >= threshold) picked.push(i);
	return picked;
}
