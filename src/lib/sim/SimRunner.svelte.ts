import * as Comlink from 'comlink';
import type { Scenario } from './scenario';
import type { CompareSlot } from './comparison';
import { replicateStats, type ScenarioStats } from './replicate-stats';
import type { ReplicateOutput } from './sim-types';
import type { SimWorkerApi } from './sim.worker';
import type { TraceEvent } from '../../../sim/engine/model';

/** A quick first pass at 1/32 of the county (≈2,000 households) (per-household outcomes match the full county: see the scale test), then full-scale replicates that refine it. */
export const QUICK = { scale: 1 / 32, reps: 4 };
export const FULL = { scale: 1, reps: 10 };
export const WEEKS = 260;

export interface Compared {
	key: string;
	scenario: Scenario;
	/** Where the scenario came from (the page's comparison slot), passed through untouched. */
	slot?: CompareSlot;
}

interface Job {
	scenario: Scenario;
	replicate: number;
	scale: number;
	done: (output: ReplicateOutput) => void;
}

export type RunnerPhase = 'idle' | 'quick' | 'full' | 'done' | 'error';

interface PoolWorker {
	worker: Worker;
	api: Comlink.Remote<SimWorkerApi>;
	failed: Promise<never>;
}

/**
 * Runs the compared scenarios in Web Workers and publishes results as they improve. A new
 * `start()` makes every earlier request stale: its remaining jobs are dropped and late answers
 * ignored, so moving a slider never waits for old runs. A worker that dies is dropped and the
 * error reported; the next `start()` spawns fresh workers and works again.
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

	#pool: PoolWorker[] = [];
	#generation = 0;
	/**
	 * Finished replicates by scenario, scale and replicate. Runs are deterministic, so a lever
	 * move re-runs only the scenario it changed; the baselines come from here.
	 */
	#cache = new Map<string, ReplicateOutput>();
	static readonly CACHE_LIMIT = 600;
	/** Statistics of the first n replicates of a scenario: a lever move recomputes only its own. */
	#stats = new Map<string, ScenarioStats>();
	readonly #size: number;
	readonly #makeWorker: () => Worker;

	constructor(makeWorker: () => Worker, size = Math.max(2, Math.min(4, (navigator.hardwareConcurrency || 2) - 1))) {
		this.#makeWorker = makeWorker;
		this.#size = size;
	}

	#spawn(): PoolWorker {
		const worker = this.#makeWorker();
		const failed = new Promise<never>((_, reject) => {
			worker.addEventListener('error', (e) => {
				e.preventDefault();
				reject(new Error(e.message || 'the simulation worker stopped'));
			});
		});
		failed.catch(() => {});
		return { worker, api: Comlink.wrap<SimWorkerApi>(worker), failed };
	}

	#ensurePool(): void {
		while (this.#pool.length < this.#size) this.#pool.push(this.#spawn());
	}

	/** Drops a failed worker; the next start() spawns a fresh one. */
	#drop(w: PoolWorker): void {
		w.worker.terminate();
		this.#pool = this.#pool.filter((x) => x !== w);
	}

	/**
	 * Runs jobs on the pool, one at a time per worker; stops handing out jobs once stale. With
	 * `firstShown`, workers other than the first take only replicate-0 jobs until it resolves: the
	 * first result is drawn sooner when the page is not competing with extra runs for the CPU.
	 */
	async #runJobs(jobs: Job[], generation: number, firstShown?: Promise<void>): Promise<void> {
		let next = 0;
		let shown = !firstShown;
		firstShown?.then(() => (shown = true));
		const lane = async (w: PoolWorker, i: number) => {
			while (next < jobs.length && generation === this.#generation) {
				if (!shown && i > 0 && jobs[next].replicate > 0) {
					await Promise.race([firstShown, firstLaneDone]);
					shown = true;
					continue;
				}
				const job = jobs[next++];
				let output: ReplicateOutput | null;
				try {
					const options = { replicate: job.replicate, scale: job.scale, weeks: WEEKS, request: generation };
					output = await Promise.race([w.api.run(job.scenario, options), w.failed]);
				} catch (e) {
					this.#drop(w);
					throw e;
				}
				if (output && generation === this.#generation) job.done(output);
			}
		};
		// Waiting lanes never outlive the first one.
		let finishFirst = () => {};
		const firstLaneDone = new Promise<void>((resolve) => (finishFirst = resolve));
		const first = lane(this.#pool[0], 0).finally(finishFirst);
		await Promise.all([first, ...this.#pool.slice(1).map((w, i) => lane(w, i + 1))]);
	}

	/** Jobs for the pool: the cached replicates are answered without one. */
	#jobs(scenarios: readonly Scenario[], reps: number, scale: number, done: (i: number, r: number, o: ReplicateOutput) => void): Job[] {
		const jobs: Job[] = [];
		for (let r = 0; r < reps; r++) {
			for (const [i, sc] of scenarios.entries()) {
				const scenario = $state.snapshot(sc) as Scenario;
				const key = `${JSON.stringify(scenario)}|${scale}|${r}`;
				const finish = (o: ReplicateOutput) => {
					this.#remember(key, o);
					done(i, r, o);
				};
				const cached = this.#cache.get(key);
				if (cached) finish(cached);
				else jobs.push({ scenario, replicate: r, scale, done: finish });
			}
		}
		return jobs;
	}

	/** Starts (or restarts) the comparison of `compared`. */
	async start(compared: readonly Compared[]): Promise<void> {
		const generation = ++this.#generation;
		const started = performance.now();
		this.#ensurePool();
		// Runs of earlier requests stop at their next pause instead of holding the workers.
		for (const w of this.#pool) w.api.cancelBefore(generation).catch(() => {});
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
							if (this.#stats.size > 60) this.#stats.delete(this.#stats.keys().next().value!);
						}
						next[c.key] = stats;
					}
					this.results = next;
					this.shownFor = compared;
					this.firstResultMs ??= Math.round(performance.now() - started);
				};
				let markShown = () => {};
				const firstShown = new Promise<void>((resolve) => (markShown = resolve));
				const jobs = this.#jobs(compared.map((c) => c.scenario), plan.reps, plan.scale, (i, r, o) => {
					outputs.get(compared[i].key)![r] = o;
					if (plan === FULL) this.progress = ++finished / (plan.reps * compared.length);
					publish();
					// The other workers join once the first result has been painted (or after 100 ms,
					// as a hidden tab paints nothing).
					if (shown) {
						requestAnimationFrame(() => setTimeout(markShown, 0));
						setTimeout(markShown, 100);
					}
				});
				await this.#runJobs(jobs, generation, plan === QUICK ? firstShown : undefined);
				if (generation !== this.#generation) return;
				this.phase = plan === QUICK ? 'full' : 'done';
			}
		} catch (e) {
			if (generation !== this.#generation) return;
			this.phase = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * Runs every scenario `reps` times at `scale` and resolves to the outputs by scenario and
	 * replicate (paired: replicate r of each uses the same random streams), or to null when a later
	 * call or start() made this one stale.
	 */
	async runAll(scenarios: readonly Scenario[], reps: number, scale: number): Promise<ReplicateOutput[][] | null> {
		const generation = ++this.#generation;
		this.#ensurePool();
		for (const w of this.#pool) w.api.cancelBefore(generation).catch(() => {});
		const outputs: ReplicateOutput[][] = scenarios.map(() => []);
		const jobs = this.#jobs(scenarios, reps, scale, (i, r, o) => (outputs[i][r] = o));
		await this.#runJobs(jobs, generation);
		return generation === this.#generation ? outputs : null;
	}

	/** The traced steps of one household's issues under a scenario (full county, replicate 0). */
	async trace(scenario: Scenario, household: number): Promise<{ events: TraceEvent[]; town: number; type: number }> {
		this.#ensurePool();
		const w = this.#pool[this.#pool.length - 1];
		try {
			return await Promise.race([w.api.trace($state.snapshot(scenario) as Scenario, household, WEEKS), w.failed]);
		} catch (e) {
			this.#drop(w);
			throw e;
		}
	}

	#remember(key: string, output: ReplicateOutput): void {
		this.#cache.set(key, output);
		if (this.#cache.size > SimRunner.CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
	}

	dispose(): void {
		this.#generation++;
		for (const w of this.#pool) w.worker.terminate();
		this.#pool = [];
	}
}
