/**
 * Splits an integer total into integer parts proportional to weights, each part at least `min`,
 * by the largest-remainder (Hamilton) method; ties go to the lower index, so the result is
 * deterministic. The parts always add up to the total exactly.
 */
export function apportion(total: number, weights: ArrayLike<number>, min = 0): number[] {
	const n = weights.length;
	const rest = total - min * n;
	if (!Number.isInteger(total) || rest < 0) {
		throw new RangeError(`cannot split ${total} into ${n} parts of at least ${min}`);
	}
	let sum = 0;
	for (let i = 0; i < n; i++) sum += weights[i];
	if (n === 0 || sum <= 0) throw new RangeError('weights must have a positive sum');
	const parts = new Array<number>(n);
	const remainders = new Array<number>(n);
	let given = 0;
	for (let i = 0; i < n; i++) {
		const exact = (rest * weights[i]) / sum;
		parts[i] = min + Math.floor(exact);
		remainders[i] = exact - Math.floor(exact);
		given += parts[i] - min;
	}
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => remainders[b] - remainders[a] || a - b
	);
	for (let k = 0; k < rest - given; k++) parts[order[k]]++;
	return parts;
}
