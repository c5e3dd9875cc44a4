import { Cache } from '../cache';
import type { Scenario } from './scenario';
import type { CompareSlot } from './comparison';
import { replicateStats, type ScenarioStats } from './replicate-stats';
import type { ReplicateOutput } from './sim-types';
import { PRIORITY, runReplicate, type SimChannel, type SimPool } from './sim-jobs';

/** A quick first pass at 1/32 of the county (≈2,000 households) (per-household outcomes match the full county: see the scale test), then full-scale replicates that refine it. */
export const QUICK = { scale: 1 / 32, reps: 4 };
export const FULL = { scale: 1, reps: 10 };

export interface Compared {
	key: string;
	scenario: Scenario;
	/** Where the scenario came from (the page's comparison slot), passed through untouched. */
	slot?: CompareSlot;
}

export type RunnerPhase = 'idle' | 'quick' | 'full' | 'done' | 'error';

/**
 * The progressive comparison: runs the compared scenarios on the page's worker pool (its own
 * channel) and publishes results as they improve. A new `start()` makes every earlier request
 * stale: its queued jobs are dropped and late answers ignored, so moving a slider never waits for
 * old runs. A job lost with its worker is reported as the error; `start()` again works again.
 */
export class SimRunner {
	results = $state.raw<Record<string, ScenarioStats>>({});
	/** The compared scenarios `results` belong to, in order (empty until the first result). */
	shownFor = $state.raw<readonly Compared[]>([]);
	phase = $state<RunnerPhase>('idle');
	error = $state<string | null>(null);
	/** Full-scale replicates done of those planned, over all compared scenarios. */
	progress = $state(0);
	/** Milliseconds from start() to the first result on screen. */
	firstResultMs = $state<number | null>(null);

	readonly #channel: SimChannel;
	/**
	 * Finished replicates by scenario, scale and replicate. Runs are deterministic, so a lever
	 * move re-runs only the scenario it changed; the baselines come from here.
	 */
	static readonly CACHE_LIMIT = 600;
	#cache = new Cache<string, ReplicateOutput>({ limit: SimRunner.CACHE_LIMIT });
	/** Statistics of the first n replicates of a scenario: a lever move recomputes only its own. */
	#stats = new Cache<string, ScenarioStats>({ limit: 60 });

	constructor(pool: SimPool) {
		this.#channel = pool.channel('compare');
	}

	/**
	 * Runs replicates 0…reps−1 of each scenario, answering cached ones at once, and calls `done`
	 * as each arrives. Replicate 0 of every scenario goes first; the rest are queued once
	 * `firstShown` resolves, so the first result is drawn sooner when the page is not competing
	 * with extra runs for the CPU. Resolves when all are done (or stale); rejects on a lost job.
	 */
	async #runPlan(scenarios: readonly Scenario[], plan: { reps: number; scale: number }, priority: number, done: (i: number, r: number, o: ReplicateOutput) => void, firstShown?: Promise<void>): Promise<void> {
		const generation = this.#channel.generation;
		const one = async (i: number, r: number) => {
			const scenario = $state.snapshot(scenarios[i]) as Scenario;
			const key = `${JSON.stringify(scenario)}|${plan.scale}|${r}`;
			const output = this.#cache.get(key) ?? (await runReplicate(this.#channel, scenario, { replicate: r, scale: plan.scale, priority }));
			if (!output || generation !== this.#channel.generation) return;
			this.#remember(key, output);
			done(i, r, output);
		};
		const round = (reps: number[]) => Promise.all(reps.flatMap((r) => scenarios.map((_, i) => one(i, r))));
		const rest = Array.from({ length: plan.reps - 1 }, (_, k) => k + 1);
		if (!firstShown) return void (await round([0, ...rest]));
		const first = round([0]);
		await Promise.race([firstShown, first.then(() => {})]);
		if (generation !== this.#channel.generation) return void (await first);
		await Promise.all([first, round(rest)]);
	}

	/** Starts (or restarts) the comparison of `compared`. */
	async start(compared: readonly Compared[]): Promise<void> {
		const generation = this.#channel.renew();
		const started = performance.now();
		this.error = null;
		this.progress = 0;
		this.firstResultMs = null;
		this.phase = 'quick';
		try {
			for (const plan of [QUICK, FULL] as const) {
				const outputs = new Map<string, ReplicateOutput[]>(compared.map((c) => [c.key, []]));
				let finished = 0;
				let shown = 0;
				// Publishes when every scenario has one more leading replicate (0, 1, … without gaps):
				// all scenarios then show the same replicates, so comparisons stay paired.
				const publish = () => {
					const lead = (list: ReplicateOutput[]) => {
						let n = 0;
						while (list[n]) n++;
						return n;
					};
					const reps = Math.min(...compared.map((c) => lead(outputs.get(c.key)!)));
					if (reps === 0 || reps === shown) return;
					shown = reps;
					const next: Record<string, ScenarioStats> = {};
					for (const c of compared) {
						const key = `${JSON.stringify($state.snapshot(c.scenario))}|${plan.scale}|${reps}`;
						let stats = this.#stats.get(key);
						if (!stats) {
							stats = replicateStats(outputs.get(c.key)!.slice(0, reps), plan.scale);
							this.#stats.set(key, stats);
						}
						next[c.key] = stats;
					}
					this.results = next;
					this.shownFor = compared;
					this.firstResultMs ??= Math.round(performance.now() - started);
				};
				let markShown = () => {};
				const firstShown = new Promise<void>((resolve) => (markShown = resolve));
				const scenarios = compared.map((c) => c.scenario);
				await this.#runPlan(
					scenarios,
					plan,
					plan === QUICK ? PRIORITY.quick : PRIORITY.full,
					(i, r, o) => {
						outputs.get(compared[i].key)![r] = o;
						if (plan === FULL) this.progress = ++finished / (plan.reps * compared.length);
						publish();
						// The other replicates join once the first result has been painted (or after
						// 100 ms, as a hidden tab paints nothing).
						if (shown) {
							requestAnimationFrame(() => setTimeout(markShown, 0));
							setTimeout(markShown, 100);
						}
					},
					plan === QUICK ? firstShown : undefined
				);
				if (generation !== this.#channel.generation) return;
				this.phase = plan === QUICK ? 'full' : 'done';
			}
		} catch (e) {
			if (generation !== this.#channel.generation) return;
			// The rest of this request cannot complete: drop its queued jobs.
			this.#channel.renew();
			this.phase = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	#remember(key: string, output: ReplicateOutput): void {
		this.#cache.set(key, output);
	}

	/** Stops the comparison: its queued jobs are dropped and late answers ignored. */
	stop(): void {
		this.#channel.renew();
	}
}
