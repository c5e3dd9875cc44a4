import type { County } from '../county/build-county';
import { Model, type ModelOptions, type RunSummary } from './model';
import type { WeeklySeries } from './outputs';

export { pairedInterval, tQuantile, normalQuantile, type Interval } from './statistics';

/** A scenario: everything of a run but the replicate. */
export type Scenario = Omit<ModelOptions, 'replicate' | 'county'> & { name?: string };

export interface ReplicateResult {
	replicate: number;
	summary: RunSummary;
	series: WeeklySeries;
}

/**
 * Runs `reps` replicates of a scenario. Replicate r of every scenario with the same seed uses the
 * same random streams (common random numbers), so differences between scenarios are paired.
 */
export function runReplicates(scenario: Scenario, reps: number, county?: County): ReplicateResult[] {
	const results: ReplicateResult[] = [];
	for (let r = 0; r < reps; r++) {
		const model = new Model({ ...scenario, replicate: r, county }).run();
		results.push({ replicate: r, summary: model.summary(), series: model.series });
	}
	return results;
}

/** Paired differences B − A of a summary measure over replicates. */
export function pairedDifferences(a: readonly ReplicateResult[], b: readonly ReplicateResult[], measure: (s: RunSummary) => number): number[] {
	if (a.length !== b.length) throw new RangeError('paired comparisons need the same number of replicates');
	return a.map((ra, i) => measure(b[i].summary) - measure(ra.summary));
}
