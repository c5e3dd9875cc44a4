import type { Observer, Settler } from '../events';
import type { World } from '../world';

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
	/** Who settled it on the spot. */
	by?: Settler;
}

/** Follows one household's issues step by step ("follow a case"), from the model's events. */
export class Trace implements Observer {
	readonly events: TraceEvent[] = [];
	readonly #household: number;
	readonly #number = new Map<number, number>();
	#raised = 0;

	constructor(household: number) {
		this.#household = household;
	}

	#log(w: World, id: number, kind: TraceEvent['kind'], extra: Partial<TraceEvent> = {}): void {
		if (w.issues.household[id] !== this.#household) return;
		if (kind === 'raised') this.#number.set(id, ++this.#raised);
		this.events.push({ week: w.week, issue: this.#number.get(id) ?? 0, kind, ...extra });
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
		this.#log(w, id, 'handoff', { until: w.issues.release[id] });
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

