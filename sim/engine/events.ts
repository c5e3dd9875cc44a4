import type { World } from './world';

/** Who settled a minor issue locally: an active liaison, or the village committee's mediators. */
export type Settler = 'liaison' | 'committee';

/** Ways a household takes part in co-production (the vitality outcome). */
export const ACTS = ['reported', 'mediated', 'consulted'] as const;
export type Act = (typeof ACTS)[number];


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
	/** Closed, solved or not, the household satisfied or not, `weeks` whole weeks after it reached government. */
	closed(w: World, id: number, solved: boolean, satisfied: boolean, weeks: number): void;
	abandoned(w: World, id: number): void;
	/** `count` households took part in co-production in `week` (a review's acts belong to the week its period starts). */
	coProduced(w: World, act: Act, count: number, week: number): void;
	/** The week's escalations, by town and by household type. */
	escalations(w: World, byTown: ArrayLike<number>, byType: ArrayLike<number>): void;
}

export type Observer = Partial<ModelEvents>;

const EVENT_NAMES = ['raised', 'found', 'settled', 'queued', 'handled', 'handoff', 'handoffFailed', 'closed', 'abandoned', 'coProduced', 'escalations'] as const satisfies readonly (keyof ModelEvents)[];

/**
 * One set of event handlers that calls every observer that listens to each event, in order.
 * Handlers take at most five arguments, passed on by name: a rest parameter would allocate an
 * array for every event of a run.
 */
export function broadcast(observers: readonly Observer[]): ModelEvents {
	type Handler = (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown) => void;
	const noop = () => {};
	const out: Record<string, Handler> = {};
	for (const name of EVENT_NAMES) {
		const fs = observers.flatMap((o) => {
			const f = o[name] as Handler | undefined;
			return f ? [f.bind(o)] : [];
		});
		out[name] =
			fs.length === 0
				? noop
				: fs.length === 1
					? fs[0]
					: (a, b, c, d, e) => {
							for (let i = 0; i < fs.length; i++) fs[i](a, b, c, d, e);
						};
	}
	return out as unknown as ModelEvents;
}
