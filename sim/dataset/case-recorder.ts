/**
 * The case recorder: an observer of the history run (sim/engine/history.ts) that writes down, for
 * each issue a ledger records, what the dataset's case records need. The ledgers record
 *
 * - every issue that reaches government at county or town level (`queued` there) in the record
 *   period, Aug 2016 – Dec 2021 (RECORD_PERIOD): the cases the published totals count;
 * - from Jan 2018 (ledgers at three levels), the village ledger: issues the village committee's
 *   mediators or a liaison settle on the spot (`settled`), and those the stationed cadres handle
 *   at village level (`queued` there, which the model allows from the 2019 integration pilot).
 *
 * Per case: the run's replicate, the household and its issue number (the model's identity of the
 * issue, the key of every draw the generator makes for the case), level, departments needed,
 * channel, whether it was routed above the lowest level its departments allow, the weeks it was
 * received, handled (the last time its work was done: re-work after a failed hand-off moves it)
 * and closed, its hand-offs and failed hand-offs up to the end of the record period (the
 * dataset's as-of date), and whether it was solved and the household satisfied. Issue columns are read during the events, before the model frees the slot.
 */
import type { Observer, Settler } from '../engine/events';
import { RECORD_PERIOD, historyWeek } from '../engine/history';
import { COUNTY, VILLAGE, type World } from '../engine/world';

/** First week of the village ledger (ledgers at three levels from Jan 2018). */
export const VILLAGE_LEDGER_WEEK = historyWeek('2018-01-01');

/** Cases as growable columns; record i is entry i of each. Weeks are weeks of the history; −1 where the case never got there in the run. */
export class RecordedCases {
	count = 0;
	replicate = new Uint8Array(0);
	household = new Int32Array(0);
	/** The household's type when the case was received (world.ts: WORKING … VULNERABLE; out-migration changes it). */
	type = new Uint8Array(0);
	serial = new Uint16Array(0);
	/** World's levels: VILLAGE, TOWN, COUNTY. */
	level = new Uint8Array(0);
	depts = new Uint8Array(0);
	/** issue-pool.ts: BY_SELF, BY_ONLINE, BY_LIAISON. */
	channel = new Uint8Array(0);
	/** A two-department issue the model sent to the county's departments because the town's queue looked slower. */
	routedUp = new Uint8Array(0);
	received = new Int16Array(0);
	handled = new Int16Array(0);
	closed = new Int16Array(0);
	handoffs = new Uint8Array(0);
	failures = new Uint8Array(0);
	solved = new Uint8Array(0);
	satisfied = new Uint8Array(0);

	add(): number {
		if (this.count === this.level.length) this.#grow(Math.max(4096, this.count * 2));
		return this.count++;
	}

	#grow(n: number): void {
		for (const key of ['replicate', 'household', 'type', 'serial', 'level', 'depts', 'channel', 'routedUp', 'received', 'handled', 'closed', 'handoffs', 'failures', 'solved', 'satisfied'] as const) {
			const old = this[key];
			const next = new (old.constructor as new (n: number) => typeof old)(n);
			next.set(old);
			(this as Record<typeof key, typeof old>)[key] = next;
		}
	}
}

/**
 * Records the ledgers' cases of one or more history runs (replicates) into one pool. Call
 * `startReplicate` before each run it observes.
 */
export class CaseRecorder implements Observer {
	readonly cases = new RecordedCases();
	#replicate = 0;
	/** The record of each open issue slot of the current run, −1 for issues no ledger records. */
	#slot = new Int32Array(0);

	startReplicate(replicate: number): void {
		this.#replicate = replicate;
		this.#slot.fill(-1);
	}

	#open(w: World, id: number, level: number): number {
		const c = this.cases;
		const is = w.issues;
		const r = c.add();
		c.replicate[r] = this.#replicate;
		c.household[r] = is.household[id];
		c.type[r] = w.type[is.household[id]];
		c.serial[r] = is.serial[id];
		c.level[r] = level;
		c.depts[r] = is.depts[id];
		c.channel[r] = is.channel[id];
		c.routedUp[r] = level === COUNTY && is.depts[id] === 2 ? 1 : 0;
		c.received[r] = is.received[id];
		c.handled[r] = -1;
		c.closed[r] = -1;
		c.handoffs[r] = 0;
		c.failures[r] = 0;
		c.solved[r] = 0;
		c.satisfied[r] = 0;
		return r;
	}

	queued(w: World, id: number): void {
		if (id >= this.#slot.length) {
			const grown = new Int32Array(Math.max(w.issues.size, id + 1)).fill(-1);
			grown.set(this.#slot);
			this.#slot = grown;
		}
		const level = w.issues.level[id];
		const received = w.issues.received[id];
		const from = level === VILLAGE ? VILLAGE_LEDGER_WEEK : RECORD_PERIOD.from;
		this.#slot[id] = received >= from && received < RECORD_PERIOD.to ? this.#open(w, id, level) : -1;
	}

	settled(w: World, id: number, _by: Settler): void {
		if (w.week < VILLAGE_LEDGER_WEEK || w.week >= RECORD_PERIOD.to) return;
		const r = this.#open(w, id, VILLAGE);
		const c = this.cases;
		// Settled on the spot, in front of the household: solved, and the household satisfied (feedback.ts, learn with no wait).
		c.handled[r] = c.closed[r] = w.week;
		c.solved[r] = c.satisfied[r] = 1;
	}

	#record(id: number): number {
		return id < this.#slot.length ? this.#slot[id] : -1;
	}

	handled(w: World, id: number): void {
		const r = this.#record(id);
		if (r >= 0) this.cases.handled[r] = w.week;
	}

	// Hand-offs and failures are counted as the ledger stood at the end of the record period (the dataset's as-of date).
	handoff(w: World, id: number): void {
		const r = this.#record(id);
		if (r >= 0 && w.week < RECORD_PERIOD.to && this.cases.handoffs[r] < 255) this.cases.handoffs[r]++;
	}

	handoffFailed(w: World, id: number): void {
		const r = this.#record(id);
		if (r >= 0 && w.week < RECORD_PERIOD.to && this.cases.failures[r] < 255) this.cases.failures[r]++;
	}

	closed(w: World, id: number, solved: boolean, satisfied: boolean): void {
		const r = this.#record(id);
		if (r < 0) return;
		this.#slot[id] = -1;
		const c = this.cases;
		c.closed[r] = w.week;
		c.solved[r] = solved ? 1 : 0;
		c.satisfied[r] = satisfied ? 1 : 0;
	}
}
