/**
 * The simulation's Web Worker: a thin comlink adapter around the engine in sim/. Runs one
 * replicate of one scenario per call and returns the weekly series the page draws plus the
 * summary numbers, transferring the arrays instead of copying them.
 */
import * as Comlink from 'comlink';
import { buildCounty, type County } from '../../../sim/county/build-county';
import { COUNTY_SEED, Model, type TraceEvent } from '../../../sim/engine/model';
import type { Scenario } from './scenario';
import type { GroupSummary } from '../../../sim/engine/outputs';
import { GROUP_MEASURES, SERIES_SHOWN, type GroupValues, type ReplicateOutput } from './sim-types';

function groupValues(groups: GroupSummary[]): GroupValues {
	const value = (g: GroupSummary, m: (typeof GROUP_MEASURES)[number]) => (m === 'reach' ? g.received / g.raised : g[m]);
	return Object.fromEntries(GROUP_MEASURES.map((m) => [m, groups.map((g) => value(g, m))])) as GroupValues;
}

// Building the county takes tens of milliseconds: keep one per scale for the worker's lifetime.
const counties = new Map<number, County>();
/** Runs of an older request than this are abandoned at their next pause. */
let current = 0;
const WEEKS_BETWEEN_PAUSES = 13;

const api = {
	/** Marks every run of a request older than `request` as stale. */
	cancelBefore(request: number): void {
		current = Math.max(current, request);
	},

	/**
	 * Runs one replicate. Pauses every quarter of model time so that a newer request's
	 * `cancelBefore` can arrive; a stale run then stops and resolves to null.
	 */
	async run(
		scenario: Scenario,
		options: { replicate: number; scale: number; weeks: number; request: number }
	): Promise<ReplicateOutput | null> {
		let county = counties.get(options.scale);
		if (!county) counties.set(options.scale, (county = buildCounty({ seed: COUNTY_SEED, scale: options.scale })));
		const model = new Model({
			mode: scenario.mode,
			levers: scenario.mode === 'custom' ? scenario.levers : undefined,
			params: scenario.context,
			seed: scenario.seed,
			replicate: options.replicate,
			weeks: options.weeks,
			county
		});
		while (!model.done) {
			if (options.request < current) return null;
			model.run(WEEKS_BETWEEN_PAUSES);
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		if (options.request < current) return null;
		const s = model.summary();
		const series = Object.fromEntries(SERIES_SHOWN.map((m) => [m, model.series[m]])) as ReplicateOutput['series'];
		const output: ReplicateOutput = {
			series,
			summary: {
				orderIndex: s.means.orderIndex,
				vitalityIndex: s.means.vitalityIndex,
				closureRate: s.county.closureRate,
				daysMedian: s.county.daysMedian,
				satisfaction: s.county.satisfaction,
				// Cost of the whole county, so a reduced-scale preview reads like the full run.
				costMillion: s.totals.cost / 1e6 / options.scale,
				efficiency: s.means.efficiency,
				equityGap: s.equityGap.satisfaction
			},
			byType: groupValues(s.byType),
			byTown: groupValues(s.byTown)
		};
		return Comlink.transfer(output, Object.values(series).map((a) => a.buffer as ArrayBuffer));
	}
};

export type SimWorkerApi = typeof api & typeof tracing;

/** Follow one case: the steps of one household's issues in a full-county run (replicate 0). */
const tracing = {
	trace(scenario: Scenario, household: number, weeks: number): { events: TraceEvent[]; town: number; type: number } {
		let county = counties.get(1);
		if (!county) counties.set(1, (county = buildCounty({ seed: COUNTY_SEED, scale: 1 })));
		const model = new Model({
			mode: scenario.mode,
			levers: scenario.mode === 'custom' ? scenario.levers : undefined,
			params: scenario.context,
			seed: scenario.seed,
			weeks,
			county,
			traceHousehold: household
		}).run();
		return { events: model.trace, town: county.households.town[household], type: county.households.type[household] };
	}
};

Comlink.expose({ ...api, ...tracing });
