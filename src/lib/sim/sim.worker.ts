/**
 * The simulation's Web Worker: a thin comlink adapter around the engine in sim/. Runs one
 * replicate of one scenario per call and returns the weekly series the page draws plus the
 * summary numbers, transferring the arrays instead of copying them. Every run starts from the
 * county as of mid-2022: from a history state the page passes (computed once by `history` and
 * shared by the scenarios of a replicate), or from a history the run computes itself.
 */
import * as Comlink from 'comlink';
import { buildCounty, type County } from '$sim/county/build-county';
import { COUNTY_SEED, Model, type HistoryState, type TraceEvent } from '$sim/engine/model';
import type { Parameters } from '$sim/engine/parameters';
import { historyBuffers } from '$sim/engine/start';
import { engineOptions, type Scenario } from './scenario';
import type { PoolRequest } from './WorkerPool';
import { Cache } from '../cache';
import type { ReplicateOutput } from './sim-types';
import { outputBuffers, replicateOutput } from './replicate-output';

// Building the county takes tens of milliseconds: keep one per scale for the worker's lifetime.
const counties = new Cache<number, County>();
const countyAt = (scale: number) => counties.getOrMake(scale, () => buildCounty({ seed: COUNTY_SEED, scale }));
/** By channel (each client of the pool): runs of an older generation are abandoned at their next pause. */
const current = new Map<string, number>();
const stale = (request: PoolRequest) => request.generation < (current.get(request.channel) ?? 0);
/** A run computes for about this long between pauses. */
const SLICE_MS = 8;

/**
 * Lets queued messages (a newer request's cancelBefore) in. A MessageChannel round trip, not
 * setTimeout: nested timeouts are clamped to 4 ms each, which added ~80 ms to a small run.
 */
const pause = (() => {
	const channel = new MessageChannel();
	const waiting: (() => void)[] = [];
	channel.port1.onmessage = () => waiting.shift()?.();
	return () =>
		new Promise<void>((resolve) => {
			waiting.push(resolve);
			channel.port2.postMessage(null);
		});
})();

/** Steps a model to its end in slices, pausing between them; false when the request went stale meanwhile. */
async function stepToEnd(model: Model, request: PoolRequest): Promise<boolean> {
	while (!model.done) {
		if (stale(request)) return false;
		const until = performance.now() + SLICE_MS;
		do model.step();
		while (!model.done && performance.now() < until);
		await pause();
	}
	return !stale(request);
}

/** What the county's history depends on in the sandbox: seed, replicate, county size and the scenario's parameters (its context). */
export interface HistorySettings {
	seed: number;
	replicate: number;
	scale: number;
	params: Partial<Parameters>;
}

const api = {
	/** Marks every run of `channel` older than `generation` as stale. */
	cancelBefore(channel: string, generation: number): void {
		current.set(channel, Math.max(current.get(channel) ?? 0, generation));
	},

	/** Runs the county's history (Aug 2015 → Jun 2022) and returns the state it left, transferred; null when stale. */
	async history(settings: HistorySettings & PoolRequest): Promise<HistoryState | null> {
		const model = Model.historyRun({ seed: settings.seed, replicate: settings.replicate, params: settings.params, county: countyAt(settings.scale) });
		if (!(await stepToEnd(model, settings))) return null;
		const state = model.historyState();
		return Comlink.transfer(state, historyBuffers(state));
	},

	/**
	 * Runs one replicate from the county as of mid-2022 (from `history` when given). Pauses every
	 * few milliseconds so that a newer request's `cancelBefore` can arrive; a stale run then stops
	 * and resolves to null.
	 */
	async run(scenario: Scenario, options: { replicate: number; scale: number; weeks: number; history?: HistoryState } & PoolRequest): Promise<ReplicateOutput | null> {
		const county = countyAt(options.scale);
		const model = new Model({
			...engineOptions(scenario),
			replicate: options.replicate,
			weeks: options.weeks,
			county,
			history: options.history
		});
		if (!(await stepToEnd(model, options))) return null;
		const output = replicateOutput(model, county, options.weeks);
		return Comlink.transfer(output, outputBuffers(output));
	}
};

export type SimWorkerApi = typeof api & typeof tracing;

/** Follow one case: the steps of one household's issues in a full-county run (replicate 0), from the county as of mid-2022. */
const tracing = {
	trace(scenario: Scenario, household: number, weeks: number, history?: HistoryState): { events: TraceEvent[]; town: number; type: number } {
		const county = countyAt(1);
		const model = new Model({
			...engineOptions(scenario),
			weeks,
			county,
			traceHousehold: household,
			history
		});
		// Its type when the run starts (out-migration in the history may have changed it).
		const type = model.world.type[household];
		model.run();
		return { events: model.trace, town: county.households.town[household], type };
	}
};

Comlink.expose({ ...api, ...tracing });
