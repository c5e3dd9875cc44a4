import fc from 'fast-check';
import { quantile } from 'd3';
import { describe, expect, it } from 'vitest';
import { pairedDifference, replicateStats, shareBetter } from '../../src/lib/sim/replicate-stats';
import { SERIES_SHOWN, SUMMARY_MEASURES, TOWN_SERIES, type ReplicateOutput } from '../../src/lib/sim/sim-types';

const WEEKS = 3;
function output(values: number[], week: number): ReplicateOutput {
	const series = Object.fromEntries(SERIES_SHOWN.map((m) => [m, Float64Array.from({ length: WEEKS }, (_, k) => (k === week ? values[0] : k))]));
	const summary = Object.fromEntries(SUMMARY_MEASURES.map((m) => [m, values[0]]));
	const group = { satisfaction: [1], daysMedian: [1], reach: [1], escalationsPer1000: [1] };
	const townSeries = Object.fromEntries(TOWN_SERIES.map((m) => [m, Float64Array.of(values[0], 1)]));
	return { series, summary, byType: group, byTown: group, townSeries } as unknown as ReplicateOutput;
}

describe('replicate statistics', () => {
	it('give the mean and the 5%–95% range of the finite values, as d3 does', () => {
		const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN));
		fc.assert(
			fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
				const stats = replicateStats(values.map((v) => output([v], 1)), 1);
				const finite = values.filter(Number.isFinite);
				const band = stats.series.orderIndex;
				const summary = stats.summary.satisfaction;
				if (finite.length === 0) {
					expect(band.mean[1]).toBeNaN();
					expect(summary.low).toBeNaN();
					return;
				}
				const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
				for (const r of [{ mean: band.mean[1], low: band.low[1], high: band.high[1] }, summary]) {
					expect(r.mean).toBeCloseTo(mean, 6);
					expect(r.low).toBeCloseTo(quantile(finite, 0.05)!, 6);
					expect(r.high).toBeCloseTo(quantile(finite, 0.95)!, 6);
				}
				// Weeks where every replicate agrees have no spread.
				expect([band.low[2], band.mean[2], band.high[2]]).toEqual([2, 2, 2]);
			})
		);
	});

	it('average the town series over replicates', () => {
		const stats = replicateStats([output([0.2], 0), output([0.4], 0)], 1);
		expect(stats.townSeries.redShare[0]).toBeCloseTo(0.3, 12);
		expect(stats.townSeries.redShare[1]).toBe(1);
	});

	it('compare scenarios run by run: paired difference with its t interval, and the share of wins', () => {
		const a = replicateStats([1, 2, 3, 4].map((v) => output([v], 0)), 1);
		const b = replicateStats([1.5, 2.4, 3.6, 4.5].map((v) => output([v], 0)), 1);
		const d = pairedDifference(a, b, 'satisfaction');
		expect(d.mean).toBeCloseTo(0.5, 12);
		// differences 0.5, 0.4, 0.6, 0.5: sd 0.0816, t(0.95, 3) ≈ 2.353
		expect(d.high - d.mean).toBeCloseTo((2.353 * 0.08165) / 2, 2);
		expect(shareBetter(a, b, 'satisfaction', false)).toBe(1);
		expect(shareBetter(a, b, 'daysMedian', true)).toBe(0);
	});
});
