import type { Observer, Settler } from '../events';
import { GroupTally } from '../outputs';
import { TYPES, type World } from '../world';

/**
 * Tallies of issues and escalations by group — the county, each town, each household type, and
 * single- versus cross-department issues — counted from the model's events. An issue counts in
 * the household type its household has when the event happens; each group also accumulates the
 * household-weeks spent in it, the denominator of its per-household rates. They count the run's
 * weeks, from its origin (a history start: from the end of the history).
 */
export class GroupTallies implements Observer {
	readonly all: GroupTally;
	readonly town: GroupTally[];
	readonly type: GroupTally[];
	/** Issues needing one department, and two or more (cross-department). */
	readonly depts: [GroupTally, GroupTally];
	/** Issues found, by channel (issue-pool.ts: self-report, online, liaison). */
	readonly byChannel = [0, 0, 0];
	readonly settledBy: Record<Settler, number> = { liaison: 0, committee: 0 };
	abandonedCount = 0;
	readonly #townHouseholds: number[];

	constructor(w: World) {
		const { county } = w;
		const tally = () => new GroupTally(w.weeks);
		this.all = tally();
		this.depts = [tally(), tally()];
		this.town = county.towns.map(tally);
		this.type = Array.from({ length: TYPES }, tally);
		this.#townHouseholds = county.towns.map((_, t) => county.villages.filter((v) => v.town === t).reduce((a, v) => a + v.households, 0));
	}

	/** The four groups an issue counts in (no array per event: this runs for every issue). */
	#town(w: World, id: number): GroupTally {
		return this.town[w.county.households.town[w.issues.household[id]]];
	}
	#type(w: World, id: number): GroupTally {
		return this.type[w.type[w.issues.household[id]]];
	}
	#depts(w: World, id: number): GroupTally {
		return this.depts[w.issues.depts[id] > 1 ? 1 : 0];
	}

	raised(w: World, id: number): void {
		this.all.raised++;
		this.#town(w, id).raised++;
		this.#type(w, id).raised++;
		this.#depts(w, id).raised++;
	}

	found(w: World, id: number): void {
		this.byChannel[w.issues.channel[id]]++;
		this.all.found++;
		this.#town(w, id).found++;
		this.#type(w, id).found++;
		this.#depts(w, id).found++;
	}

	settled(_w: World, _id: number, by: Settler): void {
		this.settledBy[by]++;
	}

	queued(w: World, id: number): void {
		this.all.received++;
		this.#town(w, id).received++;
		this.#type(w, id).received++;
		this.#depts(w, id).received++;
	}

	closed(w: World, id: number, solved: boolean, satisfied: boolean, weeks: number): void {
		const ofReceived = w.issues.received[id] >= w.origin;
		close(this.all, solved, satisfied, weeks, ofReceived);
		close(this.#town(w, id), solved, satisfied, weeks, ofReceived);
		close(this.#type(w, id), solved, satisfied, weeks, ofReceived);
		close(this.#depts(w, id), solved, satisfied, weeks, ofReceived);
	}

	abandoned(): void {
		this.abandonedCount++;
	}

	escalations(_w: World, byTown: ArrayLike<number>, byType: ArrayLike<number>): void {
		for (let t = 0; t < byTown.length; t++) {
			this.town[t].escalations += byTown[t];
			this.all.escalations += byTown[t];
		}
		for (let k = 0; k < byType.length; k++) this.type[k].escalations += byType[k];
	}

	/** Adds the week's household-weeks to every group. */
	endWeek(w: World): void {
		this.all.householdWeeks += w.n;
		this.depts[0].householdWeeks += w.n;
		this.depts[1].householdWeeks += w.n;
		this.#townHouseholds.forEach((n, t) => (this.town[t].householdWeeks += n));
		for (let k = 0; k < TYPES; k++) this.type[k].householdWeeks += w.typeCounts[k];
	}
}

function close(g: GroupTally, solved: boolean, satisfied: boolean, bin: number, ofReceived: boolean): void {
	g.closed++;
	if (ofReceived) g.closedOfReceived++;
	if (satisfied) g.satisfied++;
	if (solved) g.solved++;
	g.weeksToClose[bin]++;
}
