/** Issue states. Terminal outcomes free the slot and are only counted. */
export const FREE = 0;
export const LATENT = 1;
export const QUEUED = 2;
export const HANDOFF = 3;

/** How an issue reached government (or a liaison): the household itself in person, online or by hotline, or a liaison's visit. */
export const BY_SELF = 0;
export const BY_ONLINE = 1;
export const BY_LIAISON = 2;

const COLUMNS = ['household', 'state', 'serial', 'attempts', 'depts', 'minor', 'level', 'channel', 'raised', 'received', 'release', 'handoffsLeft', 'failures', 'protracted', 'workLeft', 'travelLeft'] as const;
type Column = (typeof COLUMNS)[number];

/** An issue pool as plain data (copies of its columns, its free list and live counts): what a history start restores. */
export type IssuePoolState = { [K in Column]: IssuePool[K] } & { free: Int32Array; live: Int32Array };

/** Open issues as columns in a growable pool with a free list; ids are slot indices. */
export class IssuePool {
	size = 0;
	household = new Int32Array(0);
	state = new Uint8Array(0);
	/** The issue's number among its household's issues (the key of its random draws). */
	serial = new Uint16Array(0);
	/** Hand-offs started so far (the key of each hand-off's draws). */
	attempts = new Uint8Array(0);
	depts = new Uint8Array(0);
	minor = new Uint8Array(0);
	level = new Uint8Array(0);
	channel = new Uint8Array(0);
	raised = new Int32Array(0);
	received = new Int32Array(0);
	release = new Int32Array(0);
	handoffsLeft = new Uint8Array(0);
	failures = new Uint8Array(0);
	/** Needs a decision from outside the county's handling (funds, approval) before it can close: one more, long wait. */
	protracted = new Uint8Array(0);
	workLeft = new Float32Array(0);
	/** Of `workLeft`, the hours of travel still to do (spent first). */
	travelLeft = new Float32Array(0);
	#free: number[] = [];
	/** Live issues by state, kept for conservation checks. */
	live = new Int32Array(4);

	constructor(capacity = 4096) {
		this.#grow(capacity);
	}

	#grow(capacity: number): void {
		const grow = <T extends Int32Array | Uint8Array | Uint16Array | Float32Array>(a: T, make: (n: number) => T): T => {
			const b = make(capacity);
			b.set(a);
			return b;
		};
		this.household = grow(this.household, (n) => new Int32Array(n));
		this.state = grow(this.state, (n) => new Uint8Array(n));
		this.serial = grow(this.serial, (n) => new Uint16Array(n));
		this.attempts = grow(this.attempts, (n) => new Uint8Array(n));
		this.depts = grow(this.depts, (n) => new Uint8Array(n));
		this.minor = grow(this.minor, (n) => new Uint8Array(n));
		this.level = grow(this.level, (n) => new Uint8Array(n));
		this.channel = grow(this.channel, (n) => new Uint8Array(n));
		this.raised = grow(this.raised, (n) => new Int32Array(n));
		this.received = grow(this.received, (n) => new Int32Array(n));
		this.release = grow(this.release, (n) => new Int32Array(n));
		this.handoffsLeft = grow(this.handoffsLeft, (n) => new Uint8Array(n));
		this.failures = grow(this.failures, (n) => new Uint8Array(n));
		this.protracted = grow(this.protracted, (n) => new Uint8Array(n));
		this.workLeft = grow(this.workLeft, (n) => new Float32Array(n));
		this.travelLeft = grow(this.travelLeft, (n) => new Float32Array(n));
		for (let i = capacity - 1; i >= this.size; i--) this.#free.push(i);
		this.size = capacity;
	}

	/** A fresh latent issue's id. */
	add(): number {
		if (this.#free.length === 0) this.#grow(this.size * 2);
		const id = this.#free.pop()!;
		this.state[id] = LATENT;
		this.live[LATENT]++;
		this.failures[id] = 0;
		this.protracted[id] = 0;
		this.attempts[id] = 0;
		this.received[id] = -1;
		return id;
	}

	setState(id: number, state: number): void {
		this.live[this.state[id]]--;
		this.state[id] = state;
		this.live[state]++;
	}

	/** A copy of the pool as plain data. */
	snapshot(): IssuePoolState {
		const columns = Object.fromEntries(COLUMNS.map((c) => [c, this[c].slice()])) as { [K in Column]: IssuePool[K] };
		return { ...columns, free: Int32Array.from(this.#free), live: this.live.slice() };
	}

	/** A pool in the state `s` describes (copied: `s` can be restored again). */
	static restore(s: IssuePoolState): IssuePool {
		const pool = new IssuePool(0);
		for (const c of COLUMNS) (pool[c] as IssuePool[Column]) = s[c].slice();
		pool.size = s.household.length;
		pool.#free = Array.from(s.free);
		pool.live = s.live.slice();
		return pool;
	}

	/** Ends an issue: its slot is reused. */
	remove(id: number): void {
		this.setState(id, FREE);
		this.#free.push(id);
	}
}
