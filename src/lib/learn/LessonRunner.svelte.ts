import { PRIORITY, runReplicates, type SimChannel, type SimPool } from '$lib/sim/sim-jobs';
import type { ReplicateOutput } from '$lib/sim/sim-types';
import type { RunsById } from './claims';
import { LESSON_RUN, lessonScenario, type ScenarioSpec } from './lessons';

/**
 * Runs a lesson's scenarios on the page's worker pool (its own channel): LESSON_RUN's paired
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
		const keyOf = (id: string) => JSON.stringify(lessonScenario(specs[id]));
		const missing = ids.filter((id) => !this.#done.has(keyOf(id)));
		if (missing.length) {
			const outputs = await runReplicates(
				this.#channel,
				missing.map((id) => lessonScenario(specs[id])),
				{ reps: LESSON_RUN.reps, scale: LESSON_RUN.scale, priority: PRIORITY.quick }
			);
			if (!outputs) return null;
			missing.forEach((id, i) => this.#done.set(keyOf(id), outputs[i]));
		}
		return Object.fromEntries(ids.map((id) => [id, this.#done.get(keyOf(id))!]));
	}

	stop(): void {
		this.#channel.renew();
	}
}
