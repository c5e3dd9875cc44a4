/**
 * Where a run starts (MODEL.md §5). From zero: a county with no grievance, uniform trust and no
 * open issue. From the county's history: the county as the history (history.ts) left it at its
 * end, mid-2022 — trust, grievance, colours, household types after out-migration, liaison posts,
 * open issues and queues, escalation hazards — with the run's own parameters applied over the
 * whole history.
 *
 * The state the history leaves is plain data (`HistoryState`: typed arrays and numbers, which a
 * Web Worker can post and transfer), so that it can be computed once and reused: two scenarios
 * with the same seed, replicate, county and parameters have the same history exactly (common
 * random numbers), whatever their structure and levers.
 */
import type { County } from '../county/build-county';
import { Xoshiro128 } from '../random/xoshiro128';
import type { ModelEvents } from './events';
import { IssuePool, type IssuePoolState } from './issue-pool';
import { roadHoursFromCountySeat, setupCapacity } from './mechanisms/capacity';
import { WEEKS_PER_YEAR } from './mechanisms/coproduction';
import type { LiaisonPeriod } from './mechanisms/participation';
import type { ReviewReport } from './mechanisms/review';
import type { ModeSpec } from './modes';
import { PARAMETER_NAMES, type Parameters } from './parameters';
import { liaisonPosts, Queue, TYPES, type Streams, type World } from './world';

/** Where a run starts: from zero, or from the county as its history left it (mid-2022). */
export type Start = 'zero' | 'history';
export const STARTS = ['zero', 'history'] as const satisfies readonly Start[];

/** A queue as plain data: the issues waiting in it, in order, and their hours of work. */
export interface QueueState {
	items: Int32Array;
	hours: number;
}

/** The state of the world at the end of the history, as plain data. */
export interface HistoryState {
	/** What the history depends on: a state is reused only by runs with the same. */
	seed: number;
	replicate: number;
	households: number;
	params: Parameters;
	/** The week the history ended: the origin of the runs that start from it. */
	week: number;
	/** Structure and levers at the end of the history. */
	spec: ModeSpec;
	type: Uint8Array;
	typeCounts: Int32Array;
	trust: Float32Array;
	grievance: Float32Array;
	lastSolved: Uint8Array;
	openIssues: Uint8Array;
	knownIssues: Uint8Array;
	issueCount: Uint16Array;
	colour: Uint8Array;
	lastActive: Int32Array;
	/** Calendar of next issues, for as many weeks after the history as a run may have (model.ts MAX_WEEKS). */
	calendarHead: Int32Array;
	calendarNext: Int32Array;
	villageTrust: Float32Array;
	villagePresence: Float32Array;
	/** Liaison posts (those of the county where the structure has liaisons): filled, active, and households' chance of a visit. */
	liaisons: { filled: Uint8Array; active: Uint8Array; visitChance: Float32Array };
	issues: IssuePoolState;
	latent: Int32Array;
	handoffs: Int32Array;
	queues: { village: QueueState[]; town: QueueState[]; county: QueueState };
	escalationState: { accumulated: Float64Array; threshold: Float64Array; count: Uint16Array };
	/** Escalations drawn by week (from the history's week 0), by town and by household type: the last review's reach past the end. */
	escalations: { byTown: Int32Array; byType: Int32Array };
	/** The out-migration stream's state (the other streams are keyed). */
	migration: Uint32Array;
	/** The last household review and liaison period (the outputs read them until the next review). */
	review: ReviewReport;
	liaisonPeriod: LiaisonPeriod;
}

/** What the history depends on besides the county: the key a cache of history states uses. */
export function historyKey(o: { seed: number; replicate: number; households: number; params: Parameters }): string {
	return `${o.seed}|${o.replicate}|${o.households}|${PARAMETER_NAMES.map((k) => o.params[k]).join(',')}`;
}

/** Why a history state cannot start a run with these settings (null: it can). */
export function historyMismatch(s: HistoryState, o: { seed: number; replicate: number; households: number; params: Parameters }): string | null {
	if (s.seed !== o.seed || s.replicate !== o.replicate) return `the history state is of seed ${s.seed} replicate ${s.replicate}, the run of seed ${o.seed} replicate ${o.replicate}`;
	if (s.households !== o.households) return `the history state has ${s.households} households, the run's county ${o.households}`;
	const differ = PARAMETER_NAMES.filter((k) => s.params[k] !== o.params[k]);
	if (differ.length) return `the history state was run with other parameters (${differ.join(', ')})`;
	return null;
}

const queueState = (q: Queue): QueueState => ({ items: Int32Array.from(q.items.slice(q.head)), hours: q.hours });

/** A copy of the world at the end of the history (with the last review and liaison period). */
export function captureHistory(w: World, o: { seed: number; replicate: number; review: ReviewReport; liaisons: LiaisonPeriod }): HistoryState {
	return {
		seed: o.seed,
		replicate: o.replicate,
		households: w.n,
		params: { ...w.p },
		week: w.week,
		spec: { structure: { ...w.spec.structure }, levers: { ...w.spec.levers } },
		type: w.type.slice(),
		typeCounts: w.typeCounts.slice(),
		trust: w.trust.slice(),
		grievance: w.grievance.slice(),
		lastSolved: w.lastSolved.slice(),
		openIssues: w.openIssues.slice(),
		knownIssues: w.knownIssues.slice(),
		issueCount: w.issueCount.slice(),
		colour: w.colour.slice(),
		lastActive: w.coproduction.lastActive.slice(),
		calendarHead: w.calendarHead.slice(),
		calendarNext: w.calendarNext.slice(),
		villageTrust: w.villageTrust.slice(),
		villagePresence: w.villagePresence.slice(),
		liaisons: { filled: w.liaisons.filled.slice(), active: w.liaisons.active.slice(), visitChance: w.liaisons.visitChance.slice() },
		issues: w.issues.snapshot(),
		latent: Int32Array.from(w.latent),
		handoffs: Int32Array.from(w.handoffs),
		queues: { village: w.queues.village.map(queueState), town: w.queues.town.map(queueState), county: queueState(w.queues.county) },
		escalationState: { accumulated: w.escalationState.accumulated.slice(), threshold: w.escalationState.threshold.slice(), count: w.escalationState.count.slice() },
		escalations: { byTown: w.escalations.byTown.slice(), byType: w.escalations.byType.slice() },
		migration: w.rng.migration.state(),
		review: { ...o.review, colourCounts: [...o.review.colourCounts], redByTown: o.review.redByTown.slice() },
		liaisonPeriod: { ...o.liaisons }
	};
}

/** The typed arrays of a history state (each with a buffer of its own: a worker can transfer them). */
function arraysOf(s: HistoryState): ArrayBufferView[] {
	const out: ArrayBufferView[] = [];
	const visit = (v: unknown) => {
		if (ArrayBuffer.isView(v)) out.push(v);
		else if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object') Object.values(v).forEach(visit);
	};
	visit(s);
	return out;
}

/** Bytes of a history state's arrays (what a cache of them holds). */
export function historyBytes(s: HistoryState): number {
	return arraysOf(s).reduce((sum, a) => sum + a.byteLength, 0);
}

/** The buffers of a history state's arrays, to transfer it from a worker instead of copying it. */
export function historyBuffers(s: HistoryState): ArrayBuffer[] {
	return arraysOf(s).map((a) => a.buffer as ArrayBuffer);
}

/**
 * The world of a run that starts where the history ended (its origin) and runs to week `weeks`
 * (origin + horizon), in the history's structure and levers (the caller applies the run's own).
 * Everything is copied: the state can start other runs. Runs count their years from the origin:
 * nobody has taken part in co-production in a run-year yet, but the weekly vitality series still
 * counts the 52 weeks before each review.
 */
export function restoreWorld(s: HistoryState, o: { county: County; p: Parameters; weeks: number; rng: Streams; events: ModelEvents; scale: number }): World {
	const { county } = o;
	const n = county.households.count;
	const towns = county.towns.length;
	if (o.weeks > s.calendarHead.length) throw new RangeError(`a run from the history may last ${s.calendarHead.length - s.week} weeks, not ${o.weeks - s.week}`);
	const years = Math.ceil((o.weeks - s.week) / WEEKS_PER_YEAR);
	const liaisons = liaisonPosts(county, s.spec.structure.liaisons);
	if (liaisons.count) {
		liaisons.filled.set(s.liaisons.filled);
		liaisons.active.set(s.liaisons.active);
	}
	liaisons.visitChance.set(s.liaisons.visitChance);
	const byTown = new Int32Array(o.weeks * towns);
	byTown.set(s.escalations.byTown.subarray(0, byTown.length));
	const byType = new Int32Array(o.weeks * TYPES);
	byType.set(s.escalations.byType.subarray(0, byType.length));
	const w: World = {
		week: s.week,
		origin: s.week,
		weeks: o.weeks,
		p: o.p,
		spec: { structure: { ...s.spec.structure }, levers: { ...s.spec.levers } },
		county,
		scale: o.scale,
		rng: { ...o.rng, migration: new Xoshiro128(s.migration) },
		events: o.events,
		n,
		type: s.type.slice(),
		typeCounts: s.typeCounts.slice(),
		trust: s.trust.slice(),
		grievance: s.grievance.slice(),
		lastSolved: s.lastSolved.slice(),
		openIssues: s.openIssues.slice(),
		knownIssues: s.knownIssues.slice(),
		issueCount: s.issueCount.slice(),
		colour: s.colour.slice(),
		coproduction: {
			lastActive: s.lastActive.slice(),
			year: new Int16Array(n).fill(-1),
			activeByYear: new Float64Array(years),
			consultYear: new Int16Array(n).fill(-1),
			consultedByYear: new Float64Array(years)
		},
		calendarHead: s.calendarHead.slice(0, o.weeks),
		calendarNext: s.calendarNext.slice(),
		villageTrust: s.villageTrust.slice(),
		villagePresence: s.villagePresence.slice(),
		liaisons,
		issues: IssuePool.restore(s.issues),
		latent: Array.from(s.latent),
		spare: [],
		found: [],
		handoffs: Array.from(s.handoffs),
		queues: { village: [], town: [], county: new Queue() },
		villageQueue: new Int32Array(county.villages.length),
		villageQueueTown: new Int32Array(0),
		townQueue: new Int32Array(towns),
		roadHours: roadHoursFromCountySeat(county.towns, o.p),
		capacity: { total: 0, village: new Float64Array(0), town: new Float64Array(0), county: 0, paperwork: 0, coordination: 0 },
		escalationState: { accumulated: s.escalationState.accumulated.slice(), threshold: s.escalationState.threshold.slice(), count: s.escalationState.count.slice() },
		escalations: { byTown, byType }
	};
	// The same queues as the history's (they follow from the county and its scale), holding what they held.
	setupCapacity(w);
	if (w.queues.village.length !== s.queues.village.length || w.queues.town.length !== s.queues.town.length) throw new RangeError('the history state was run on another county');
	const fill = (q: Queue, from: QueueState) => {
		q.items = Array.from(from.items);
		q.head = 0;
		q.hours = from.hours;
	};
	w.queues.village.forEach((q, k) => fill(q, s.queues.village[k]));
	w.queues.town.forEach((q, k) => fill(q, s.queues.town[k]));
	fill(w.queues.county, s.queues.county);
	return w;
}
