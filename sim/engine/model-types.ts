/**
 * The model's options and what a run reports (its summary; the weekly series by town and the
 * trace of one household are in observers/), apart from the stepping in model.ts.
 */
import type { County } from '../county/build-county';
import type { Observer } from './events';
import type { WeekCost } from './cost';
import type { Levers, Mode, Preset, Structure } from './modes';
import type { GroupSummary } from './outputs';
import type { Parameters } from './parameters';
import type { HistoryState, Start } from './start';

export interface ModelOptions {
	seed?: number;
	/** Replicate index: its random streams are independent of every other replicate's. */
	replicate?: number;
	/** A preset, or 'custom' with its structure and levers (default: the multi-dimensional preset). */
	mode?: Mode;
	/** The preset a custom scenario starts from (default multi). */
	base?: Preset;
	/** Custom mode only: the structure fields that differ from `base`. */
	structure?: Partial<Structure>;
	/** Custom mode only: the levers that differ from `base`. */
	levers?: Partial<Levers>;
	params?: Partial<Parameters>;
	/**
	 * Where the run starts (MODEL.md §5): 'zero' (the default), a county with no grievance and
	 * uniform trust; or 'history', the county as its history (history.ts, Aug 2015 → Jun 2022)
	 * left it, run with this run's parameters and seed. From the history, `weeks` count after its
	 * end and every output counts only them; the run's structure, levers and timeline apply from
	 * its first week.
	 */
	start?: Start;
	/** The history's end state to start from (Model.history with the same seed, replicate, county and parameters), reused instead of run again. Implies start 'history'. */
	history?: HistoryState;
	/** Weeks of the run (its horizon, after the history for a history start). */
	weeks?: number;
	/** Fraction of the full county (1 = ≈64k households). Ignored when `county` is given. */
	scale?: number;
	/** A prebuilt county structure (replicates can share one). */
	county?: County;
	/** Household index whose issues are traced step by step (see `trace`). */
	traceHousehold?: number;
	/**
	 * Changes of structure and levers during the run, in week order (the county's history: a
	 * system introduced in a given week). Each applies at the start of its week, on top of the
	 * spec then in force; the run's mode names where it started.
	 */
	timeline?: readonly TimelineStep[];
	/** Further observers of the run's events (e.g. the dataset generator's case recorder). */
	observers?: readonly Observer[];
}

/** What the county's history depends on: the settings of Model.history and Model.historyRun. */
export type HistoryOptions = Pick<ModelOptions, 'seed' | 'replicate' | 'params' | 'scale' | 'county' | 'observers'>;

/** A change of structure and levers from the start of week `week` (≥ 1) of the run. */
export interface TimelineStep {
	week: number;
	structure?: Partial<Structure>;
	levers?: Partial<Levers>;
}

/** Cadre hours of the run by use. */
export interface HoursByUse {
	total: number;
	cases: number;
	travel: number;
	paperwork: number;
	coordination: number;
	petitions: number;
	idle: number;
}

export interface RunSummary {
	mode: Mode;
	structure: Structure;
	levers: Levers;
	weeks: number;
	households: number;
	county: GroupSummary;
	byTown: GroupSummary[];
	/** By household type at the time of each event; per-household rates over household-years of that type. */
	byType: GroupSummary[];
	/** Single-department and cross-department issues. */
	byDepartments: { single: GroupSummary; cross: GroupSummary };
	/** Largest minus smallest satisfaction and median days to close across household types. */
	equityGap: { satisfaction: number; daysMedian: number };
	totals: {
		raised: number;
		/** Issues that reached government or a liaison, by channel: self-report, online, liaison. */
		discoveredBy: { self: number; online: number; liaison: number };
		/** Minor issues settled on the spot, all and by who settled them. */
		resolvedLocally: number;
		settledBy: { liaison: number; committee: number };
		abandoned: number;
		escalations: number;
		hours: HoursByUse;
		/** Hours of liaisons and mediators (visits, consultations, mediation). */
		volunteerHours: number;
		/** Acts of co-production by households, by kind. */
		acts: { reported: number; mediated: number; consulted: number };
		/** Yuan over the run, by item. */
		cost: WeekCost;
	};
	/** Share of each level's case hours spent on cases (work and travel) over the run: near 1, queues grow and waits lengthen fast. */
	utilization: { village: number; town: number; county: number };
	/** Yuan a year (for this run's county: a reduced one costs less), a year per household, per issue closed by government or settled locally, and per issue solved (closed and solved, or settled). */
	cost: { perYear: number; perHousehold: number; perCase: number; perSolvedCase: number };
	means: {
		/** Order index of the run's escalations per 1,000 households a year. */
		orderIndex: number;
		/** Share of households that took part in co-production in a year, averaged over the run's years. */
		vitalityIndex: number;
		trust: number;
		/** Share of the liaison posts active, averaged over the weeks. */
		liaisonsActive: number;
		/** Self-initiated participation: issues households reported themselves (in person, online) per issue raised. */
		voice: number;
		/** Invited participation: share of households that attended a consultation in a year, averaged over the run's years. */
		consulted: number;
		/** Closures per 100 cadre hours. */
		efficiency: number;
	};
	/** Year by year from the run's origin (the last may be partial): escalations per 1,000 households, order index, vitality, mean trust. */
	byYear: { escalationsPer1000: number[]; orderIndex: number[]; vitalityIndex: number[]; trust: number[] };
	final: { trust: number; vitalityIndex: number; orderIndex: number; green: number; yellow: number; red: number };
}
