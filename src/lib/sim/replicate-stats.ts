import { pairedInterval, type Interval } from '$sim/engine/statistics';
import { GROUP_MEASURES, SERIES_SHOWN, SUMMARY_MEASURES, TOWN_SERIES, type GroupValues, type ReplicateOutput, type ShownSeries, type SummaryMeasure, type TownSeriesKey } from './sim-types';

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

/** A compared scenario as the sandbox's charts and tables draw it. */
export interface ShownScenario {
	key: string;
	label: string;
	colour: string;
	/** Dash pattern of the baseline's lines. */
	dash?: string;
	stats: ScenarioStats;
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
	/** Means over replicates of the town series (town-major blocks, as in ReplicateOutput). */
	townSeries: Record<TownSeriesKey, Float64Array>;
}

function meanGroups(groups: readonly GroupValues[]): GroupValues {
	const out = {} as GroupValues;
	for (const m of GROUP_MEASURES) {
		out[m] = groups[0][m].map((_, i) => range(groups.map((g) => g[m][i])).mean);
	}
	return out;
}

function meanArrays(arrays: readonly Float64Array[]): Float64Array {
	const out = new Float64Array(arrays[0].length);
	for (const a of arrays) for (let i = 0; i < a.length; i++) out[i] += a[i] / arrays.length;
	return out;
}

const LOW = 0.05;
const HIGH = 0.95;

/** Quantile of sorted values, interpolated between order statistics (R-7, as d3.quantile). */
function sortedQuantile(sorted: Float64Array, n: number, p: number): number {
	const i = (n - 1) * p;
	const lo = Math.floor(i);
	return lo + 1 < n ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (i - lo) : sorted[lo];
}

// Replicates are few (≤ 20): sorting a scratch array beats general quantile selection, and this
// runs for every week of every series at each refinement, on the page's main thread.
let scratch = new Float64Array(32);

function range(values: ArrayLike<number>): Range {
	if (scratch.length < values.length) scratch = new Float64Array(values.length);
	let n = 0;
	let sum = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Number.isFinite(v)) {
			scratch[n++] = v;
			sum += v;
		}
	}
	if (n === 0) return { mean: NaN, low: NaN, high: NaN };
	const sorted = scratch.subarray(0, n).sort();
	return { mean: sum / n, low: sortedQuantile(sorted, n, LOW), high: sortedQuantile(sorted, n, HIGH) };
}

export function replicateStats(outputs: readonly ReplicateOutput[], scale: number): ScenarioStats {
	const weeks = outputs[0].series.orderIndex.length;
	const series = {} as Record<ShownSeries, Band>;
	for (const m of SERIES_SHOWN) {
		const band: Band = { mean: new Float64Array(weeks), low: new Float64Array(weeks), high: new Float64Array(weeks) };
		const column = new Float64Array(outputs.length);
		for (let k = 0; k < weeks; k++) {
			for (let i = 0; i < outputs.length; i++) column[i] = outputs[i].series[m][k];
			const r = range(column);
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
		byTown: meanGroups(outputs.map((o) => o.byTown)),
		townSeries: Object.fromEntries(TOWN_SERIES.map((m) => [m, meanArrays(outputs.map((o) => o.townSeries[m]))])) as Record<TownSeriesKey, Float64Array>
	};
}

/** Mean paired difference b − a of a measure with its 90% t interval (paired replicates). */
export function pairedDifference(a: ScenarioStats, b: ScenarioStats, measure: SummaryMeasure): Interval {
	const n = Math.min(a.runs.length, b.runs.length);
	return pairedInterval(Array.from({ length: n }, (_, i) => b.runs[i][measure] - a.runs[i][measure]));
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
