/**
 * The county's history as a scenario (`history`): Shiquan from a year before the ledger system
 * (Aug 2015, a warm-up under one-way governance, so that the record starts from a county with
 * grievances rather than from none) to June 2022, with the three systems introduced on their
 * published dates (sim/county/published.ts MILESTONES). It reports what the published figures
 * count: county- and town-level cases received and closed from Aug 2016 to Dec 2021, and the
 * satisfaction of those closed.
 */
import type { County } from '../county/build-county';
import { PUBLISHED } from '../county/published';
import type { Observer } from './events';
import { Model } from './model';
import type { Parameters } from './parameters';
import type { TargetFit } from './reports';
import type { Levers, Structure } from './modes';
import type { TimelineStep } from './model-types';
import { COUNTY, TOWN, type World } from './world';

const DAY_MS = 86_400_000;

/** Week 0 of the history: Monday 3 Aug 2015, 52 weeks before the ledger system. */
export const HISTORY_START = '2015-08-03';
/** The last day of the history: the published stocks (grids, liaisons) are as of June 2022. */
export const HISTORY_END = '2022-06-30';

/** The week of the history a date falls in (week 0 starts on HISTORY_START). */
export function historyWeek(date: string): number {
	return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${HISTORY_START}T00:00:00Z`)) / (7 * DAY_MS));
}

/** The first day (ISO date) of a week of the history. */
export function historyDate(week: number): string {
	return new Date(Date.parse(`${HISTORY_START}T00:00:00Z`) + week * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Weeks of the history: through the week that holds HISTORY_END. */
export const HISTORY_WEEKS = historyWeek(HISTORY_END) + 1;

/** The period the published ledger figures count (Aug 2016 – Dec 2021), as weeks [from, to). */
export const RECORD_PERIOD = {
	from: historyWeek(PUBLISHED.ledgerCases.period.from ?? '2016-08-01'),
	to: historyWeek(PUBLISHED.ledgerCases.period.to) + 1
} as const;

/** One step of the county's history: when, what changed in the model, and the published fact or assumption behind it. */
export interface HistoryStep {
	id: 'before' | 'ledgers' | 'ledgers-three-levels' | 'integration-pilot' | 'integration-county-wide' | 'model-321';
	date: string;
	structure: Partial<Structure>;
	levers: Partial<Levers>;
	source: string;
}

/**
 * The timeline. Dates are published (docs/reference.md); how each system maps onto the model's
 * structure and levers is an assumption stated beside it. The end state is the multi-dimensional
 * preset: the county as of mid-2022 is the sandbox's baseline.
 */
export const HISTORY_STEPS: readonly HistoryStep[] = [
	{
		id: 'before',
		date: HISTORY_START,
		structure: { feedback: false, responsiveChannels: false, topDownAssignment: true, villageHandling: false, liaisons: false, targetedService: false, topDownPressure: 1 },
		levers: { sinking: 0, coordination: 0, participation: 0 },
		source: 'Assumption: before the ledger system the county governed one-way (the one-way preset), as the study describes the starting point'
	},
	{
		id: 'ledgers',
		date: '2016-08-01',
		structure: { feedback: true, responsiveChannels: true, topDownAssignment: false, topDownPressure: 0.6 },
		levers: { coordination: 0.4 },
		source:
			'Study: the “three ledgers” at county and town levels from Aug 2016 — demands collected, each case assigned, replied to and surveyed (the two-way structure); the secretaries’ review of each ledger is taken as half the coordination of the multi-dimensional preset (assumption)'
	},
	{
		id: 'ledgers-three-levels',
		date: '2018-01-01',
		structure: {},
		levers: {},
		source:
			'Study: ledgers at county, town and village levels from Jan 2018. The model changes nothing here: village committees mediate in every mode; the village ledger records what they settle (the dashboard’s village-level cases from 2018)'
	},
	{
		id: 'integration-pilot',
		date: '2019-01-01',
		structure: { villageHandling: true },
		levers: { sinking: 0.2 },
		source:
			'Study: town–village integration piloted in 2019. The pilot towns are not published: taken as a quarter of the later county-wide sinking, spread over the county (assumption)'
	},
	{
		id: 'integration-county-wide',
		date: '2020-03-01',
		structure: { topDownPressure: 0.3 },
		levers: { sinking: 0.8, coordination: 0.8 },
		source:
			'Study: integration county-wide from Mar 2020 (592 stationed cadres, 164 following leaders by Jul 2022), with co-located offices and closed-loop supervision: the multi-dimensional preset’s sinking, coordination and top-down pressure'
	},
	{
		id: 'model-321',
		date: '2021-08-01',
		structure: { liaisons: true, targetedService: true },
		levers: { participation: 0.8 },
		source: 'Study: the “321” model county-wide from Aug 2021 (2,893 grids, 2,024 liaisons by Jun 2022): the multi-dimensional preset’s liaisons, targeted service and participation'
	}
];

/** The model's options for the history: the first step as the starting spec, the others as the timeline. */
export function historyOptions(): { mode: 'custom'; base: 'one-way'; structure: Partial<Structure>; levers: Partial<Levers>; weeks: number; timeline: TimelineStep[] } {
	const [first, ...rest] = HISTORY_STEPS;
	return {
		mode: 'custom',
		base: 'one-way',
		structure: { ...first.structure },
		levers: { ...first.levers },
		weeks: HISTORY_WEEKS,
		timeline: rest.filter((s) => Object.keys(s.structure).length || Object.keys(s.levers).length).map((s) => ({ week: historyWeek(s.date), structure: s.structure, levers: s.levers }))
	};
}

/** What the published record counts, as the history run produced it (full-county numbers at any scale). */
export interface RecordCounts {
	/** County- and town-level cases received in the record period. */
	received: number;
	/** Of them, closed by the end of the period. */
	closed: number;
	/** Of those closed, surveyed and satisfied. */
	surveyed: number;
	satisfied: number;
}

/**
 * Counts, as the ledgers do, the cases received at county and town levels in the record period,
 * those of them closed by its end, and their surveys. A reduced county's counts are divided by
 * its scale, so they read as the full county's.
 */
export class RecordObserver implements Observer {
	readonly #counts = { received: 0, closed: 0, surveyed: 0, satisfied: 0 };
	#scale = 1;

	#inRecord(w: World, id: number): boolean {
		const level = w.issues.level[id];
		const received = w.issues.received[id];
		return (level === TOWN || level === COUNTY) && received >= RECORD_PERIOD.from && received < RECORD_PERIOD.to;
	}

	queued(w: World, id: number): void {
		this.#scale = w.scale;
		if (this.#inRecord(w, id)) this.#counts.received++;
	}

	closed(w: World, id: number, _solved: boolean, satisfied: boolean): void {
		if (w.week >= RECORD_PERIOD.to || !this.#inRecord(w, id)) return;
		this.#counts.closed++;
		if (w.spec.structure.feedback) {
			this.#counts.surveyed++;
			if (satisfied) this.#counts.satisfied++;
		}
	}

	get counts(): RecordCounts {
		const c = this.#counts;
		const s = this.#scale;
		return { received: c.received / s, closed: c.closed / s, surveyed: c.surveyed / s, satisfied: c.satisfied / s };
	}
}

/** A published figure the history is fitted to, with the tolerance of the fit and why. */
export interface Target {
	name: 'received' | 'closed' | 'closure' | 'satisfaction';
	published: number;
	kind: 'exact' | 'at-least';
	/** Relative tolerance: |model − published| ≤ tolerance × published (at-least: model ≥ published × (1 − tolerance)). */
	tolerance: number;
	/** Whether the calibration's distance counts it (closed follows from received and closure, so it is reported, not counted twice). */
	fitted: boolean;
	of(c: RecordCounts): number;
}

/**
 * The calibration targets. Tolerances: received ±5% — a count of about 8,800 cases, whose
 * replicate spread in the model is about 1% and whose definition (which cases a ledger records)
 * is looser than that; closure (closed ÷ received, 97.56%) ±1% — 96.6% to 98.5%, i.e. between
 * about 130 and 300 cases still open at the end of 2021 against the published 215; closed ±5%,
 * as received (it follows from the two); satisfaction at least the published 98.5% less half a
 * per cent of it (98.0%): the survey's share of "satisfied or basically satisfied" is published
 * as a rounded lower bound.
 */
export const TARGETS: readonly Target[] = [
	{ name: 'received', published: PUBLISHED.ledgerCases.value, kind: 'exact', tolerance: 0.05, fitted: true, of: (c) => c.received },
	{ name: 'closed', published: PUBLISHED.ledgerClosed.value, kind: 'exact', tolerance: 0.05, fitted: false, of: (c) => c.closed },
	{ name: 'closure', published: PUBLISHED.ledgerClosed.value / PUBLISHED.ledgerCases.value, kind: 'exact', tolerance: 0.01, fitted: true, of: (c) => (c.received ? c.closed / c.received : NaN) },
	{ name: 'satisfaction', published: PUBLISHED.satisfaction.value, kind: 'at-least', tolerance: 0.005, fitted: true, of: (c) => (c.surveyed ? c.satisfied / c.surveyed : NaN) }
];

/** A target's error in units of its tolerance (0 inside an at-least bound). */
export function targetError(t: Target, model: number): number {
	if (!Number.isFinite(model)) return Infinity;
	const rel = (model - t.published) / t.published;
	return (t.kind === 'at-least' ? Math.min(0, rel) : rel) / t.tolerance;
}

export function withinTolerance(t: Target, model: number): boolean {
	return Math.abs(targetError(t, model)) <= 1;
}

/** One history run and what the record counts in it. */
export function runHistory(options: { params?: Partial<Parameters>; seed?: number; replicate?: number; county?: County; scale?: number }): { counts: RecordCounts; model: Model } {
	const record = new RecordObserver();
	const model = new Model({ ...historyOptions(), params: options.params, seed: options.seed ?? 1, replicate: options.replicate ?? 0, county: options.county, scale: options.scale, observers: [record] });
	model.run();
	return { counts: record.counts, model };
}

/** The mean of each target over replicates' counts, and the 5th–95th percentile range of the replicates. */
export function targetFits(counts: readonly RecordCounts[]): TargetFit[] {
	return TARGETS.map((t) => {
		const xs = counts.map((c) => t.of(c)).sort((a, b) => a - b);
		const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
		const q = (p: number) => {
			const i = p * (xs.length - 1);
			const lo = Math.floor(i);
			return xs[lo] + (xs[Math.min(xs.length - 1, lo + 1)] - xs[lo]) * (i - lo);
		};
		return { name: t.name, published: t.published, kind: t.kind, model: mean, low: q(0.05), high: q(0.95), tolerance: t.tolerance, within: withinTolerance(t, mean) };
	});
}
