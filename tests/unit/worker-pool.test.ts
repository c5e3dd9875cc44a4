import { describe, expect, it, vi } from 'vitest';
import { WorkerLostError, WorkerPool, type PoolEndpoint, type PoolRequest } from '../../src/lib/sim/WorkerPool';

/** A worker whose runs the test finishes by hand: `finish(value)`, `fail(error)`, or `die()`. */
class FakeWorker {
	static all: FakeWorker[] = [];
	readonly cancels: [string, number][] = [];
	readonly runs: { input: string; request: PoolRequest; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
	terminated = false;
	#die: (e: Error) => void = () => {};
	readonly failed = new Promise<never>((_, reject) => (this.#die = reject));
	readonly api = {
		cancelBefore: (channel: string, generation: number) => void this.cancels.push([channel, generation]),
		run: (input: string, request: PoolRequest) => new Promise<string>((resolve, reject) => this.runs.push({ input, request, resolve, reject }))
	};
	constructor() {
		this.failed.catch(() => {});
		FakeWorker.all.push(this);
	}
	endpoint(): PoolEndpoint<FakeWorker['api']> {
		return { api: this.api, failed: this.failed, terminate: () => (this.terminated = true) };
	}
	die(message = 'worker exploded') {
		this.#die(new Error(message));
	}
	/** The run of `input` on this worker, waiting for its answer. */
	run(input: string) {
		const run = this.runs.find((r) => r.input === input);
		if (!run) throw new Error(`${input} is not running here`);
		return run;
	}
}

const tick = () => new Promise((r) => setTimeout(r, 0));
function setup(size = 2, reserve?: { slots: number; for: (priority: number) => boolean }) {
	FakeWorker.all = [];
	const lost: Error[] = [];
	const pool = new WorkerPool({ spawn: () => new FakeWorker().endpoint(), size, reserve, onLost: (e) => lost.push(e) });
	const running = () => FakeWorker.all.flatMap((w) => w.runs.map((r) => r.input));
	const where = (input: string) => FakeWorker.all.find((w) => w.runs.some((r) => r.input === input))!;
	return { pool, lost, running, where };
}
const job = (input: string) => (api: FakeWorker['api'], request: PoolRequest) => api.run(input, request);

describe('the worker pool', () => {
	it('spawns workers only for work, at most `size`, one job each, and queues the rest', async () => {
		const { pool, running, where } = setup(2);
		expect(pool.workers).toBe(0);
		const c = pool.channel('compare');
		const answers = ['a', 'b', 'c'].map((x) => c.submit(job(x)));
		await tick();
		expect(pool.workers).toBe(2);
		expect(running()).toEqual(['a', 'b']);
		where('a').run('a').resolve('A');
		await tick();
		expect(running()).toEqual(['a', 'c', 'b']);
		where('b').run('b').resolve('B');
		where('c').run('c').resolve('C');
		expect(await Promise.all(answers)).toEqual(['A', 'B', 'C']);
		expect(pool.workers).toBe(2);
	});

	it('hands out higher priorities first, in order within one', async () => {
		const { pool, running, where } = setup(1);
		const c = pool.channel('compare');
		const f = pool.channel('follow');
		c.submit(job('blocker'));
		c.submit(job('full-1'), { priority: 0 });
		c.submit(job('quick-1'), { priority: 2 });
		f.submit(job('trace'), { priority: 3 });
		c.submit(job('quick-2'), { priority: 2 });
		for (const next of ['blocker', 'trace', 'quick-1', 'quick-2', 'full-1']) {
			await tick();
			expect(running().at(-1)).toBe(next);
			where(next).run(next).resolve(next);
		}
	});

	it("renewing a channel drops its queued jobs, ignores its late answers and asks the workers to stop, leaving other channels' jobs alone", async () => {
		const { pool, running, where } = setup(1);
		const compare = pool.channel('compare');
		const why = pool.channel('why');
		const old = compare.submit(job('old'));
		const queued = compare.submit(job('old-queued'));
		const other = why.submit(job('why'));
		await tick();
		expect(compare.renew()).toBe(1);
		expect(await queued).toBeNull();
		expect(where('old').cancels).toEqual([['compare', 1]]);
		const fresh = compare.submit(job('new'));
		where('old').run('old').resolve('late');
		expect(await old).toBeNull();
		await tick();
		expect(running()).toEqual(['old', 'why']);
		where('why').run('why').resolve('W');
		expect(await other).toBe('W');
		await tick();
		expect(where('new').run('new').request).toEqual({ channel: 'compare', generation: 1 });
		where('new').run('new').resolve('N');
		expect(await fresh).toBe('N');
		expect(running()).not.toContain('old-queued');
	});

	it('drops a worker that dies and reports it; its job is lost, the queue goes on with the others', async () => {
		const { pool, lost, running, where } = setup(2);
		const c = pool.channel('compare');
		const a = c.submit(job('a'));
		const b = c.submit(job('b'));
		const next = c.submit(job('c'));
		await tick();
		const dying = where('a');
		dying.die();
		await expect(a).rejects.toBeInstanceOf(WorkerLostError);
		await expect(a).rejects.toThrow('worker exploded');
		expect(dying.terminated).toBe(true);
		expect(lost.map((e) => e.message)).toEqual(['worker exploded']);
		expect(pool.workers).toBe(1);
		where('b').run('b').resolve('B');
		expect(await b).toBe('B');
		await tick();
		expect(running().at(-1)).toBe('c');
		where('c').run('c').resolve('C');
		expect(await next).toBe('C');
	});

	it('keeps a reserved worker for urgent jobs: one starts at once while every ordinary worker is busy, and other jobs never take it', async () => {
		const QUICK = 2;
		const { pool, running, where } = setup(2, { slots: 1, for: (p) => p === QUICK });
		const c = pool.channel('compare');
		const full = ['full-1', 'full-2', 'full-3'].map((x) => c.submit(job(x), { priority: 0 }));
		const trace = pool.channel('follow').submit(job('trace'), { priority: 3 });
		await tick();
		// Two ordinary workers, both busy; the reserved one is not spawned for them.
		expect(running()).toEqual(['full-1', 'full-2']);
		expect(pool.workers).toBe(2);
		const quick = c.submit(job('quick'), { priority: QUICK });
		await tick();
		// The quick job did not wait for the full-county runs (nor for the higher-priority trace, which may not use the reserve).
		expect(running()).toEqual(['full-1', 'full-2', 'quick']);
		expect(pool.workers).toBe(3);
		const reserved = where('quick');
		reserved.run('quick').resolve('Q');
		expect(await quick).toBe('Q');
		await tick();
		// The freed reserved worker stays idle while ordinary jobs wait.
		expect(reserved.runs).toHaveLength(1);
		where('full-1').run('full-1').resolve('F1');
		await tick();
		expect(running()).toContain('trace');
		expect(reserved.runs).toHaveLength(1);
		// An urgent job takes an ordinary worker too when one is free and the reserved one is busy.
		const q2 = c.submit(job('quick-2'), { priority: QUICK });
		const q3 = c.submit(job('quick-3'), { priority: QUICK });
		await tick();
		expect(where('quick-2')).toBe(reserved);
		where('full-2').run('full-2').resolve('F2');
		await tick();
		expect(where('quick-3')).not.toBe(reserved);
		where('quick-2').run('quick-2').resolve('Q2');
		where('quick-3').run('quick-3').resolve('Q3');
		where('trace').run('trace').resolve('T');
		expect(await Promise.all([q2, q3, trace])).toEqual(['Q2', 'Q3', 'T']);
		await tick();
		where('full-3').run('full-3').resolve('F3');
		expect(await Promise.all(full)).toEqual(['F1', 'F2', 'F3']);
	});

	it('fails the jobs that only ordinary workers may run when the last of those dies, and keeps the reserved worker for urgent ones', async () => {
		const { pool, where } = setup(1, { slots: 1, for: (p) => p === 2 });
		const c = pool.channel('compare');
		const a = c.submit(job('a'));
		const quick = c.submit(job('quick'), { priority: 2 });
		const waiting = c.submit(job('waiting'));
		await tick();
		where('a').die();
		await expect(a).rejects.toBeInstanceOf(WorkerLostError);
		await expect(waiting).rejects.toBeInstanceOf(WorkerLostError);
		where('quick').run('quick').resolve('Q');
		expect(await quick).toBe('Q');
		expect(pool.workers).toBe(1);
	});

	it('fails the queue when its last worker dies, without respawning in a loop; the next job spawns afresh', async () => {
		const { pool, where } = setup(1);
		const c = pool.channel('compare');
		const a = c.submit(job('a'));
		const queued = c.submit(job('b'));
		await tick();
		where('a').die('script failed to load');
		await expect(a).rejects.toThrow('script failed to load');
		await expect(queued).rejects.toBeInstanceOf(WorkerLostError);
		expect(FakeWorker.all).toHaveLength(1);
		expect(pool.workers).toBe(0);
		const again = c.submit(job('again'));
		await tick();
		expect(FakeWorker.all).toHaveLength(2);
		where('again').run('again').resolve('fine');
		expect(await again).toBe('fine');
	});

	it('keeps a worker whose task failed (an error in the run, not a dead worker)', async () => {
		const { pool, lost, where } = setup(1);
		const c = pool.channel('compare');
		const a = c.submit(job('a'));
		await tick();
		where('a').run('a').reject(new Error('bad scenario'));
		await expect(a).rejects.toThrow('bad scenario');
		await expect(a).rejects.not.toBeInstanceOf(WorkerLostError);
		expect(pool.workers).toBe(1);
		expect(lost).toEqual([]);
	});

	it('ends every worker when disposed; queued and later jobs resolve to null', async () => {
		const { pool } = setup(1);
		const c = pool.channel('compare');
		c.submit(job('a'));
		const queued = c.submit(job('b'));
		await tick();
		pool.dispose();
		expect(await queued).toBeNull();
		expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
		expect(await c.submit(job('c'))).toBeNull();
		const spy = vi.fn();
		c.submit(job('d')).then(spy);
		await tick();
		expect(spy).toHaveBeenCalledWith(null);
	});
});
