import type { County } from '../county/build-county';
import { PUBLISHED } from '../county/published';
import { KeyedUniform } from '../random/keyed';
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

/**
 * Independent random streams, one per mechanism. All but migration are keyed (counter-based):
 * a draw is named by what it is for — household h's issue number k in week t, liaison post l at
 * review r — so two scenarios compared with the same seed draw the same number for the same event
 * however differently they ran before it (common random numbers). Migration, which no other
 * mechanism affects, is one sequence.
 */
export interface Streams {
	needs: KeyedUniform;
	discovery: KeyedUniform;
	handling: KeyedUniform;
	feedback: KeyedUniform;
	order: KeyedUniform;
	participation: KeyedUniform;
	migration: Xoshiro128;
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
		this.compact();
		return id;
	}
	/** Drops the consumed front of the array once it is most of it. */
	compact(): void {
		if (this.head > 1024 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
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
	/** Each household's weekly chance of a visit from its liaison until the next review (0 without an active one). */
	visitChance: Float32Array;
}

/** Co-production by households (the vitality outcome): who took part, when. */
export interface CoProduction {
	/** Last week each household took part (reported, had a dispute mediated, attended a consultation). */
	lastActive: Int32Array;
	/** Last run-year in which each household took part (−1: never in the run). Run-years count from the origin. */
	year: Int16Array;
	/** Households that took part at least once, by run-year. */
	activeByYear: Float64Array;
	/** The same for consultations alone (invited participation): last run-year each household attended one, and counts by year. */
	consultYear: Int16Array;
	consultedByYear: Float64Array;
}

/** The whole mutable state of one run. Households are columns addressed by index. */
export interface World {
	/** The week being run, counted from the start of the world (of the history, for a history start: model.ts). */
	week: number;
	/** The week the run's outputs count from: 0, or the end of the history for a history start. Weekly series, years and the summary count from it. */
	origin: number;
	/** The week the run ends (origin + horizon): the calendar and escalation arrays have this many weeks. */
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
	/** Issues open (latent, queued or in a hand-off), and of them those government knows about. */
	openIssues: Uint8Array;
	knownIssues: Uint8Array;
	/** Issues each household has raised so far: the next one's number (its draws' key). */
	issueCount: Uint16Array;
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
	/** Scratch lists of discovery: next week's latent issues, this week's found ones. */
	spare: number[];
	found: number[];
	handoffs: number[];
	/** Handling queues: village level (stationed cadres; see `villageQueue`), town, county. */
	queues: { village: Queue[]; town: Queue[]; county: Queue };
	/** The village-level queue of each village, the town each village queue belongs to, and the town-level queue of each town. */
	villageQueue: Int32Array;
	villageQueueTown: Int32Array;
	townQueue: Int32Array;
	/** Hours of a county cadre's round trip by road to each town (capacity.ts). */
	roadHours: Float64Array;
	/** Cadre hours a week, fixed for the run: per queue, and what paperwork and coordination take. */
	capacity: { total: number; village: Float64Array; town: Float64Array; county: number; paperwork: number; coordination: number };
	/** Per household: escalation hazard accumulated since its last escalation, the threshold of the next, escalations so far. */
	escalationState: { accumulated: Float64Array; threshold: Float64Array; count: Uint16Array };
	/** Escalations drawn for each week, by town (week-major: week k's town t at k × towns + t) and by household type. */
	escalations: { byTown: Int32Array; byType: Int32Array };
}

export function makeStreams(seed: number, replicate: number): Streams {
	// Stream k of replicate r comes from xoshiro128** jumped r·8 + k times from the seed.
	const keyed = (k: number) => KeyedUniform.stream(seed, replicate * 8 + k);
	return {
		needs: keyed(0),
		discovery: keyed(1),
		handling: keyed(2),
		feedback: keyed(3),
		order: keyed(4),
		participation: keyed(6),
		migration: Xoshiro128.stream(seed, replicate * 8 + 5)
	};
}

/** The liaison posts: one per published liaison, all filled, with the households linked to each (none where the structure has no liaisons). */
export function liaisonPosts(county: County, exist: boolean): LiaisonPosts {
	const count = exist ? county.liaisons.length : 0;
	const load = new Int32Array(count);
	const link = county.households.liaison;
	if (exist) for (let h = 0; h < link.length; h++) load[link[h]]++;
	const first = new Int32Array(count);
	for (let l = 1; l < count; l++) first[l] = first[l - 1] + load[l - 1];
	const members = new Int32Array(exist ? link.length : 0);
	const fill = first.slice();
	if (exist) for (let h = 0; h < link.length; h++) members[fill[link[h]]++] = h;
	const published = PUBLISHED.liaisons.value * (link.length / PUBLISHED.households.value);
	return {
		count,
		weight: count ? Math.min(1, published / count) : 1,
		village: Int32Array.from(exist ? county.liaisons : [], (l) => l.village),
		first,
		load,
		members,
		filled: new Uint8Array(count).fill(1),
		active: new Uint8Array(count),
		visitChance: new Float32Array(link.length)
	};
}
