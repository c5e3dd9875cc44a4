import { quantile } from 'd3';
import { GROUP_MEASURES, SERIES_SHOWN, SUMMARY_MEASURES, type GroupValues, type ReplicateOutput, type ShownSeries, type SummaryMeasure } from './sim-types';

export interface Band {
	mean: Float64Array;
	low: Float64Array;
	high: Float64Array;
}

export interface Range {
	mean: number;
	low: number;
	high: number;
}

/** Replicates of one scenario reduced to means and the range of the middle 90% of runs. */
export interface ScenarioStats {
	reps: number;
	scale: number;
	series: Record<ShownSeries, Band>;
	summary: Record<SummaryMeasure, Range>;
	/** Each replicate's summary, in replicate order, for paired comparisons. */
	runs: ReplicateOutput['summary'][];
	/** Means over replicates of the outcomes by household type and by town. */
	byType: GroupValues;
	byTown: GroupValues;
}

function meanGroups(groups: readonly GroupValues[]): GroupValues {
	const out = {} as GroupValues;
	for (const m of GROUP_MEASURES) {
		out[m] = groups[0][m].map((_, i) => range(groups.map((g) => g[m][i])).mean);
	}
	return out;
}

const LOW = 0.05;
const HIGH = 0.95;

function range(values: number[]): Range {
	const finite = values.filter(Number.isFinite);
	if (finite.length === 0) return { mean: NaN, low: NaN, high: NaN };
	return {
		mean: finite.reduce((a, b) => a + b, 0) / finite.length,
		low: quantile(finite, LOW) ?? NaN,
		high: quantile(finite, HIGH) ?? NaN
	};
}

export function replicateStats(outputs: readonly ReplicateOutput[], scale: number): ScenarioStats {
	const weeks = outputs[0].series.orderIndex.length;
	const series = {} as Record<ShownSeries, Band>;
	for (const m of SERIES_SHOWN) {
		const band: Band = { mean: new Float64Array(weeks), low: new Float64Array(weeks), high: new Float64Array(weeks) };
		for (let k = 0; k < weeks; k++) {
			const r = range(outputs.map((o) => o.series[m][k]));
			band.mean[k] = r.mean;
			band.low[k] = r.low;
			band.high[k] = r.high;
		}
		series[m] = band;
	}
	const summary = Object.fromEntries(SUMMARY_MEASURES.map((m) => [m, range(outputs.map((o) => o.summary[m]))])) as Record<SummaryMeasure, Range>;
	return {
		reps: outputs.length,
		scale,
		series,
		summary,
		runs: outputs.map((o) => o.summary),
		byType: meanGroups(outputs.map((o) => o.byType)),
		byTown: meanGroups(outputs.map((o) => o.byTown))
	};
}

/** Share of paired runs in which `b` is better than `a` on a measure (higher is better unless `lowerIsBetter`). */
export function shareBetter(a: ScenarioStats, b: ScenarioStats, measure: SummaryMeasure, lowerIsBetter: boolean): number {
	const n = Math.min(a.runs.length, b.runs.length);
	let wins = 0;
	for (let i = 0; i < n; i++) {
		const d = b.runs[i][measure] - a.runs[i][measure];
		// Differences within rounding of equal values are ties, not wins.
		const tie = Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a.runs[i][measure]));
		if (!tie && (lowerIsBetter ? d < 0 : d > 0)) wins++;
	}
	return n ? wins / n : NaN;
}
