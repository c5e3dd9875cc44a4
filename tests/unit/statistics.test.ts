import { describe, expect, it } from 'vitest';
import { pairedInterval, tQuantile } from '../../sim/engine/statistics';

// One-sided Student t quantiles t(p, df) to four decimals, as in standard tables (NIST/SEMATECH
// e-Handbook of Statistical Methods §1.3.6.7.2 prints the same values to three).
const TABLE: [p: number, df: number, t: number][] = [
	[0.95, 1, 6.3138],
	[0.95, 2, 2.92],
	[0.95, 3, 2.3534],
	[0.95, 4, 2.1318],
	[0.95, 5, 2.015],
	[0.95, 9, 1.8331],
	[0.95, 10, 1.8125],
	[0.95, 19, 1.7291],
	[0.95, 30, 1.6973],
	[0.95, 100, 1.6602],
	[0.975, 1, 12.7062],
	[0.975, 2, 4.3027],
	[0.975, 5, 2.5706],
	[0.975, 10, 2.2281],
	[0.99, 3, 4.5407],
	[0.995, 1, 63.6567],
	[0.995, 30, 2.75]
];

describe('Student t quantiles', () => {
	it.each(TABLE)('t(%s, %s) = %s, as in the tables', (p, df, t) => {
		// tQuantile takes the two-sided level: a 90% interval uses the 0.95 quantile.
		expect(tQuantile(2 * p - 1, df)).toBeCloseTo(t, 3);
	});

	it('approaches the normal quantile as the degrees of freedom grow', () => {
		expect(tQuantile(0.9, 1e7)).toBeCloseTo(1.644854, 5);
	});

	it('give the 90% interval of two paired runs its exact width', () => {
		// differences 1 and 3: mean 2, sd √2, half width t(0.95, 1) · √2 / √2
		const r = pairedInterval([1, 3]);
		expect(r.high - r.mean).toBeCloseTo(6.3138, 3);
	});
});
