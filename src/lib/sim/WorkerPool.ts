import * as Comlink from 'comlink';

/** One worker as the pool sees it: its API, a promise that rejects when it dies, and a way to end it. */
export interface PoolEndpoint<Api> {
	api: Api;
	/** Rejects when the worker dies: its script fails to load, or an error escapes it. */
	failed: Promise<never>;
	terminate(): void;
}

/** What every pooled worker offers: stop the runs of a channel's older generations. */
export interface CancellableApi {
	cancelBefore(channel: string, generation: number): unknown;
}

/** A job's identity, passed to the worker so that it can abandon a stale run. */
export interface PoolRequest {
	channel: string;
	generation: number;
}

/** A job lost with its worker (the worker died while running it, or no worker is left). */
export class WorkerLostError extends Error {
	constructor(cause: unknown) {
		super(cause instanceof Error && cause.message ? cause.message : 'the simulation worker stopped');
		this.name = 'WorkerLostError';
	}
}

/** A comlink-wrapped Web Worker as a pool endpoint. */
export function workerEndpoint<Api>(worker: Worker): PoolEndpoint<Comlink.Remote<Api>> {
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => {
			// Handled here (the pool reports it): the browser need not log it as uncaught.
			e.preventDefault();
			reject(new Error(e.message || 'the simulation worker stopped'));
		});
	});
	failed.catch(() => {});
	return { api: Comlink.wrap<Api>(worker), failed, terminate: () => worker.terminate() };
}

interface Job<Api extends CancellableApi> {
	channel: PoolChannel<Api>;
	generation: number;
	priority: number;
	order: number;
	task: (api: Api, request: PoolRequest) => Promise<unknown>;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

interface Slot<Api> {
	endpoint: PoolEndpoint<Api>;
	busy: boolean;
	dead: boolean;
	/** Kept for the jobs `reserve.for` accepts (what a user waits for), never taken by the rest. */
	reserved: boolean;
}

/** Extra workers kept for urgent jobs, so that one starts at once while the others are busy with long ones. */
export interface PoolReserve {
	/** How many (added to `size`). */
	slots: number;
	/** Whether a job of this priority may use them (it may always use the ordinary ones). */
	for: (priority: number) => boolean;
}

/**
 * A client of the pool (the comparison, "Why did it change?", "Follow a case") with its own
 * generations: renewing one makes its earlier jobs stale without touching the other clients'.
 */
export class PoolChannel<Api extends CancellableApi> {
	#generation = 0;
	readonly #pool: WorkerPool<Api>;
	constructor(
		readonly name: string,
		pool: WorkerPool<Api>
	) {
		this.#pool = pool;
	}

	get generation(): number {
		return this.#generation;
	}

	/** The pool the channel's jobs run on. */
	get pool(): WorkerPool<Api> {
		return this.#pool;
	}

	/** Starts a new generation: queued jobs of earlier ones resolve to null unrun, running ones are asked to stop. */
	renew(): number {
		this.#generation++;
		this.#pool.cancel(this, this.#generation);
		return this.#generation;
	}

	/**
	 * Queues `task` for the current generation (higher `priority` first, then in order). Resolves
	 * to its value, or to null once the generation is stale; rejects with the task's error, or a
	 * WorkerLostError when its worker dies.
	 */
	submit<T>(task: (api: Api, request: PoolRequest) => Promise<T>, options: { priority?: number } = {}): Promise<T | null> {
		return this.#pool.enqueue(this, task, options.priority ?? 0);
	}
}

/**
 * The page's Web Workers, shared by every part of the sandbox that runs the model: at most `size`
 * workers (and `reserve.slots` more kept for urgent jobs), spawned when there is work, each
 * running one job at a time from a priority queue.
 * A worker that dies is dropped and reported (`onLost`, and its job rejects); the queue goes on
 * with the others, and fresh workers are spawned for the next submitted job, not in a loop
 * against a script that cannot load.
 */
export class WorkerPool<Api extends CancellableApi> {
	readonly size: number;
	readonly #reserve: PoolReserve;
	readonly #spawn: () => PoolEndpoint<Api>;
	readonly #onLost: (error: Error) => void;
	#slots: Slot<Api>[] = [];
	#queue: Job<Api>[] = [];
	#channels = new Map<string, PoolChannel<Api>>();
	#order = 0;
	/** Spawning waits for the next submit after a worker died (see the class comment). */
	#mayGrow = true;
	#disposed = false;

	/** `reserve`: extra workers only for the jobs it accepts (none by default). */
	constructor(options: { spawn: () => PoolEndpoint<Api>; size: number; reserve?: PoolReserve; onLost?: (error: Error) => void }) {
		this.#spawn = options.spawn;
		this.size = Math.max(1, options.size);
		this.#reserve = options.reserve ?? { slots: 0, for: () => false };
		this.#onLost = options.onLost ?? (() => {});
	}

	/** The channel of that name (one per client; the same name gives the same channel). */
	channel(name: string): PoolChannel<Api> {
		let channel = this.#channels.get(name);
		if (!channel) this.#channels.set(name, (channel = new PoolChannel<Api>(name, this)));
		return channel;
	}

	/** Live workers. */
	get workers(): number {
		return this.#slots.length;
	}

	/** Queued jobs, not yet running. */
	get queued(): number {
		return this.#queue.length;
	}

	/** @internal Used by PoolChannel.submit. */
	enqueue<T>(channel: PoolChannel<Api>, task: (api: Api, request: PoolRequest) => Promise<T>, priority: number): Promise<T | null> {
		if (this.#disposed) return Promise.resolve(null);
		return new Promise<T | null>((resolve, reject) => {
			this.#queue.push({ channel, generation: channel.generation, priority, order: this.#order++, task, resolve: resolve as (v: unknown) => void, reject });
			this.#mayGrow = true;
			this.#pump();
		});
	}

	/** @internal Used by PoolChannel.renew. */
	cancel(channel: PoolChannel<Api>, generation: number): void {
		this.#queue = this.#queue.filter((job) => {
			if (job.channel !== channel || job.generation >= generation) return true;
			job.resolve(null);
			return false;
		});
		for (const slot of this.#slots) Promise.resolve(slot.endpoint.api.cancelBefore(channel.name, generation)).catch(() => {});
	}

	#pump(): void {
		while (this.#queue.length && !this.#disposed) {
			// The first job in priority order, on any worker it may use; if none is free for it, the
			// first that a free reserved worker may take (a job the reserve does not serve waits).
			let i = this.#first(() => true);
			let slot = this.#slotFor(this.#queue[i].priority);
			if (!slot) {
				i = this.#first((job) => this.#urgent(job.priority));
				slot = i >= 0 ? this.#reservedSlot() : undefined;
			}
			if (!slot) return;
			const [job] = this.#queue.splice(i, 1);
			this.#run(slot, job);
		}
	}

	/** The index of the queued job that goes first (higher priority, then older) among those `accept` takes; −1 if none. */
	#first(accept: (job: Job<Api>) => boolean): number {
		let best = -1;
		for (let i = 0; i < this.#queue.length; i++) {
			const a = this.#queue[i];
			if (!accept(a)) continue;
			const b = this.#queue[best];
			if (!b || a.priority > b.priority || (a.priority === b.priority && a.order < b.order)) best = i;
		}
		return best;
	}

	#urgent(priority: number): boolean {
		return this.#reserve.slots > 0 && this.#reserve.for(priority);
	}

	#free(reserved: boolean, limit: number): Slot<Api> | undefined {
		const free = this.#slots.find((s) => !s.busy && s.reserved === reserved);
		if (free) return free;
		const count = this.#slots.filter((s) => s.reserved === reserved).length;
		return this.#mayGrow && count < limit ? this.#add(reserved) : undefined;
	}

	#reservedSlot(): Slot<Api> | undefined {
		return this.#free(true, this.#reserve.slots);
	}

	/** A free worker for a job of `priority` (a reserved one first if it may use one), spawned if the pool may grow; none if all are busy. */
	#slotFor(priority: number): Slot<Api> | undefined {
		return (this.#urgent(priority) ? this.#reservedSlot() : undefined) ?? this.#free(false, this.size);
	}

	#add(reserved: boolean): Slot<Api> {
		const slot: Slot<Api> = { endpoint: this.#spawn(), busy: false, dead: false, reserved };
		slot.endpoint.failed.catch((e) => this.#lose(slot, e));
		this.#slots.push(slot);
		return slot;
	}

	#run(slot: Slot<Api>, job: Job<Api>): void {
		slot.busy = true;
		const request = { channel: job.channel.name, generation: job.generation };
		Promise.race([job.task(slot.endpoint.api, request), slot.endpoint.failed]).then(
			(value) => {
				slot.busy = false;
				job.resolve(job.generation === job.channel.generation ? value : null);
				this.#pump();
			},
			(error) => {
				slot.busy = false;
				job.reject(slot.dead ? new WorkerLostError(error) : error);
				this.#pump();
			}
		);
	}

	/** Drops a dead worker, reports it, and fails the queue if no worker is left to run it. */
	#lose(slot: Slot<Api>, error: unknown): void {
		if (slot.dead) return;
		slot.dead = true;
		slot.endpoint.terminate();
		this.#slots = this.#slots.filter((s) => s !== slot);
		this.#mayGrow = false;
		this.#onLost(new WorkerLostError(error));
		// Jobs no worker left may take fail (the next submitted job spawns afresh).
		const ordinary = this.#slots.some((s) => !s.reserved);
		const reserved = this.#slots.some((s) => s.reserved);
		const stranded = (job: Job<Api>) => !ordinary && !(reserved && this.#urgent(job.priority));
		const lost = this.#queue.filter(stranded);
		this.#queue = this.#queue.filter((job) => !stranded(job));
		for (const job of lost) job.reject(new WorkerLostError(error));
	}

	/** Ends every worker; queued jobs resolve to null. */
	dispose(): void {
		this.#disposed = true;
		for (const job of this.#queue.splice(0)) job.resolve(null);
		for (const slot of this.#slots) slot.endpoint.terminate();
		this.#slots = [];
	}
}
