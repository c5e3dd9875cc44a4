import type { County } from '../county/build-county';
import { Model, type HistoryState, type ModelOptions, type RunSummary } from './model';
import type { WeeklySeries } from './outputs';
import { defaultParameters } from './parameters';
import { historyKey } from './start';

export { pairedInterval, tQuantile, normalQuantile, type Interval } from './statistics';

/** A scenario: everything of a run but the replicate. */
export type Scenario = Omit<ModelOptions, 'replicate' | 'county' | 'history'> & { name?: string };

export interface ReplicateResult {
	replicate: number;
	summary: RunSummary;
	series: WeeklySeries;
}

/**
 * The county's history end states by seed, replicate, county size and parameters, kept for the
 * runs that start from them (the scenarios of a comparison share them: common random numbers
 * make their histories identical). At most `limit` are kept, the oldest forgotten first.
 */
export class HistoryStore {
	readonly #states = new Map<string, HistoryState>();
	readonly #limit: number;

	constructor({ limit = 64 }: { limit?: number } = {}) {
		this.#limit = limit;
	}

	get size(): number {
		return this.#states.size;
	}

	/** The history for these settings: kept, or run now and kept. */
	get(o: { seed?: number; replicate?: number; params?: ModelOptions['params']; county: County }): HistoryState {
		const key = historyKey({ seed: o.seed ?? 1, replicate: o.replicate ?? 0, households: o.county.households.count, params: { ...defaultParameters(), ...o.params } });
		let state = this.#states.get(key);
		if (!state) {
			state = Model.history(o);
			this.#states.set(key, state);
			if (this.#states.size > this.#limit) this.#states.delete(this.#states.keys().next().value!);
		}
		return state;
	}
}

function runOne(scenario: Scenario, replicate: number, county: County | undefined, store: HistoryStore | undefined): ReplicateResult {
	const fromStore = scenario.start === 'history' && store && county;
	const history = fromStore ? store.get({ seed: scenario.seed, replicate, params: scenario.params, county }) : undefined;
	const model = new Model({ ...scenario, replicate, county, history }).run();
	return { replicate, summary: model.summary(), series: model.series };
}

/**
 * Runs `reps` replicates of a scenario. Replicate r of every scenario with the same seed uses the
 * same random streams (common random numbers), so differences between scenarios are paired. A
 * run from the history takes its history from `store` when one is given (and a county).
 */
export function runReplicates(scenario: Scenario, reps: number, county?: County, store?: HistoryStore): ReplicateResult[] {
	return Array.from({ length: reps }, (_, r) => runOne(scenario, r, county, store));
}

/**
 * Runs `reps` replicates of each scenario, replicate by replicate, so that the scenarios that
 * start from the history run it once per replicate (and only one replicate's is kept at a time).
 * The results are by scenario, then replicate.
 */
export function runComparison(scenarios: readonly Scenario[], reps: number, county: County): ReplicateResult[][] {
	const out: ReplicateResult[][] = scenarios.map(() => []);
	for (let r = 0; r < reps; r++) {
		const store = new HistoryStore();
		scenarios.forEach((s, i) => out[i].push(runOne(s, r, county, store)));
	}
	return out;
}

/** Paired differences B − A of a summary measure over replicates. */
export function pairedDifferences(a: readonly ReplicateResult[], b: readonly ReplicateResult[], measure: (s: RunSummary) => number): number[] {
	if (a.length !== b.length) throw new RangeError('paired comparisons need the same number of replicates');
	return a.map((ra, i) => measure(b[i].summary) - measure(ra.summary));
}
