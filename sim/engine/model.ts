import { buildCounty } from '../county/build-county';
import { discovery } from './mechanisms/discovery';
import { handoffsFor, releaseHandoffs, startHandoff } from './mechanisms/barriers';
import { handleQueues, hoursNeeded, routeLevel, setupCapacity } from './mechanisms/capacity';
import { feedback, isSolved } from './mechanisms/feedback';
import { needs, scheduleNextIssue } from './mechanisms/needs';
import { drawEscalations, householdReview, orderIndex, REVIEW_WEEKS, type HouseholdWeek } from './mechanisms/order';
import { settlesLocally, updateParticipation } from './mechanisms/participation';
import { outMigration } from './mechanisms/urbanization';
import { BY_LIAISON, HANDOFF, LATENT, QUEUED, IssuePool } from './issue-pool';
import { modeSpec, type Mode } from './modes';
import {
	GroupTally,
	histogramQuantileDays,
	MAX_WEEKS_TO_CLOSE,
	summarizeGroup,
	WEEKLY_METRICS,
	WeekCounters,
	type GroupSummary,
	type WeeklySeries
} from './outputs';
import { defaultParameters, parameterProblems } from './parameters';
import { makeStreams, Queue, TOWN, VILLAGE, type World } from './world';
import type { ModelOptions, RunSummary, TownSeries, TraceEvent } from './model-types';

/** The seed of the county structure shared with the dashboard's dataset. */
export const COUNTY_SEED = 20160801;
export const DEFAULT_WEEKS = 260;

export type { ModelOptions, RunSummary, TownSeries, TraceEvent } from './model-types';

/**
 * The agent-based county model (SPEC §3). Stepping is synchronous: `step()` advances one week,
 * `run()` to the horizon; scheduling, progress and cancellation belong to the caller.
 */
export class Model {
	readonly world: World;
	readonly series: WeeklySeries;
	/** Weekly values by town, town-major: town t's week k is at t × weeks + k. */
	readonly townSeries: TownSeries;
	readonly mode: Mode;
	readonly #townHouseholds: number[];
	readonly #town: GroupTally[];
	readonly #type: GroupTally[];
	readonly #all = new GroupTally();
	/** Issues needing one department, and two or more (cross-department). */
	readonly #depts = [new GroupTally(), new GroupTally()];
	readonly #hw: HouseholdWeek;
	#totals = { resolvedLocally: 0, abandoned: 0, closed: 0, received: 0 };
	readonly #byChannel = [0, 0, 0];
	/** Events of the traced household's issues, in order. */
	readonly trace: TraceEvent[] = [];
	readonly #traced: number;
	readonly #traceNumber = new Map<number, number>();

	constructor(options: ModelOptions = {}) {
		const problems = parameterProblems(options.params ?? {});
		if (problems.length) throw new RangeError(problems.join('; '));
		const weeks = options.weeks ?? DEFAULT_WEEKS;
		if (!Number.isInteger(weeks) || weeks < 1 || weeks > 2600) throw new RangeError(`weeks must be an integer in [1, 2600], got ${weeks}`);
		this.mode = options.mode ?? 'multi';
		this.#traced = options.traceHousehold ?? -1;
		const spec = modeSpec(this.mode, options.levers);
		for (const [k, v] of Object.entries(spec.levers)) {
			if (!(v >= 0 && v <= 1)) throw new RangeError(`lever ${k} must be in [0, 1], got ${v}`);
		}
		const county = options.county ?? buildCounty({ seed: COUNTY_SEED, scale: options.scale ?? 1 });
		const n = county.households.count;
		const p = { ...defaultParameters(), ...options.params };
		this.world = {
			week: 0,
			weeks,
			p,
			spec,
			county,
			rng: makeStreams(options.seed ?? 1, options.replicate ?? 0),
			n,
			type: county.households.type.slice(),
			trust: new Float32Array(n),
			grievance: new Float32Array(n),
			lastSolved: new Uint8Array(n),
			openIssues: new Uint8Array(n),
			colour: new Uint8Array(n),
			calendarHead: new Int32Array(weeks).fill(-1),
			calendarNext: new Int32Array(n).fill(-1),
			villageTrust: new Float32Array(county.villages.length),
			villageActivity: new Float32Array(county.villages.length),
			villageCoverage: new Float32Array(county.villages.length),
			villageMigrated: new Int32Array(county.villages.length),
			villageLiaisons: new Int32Array(county.villages.length),
			issues: new IssuePool(Math.max(1024, n >> 3)),
			latent: [],
			handoffs: [],
			queues: { village: county.towns.map(() => new Queue()), town: county.towns.map(() => new Queue()), county: new Queue() },
			capacity: { village: new Float64Array(0), town: new Float64Array(0), county: 0, paperwork: 0 },
			counters: new WeekCounters()
		};
		const w = this.world;
		for (const l of county.liaisons) w.villageLiaisons[l.village]++;
		// Initial trust varies around its mean (uniform ± 0.2), drawn from the feedback stream.
		for (let h = 0; h < n; h++) {
			w.trust[h] = Math.min(1, Math.max(0, p.initialTrust + (w.rng.feedback.next() - 0.5) * 0.4));
			scheduleNextIssue(w, h, -1);
		}
		setupCapacity(w);
		this.series = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, new Float64Array(weeks)])) as WeeklySeries;
		this.#town = county.towns.map(() => new GroupTally());
		this.#type = [0, 1, 2, 3].map(() => new GroupTally());
		const towns = county.towns.length;
		this.#hw = { trustSum: 0, colourCounts: [0, 0, 0], hazardByTown: new Float64Array(towns), hazardByType: new Float64Array(4), redByTown: new Float64Array(towns) };
		this.townSeries = { orderIndex: new Float64Array(towns * weeks), redShare: new Float64Array(towns * weeks) };
		this.#townHouseholds = county.towns.map((_, t) => county.villages.filter((v) => v.town === t).reduce((a, v) => a + v.households, 0));
		householdReview(w, this.#hw);
		updateParticipation(w);
	}

	get done(): boolean {
		return this.world.week >= this.world.weeks;
	}

	/** Advances one week: needs → discovery → hand-offs → handling → feedback → households. */
	step(): void {
		const w = this.world;
		if (this.done) return;
		const c = w.counters;
		c.reset();

		outMigration(w);
		needs(w, (id) => {
			for (const t of this.#groups(id)) t.raised++;
			if (w.issues.household[id] === this.#traced) {
				this.#traceNumber.set(id, this.trace.filter((e) => e.kind === 'raised').length + 1);
				this.#log(id, 'raised', { departments: w.issues.depts[id] });
			}
		});
		discovery(
			w,
			(id) => this.#receive(id),
			(id) => {
				c.abandoned++;
				this.#log(id, 'abandoned');
				this.#end(id);
			}
		);
		releaseHandoffs(
			w,
			(id) => {
				this.#log(id, 'handoff-failed', { ahead: this.#queueOf(id).length });
				this.#queueOf(id).push(id);
			},
			(id) => this.#close(id)
		);
		const { used, available } = handleQueues(w, (id) => {
			this.#log(id, 'handled', { level: w.issues.level[id] });
			if (w.issues.handoffsLeft[id] > 0) {
				startHandoff(w, id);
				this.#log(id, 'handoff', { until: w.issues.release[id] });
			} else this.#close(id);
		});

		if ((w.week + 1) % REVIEW_WEEKS === 0) {
			householdReview(w, this.#hw);
			updateParticipation(w);
		}
		const esc = drawEscalations(w, this.#hw);
		esc.byTown.forEach((k, t) => (this.#town[t].escalations += k));
		esc.byType.forEach((k, t) => (this.#type[t].escalations += k));
		const escalations = esc.byTown.reduce((a, b) => a + b, 0);
		this.#all.escalations += escalations;
		this.#record(escalations, used, available);
		w.week++;
	}

	/** Runs to the horizon (or `weeks` more weeks). */
	run(weeks = this.world.weeks - this.world.week): this {
		for (let k = 0; k < weeks && !this.done; k++) this.step();
		return this;
	}

	#queueOf(id: number): Queue {
		const w = this.world;
		const h = w.issues.household[id];
		const level = w.issues.level[id];
		if (level === VILLAGE) return w.queues.village[w.county.households.town[h]];
		if (level === TOWN) return w.queues.town[w.county.households.town[h]];
		return w.queues.county;
	}

	#receive(id: number): void {
		const w = this.world;
		const is = w.issues;
		const h = is.household[id];
		this.#byChannel[is.channel[id]]++;
		this.#log(id, 'found', { channel: is.channel[id] });
		if (is.channel[id] === BY_LIAISON && settlesLocally(w, id)) {
			this.#log(id, 'settled');
			w.counters.resolvedLocally++;
			this.#totals.resolvedLocally++;
			feedback(w, h, true, w.week - is.raised[id]);
			this.#end(id);
			return;
		}
		const level = routeLevel(w, id);
		is.level[id] = level;
		is.received[id] = w.week;
		const { work, travel } = hoursNeeded(w, id, level);
		is.workLeft[id] = work + travel;
		w.counters.hoursTravel += travel;
		is.handoffsLeft[id] = handoffsFor(w, id);
		is.setState(id, QUEUED);
		w.counters.received++;
		this.#totals.received++;
		for (const t of this.#groups(id)) t.received++;
		this.#log(id, 'queued', { level, ahead: this.#queueOf(id).length });
		this.#queueOf(id).push(id);
	}

	#close(id: number): void {
		const w = this.world;
		const is = w.issues;
		const h = is.household[id];
		const weeksTaken = w.week - is.received[id];
		const solved = isSolved(w, is.failures[id]);
		const satisfied = feedback(w, h, solved, weeksTaken);
		this.#log(id, 'closed', { solved, satisfied });
		const bin = Math.min(MAX_WEEKS_TO_CLOSE, weeksTaken);
		w.counters.closed++;
		w.counters.satisfied += satisfied ? 1 : 0;
		w.counters.weeksToClose[bin]++;
		this.#totals.closed++;
		for (const t of this.#groups(id)) {
			t.closed++;
			t.satisfied += satisfied ? 1 : 0;
			t.solved += solved ? 1 : 0;
			t.weeksToClose[bin]++;
		}
		this.#end(id);
	}

	/** Records a step of an issue if it belongs to the traced household. */
	#log(id: number, kind: TraceEvent['kind'], extra: Partial<TraceEvent> = {}): void {
		if (this.#traced < 0 || this.world.issues.household[id] !== this.#traced) return;
		this.trace.push({ week: this.world.week, issue: this.#traceNumber.get(id) ?? 0, kind, ...extra });
		if (kind === 'closed' || kind === 'settled' || kind === 'abandoned') this.#traceNumber.delete(id);
	}

	/** The tallies an issue counts in: the county, its town, its household's type, its departments. */
	#groups(id: number): GroupTally[] {
		const w = this.world;
		const h = w.issues.household[id];
		return [this.#all, this.#town[w.county.households.town[h]], this.#type[w.type[h]], this.#depts[w.issues.depts[id] > 1 ? 1 : 0]];
	}

	#end(id: number): void {
		const w = this.world;
		const h = w.issues.household[id];
		w.openIssues[h] = Math.max(0, w.openIssues[h] - 1);
		w.issues.remove(id);
	}

	#record(escalations: number, used: number, available: number): void {
		const w = this.world;
		const c = w.counters;
		const s = this.series;
		const k = w.week;
		this.#totals.abandoned += c.abandoned;
		s.raised[k] = c.raised;
		s.discovered[k] = c.discovered;
		s.received[k] = c.received;
		s.closed[k] = c.closed;
		s.resolvedLocally[k] = c.resolvedLocally;
		s.abandoned[k] = c.abandoned;
		s.latent[k] = w.issues.live[LATENT];
		s.backlog[k] = w.issues.live[QUEUED] + w.issues.live[HANDOFF];
		s.closureRate[k] = this.#totals.received ? this.#totals.closed / this.#totals.received : NaN;
		s.daysMedian[k] = histogramQuantileDays(c.weeksToClose, 0.5);
		s.daysP90[k] = histogramQuantileDays(c.weeksToClose, 0.9);
		s.satisfaction[k] = c.closed ? c.satisfied / c.closed : NaN;
		s.escalations[k] = escalations;
		s.orderIndex[k] = orderIndex(this.#hw.hazardByTown.reduce((a, b) => a + b, 0), w.n);
		s.trust[k] = this.#hw.trustSum / w.n;
		let activity = 0;
		for (let v = 0; v < w.county.villages.length; v++) activity += w.villageActivity[v] * w.county.villages[v].households;
		s.participation[k] = activity / w.n;
		s.vitalityIndex[k] = 0.5 * s.trust[k] + 0.5 * s.participation[k];
		[s.green[k], s.yellow[k], s.red[k]] = this.#hw.colourCounts;
		for (let t = 0; t < this.#townHouseholds.length; t++) {
			const at = t * w.weeks + k;
			this.townSeries.orderIndex[at] = orderIndex(this.#hw.hazardByTown[t], this.#townHouseholds[t]);
			this.townSeries.redShare[at] = this.#hw.redByTown[t] / this.#townHouseholds[t];
		}
		// Hours spent on cases this week; of which travel is what the week's new issues will need.
		s.hoursCases[k] = used;
		s.hoursTravel[k] = c.hoursTravel;
		s.hoursPaperwork[k] = w.capacity.paperwork;
		s.hoursIdle[k] = Math.max(0, available - used);
		const hours = available + w.capacity.paperwork;
		s.cost[k] = hours * w.p.hourCost;
		s.efficiency[k] = (c.closed / hours) * 100;
	}

	/** The run's summary (so far, if not run to the horizon). */
	summary(): RunSummary {
		const w = this.world;
		const years = Math.max(1, w.week) / 52;
		const townHouseholds = this.#townHouseholds;
		const typeHouseholds = [0, 1, 2, 3].map((t) => w.type.reduce((a, x) => a + (x === t ? 1 : 0), 0));
		const byType = this.#type.map((t, i) => summarizeGroup(t, typeHouseholds[i], years));
		const valid = byType.filter((g) => g.closed > 0);
		const spread = (f: (g: GroupSummary) => number) => Math.max(...valid.map(f)) - Math.min(...valid.map(f));
		const mean = (a: Float64Array) => {
			let s = 0;
			for (let i = 0; i < w.week; i++) s += a[i];
			return w.week ? s / w.week : NaN;
		};
		const last = Math.max(0, w.week - 1);
		let cost = 0;
		for (let i = 0; i < w.week; i++) cost += this.series.cost[i];
		const hours = cost / w.p.hourCost;
		return {
			mode: this.mode,
			levers: w.spec.levers,
			weeks: w.week,
			households: w.n,
			county: summarizeGroup(this.#all, w.n, years),
			byTown: this.#town.map((t, i) => summarizeGroup(t, townHouseholds[i], years)),
			byType,
			byDepartments: { single: summarizeGroup(this.#depts[0], w.n, years), cross: summarizeGroup(this.#depts[1], w.n, years) },
			equityGap: { satisfaction: spread((g) => g.satisfaction), daysMedian: spread((g) => g.daysMedian) },
			totals: {
				raised: this.#all.raised,
				discoveredBy: { self: this.#byChannel[0], online: this.#byChannel[1], liaison: this.#byChannel[2] },
				resolvedLocally: this.#totals.resolvedLocally,
				abandoned: this.#totals.abandoned,
				escalations: this.#all.escalations,
				hours,
				cost
			},
			means: {
				orderIndex: mean(this.series.orderIndex),
				vitalityIndex: mean(this.series.vitalityIndex),
				trust: mean(this.series.trust),
				participation: mean(this.series.participation),
				efficiency: hours ? (this.#all.closed / hours) * 100 : NaN
			},
			final: {
				trust: this.series.trust[last],
				vitalityIndex: this.series.vitalityIndex[last],
				orderIndex: this.series.orderIndex[last],
				green: this.series.green[last],
				yellow: this.series.yellow[last],
				red: this.series.red[last]
			}
		};
	}

	/**
	 * Checks that every issue ever raised is in exactly one state: latent, queued, in a hand-off,
	 * or ended (closed, settled locally, abandoned). Returns a message when the counts disagree.
	 */
	conservationError(): string | null {
		const w = this.world;
		const live = w.issues.live[LATENT] + w.issues.live[QUEUED] + w.issues.live[HANDOFF];
		const ended = this.#totals.closed + this.#totals.resolvedLocally + this.#totals.abandoned;
		if (live + ended !== this.#all.raised) return `raised ${this.#all.raised} ≠ live ${live} + ended ${ended}`;
		if (w.latent.length !== w.issues.live[LATENT]) return `latent list ${w.latent.length} ≠ ${w.issues.live[LATENT]}`;
		if (w.handoffs.length !== w.issues.live[HANDOFF]) return `hand-off list ${w.handoffs.length} ≠ ${w.issues.live[HANDOFF]}`;
		const queued = w.queues.village.reduce((s, q) => s + q.length, 0) + w.queues.town.reduce((s, q) => s + q.length, 0) + w.queues.county.length;
		if (queued !== w.issues.live[QUEUED]) return `queues hold ${queued} ≠ ${w.issues.live[QUEUED]} queued`;
		return null;
	}
}
