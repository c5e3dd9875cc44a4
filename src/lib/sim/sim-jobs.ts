import type * as Comlink from 'comlink';
import type { HistoryState, TraceEvent } from '$sim/engine/model';
import { historyBytes } from '$sim/engine/start';
import { engineOptions, type Scenario } from './scenario';
import type { ReplicateOutput } from './sim-types';
import type { SimWorkerApi } from './sim.worker';
import { workerEndpoint, WorkerPool, type PoolChannel } from './WorkerPool';

/** Weeks every sandbox run covers: five years from the county as of mid-2022. */
export const WEEKS = 260;

export type SimApi = Comlink.Remote<SimWorkerApi>;
export type SimPool = WorkerPool<SimApi>;
export type SimChannel = PoolChannel<SimApi>;

/**
 * Job priorities: a traced case and the quick first pass are what the user waits for; the
 * full-county refinement fills the time in between.
 */
export const PRIORITY = { trace: 3, quick: 2, batch: 1, full: 0 } as const;

/**
 * The page's one pool of simulation workers: one fewer than the cores, two to four, and one more
 * kept for the quick pass: a released slider's first result starts at once instead of waiting for
 * a busy worker to notice that its full-county run went stale (and it keeps only the small county).
 */
export function createSimPool(makeWorker: () => Worker, onLost?: (error: Error) => void): SimPool {
	const size = Math.max(2, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
	return new WorkerPool<SimApi>({ spawn: () => workerEndpoint<SimWorkerApi>(makeWorker()), size, reserve: { slots: 1, for: (p) => p === PRIORITY.quick }, onLost });
}

interface HistoryEntry {
	state: Promise<HistoryState | null>;
	/** The state once computed: a run from it is submitted at once (see runReplicate). */
	value?: HistoryState;
	bytes: number;
}

/**
 * The county's history end states computed on a pool, by seed, replicate, scale and county
 * conditions (what a history depends on: structure and levers do not change it), so that the
 * scenarios of a comparison, "Why did it change?" and "Follow a case" share one history per
 * replicate, and a lever moved later needs none. They go with the pool (the page's); the least
 * recently used are forgotten past HISTORY_BYTES (a full-county state is about 3.6 MB).
 */
const historiesByPool = new WeakMap<SimPool, Map<string, HistoryEntry>>();
export const HISTORY_BYTES = 48 * 1024 * 1024;

function historiesOf(pool: SimPool): Map<string, HistoryEntry> {
	let histories = historiesByPool.get(pool);
	if (!histories) historiesByPool.set(pool, (histories = new Map()));
	return histories;
}

function keepWithinBudget(histories: Map<string, HistoryEntry>): void {
	let total = 0;
	for (const e of histories.values()) total += e.bytes;
	for (const [key, e] of histories) {
		if (total <= HISTORY_BYTES) break;
		total -= e.bytes;
		histories.delete(key);
	}
}

/**
 * The history a run of `scenario` starts from at this replicate and scale: remembered, or computed
 * by a worker on `channel` (one job however many runs wait for it). Null when the channel moved on;
 * a job of another channel or request that went stale is replaced by one of this request.
 */
function historyKey(scenario: Scenario, options: { replicate: number; scale: number }) {
	const { seed = 1, params = {} } = engineOptions(scenario);
	const conditions = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1));
	return { seed, params, key: `${seed}|${options.replicate}|${options.scale}|${JSON.stringify(conditions)}` };
}

/** The history a run starts from if it is already computed (now the most recently used), else undefined. */
function historyReady(pool: SimPool, scenario: Scenario, options: { replicate: number; scale: number }): HistoryState | undefined {
	const histories = historiesOf(pool);
	const { key } = historyKey(scenario, options);
	const entry = histories.get(key);
	if (!entry?.value) return undefined;
	histories.delete(key);
	histories.set(key, entry);
	return entry.value;
}

export async function historyFor(channel: SimChannel, scenario: Scenario, options: { replicate: number; scale: number; priority: number }): Promise<HistoryState | null> {
	const { seed, params, key } = historyKey(scenario, options);
	const generation = channel.generation;
	const histories = historiesOf(channel.pool);
	for (let attempt = 0; attempt < 2; attempt++) {
		let entry = histories.get(key);
		if (entry) {
			// Now the most recently used.
			histories.delete(key);
			histories.set(key, entry);
		} else {
			const state = channel.submit((api, request) => api.history({ seed, replicate: options.replicate, scale: options.scale, params, ...request }), { priority: options.priority });
			const made: HistoryEntry = { state, bytes: 0 };
			entry = made;
			histories.set(key, made);
			const forget = () => {
				if (histories.get(key) === made) histories.delete(key);
			};
			state.then((s) => {
				if (!s) return forget();
				made.value = s;
				made.bytes = historyBytes(s);
				keepWithinBudget(histories);
			}, forget);
		}
		const state = await entry.state;
		if (state) return state;
		if (channel.generation !== generation) return null;
	}
	return null;
}

/**
 * One replicate of one scenario, from the county as of mid-2022; null when the channel moved on.
 * With its history already computed (a lever moved: levers do not change the history), the run is
 * handed to a worker before this returns, so it starts before the page re-renders for the change.
 */
export function runReplicate(channel: SimChannel, scenario: Scenario, options: { replicate: number; scale: number; priority: number }): Promise<ReplicateOutput | null> {
	const run = (history: HistoryState) =>
		channel.submit((api, request) => api.run(scenario, { replicate: options.replicate, scale: options.scale, weeks: WEEKS, history, ...request }), { priority: options.priority }).then((o) => o ?? null);
	const ready = historyReady(channel.pool, scenario, options);
	if (ready) return run(ready);
	return historyFor(channel, scenario, options).then((history) => (history ? run(history) : null));
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

/** The traced steps of one household's issues under a scenario (full county, replicate 0, from the county as of mid-2022). */
export async function traceCase(channel: SimChannel, scenario: Scenario, household: number): Promise<TracedCase | null> {
	const history = await historyFor(channel, scenario, { replicate: 0, scale: 1, priority: PRIORITY.trace });
	if (!history) return null;
	return channel.submit((api) => api.trace(scenario, household, WEEKS, history), { priority: PRIORITY.trace });
}
