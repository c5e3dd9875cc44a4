import { COST_ITEMS, weekCost, type WeekCost } from '../cost';
import type { Act, Observer } from '../events';
import type { HandlingWeek } from '../mechanisms/capacity';
import { WEEKS_PER_YEAR } from '../mechanisms/coproduction';
import { orderIndex } from '../mechanisms/order';
import type { LiaisonPeriod } from '../mechanisms/participation';
import type { ReviewReport } from '../mechanisms/review';
import { HANDOFF, LATENT, QUEUED } from '../issue-pool';
import { histogramQuantileDays, WEEKLY_METRICS, type WeeklySeries } from '../outputs';
import type { World } from '../world';

/** Weekly series by town (for the sandbox's small multiples), town-major: town t's week k at t × weeks + k. */
export interface TownSeries {
	/** Order index of the town's escalations of the last 52 weeks (same scale as the county's). */
	orderIndex: Float64Array;
	/** Share of the town's households that are red (连心户) at the latest review. */
	redShare: Float64Array;
}

/** The state of the week the recorder reads besides the events. */
export interface WeekState {
	review: ReviewReport;
	liaisons: LiaisonPeriod;
	hours: HandlingWeek;
}

/**
 * The weekly series, recorded from the model's events and, at the end of each week, from the
 * state the mechanisms left (the last review, the liaison period, the week's hours). Week k of a
 * series is the run's week k from its origin (a history start: from the end of the history).
 */
export class WeeklyRecorder implements Observer {
	readonly series: WeeklySeries;
	readonly townSeries: TownSeries;
	/** Cost of the run so far, by item (yuan). */
	readonly cost: WeekCost = { cadres: 0, bonus: 0, allowances: 0, volunteerTime: 0, platform: 0, offices: 0, total: 0 };
	volunteerHours = 0;
	/** Received since the start and, of them, closed (the closure rate); closed this week. */
	#received = 0;
	#closedOfReceived = 0;
	#closed = 0;
	#satisfied = 0;
	#settled = 0;
	readonly #weeksToClose: Float64Array;
	readonly #townHouseholds: number[];
	/** Escalations of the last 52 weeks, county and by town (running sums). */
	#windowCounty = 0;
	readonly #windowTown: Float64Array;
	/** Weeks of the series (the run's horizon) and the world's week of their first. */
	readonly #weeks: number;
	readonly #origin: number;

	/** Starts recording at the world's current week, its origin. */
	constructor(w: World) {
		const { county } = w;
		const weeks = w.weeks - w.origin;
		this.#weeks = weeks;
		this.#origin = w.origin;
		this.series = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, new Float64Array(weeks)])) as WeeklySeries;
		const towns = county.towns.length;
		this.townSeries = { orderIndex: new Float64Array(towns * weeks), redShare: new Float64Array(towns * weeks) };
		this.#townHouseholds = county.towns.map((_, t) => county.villages.filter((v) => v.town === t).reduce((a, v) => a + v.households, 0));
		this.#windowTown = new Float64Array(towns);
		this.#weeksToClose = new Float64Array(w.weeks + 1);
		// The order window holds the escalations of the 52 weeks before the origin (the history's last year).
		const byTown = w.escalations.byTown;
		for (let k = Math.max(0, w.origin - WEEKS_PER_YEAR); k < w.origin; k++) {
			for (let t = 0; t < towns; t++) {
				this.#windowTown[t] += byTown[k * towns + t];
				this.#windowCounty += byTown[k * towns + t];
			}
		}
	}

	raised(w: World): void {
		this.series.raised[w.week - this.#origin]++;
	}
	found(w: World): void {
		this.series.discovered[w.week - this.#origin]++;
	}
	settled(w: World): void {
		this.series.resolvedLocally[w.week - this.#origin]++;
		this.#settled++;
	}
	queued(w: World): void {
		this.series.received[w.week - this.#origin]++;
		this.#received++;
	}
	closed(w: World, id: number, _solved: boolean, satisfied: boolean, weeks: number): void {
		this.series.closed[w.week - this.#origin]++;
		this.#closed++;
		if (w.issues.received[id] >= this.#origin) this.#closedOfReceived++;
		if (satisfied) this.#satisfied++;
		this.#weeksToClose[weeks]++;
	}
	abandoned(w: World): void {
		this.series.abandoned[w.week - this.#origin]++;
	}
	coProduced(_w: World, act: Act, count: number, week: number): void {
		const k = week - this.#origin;
		if (k >= 0 && k < this.#weeks) this.series[act][k] += count;
	}
	escalations(w: World, byTown: ArrayLike<number>): void {
		let total = 0;
		for (let t = 0; t < byTown.length; t++) total += byTown[t];
		this.series.escalations[w.week - this.#origin] = total;
	}

	/** Writes the week's row and resets the week's counters. */
	endWeek(w: World, state: WeekState): void {
		const s = this.series;
		const k = w.week - this.#origin;
		const weeks = this.#weeks;
		const { p, capacity, issues } = w;
		s.latent[k] = issues.live[LATENT];
		s.backlog[k] = issues.live[QUEUED] + issues.live[HANDOFF];
		s.closureRate[k] = this.#received ? this.#closedOfReceived / this.#received : NaN;
		s.daysMedian[k] = histogramQuantileDays(this.#weeksToClose, 0.5);
		s.daysP90[k] = histogramQuantileDays(this.#weeksToClose, 0.9);
		s.satisfaction[k] = this.#closed ? this.#satisfied / this.#closed : NaN;
		this.#orderWindow(w);
		s.trust[k] = state.review.trustSum / w.n;
		s.vitalityIndex[k] = state.review.active / w.n;
		s.liaisonsActive[k] = w.liaisons.count ? state.liaisons.active / w.liaisons.count : 0;
		[s.green[k], s.yellow[k], s.red[k]] = state.review.colourCounts;
		const towns = this.#townHouseholds.length;
		for (let t = 0; t < towns; t++) this.townSeries.redShare[t * weeks + k] = state.review.redByTown[t] / this.#townHouseholds[t];
		const h = state.hours;
		s.hoursCases[k] = h.work;
		s.hoursTravel[k] = h.travel;
		s.hoursPaperwork[k] = capacity.paperwork;
		s.hoursCoordination[k] = capacity.coordination;
		s.hoursPetitions[k] = h.petitions;
		s.hoursIdle[k] = Math.max(0, h.available - h.work - h.travel);
		const L = w.liaisons;
		const volunteer =
			state.liaisons.visitsPerWeek * p.visitHours + ((state.liaisons.consultations * L.weight) / p.reviewWeeks) * p.consultHours + this.#settled * p.mediationHours;
		s.volunteerHours[k] = volunteer;
		this.volunteerHours += volunteer;
		const cost = weekCost(w, state.liaisons.active * L.weight, volunteer);
		for (const item of [...COST_ITEMS, 'total'] as const) this.cost[item] += cost[item];
		s.cost[k] = cost.total;
		s.efficiency[k] = capacity.total > 0 ? (this.#closed / capacity.total) * 100 : NaN;
		this.#closed = this.#satisfied = this.#settled = 0;
		this.#weeksToClose.fill(0);
	}


	/**
	 * Order index of the last 52 weeks' escalations (those so far in the world's first year). The
	 * window runs over the world's weeks: from a history start, it holds the history's last weeks
	 * until the run has a year of its own.
	 */
	#orderWindow(w: World): void {
		const k = w.week;
		const row = k - this.#origin;
		const towns = this.#townHouseholds.length;
		const byTown = w.escalations.byTown;
		const old = k - WEEKS_PER_YEAR;
		const span = Math.min(k + 1, WEEKS_PER_YEAR);
		for (let t = 0; t < towns; t++) {
			const add = byTown[k * towns + t] - (old >= 0 ? byTown[old * towns + t] : 0);
			this.#windowTown[t] += add;
			this.#windowCounty += add;
			this.townSeries.orderIndex[t * this.#weeks + row] = orderIndex(w.p, this.#windowTown[t], this.#townHouseholds[t], span);
		}
		this.series.orderIndex[row] = orderIndex(w.p, this.#windowCounty, w.n, span);
	}
}
