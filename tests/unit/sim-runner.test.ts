import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FULL, QUICK, SimRunner, type Compared } from '../../src/lib/sim/SimRunner.svelte';
import { runReplicates, type SimPool } from '../../src/lib/sim/sim-jobs';
import { WorkerPool, type PoolEndpoint, type PoolRequest } from '../../src/lib/sim/WorkerPool';
import { defaultScenario, type Scenario } from '../../src/lib/sim/scenario';
import { GROUP_MEASURES, SERIES_SHOWN, SUMMARY_MEASURES, TOWN_SERIES, type ReplicateOutput } from '../../src/lib/sim/sim-types';

/** What a fake run answers: its summary says which scenario, scale and replicate it was. */
function output(scenario: Scenario, replicate: number, scale: number): ReplicateOutput {
	const value = scenario.levers.sinking * 100 + replicate + (scale === 1 ? 0.5 : 0);
	const group = Object.fromEntries(GROUP_MEASURES.map((m) => [m, [value]]));
	return {
		series: Object.fromEntries(SERIES_SHOWN.map((m) => [m, Float64Array.of(value, value)])),
		summary: Object.fromEntries(SUMMARY_MEASURES.map((m) => [m, value])),
		byType: group,
		byTown: group,
		townSeries: Object.fromEntries(TOWN_SERIES.map((m) => [m, Float64Array.of(value)]))
	} as unknown as ReplicateOutput;
}

interface Run {
	sinking: number;
	replicate: number;
	scale: number;
	request: PoolRequest;
}

/** A simulation worker that answers each run (and each history) after a task, unless its channel's generation was cancelled. */
function fakeSimWorkers(options: { dead?: () => boolean } = {}) {
	const runs: Run[] = [];
	const histories: { replicate: number; scale: number; request: PoolRequest }[] = [];
	const cancels: [string, number][] = [];
	let spawned = 0;
	const spawn = (): PoolEndpoint<never> => {
		spawned++;
		let die: (e: Error) => void = () => {};
		const failed = new Promise<never>((_, reject) => (die = reject));
		failed.catch(() => {});
		const current = new Map<string, number>();
		const api = {
			cancelBefore: (channel: string, generation: number) => {
				cancels.push([channel, generation]);
				current.set(channel, generation);
			},
			history: (o: { replicate: number; scale: number } & PoolRequest) =>
				new Promise<object | null>((resolve) => {
					histories.push({ replicate: o.replicate, scale: o.scale, request: { channel: o.channel, generation: o.generation } });
					setTimeout(() => resolve(o.generation < (current.get(o.channel) ?? 0) ? null : { replicate: o.replicate, scale: o.scale, trust: new Float32Array(4) }), 0);
				}),
			run: (scenario: Scenario, o: { replicate: number; scale: number; history: { replicate: number; scale: number } } & PoolRequest) =>
				new Promise<ReplicateOutput | null>((resolve) => {
					// Every run starts from the history of its own replicate and scale.
					if (o.history.replicate !== o.replicate || o.history.scale !== o.scale) throw new Error('a run from another replicate’s history');
					runs.push({ sinking: scenario.levers.sinking, replicate: o.replicate, scale: o.scale, request: { channel: o.channel, generation: o.generation } });
					setTimeout(() => resolve(o.generation < (current.get(o.channel) ?? 0) ? null : output(scenario, o.replicate, o.scale)), 0);
				})
		};
		if (options.dead?.()) setTimeout(() => die(new Error('worker exploded')), 0);
		return { api, failed, terminate: () => {} } as unknown as PoolEndpoint<never>;
	};
	return { runs, histories, cancels, spawned: () => spawned, pool: (size = 2) => new WorkerPool({ spawn, size }) as unknown as SimPool };
}

const scenario = (sinking: number): Scenario => ({ ...defaultScenario(), mode: 'custom', levers: { sinking, coordination: 0.5, participation: 0.5 } });
const compared = (...sinkings: number[]): Compared[] => sinkings.map((s, i) => ({ key: `k${i}`, scenario: scenario(s) }));

beforeEach(() => vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0)));
afterEach(() => vi.unstubAllGlobals());

describe('the comparison runner', () => {
	it('shows a quick pass, then full-county replicates, paired replicate by replicate, and ends done', async () => {
		const workers = fakeSimWorkers();
		const runner = new SimRunner(workers.pool());
		await runner.start(compared(0.1, 0.2));
		expect(runner.phase).toBe('done');
		expect(runner.progress).toBe(1);
		expect(runner.shownFor.map((c) => c.key)).toEqual(['k0', 'k1']);
		for (const [key, sinking] of [['k0', 0.1], ['k1', 0.2]] as const) {
			const stats = runner.results[key];
			expect(stats.scale).toBe(1);
			// Replicate r of each scenario, in order: the pairs share their random streams.
			expect(stats.runs.map((r) => r.orderIndex)).toEqual(Array.from({ length: FULL.reps }, (_, r) => sinking * 100 + r + 0.5));
		}
		expect(workers.runs.filter((r) => r.scale === QUICK.scale)).toHaveLength(2 * QUICK.reps);
		expect(workers.runs.filter((r) => r.scale === FULL.scale)).toHaveLength(2 * FULL.reps);
	});

	it('a new start makes the earlier one stale: its queued runs never start and its results never show', async () => {
		const workers = fakeSimWorkers();
		const runner = new SimRunner(workers.pool());
		const first = runner.start(compared(0.1, 0.2));
		const second = runner.start(compared(0.7, 0.2));
		await Promise.all([first, second]);
		expect(runner.results.k0.runs[0].orderIndex).toBe(70.5);
		// The first request's runs that had started were asked to stop; its queued ones never ran.
		expect(workers.cancels).toContainEqual(['compare', 2]);
		const firstRuns = workers.runs.filter((r) => r.request.generation === 1);
		expect(firstRuns.length).toBeLessThanOrEqual(2);
		expect(firstRuns.every((r) => r.scale === QUICK.scale && r.replicate === 0)).toBe(true);
	});

	it('answers runs it has already done from its cache', async () => {
		const workers = fakeSimWorkers();
		const runner = new SimRunner(workers.pool());
		await runner.start(compared(0.1, 0.2));
		const before = workers.runs.length;
		await runner.start(compared(0.1, 0.3));
		// Only the changed scenario runs again.
		expect(workers.runs.slice(before).every((r) => r.sinking === 0.3)).toBe(true);
		expect(workers.runs.length - before).toBe(QUICK.reps + FULL.reps);
	});

	it('runs the county’s history once per replicate and scale for all the compared scenarios, and not again for a moved lever', async () => {
		const workers = fakeSimWorkers();
		const runner = new SimRunner(workers.pool(3));
		await runner.start(compared(0.1, 0.2, 0.3));
		const once = [...Array.from({ length: QUICK.reps }, (_, r) => `${QUICK.scale}|${r}`), ...Array.from({ length: FULL.reps }, (_, r) => `${FULL.scale}|${r}`)];
		expect(workers.histories.map((h) => `${h.scale}|${h.replicate}`).sort()).toEqual(once.sort());
		await runner.start(compared(0.1, 0.2, 0.4));
		expect(workers.histories).toHaveLength(once.length);
		// Other county conditions, other histories.
		const elsewhere = compared(0.1).map((c) => ({ ...c, scenario: { ...c.scenario, context: { ...c.scenario.context, outMigration: 0.05 } } }));
		await runner.start(elsewhere);
		expect(workers.histories).toHaveLength(2 * once.length);
	});

	it('redoes a history whose job went stale with another request, for the request still waiting', async () => {
		const workers = fakeSimWorkers();
		const pool = workers.pool();
		const runner = new SimRunner(pool);
		// The comparison starts the quick pass's history of replicate 0; "why" waits for the same one.
		runner.start(compared(0.1));
		const why = runReplicates(pool.channel('why'), [scenario(0.1)], { reps: 1, scale: QUICK.scale, priority: 1 });
		runner.stop();
		const outputs = await why;
		expect(outputs?.[0][0].summary.orderIndex).toBe(10);
		expect(workers.histories.map((h) => h.request.channel)).toEqual(['compare', 'why']);
	});

	it('leaves the runs of other channels alone when it restarts (one pool, separate cancellation)', async () => {
		const workers = fakeSimWorkers();
		const pool = workers.pool();
		const runner = new SimRunner(pool);
		const batch = runReplicates(pool.channel('why'), [scenario(0.4), scenario(0.6)], { reps: 3, scale: 1 / 8, priority: 1 });
		runner.start(compared(0.1));
		runner.start(compared(0.2));
		const outputs = await batch;
		expect(outputs?.map((list) => list.map((o) => o.summary.orderIndex))).toEqual([
			[40, 41, 42],
			[60, 61, 62]
		]);
	});

	it('shows a lost worker as its error; starting again spawns fresh workers and works', async () => {
		let broken = true;
		const workers = fakeSimWorkers({ dead: () => broken });
		const runner = new SimRunner(workers.pool());
		await runner.start(compared(0.1, 0.2));
		expect(runner.phase).toBe('error');
		expect(runner.error).toBe('worker exploded');
		broken = false;
		await runner.start(compared(0.1, 0.2));
		expect(runner.phase).toBe('done');
		expect(runner.error).toBeNull();
		// The first request's one job (the replicate's history, shared by both scenarios) lost one
		// worker; the second request spawned a fresh pool of two.
		expect(workers.spawned()).toBe(1 + 2);
	});
});
