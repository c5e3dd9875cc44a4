import type { County } from '../county/build-county';
import { Xoshiro128 } from '../random/xoshiro128';
import type { ModeSpec } from './modes';
import type { Parameters } from './parameters';
import { IssuePool } from './issue-pool';
import { WeekCounters } from './outputs';

/** Household types (index into HOUSEHOLD_TYPES): working, migrant, elderly, vulnerable. */
export const WORKING = 0;
export const MIGRANT = 1;
export const ELDERLY = 2;
export const VULNERABLE = 3;

/** Levels where issues are handled. */
export const VILLAGE = 0;
export const TOWN = 1;
export const COUNTY = 2;

/** Independent random streams, one per mechanism, so that scenarios compared with the same
 * seed share the draws of every mechanism they have in common (common random numbers). */
export interface Streams {
	needs: Xoshiro128;
	discovery: Xoshiro128;
	handling: Xoshiro128;
	feedback: Xoshiro128;
	order: Xoshiro128;
	migration: Xoshiro128;
}

/** A FIFO queue of issue ids. */
export class Queue {
	items: number[] = [];
	head = 0;
	get length(): number {
		return this.items.length - this.head;
	}
	push(id: number): void {
		this.items.push(id);
	}
	peek(): number {
		return this.items[this.head];
	}
	shift(): number {
		const id = this.items[this.head++];
		if (this.head > 1024 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return id;
	}
}

/** The whole mutable state of one run. Households are columns addressed by index. */
export interface World {
	week: number;
	weeks: number;
	p: Parameters;
	spec: ModeSpec;
	county: County;
	rng: Streams;
	/** Households. `type` is a copy: out-migration changes it. */
	n: number;
	type: Uint8Array;
	trust: Float32Array;
	grievance: Float32Array;
	lastSolved: Uint8Array;
	openIssues: Uint8Array;
	colour: Uint8Array;
	/** Event calendar: first household due in a week, then a chain through `calendarNext`. */
	calendarHead: Int32Array;
	calendarNext: Int32Array;
	/** Per village: mean trust, active-liaison share, coverage factor, out-migrated households. */
	villageTrust: Float32Array;
	villageActivity: Float32Array;
	villageCoverage: Float32Array;
	villageMigrated: Int32Array;
	villageLiaisons: Int32Array;
	issues: IssuePool;
	latent: number[];
	handoffs: number[];
	/** Handling queues: village level (one per town's stationed cadres), town, county. */
	queues: { village: Queue[]; town: Queue[]; county: Queue };
	/** Capacity in cadre-hours a week per queue (village and town: by town), fixed for the run. */
	capacity: { village: Float64Array; town: Float64Array; county: number; paperwork: number };
	counters: WeekCounters;
}

export function makeStreams(seed: number, replicate: number): Streams {
	// Stream k of replicate r is xoshiro128** jumped r·8 + k times from the seed.
	const s = (k: number) => Xoshiro128.stream(seed, replicate * 8 + k);
	return { needs: s(0), discovery: s(1), handling: s(2), feedback: s(3), order: s(4), migration: s(5) };
}
