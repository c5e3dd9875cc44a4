import type { ShownSeries, SummaryMeasure } from '$lib/sim/sim-types';
import type { Levers, Structure } from '$sim/engine/modes';

/**
 * The places on the model card (`/model/`) that other pages link to: one id per lever, outcome,
 * part of a mode's structure and parameter. The prerender fails on a link to an id that does not
 * exist (svelte.config.js: handleMissingId), so a renamed anchor cannot leave a dead link behind.
 * Addresses: model-href.ts (it needs the app's paths).
 */
export const OUTCOMES = ['order', 'vitality', 'voice', 'consulted', 'closure', 'days', 'satisfaction', 'trust', 'cost', 'efficiency', 'equity', 'colour'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcome each measure of the sandbox's summary table reads. */
export const MEASURE_OUTCOME: Record<SummaryMeasure, Outcome> = {
	orderIndex: 'order',
	vitalityIndex: 'vitality',
	voice: 'voice',
	consulted: 'consulted',
	closureRate: 'closure',
	daysMedian: 'days',
	satisfaction: 'satisfaction',
	costPerYear: 'cost',
	costPerHousehold: 'cost',
	costPerCase: 'cost',
	efficiency: 'efficiency',
	equityGap: 'equity'
};

/** The outcome each weekly series of the sandbox's charts reads. */
export const SERIES_OUTCOME: Record<ShownSeries, Outcome> = {
	orderIndex: 'order',
	vitalityIndex: 'vitality',
	closureRate: 'closure',
	daysMedian: 'days',
	satisfaction: 'satisfaction',
	green: 'colour',
	yellow: 'colour',
	red: 'colour'
};

export const SECTIONS = ['plain', 'odd', 'parameters', 'presets', 'calibration', 'propositions'] as const;
export type Section = (typeof SECTIONS)[number];

export const anchor = {
	lever: (k: keyof Levers) => `lever-${k}`,
	outcome: (o: Outcome) => `outcome-${o}`,
	structure: (k: keyof Structure) => `structure-${k}`,
	param: (name: string) => `param-${name}`,
	proposition: (id: string) => `proposition-${id}`
};
