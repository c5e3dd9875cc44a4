/**
 * The shapes of the model's stored reports, written by the command line and read by the model
 * card (`/model/`): the calibration report (`npm run sim:calibrate` → sim/reports/calibration.json)
 * and the propositions report (`npm run sim:validate` → sim/reports/propositions.json).
 * Texts in them are keys or parameter names, never prose: the site words them in each language.
 */
import type { PropositionResult } from './propositions';

/** A published figure the history scenario is fitted to, and how the calibrated model meets it. */
export interface TargetFit {
	/** Target name: 'received', 'closed', 'closure', 'satisfaction', … */
	name: string;
	/** Published value (docs/reference.md, sim/county/published.ts). */
	published: number;
	/** How the published value bounds the true one. */
	kind: 'exact' | 'at-least';
	/** The model's mean over replicates at the chosen values, and a 90% interval over replicates. */
	model: number;
	low: number;
	high: number;
	/** Relative tolerance of the fit (|model − published| / published ≤ tolerance; for 'at-least', model ≥ published × (1 − tolerance)). */
	tolerance: number;
	within: boolean;
}

/** One free parameter of the calibration. */
export interface FreeParameter {
	name: string;
	/** The prior (search) range. */
	low: number;
	high: number;
	/** The value chosen (enters the parameter table as the default). */
	chosen: number;
	/** The range of the final population's points within tolerance (weighted 5th–95th percentiles: the ABC posterior). */
	acceptedLow: number;
	acceptedHigh: number;
	/** Why this parameter is free, as a key of the calibration's notes. */
	why: string;
}

export interface CalibrationReport {
	modelVersion: string;
	/** 'abc-smc': sequential Monte Carlo ABC, a Latin-hypercube first generation from the prior, then perturbed particles under shrinking thresholds. */
	method: string;
	/** Households in each run, replicates per point, points simulated in all, points of the final population within tolerance. */
	households: number;
	replicatesPerPoint: number;
	points: number;
	accepted: number;
	/** Distance: the largest fitted target's error in units of its tolerance; accepted at or below this (1: every target within tolerance). */
	tolerance: number;
	/** The ABC-SMC generations: threshold (in tolerances), points simulated, points kept. */
	generations: { epsilon: number; simulated: number; kept: number }[];
	seed: number;
	free: FreeParameter[];
	targets: TargetFit[];
	/** Replicates of the final check at the chosen values. */
	checkReplicates: number;
	/** Parameters that shape outcomes which the targets cannot identify (names from the parameter table). */
	notIdentified: string[];
	/** Correlations between free parameters among the final population's points within tolerance (pairs with |r| ≥ 0.5): trade-offs the targets cannot separate. */
	tradeOffs: { a: string; b: string; r: number }[];
}

/** What `npm run sim:validate` writes: the engine's results (propositions.ts) with the run's settings. */
export interface PropositionsReport {
	modelVersion: string;
	households: number;
	replicates: number;
	weeks: number;
	seed: number;
	results: PropositionResult[];
}
