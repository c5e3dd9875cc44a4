import type { County } from '../county/build-county';
import { Xoshiro128 } from '../random/xoshiro128';
import type { ModelEvents } from './events';
import { IssuePool } from './issue-pool';
import type { ModeSpec } from './modes';
import type { Parameters } from './parameters';

/** Household types (index into HOUSEHOLD_TYPES): working, migrant, elderly, vulnerable. */
export const WORKING = 0;
export const MIGRANT = 1;
export const ELDERLY = 2;
export const VULNERABLE = 3;
export const TYPES = 4;

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
	participation: Xoshiro128;
}

/** A FIFO queue of issue ids that keeps the cadre hours of work waiting in it. */
export class Queue {
	items: number[] = [];
	head = 0;
	/** Hours of work left on the issues in the queue. */
	hours = 0;
	get length(): number {
		return this.items.length - this.head;
	}
	push(id: number, hours: number): void {
		this.items.push(id);
		this.hours += hours;
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

/** Liaison posts of the "321" model (one per published liaison), as columns. */
export interface LiaisonPosts {
	count: number;
	/**
	 * The published liaisons per post at this scale (1 at full scale). A reduced county keeps at
	 * least one post per village, so it has more posts per household than the real one; each post's
	 * visits and cost count for this much, keeping a preview's per-household outcomes those of the county.
	 */
	weight: number;
	village: Int32Array;
	/** Households linked to each post: `members` from `first[l]`, `load[l]` of them. */
	first: Int32Array;
	load: Int32Array;
	members: Int32Array;
	/** Post held by someone living in the village (a liaison who migrates leaves it vacant). */
	filled: Uint8Array;
	/** Active since the last review. */
	active: Uint8Array;
	/** Expected household visits a week of each active post (targeted visits included). */
	visits: Float32Array;
	/** Yellow and red households linked to each post at the last review. */
	yellow: Int32Array;
	red: Int32Array;
}

/** Co-production by households (the vitality outcome): who took part, when. */
export interface CoProduction {
	/** Last week each household took part (reported, had a dispute mediated, attended a consultation). */
	lastActive: Int32Array;
	/** Last run-year in which each household took part (−1: never). */
	year: Int16Array;
	/** Households that took part at least once, by run-year. */
	activeByYear: Float64Array;
}

/** The whole mutable state of one run. Households are columns addressed by index. */
export interface World {
	week: number;
	weeks: number;
	p: Parameters;
	spec: ModeSpec;
	county: County;
	/** Households in the run divided by the published count (1 at full scale). */
	scale: number;
	rng: Streams;
	events: ModelEvents;
	/** Households. `type` is a copy: out-migration changes it. */
	n: number;
	type: Uint8Array;
	typeCounts: Int32Array;
	trust: Float32Array;
	grievance: Float32Array;
	lastSolved: Uint8Array;
	openIssues: Uint8Array;
	colour: Uint8Array;
	coproduction: CoProduction;
	/** Event calendar: first household due in a week, then a chain through `calendarNext`. */
	calendarHead: Int32Array;
	calendarNext: Int32Array;
	/** Per village: mean trust and share of households with working-age members at home (last review). */
	villageTrust: Float32Array;
	villagePresence: Float32Array;
	liaisons: LiaisonPosts;
	issues: IssuePool;
	latent: number[];
	handoffs: number[];
	/** Handling queues: village level (stationed cadres; see `villageQueue`), town, county. */
	queues: { village: Queue[]; town: Queue[]; county: Queue };
	/** The village-level queue of each village. */
	villageQueue: Int32Array;
	/** Cadre hours a week, fixed for the run: per queue, and what paperwork and coordination take. */
	capacity: { total: number; village: Float64Array; town: Float64Array; county: number; paperwork: number; coordination: number };
	/** Escalations drawn for each week, by town (week-major: week k's town t at k × towns + t) and by household type. */
	escalations: { byTown: Int32Array; byType: Int32Array };
}

export function makeStreams(seed: number, replicate: number): Streams {
	// Stream k of replicate r is xoshiro128** jumped r·8 + k times from the seed.
	const s = (k: number) => Xoshiro128.stream(seed, replicate * 8 + k);
	return { needs: s(0), discovery: s(1), handling: s(2), feedback: s(3), order: s(4), migration: s(5), participation: s(6) };
}
