import { buildCounty, type County } from '../county/build-county';
import { COUNTY_SEED, PUBLISHED } from '../county/published';
import { broadcast } from './events';
import { HANDOFF, IssuePool, LATENT, QUEUED } from './issue-pool';
import { releaseHandoffs, startHandoff } from './mechanisms/barriers';
import { enqueue, handleQueues, roadHoursFromCountySeat, setCapacity, setupCapacity, type HandlingWeek } from './mechanisms/capacity';
import { WEEKS_PER_YEAR } from './mechanisms/coproduction';
import { discovery } from './mechanisms/discovery';
import { closeIssue } from './mechanisms/feedback';
import { intake } from './mechanisms/intake';
import { needs, scheduleNextIssue } from './mechanisms/needs';
import { escalationsThisWeek, orderIndex, unitExponential } from './mechanisms/order';
import { liaisonReview, type LiaisonPeriod } from './mechanisms/participation';
import { householdReview, type ReviewReport } from './mechanisms/review';
import { outMigration } from './mechanisms/urbanization';
import { resolveSpec, type Mode, type ModeSpec } from './modes';
import { GroupTallies } from './observers/tallies';
import { Trace, type TraceEvent } from './observers/trace';
import { WeeklyRecorder, type TownSeries } from './observers/weekly';
import { summarizeGroup, type GroupSummary, type WeeklySeries } from './outputs';
import { defaultParameters, parameterProblems, type Parameters } from './parameters';
import { historyOptions } from './history';
import { captureHistory, historyMismatch, restoreWorld, type HistoryState } from './start';
import { liaisonPosts, makeStreams, Queue, TYPES, type Streams, type World } from './world';
import type { HistoryOptions, ModelOptions, RunSummary, TimelineStep } from './model-types';

/** The seed of the county structure shared with the dashboard's dataset. */
export { COUNTY_SEED } from '../county/published';
export const DEFAULT_WEEKS = 260;
/** The longest horizon a run accepts (fifty years). */
export const MAX_WEEKS = 2600;
/** The smallest county a run accepts: about 500 households, two or three a village. */
export const MIN_SCALE = 1 / 128;

export type { HistoryOptions, ModelOptions, RunSummary, TimelineStep } from './model-types';
export type { HistoryState, Start } from './start';
export type { TraceEvent } from './observers/trace';
export type { TownSeries } from './observers/weekly';

/** Marks the model's own run of the history (Model.historyRun): no outputs, a calendar long enough for any run after it. */
const HISTORY_RUN: unique symbol = Symbol('history run');

/** What a run records (none for a run of the history itself). */
interface Outputs {
	tallies: GroupTallies;
	recorder: WeeklyRecorder;
	trace: Trace | null;
}

/**
 * The agent-based county model (SPEC §3). Stepping is synchronous: `step()` advances one week,
 * `run()` to the horizon; scheduling, progress and cancellation belong to the caller. The
 * mechanisms (mechanisms/) change the world and emit what happened; tallies, the weekly series
 * and the trace (observers/) listen.
 *
 * A run starts from zero (the default) or from the county's history (`start: 'history'`, MODEL.md
 * §5): the world then begins where the history ended, its origin, and the outputs count the run's
 * weeks from there.
 */
export class Model {
	readonly world: World;
	readonly mode: Mode;
	readonly #out: Outputs | null;
	readonly #seed: number;
	readonly #replicate: number;
	#review: ReviewReport;
	#liaisons: LiaisonPeriod;
	#liaisonWeeks = 0;
	/** Hours available to cases and spent, by level, over the run. */
	readonly #levelHours = { available: [0, 0, 0], used: [0, 0, 0] };
	readonly #timeline: readonly TimelineStep[];
	#nextStep = 0;
	/** The week the run stops: the world's last (a run of the history stops at its end, before the weeks it keeps room for). */
	readonly #end: number;
	/** Issues open at the origin (the conservation check counts them). */
	readonly #openAtOrigin: number;

	constructor(options: ModelOptions = {}, internal?: typeof HISTORY_RUN) {
		const problems = parameterProblems(options.params ?? {});
		if (problems.length) throw new RangeError(problems.join('; '));
		const weeks = options.weeks ?? DEFAULT_WEEKS;
		if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) throw new RangeError(`weeks must be an integer in [1, ${MAX_WEEKS}], got ${weeks}`);
		const scale = options.scale ?? 1;
		if (!options.county && !(scale >= MIN_SCALE && scale <= 1)) throw new RangeError(`scale must be a number in [1/128, 1], got ${scale}`);
		const start = options.start ?? (options.history ? 'history' : 'zero');
		if (start !== 'zero' && start !== 'history') throw new RangeError(`start must be "zero" or "history", got ${String(start)}`);
		if (options.history && start !== 'history') throw new RangeError('a history state starts a run from the history: start must be "history"');
		this.mode = options.mode ?? 'multi';
		const spec = resolveSpec(this.mode, { base: options.base, structure: options.structure, levers: options.levers });
		const county = options.county ?? buildCounty({ seed: COUNTY_SEED, scale });
		const n = county.households.count;
		const p = { ...defaultParameters(), ...options.params };
		this.#seed = options.seed ?? 1;
		this.#replicate = options.replicate ?? 0;
		const timeline = timelineChecked(options.timeline ?? [], weeks);
		if (start === 'history') {
			const state = options.history ?? Model.history({ seed: this.#seed, replicate: this.#replicate, params: options.params, county });
			const mismatch = historyMismatch(state, { seed: this.#seed, replicate: this.#replicate, households: n, params: p });
			if (mismatch) throw new RangeError(mismatch);
			const origin = state.week;
			this.world = restoreWorld(state, { county, p, weeks: origin + weeks, rng: makeStreams(this.#seed, this.#replicate), events: broadcast([]), scale: n / PUBLISHED.households.value });
			this.#review = { ...state.review, colourCounts: [...state.review.colourCounts], redByTown: state.review.redByTown.slice() };
			this.#liaisons = { ...state.liaisonPeriod };
			// The run's structure and levers take effect at its first week, as a timeline step does.
			this.#apply({ week: origin, structure: spec.structure, levers: spec.levers });
			this.#timeline = timeline.map((step) => ({ ...step, week: origin + step.week }));
			this.#end = this.world.weeks;
		} else {
			// A run of the history keeps room after its end for the calendar and escalations of any run that starts from it.
			const room = internal === HISTORY_RUN ? weeks + MAX_WEEKS : weeks;
			this.world = freshWorld({ county, p, spec, weeks: room, rng: makeStreams(this.#seed, this.#replicate) });
			this.#review = { trustSum: 0, colourCounts: [0, 0, 0], redByTown: new Float64Array(county.towns.length), active: 0 };
			this.#liaisons = { filled: 0, active: 0, visitsPerWeek: 0, consultations: 0, attended: 0 };
			this.#timeline = timeline;
			this.#end = weeks;
		}
		const w = this.world;
		this.#openAtOrigin = w.issues.live[LATENT] + w.issues.live[QUEUED] + w.issues.live[HANDOFF];
		if (internal === HISTORY_RUN) {
			this.#out = null;
			w.events = broadcast(options.observers ?? []);
		} else {
			const out: Outputs = {
				tallies: new GroupTallies(w),
				recorder: new WeeklyRecorder(w),
				trace: options.traceHousehold !== undefined && options.traceHousehold >= 0 ? new Trace(options.traceHousehold, w) : null
			};
			this.#out = out;
			w.events = broadcast([out.tallies, out.recorder, ...(options.observers ?? []), ...(out.trace ? [out.trace] : [])]);
		}
		// From zero, the first review opens week 0 (its consultations are the run's).
		if (start === 'zero') {
			householdReview(w, 0, this.#review);
			this.#liaisons = liaisonReview(w, 0);
		}
	}

	/**
	 * The run of the county's history (history.ts) that a history start begins from, with these
	 * settings: step it to its end (`run()`), then take `historyState()`. It records no outputs.
	 */
	static historyRun(options: HistoryOptions = {}): Model {
		return new Model({ ...historyOptions(), seed: options.seed, replicate: options.replicate, params: options.params, county: options.county, scale: options.scale, observers: options.observers }, HISTORY_RUN);
	}

	/** The state the county's history leaves at its end (mid-2022), with these settings: what `start: 'history'` begins from. */
	static history(options: HistoryOptions = {}): HistoryState {
		return Model.historyRun(options).run().historyState();
	}

	/** At the end of a run of the history (historyRun), the state it left. */
	historyState(): HistoryState {
		if (this.#out || !this.done) throw new Error('historyState() is the end of a run of the history (Model.historyRun, run to its end)');
		return captureHistory(this.world, { seed: this.#seed, replicate: this.#replicate, review: this.#review, liaisons: this.#liaisons });
	}

	get done(): boolean {
		return this.world.week >= this.#end;
	}

	/** The week the outputs count from: 0, or the end of the history for a history start. */
	get origin(): number {
		return this.world.origin;
	}

	#outputs(): Outputs {
		if (!this.#out) throw new Error('a run of the history records no outputs: start a run from its state');
		return this.#out;
	}

	get series(): WeeklySeries {
		return this.#outputs().recorder.series;
	}

	/** Weekly values by town, town-major: town t's week k is at t × weeks + k. */
	get townSeries(): TownSeries {
		return this.#outputs().recorder.townSeries;
	}

	/** Events of the traced household's issues, in order. */
	get trace(): TraceEvent[] {
		return this.#outputs().trace?.events ?? [];
	}

	/** Advances one week: migration → needs → discovery and intake → escalations → handling → hand-offs → outputs → review. */
	step(): void {
		const w = this.world;
		if (this.done) return;
		while (this.#nextStep < this.#timeline.length && this.#timeline[this.#nextStep].week === w.week) this.#apply(this.#timeline[this.#nextStep++]);
		outMigration(w);
		needs(w);
		for (const id of discovery(w)) intake(w, id);
		const escalations = escalationsThisWeek(w);
		const { handled, hours } = handleQueues(w, escalations);
		for (const id of handled) {
			w.events.handled(w, id);
			if (w.issues.handoffsLeft[id] > 0) startHandoff(w, id);
			else closeIssue(w, id);
		}
		const { failed, done } = releaseHandoffs(w);
		for (const id of failed) w.events.handoffFailed(w, id, enqueue(w, id));
		for (const id of done) closeIssue(w, id);
		this.#endWeek(hours);
		if ((w.week + 1) % w.p.reviewWeeks === 0) {
			householdReview(w, w.week + 1, this.#review);
			this.#liaisons = liaisonReview(w, w.week + 1);
		}
		w.week++;
	}

	/** Runs to the horizon (or `weeks` more weeks). */
	run(weeks = this.#end - this.world.week): this {
		for (let k = 0; k < weeks && !this.done; k++) this.step();
		return this;
	}

	/**
	 * A timeline step: the new structure and levers take effect; queues and their issues stay,
	 * capacity is split anew; liaison posts introduced now start filled (they act from the next
	 * review); posts of a structure without liaisons go at once, with their visits.
	 */
	#apply(step: TimelineStep): void {
		const w = this.world;
		const structure = { ...w.spec.structure, ...step.structure };
		const levers = { ...w.spec.levers, ...step.levers };
		if (structure.liaisons && !w.spec.structure.liaisons) w.liaisons = liaisonPosts(w.county, true);
		if (!structure.liaisons && w.spec.structure.liaisons) {
			w.liaisons = liaisonPosts(w.county, false);
			this.#liaisons = { filled: 0, active: 0, visitsPerWeek: 0, consultations: 0, attended: 0 };
		}
		w.spec = { structure, levers };
		setCapacity(w);
		// Liaison activity and visits follow from the next review (at most `reviewWeeks` later).
	}

	#endWeek(hours: HandlingWeek): void {
		const w = this.world;
		if (!this.#out) return;
		this.#out.tallies.endWeek(w);
		this.#out.recorder.endWeek(w, { review: this.#review, liaisons: this.#liaisons, hours });
		this.#liaisonWeeks += w.liaisons.count ? this.#liaisons.active / w.liaisons.count : 0;
		for (let l = 0; l < 3; l++) {
			this.#levelHours.available[l] += hours.availableByLevel[l];
			this.#levelHours.used[l] += hours.usedByLevel[l];
		}
	}

	/** The run's summary (so far, if not run to the horizon): its weeks from the origin. */
	summary(): RunSummary {
		const w = this.world;
		const weeks = w.week - w.origin;
		const out = this.#outputs();
		const t = out.tallies;
		const s = out.recorder.series;
		const byType = t.type.map((g) => summarizeGroup(g, weeks));
		const valid = byType.filter((g) => g.closed > 0);
		const spread = (f: (g: GroupSummary) => number) => (valid.length ? Math.max(...valid.map(f)) - Math.min(...valid.map(f)) : NaN);
		const sum = (a: Float64Array, from = 0, to = weeks) => {
			let x = 0;
			for (let i = from; i < to; i++) x += a[i];
			return x;
		};
		const mean = (a: Float64Array) => (weeks ? sum(a) / weeks : NaN);
		const last = Math.max(0, weeks - 1);
		const hours = {
			total: w.capacity.total * weeks,
			cases: sum(s.hoursCases),
			travel: sum(s.hoursTravel),
			paperwork: sum(s.hoursPaperwork),
			coordination: sum(s.hoursCoordination),
			petitions: sum(s.hoursPetitions),
			idle: sum(s.hoursIdle)
		};
		const years = Math.ceil(weeks / WEEKS_PER_YEAR);
		const yearRange = (y: number) => [y * WEEKS_PER_YEAR, Math.min(weeks, (y + 1) * WEEKS_PER_YEAR)] as const;
		const byYear = {
			escalationsPer1000: Array.from({ length: years }, (_, y) => {
				const [from, to] = yearRange(y);
				return ((sum(s.escalations, from, to) / w.n) * 1000 * WEEKS_PER_YEAR) / (to - from);
			}),
			orderIndex: Array.from({ length: years }, (_, y) => {
				const [from, to] = yearRange(y);
				return orderIndex(w.p, sum(s.escalations, from, to), w.n, to - from);
			}),
			vitalityIndex: Array.from({ length: years }, (_, y) => w.coproduction.activeByYear[y] / w.n),
			trust: Array.from({ length: years }, (_, y) => {
				const [from, to] = yearRange(y);
				return sum(s.trust, from, to) / (to - from);
			})
		};
		// Whole years only, unless the run is shorter than one.
		const fullYears = Math.max(1, Math.floor(weeks / WEEKS_PER_YEAR));
		const vitality = byYear.vitalityIndex.slice(0, fullYears);
		const consulted = Array.from(w.coproduction.consultedByYear.subarray(0, fullYears), (c) => c / w.n);
		const cost = { ...out.recorder.cost };
		const handledCases = t.all.closed + t.settledBy.liaison + t.settledBy.committee;
		const solvedCases = t.all.solved + t.settledBy.liaison + t.settledBy.committee;
		const runYears = weeks / WEEKS_PER_YEAR;
		return {
			mode: this.mode,
			structure: { ...w.spec.structure },
			levers: { ...w.spec.levers },
			weeks,
			households: w.n,
			county: summarizeGroup(t.all, weeks),
			byTown: t.town.map((g) => summarizeGroup(g, weeks)),
			byType,
			byDepartments: { single: summarizeGroup(t.depts[0], weeks), cross: summarizeGroup(t.depts[1], weeks) },
			equityGap: { satisfaction: spread((g) => g.satisfaction), daysMedian: spread((g) => g.daysMedian) },
			totals: {
				raised: t.all.raised,
				discoveredBy: { self: t.byChannel[0], online: t.byChannel[1], liaison: t.byChannel[2] },
				resolvedLocally: t.settledBy.liaison + t.settledBy.committee,
				settledBy: { ...t.settledBy },
				abandoned: t.abandonedCount,
				escalations: t.all.escalations,
				hours,
				volunteerHours: out.recorder.volunteerHours,
				acts: { reported: sum(s.reported), mediated: sum(s.mediated), consulted: sum(s.consulted) },
				cost
			},
			utilization: {
				village: this.#utilization(0),
				town: this.#utilization(1),
				county: this.#utilization(2)
			},
			cost: {
				perYear: runYears ? cost.total / runYears : NaN,
				perHousehold: runYears ? cost.total / runYears / w.n : NaN,
				perCase: handledCases ? cost.total / handledCases : NaN,
				perSolvedCase: solvedCases ? cost.total / solvedCases : NaN
			},
			means: {
				orderIndex: orderIndex(w.p, t.all.escalations, w.n, weeks),
				vitalityIndex: vitality.reduce((a, b) => a + b, 0) / vitality.length,
				trust: mean(s.trust),
				liaisonsActive: weeks ? this.#liaisonWeeks / weeks : NaN,
				voice: t.all.raised ? (t.byChannel[0] + t.byChannel[1]) / t.all.raised : NaN,
				consulted: consulted.reduce((a, b) => a + b, 0) / consulted.length,
				efficiency: hours.total ? (t.all.closed / hours.total) * 100 : NaN
			},
			byYear,
			final: {
				trust: s.trust[last],
				vitalityIndex: s.vitalityIndex[last],
				orderIndex: s.orderIndex[last],
				green: s.green[last],
				yellow: s.yellow[last],
				red: s.red[last]
			}
		};
	}

	/** Share of a level's case hours spent on cases over the run (NaN where the level has none). */
	#utilization(level: number): number {
		const available = this.#levelHours.available[level];
		return available > 0 ? this.#levelHours.used[level] / available : NaN;
	}

	/**
	 * Checks that every issue raised in the run or open at its origin is in exactly one state:
	 * latent, queued, in a hand-off, or ended (closed, settled locally, abandoned). Returns a
	 * message when the counts disagree.
	 */
	conservationError(): string | null {
		const w = this.world;
		const t = this.#outputs().tallies;
		const live = w.issues.live[LATENT] + w.issues.live[QUEUED] + w.issues.live[HANDOFF];
		const ended = t.all.closed + t.settledBy.liaison + t.settledBy.committee + t.abandonedCount;
		if (live + ended !== t.all.raised + this.#openAtOrigin) return `raised ${t.all.raised} + open at the start ${this.#openAtOrigin} ≠ live ${live} + ended ${ended}`;
		if (w.latent.length !== w.issues.live[LATENT]) return `latent list ${w.latent.length} ≠ ${w.issues.live[LATENT]}`;
		if (w.handoffs.length !== w.issues.live[HANDOFF]) return `hand-off list ${w.handoffs.length} ≠ ${w.issues.live[HANDOFF]}`;
		const queues = [...w.queues.village, ...w.queues.town, w.queues.county];
		const queued = queues.reduce((s, q) => s + q.length, 0);
		if (queued !== w.issues.live[QUEUED]) return `queues hold ${queued} ≠ ${w.issues.live[QUEUED]} queued`;
		for (const q of queues) {
			let hours = 0;
			for (let i = q.head; i < q.items.length; i++) hours += w.issues.workLeft[q.items[i]];
			if (Math.abs(hours - q.hours) > 1e-3 * Math.max(1, hours)) return `a queue counts ${q.hours} hours of work, its issues ${hours}`;
		}
		return null;
	}
}

function timelineChecked(timeline: readonly TimelineStep[], weeks: number): readonly TimelineStep[] {
	let last = 0;
	for (const step of timeline) {
		if (!Number.isInteger(step.week) || step.week < 1 || step.week >= weeks) throw new RangeError(`a timeline step's week must be an integer in [1, ${weeks - 1}], got ${step.week}`);
		if (step.week < last) throw new RangeError('timeline steps must be in week order');
		last = step.week;
	}
	return timeline;
}

/** The world of a run from zero: uniform trust, no grievance, no open issue, every liaison post filled; capacity set up, no review yet. */
function freshWorld(o: { county: County; p: Parameters; spec: ModeSpec; weeks: number; rng: Streams }): World {
	const { county, p, spec, weeks } = o;
	const n = county.households.count;
	const towns = county.towns.length;
	const years = Math.ceil(weeks / WEEKS_PER_YEAR);
	const type = county.households.type.slice();
	const typeCounts = new Int32Array(TYPES);
	for (const t of type) typeCounts[t]++;
	const w: World = {
		week: 0,
		origin: 0,
		weeks,
		p,
		spec,
		county,
		scale: n / PUBLISHED.households.value,
		rng: o.rng,
		events: broadcast([]),
		n,
		type,
		typeCounts,
		trust: new Float32Array(n),
		grievance: new Float32Array(n),
		lastSolved: new Uint8Array(n),
		openIssues: new Uint8Array(n),
		knownIssues: new Uint8Array(n),
		issueCount: new Uint16Array(n),
		colour: new Uint8Array(n),
		coproduction: {
			lastActive: new Int32Array(n).fill(-1e6),
			year: new Int16Array(n).fill(-1),
			activeByYear: new Float64Array(years),
			consultYear: new Int16Array(n).fill(-1),
			consultedByYear: new Float64Array(years)
		},
		calendarHead: new Int32Array(weeks).fill(-1),
		calendarNext: new Int32Array(n).fill(-1),
		villageTrust: new Float32Array(county.villages.length),
		villagePresence: new Float32Array(county.villages.length),
		liaisons: liaisonPosts(county, spec.structure.liaisons),
		issues: new IssuePool(Math.max(1024, n >> 3)),
		latent: [],
		spare: [],
		found: [],
		handoffs: [],
		queues: { village: [], town: [], county: new Queue() },
		villageQueue: new Int32Array(county.villages.length),
		villageQueueTown: new Int32Array(0),
		townQueue: new Int32Array(towns),
		roadHours: roadHoursFromCountySeat(county.towns, p),
		capacity: { total: 0, village: new Float64Array(0), town: new Float64Array(0), county: 0, paperwork: 0, coordination: 0 },
		escalationState: { accumulated: new Float64Array(n), threshold: new Float64Array(n), count: new Uint16Array(n) },
		escalations: { byTown: new Int32Array(weeks * towns), byType: new Int32Array(weeks * TYPES) }
	};
	// Initial trust varies uniformly around its mean, drawn from the feedback stream.
	for (let h = 0; h < n; h++) {
		w.trust[h] = Math.min(1, Math.max(0, p.initialTrust + (w.rng.feedback.at(h, 0, 2) - 0.5) * 2 * p.initialTrustSpread));
		scheduleNextIssue(w, h, -1);
		w.escalationState.threshold[h] = unitExponential(w, h, 0);
	}
	setupCapacity(w);
	return w;
}
