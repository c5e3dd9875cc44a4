/**
 * What a sandbox run hands back (ReplicateOutput) from a finished model: the weekly series the
 * pages draw, the summary measures, the outcomes by household type and town and the town
 * series. Shared by the Web Worker and by the unit tests that run the model in Node (the
 * lessons' claims are checked on the very numbers the pages show).
 */
import type { County } from '$sim/county/build-county';
import { PUBLISHED } from '$sim/county/published';
import type { Model } from '$sim/engine/model';
import type { GroupSummary } from '$sim/engine/outputs';
import { GROUP_MEASURES, SERIES_SHOWN, TOWN_BLOCK_WEEKS, TOWN_SERIES, type GroupValues, type ReplicateOutput } from './sim-types';

function groupValues(groups: GroupSummary[]): GroupValues {
	return Object.fromEntries(GROUP_MEASURES.map((m) => [m, groups.map((g) => g[m])])) as GroupValues;
}

/** Averages each town's weekly values over blocks of TOWN_BLOCK_WEEKS weeks. */
function townBlocks(weekly: Float64Array, towns: number, weeks: number): Float64Array {
	const blocks = Math.ceil(weeks / TOWN_BLOCK_WEEKS);
	const out = new Float64Array(towns * blocks);
	for (let t = 0; t < towns; t++) {
		for (let b = 0; b < blocks; b++) {
			const from = b * TOWN_BLOCK_WEEKS;
			const to = Math.min(weeks, from + TOWN_BLOCK_WEEKS);
			let sum = 0;
			for (let k = from; k < to; k++) sum += weekly[t * weeks + k];
			out[t * blocks + b] = sum / (to - from);
		}
	}
	return out;
}

/** The output of a model run to its end over `weeks` weeks on `county`. */
export function replicateOutput(model: Model, county: County, weeks: number): ReplicateOutput {
	const s = model.summary();
	const series = Object.fromEntries(SERIES_SHOWN.map((m) => [m, model.series[m]])) as ReplicateOutput['series'];
	return {
		series,
		summary: {
			orderIndex: s.means.orderIndex,
			vitalityIndex: s.means.vitalityIndex,
			voice: s.means.voice,
			consulted: s.means.consulted,
			closureRate: s.county.closureRate,
			daysMedian: s.county.daysMedian,
			satisfaction: s.county.satisfaction,
			// Cost of the whole county, so a reduced-scale preview reads like the full run.
			costPerYear: (s.cost.perHousehold * PUBLISHED.households.value) / 1e6,
			costPerHousehold: s.cost.perHousehold,
			costPerCase: s.cost.perSolvedCase,
			efficiency: s.means.efficiency,
			equityGap: s.equityGap.satisfaction
		},
		byType: groupValues(s.byType),
		byTown: groupValues(s.byTown),
		townSeries: Object.fromEntries(TOWN_SERIES.map((m) => [m, townBlocks(model.townSeries[m], county.towns.length, weeks)])) as ReplicateOutput['townSeries']
	};
}

/** The buffers of an output's arrays, to transfer it from a worker instead of copying it. */
export function outputBuffers(output: ReplicateOutput): ArrayBuffer[] {
	return [...Object.values(output.series), ...Object.values(output.townSeries)].map((a) => a.buffer as ArrayBuffer);
}
