import * as Comlink from 'comlink';
import type { Scenario } from './scenario';
import { replicateStats, type ScenarioStats } from './replicate-stats';
import type { ReplicateOutput } from './sim-types';
import type { SimWorkerApi } from './sim.worker';
import type { TraceEvent } from '../../../sim/engine/model';

/** A quick first pass at 1/16 of the county (per-household outcomes match the full county: see the scale test), then full-scale replicates that refine it. */
export const QUICK = { scale: 1 / 16, reps: 4 };
export const FULL = { scale: 1, reps: 10 };
export const WEEKS = 260;

export interface Compared {
	key: string;
	scenario: Scenario;
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

	/** Runs jobs on the pool, one at a time per worker; stops handing out jobs once stale. */
	async #runJobs<T>(jobs: (() => [Scenario, { replicate: number; scale: number; weeks: number }, (o: ReplicateOutput) => T])[], generation: number): Promise<void> {
		let next = 0;
		const lane = async (w: PoolWorker) => {
			while (next < jobs.length && generation === this.#generation) {
				const [scenario, options, done] = jobs[next++]();
				let output: ReplicateOutput | null;
				try {
					output = await Promise.race([w.api.run(scenario, { ...options, request: generation }), w.failed]);
				} catch (e) {
					this.#drop(w);
					throw e;
				}
				if (output && generation === this.#generation) done(output);
			}
		};
		await Promise.all(this.#pool.map(lane));
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
					for (const c of compared) next[c.key] = replicateStats(outputs.get(c.key)!.slice(0, reps), plan.scale);
					this.results = next;
					this.firstResultMs ??= Math.round(performance.now() - started);
				};
				const jobs = [];
				for (let r = 0; r < plan.reps; r++) {
					for (const c of compared) {
						const scenario = $state.snapshot(c.scenario) as Scenario;
						const key = `${JSON.stringify(scenario)}|${plan.scale}|${r}`;
						const done = (o: ReplicateOutput) => {
							this.#remember(key, o);
							outputs.get(c.key)![r] = o;
							if (plan === FULL) this.progress = ++finished / (plan.reps * compared.length);
							publish();
						};
						const cached = this.#cache.get(key);
						if (cached) done(cached);
						else jobs.push(() => [scenario, { replicate: r, scale: plan.scale, weeks: WEEKS }, done] as [Scenario, { replicate: number; scale: number; weeks: number }, (o: ReplicateOutput) => void]);
					}
				}
				await this.#runJobs(jobs, generation);
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
		const jobs = [];
		for (let r = 0; r < reps; r++) {
			for (const [i, sc] of scenarios.entries()) {
				const scenario = $state.snapshot(sc) as Scenario;
				const key = `${JSON.stringify(scenario)}|${scale}|${r}`;
				const done = (o: ReplicateOutput) => {
					this.#remember(key, o);
					outputs[i][r] = o;
				};
				const cached = this.#cache.get(key);
				if (cached) done(cached);
				else jobs.push(() => [scenario, { replicate: r, scale, weeks: WEEKS }, done] as [Scenario, { replicate: number; scale: number; weeks: number }, (o: ReplicateOutput) => void]);
			}
		}
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
