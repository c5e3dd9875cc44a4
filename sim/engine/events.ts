import type { World } from './world';

/** Who settled a minor issue locally: an active liaison, or the village committee's mediators. */
export type Settler = 'liaison' | 'committee';

/** Ways a household takes part in co-production (the vitality outcome). */
export const ACTS = ['reported', 'mediated', 'consulted'] as const;
export type Act = (typeof ACTS)[number];

export interface Closure {
	solved: boolean;
	satisfied: boolean;
	/** Whole weeks from the week the issue reached government to its closure. */
	weeks: number;
}

/**
 * What happens in a run, as the mechanisms emit it. Tallies, the weekly series and the trace of
 * one household are observers of these events: they never reach into the mechanisms. Issue
 * events come before the slot is freed, so an observer may read its columns.
 */
export interface ModelEvents {
	raised(w: World, id: number): void;
	/** Reached government or a liaison; the channel is in `issues.channel`. */
	found(w: World, id: number): void;
	settled(w: World, id: number, by: Settler): void;
	/** Joined a queue for the first time; the level is in `issues.level`. */
	queued(w: World, id: number, ahead: number): void;
	handled(w: World, id: number): void;
	handoff(w: World, id: number): void;
	handoffFailed(w: World, id: number, ahead: number): void;
	closed(w: World, id: number, closure: Closure): void;
	abandoned(w: World, id: number): void;
	/** A household took part in co-production in `week` (a review's acts belong to the week its period starts). */
	coProduced(w: World, household: number, act: Act, week: number): void;
	/** The week's escalations, by town and by household type. */
	escalations(w: World, byTown: ArrayLike<number>, byType: ArrayLike<number>): void;
}

export type Observer = Partial<ModelEvents>;

const EVENT_NAMES = ['raised', 'found', 'settled', 'queued', 'handled', 'handoff', 'handoffFailed', 'closed', 'abandoned', 'coProduced', 'escalations'] as const satisfies readonly (keyof ModelEvents)[];

/** One set of event handlers that calls every observer that listens to each event, in order. */
export function broadcast(observers: readonly Observer[]): ModelEvents {
	const noop = () => {};
	const out: Record<string, (...args: never[]) => void> = {};
	for (const name of EVENT_NAMES) {
		const fs = observers.flatMap((o) => {
			const f = o[name] as ((...args: never[]) => void) | undefined;
			return f ? [f.bind(o)] : [];
		});
		out[name] = fs.length === 0 ? noop : fs.length === 1 ? fs[0] : (...args: never[]) => fs.forEach((f) => f(...args));
	}
	return out as unknown as ModelEvents;
}
