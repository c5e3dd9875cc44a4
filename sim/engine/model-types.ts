/**
 * The model's options and what a run reports (its summary, weekly series by town and the trace of
 * one household's issues), apart from the stepping in model.ts.
 */
import type { County } from '../county/build-county';
import type { Levers, Mode } from './modes';
import type { GroupSummary } from './outputs';
import type { Parameters } from './parameters';

export interface ModelOptions {
	seed?: number;
	/** Replicate index: its random streams are independent of every other replicate's. */
	replicate?: number;
	mode?: Mode;
	levers?: Partial<Levers>;
	params?: Partial<Parameters>;
	weeks?: number;
	/** Fraction of the full county (1 = ≈64k households). Ignored when `county` is given. */
	scale?: number;
	/** A prebuilt county structure (replicates can share one). */
	county?: County;
	/** Household index whose issues are traced step by step (see `trace`). */
	traceHousehold?: number;
}

/** One step in the life of a traced household's issue. */
export interface TraceEvent {
	week: number;
	/** The household's issue number, from 1. */
	issue: number;
	kind: 'raised' | 'found' | 'settled' | 'queued' | 'handled' | 'handoff' | 'handoff-failed' | 'closed' | 'abandoned';
	/** Level handling it: 0 village, 1 town, 2 county. */
	level?: number;
	/** Channel that found it: 0 self-report, 1 online, 2 liaison. */
	channel?: number;
	departments?: number;
	/** Issues ahead of it in its queue when it joined. */
	ahead?: number;
	/** Week a hand-off wait ends. */
	until?: number;
	solved?: boolean;
	satisfied?: boolean;
}

/** Weekly series by town (for the sandbox's small multiples), town-major. */
export interface TownSeries {
	/** The order index of the town's own expected escalations (same scale as the county's). */
	orderIndex: Float64Array;
	/** Share of the town's households that are red (连心户) at the latest review. */
	redShare: Float64Array;
}

export interface RunSummary {
	mode: Mode;
	levers: Levers;
	weeks: number;
	households: number;
	county: GroupSummary;
	byTown: GroupSummary[];
	byType: GroupSummary[];
	/** Single-department and cross-department issues. */
	byDepartments: { single: GroupSummary; cross: GroupSummary };
	/** Largest minus smallest satisfaction and median days to close across household types. */
	equityGap: { satisfaction: number; daysMedian: number };
	totals: {
		raised: number;
		/** Issues that reached government or a liaison, by channel: self-report, online, liaison. */
		discoveredBy: { self: number; online: number; liaison: number };
		resolvedLocally: number;
		abandoned: number;
		escalations: number;
		hours: number;
		cost: number;
	};
	means: { orderIndex: number; vitalityIndex: number; trust: number; participation: number; efficiency: number };
	final: { trust: number; vitalityIndex: number; orderIndex: number; green: number; yellow: number; red: number };
}
