import { PRIORITY, runReplicates, type SimChannel, type SimPool } from '$lib/sim/sim-jobs';
import type { Scenario } from '$lib/sim/scenario';
import type { ReplicateOutput } from '$lib/sim/sim-types';
import type { RunsById } from './claims';
import { LESSON_RUN, lessonScenario, type ScenarioSpec } from './lessons';

/**
 * Runs a lesson's (or the workshop's) scenarios on the page's worker pool (its own channel): LESSON_RUN's paired
 * replicates at its scale, from the county as of mid-2022. Runs are deterministic, so a scenario
 * run once (by an earlier step) is answered from memory.
 */
export class LessonRunner {
	readonly #channel: SimChannel;
	readonly #done = new Map<string, ReplicateOutput[]>();

	constructor(pool: SimPool, name = 'learn') {
		this.#channel = pool.channel(name);
	}

	/** The runs of the scenarios `ids` of `specs`, by id; null when stopped meanwhile. Rejects when a worker is lost. */
	async run(specs: Record<string, ScenarioSpec>, ids: readonly string[]): Promise<RunsById | null> {
		const outputs = await this.runScenarios(ids.map((id) => lessonScenario(specs[id])));
		return outputs && Object.fromEntries(ids.map((id, i) => [id, outputs[i]]));
	}

	/** The runs of `scenarios` (LESSON_RUN's replicates each), in order; null when stopped meanwhile. */
	async runScenarios(scenarios: readonly Scenario[]): Promise<ReplicateOutput[][] | null> {
		const keys = scenarios.map((s) => JSON.stringify(s));
		const missing = [...new Set(keys.filter((k) => !this.#done.has(k)))];
		if (missing.length) {
			const outputs = await runReplicates(
				this.#channel,
				missing.map((k) => scenarios[keys.indexOf(k)]),
				{ reps: LESSON_RUN.reps, scale: LESSON_RUN.scale, priority: PRIORITY.quick }
			);
			if (!outputs) return null;
			missing.forEach((k, i) => this.#done.set(k, outputs[i]));
		}
		return keys.map((k) => this.#done.get(k)!);
	}

	stop(): void {
		this.#channel.renew();
	}
}
