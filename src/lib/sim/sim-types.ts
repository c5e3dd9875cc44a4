import type { WeeklyMetric } from '$sim/engine/outputs';

/** Weekly series the sandbox draws. */
export const SERIES_SHOWN = ['orderIndex', 'vitalityIndex', 'closureRate', 'daysMedian', 'satisfaction', 'green', 'yellow', 'red'] as const satisfies readonly WeeklyMetric[];
export type ShownSeries = (typeof SERIES_SHOWN)[number];

/**
 * Summary measures compared across scenarios: the outcomes, vitality's two readings (voice:
 * reports per issue; consulted: households at a consultation in a year), and the cost side —
 * million yuan a year and yuan a year per household for the whole county, yuan per issue solved.
 */
export const SUMMARY_MEASURES = ['orderIndex', 'vitalityIndex', 'voice', 'consulted', 'closureRate', 'daysMedian', 'satisfaction', 'costPerYear', 'costPerHousehold', 'costPerCase', 'efficiency', 'equityGap'] as const;
export type SummaryMeasure = (typeof SUMMARY_MEASURES)[number];

/** Outcomes by group (household type, town) that the equity charts compare. */
export const GROUP_MEASURES = ['satisfaction', 'daysMedian', 'reach', 'escalationsPer1000'] as const;
export type GroupMeasure = (typeof GROUP_MEASURES)[number];
export type GroupValues = Record<GroupMeasure, number[]>;

/** Weekly outcomes by town drawn as small multiples. */
export const TOWN_SERIES = ['orderIndex', 'redShare'] as const;
export type TownSeriesKey = (typeof TOWN_SERIES)[number];
/** Town series are averaged over blocks of this many weeks (the households' review cycle). */
export const TOWN_BLOCK_WEEKS = 4;

export interface ReplicateOutput {
	series: Record<ShownSeries, Float64Array>;
	summary: Record<SummaryMeasure, number>;
	byType: GroupValues;
	byTown: GroupValues;
	/** By town, town-major: town t's block b at t × blocks + b (blocks of TOWN_BLOCK_WEEKS weeks). */
	townSeries: Record<TownSeriesKey, Float64Array>;
}
