import type { Observer, Settler } from '../events';
import { FREE, HANDOFF, LATENT } from '../issue-pool';
import type { World } from '../world';

/** One step in the life of a traced household's issue. */
export interface TraceEvent {
	/** The run's week (from its origin). */
	week: number;
	/** The household's issue number in the run, from 1 (issues open at the start first). */
	issue: number;
	/** `carried`: already open when the run starts (a history start), in the state `open` says, raised `since` weeks before. */
	kind: 'carried' | 'raised' | 'found' | 'settled' | 'queued' | 'handled' | 'handoff' | 'handoff-failed' | 'closed' | 'abandoned';
	open?: 'latent' | 'queued' | 'handoff';
	since?: number;
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
	/** Who settled it on the spot. */
	by?: Settler;
}

/** Follows one household's issues step by step ("follow a case"), from the model's events. */
export class Trace implements Observer {
	readonly events: TraceEvent[] = [];
	readonly #household: number;
	readonly #number = new Map<number, number>();
	#raised = 0;

	readonly #origin: number;

	/**
	 * Starts following at the world's current week, its origin: the household's issues already
	 * open then (a history start) are numbered first, in the order they were raised.
	 */
	constructor(household: number, w: World) {
		this.#household = household;
		this.#origin = w.origin;
		const is = w.issues;
		const open: number[] = [];
		for (let id = 0; id < is.size; id++) if (is.state[id] !== FREE && is.household[id] === household) open.push(id);
		open.sort((a, b) => is.serial[a] - is.serial[b]);
		for (const id of open) {
			this.#number.set(id, ++this.#raised);
			const state = is.state[id] === LATENT ? 'latent' : is.state[id] === HANDOFF ? 'handoff' : 'queued';
			const extra = state === 'latent' ? {} : { level: is.level[id], channel: is.channel[id] };
			this.events.push({ week: 0, issue: this.#raised, kind: 'carried', open: state, since: w.week - is.raised[id], departments: is.depts[id], ...extra });
		}
	}

	#log(w: World, id: number, kind: TraceEvent['kind'], extra: Partial<TraceEvent> = {}): void {
		if (w.issues.household[id] !== this.#household) return;
		if (kind === 'raised') this.#number.set(id, ++this.#raised);
		this.events.push({ week: w.week - this.#origin, issue: this.#number.get(id) ?? 0, kind, ...extra });
		if (kind === 'closed' || kind === 'settled' || kind === 'abandoned') this.#number.delete(id);
	}

	raised(w: World, id: number): void {
		this.#log(w, id, 'raised', { departments: w.issues.depts[id] });
	}
	found(w: World, id: number): void {
		this.#log(w, id, 'found', { channel: w.issues.channel[id] });
	}
	settled(w: World, id: number, by: Settler): void {
		this.#log(w, id, 'settled', { by });
	}
	queued(w: World, id: number, ahead: number): void {
		this.#log(w, id, 'queued', { level: w.issues.level[id], ahead });
	}
	handled(w: World, id: number): void {
		this.#log(w, id, 'handled', { level: w.issues.level[id] });
	}
	handoff(w: World, id: number): void {
		this.#log(w, id, 'handoff', { until: w.issues.release[id] - this.#origin });
	}
	handoffFailed(w: World, id: number, ahead: number): void {
		this.#log(w, id, 'handoff-failed', { ahead });
	}
	closed(w: World, id: number, solved: boolean, satisfied: boolean): void {
		this.#log(w, id, 'closed', { solved, satisfied });
	}
	abandoned(w: World, id: number): void {
		this.#log(w, id, 'abandoned');
	}
}

