import type * as Comlink from 'comlink';
import type { TraceEvent } from '$sim/engine/model';
import type { Scenario } from './scenario';
import type { ReplicateOutput } from './sim-types';
import type { SimWorkerApi } from './sim.worker';
import { workerEndpoint, WorkerPool, type PoolChannel } from './WorkerPool';

/** Weeks every sandbox run covers: five years. */
export const WEEKS = 260;

export type SimApi = Comlink.Remote<SimWorkerApi>;
export type SimPool = WorkerPool<SimApi>;
export type SimChannel = PoolChannel<SimApi>;

/**
 * Job priorities: a traced case and the quick first pass are what the user waits for; the
 * full-county refinement fills the time in between.
 */
export const PRIORITY = { trace: 3, quick: 2, batch: 1, full: 0 } as const;

/** The page's one pool of simulation workers: one fewer than the cores, two to four. */
export function createSimPool(makeWorker: () => Worker, onLost?: (error: Error) => void): SimPool {
	const size = Math.max(2, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
	return new WorkerPool<SimApi>({ spawn: () => workerEndpoint<SimWorkerApi>(makeWorker()), size, onLost });
}

/** One replicate of one scenario; null when the channel moved on. */
export function runReplicate(channel: SimChannel, scenario: Scenario, options: { replicate: number; scale: number; priority: number }): Promise<ReplicateOutput | null> {
	return channel.submit((api, request) => api.run(scenario, { replicate: options.replicate, scale: options.scale, weeks: WEEKS, ...request }), { priority: options.priority }).then((o) => o ?? null);
}

/**
 * Every scenario `reps` times at `scale`, by scenario and replicate (paired: replicate r of each
 * uses the same random streams); null when the channel was renewed meanwhile.
 */
export async function runReplicates(channel: SimChannel, scenarios: readonly Scenario[], options: { reps: number; scale: number; priority: number }): Promise<ReplicateOutput[][] | null> {
	const runs = scenarios.map((scenario) => Array.from({ length: options.reps }, (_, replicate) => runReplicate(channel, scenario, { replicate, scale: options.scale, priority: options.priority })));
	const outputs = await Promise.all(runs.map((r) => Promise.all(r)));
	return outputs.every((list) => list.every((o) => o !== null)) ? (outputs as ReplicateOutput[][]) : null;
}

export interface TracedCase {
	events: TraceEvent[];
	town: number;
	type: number;
}

/** The traced steps of one household's issues under a scenario (full county, replicate 0). */
export function traceCase(channel: SimChannel, scenario: Scenario, household: number): Promise<TracedCase | null> {
	return channel.submit((api) => api.trace(scenario, household, WEEKS), { priority: PRIORITY.trace });
}
