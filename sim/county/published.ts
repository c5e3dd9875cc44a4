/**
 * Figures published for the Shiquan County case (石泉县, Ankang, Shaanxi; division code 610922).
 * Source: the published field study of Shiquan County's grassroots governance innovations
 * (data to mid-2022), as compiled in the project's reference notes (docs/reference.md).
 * The synthetic dataset is calibrated so that its totals equal these figures.
 */
export interface PublishedFigure {
	value: number;
	/** How the published value bounds the true one: an exact count, or a stated lower bound. */
	kind: 'exact' | 'at-least';
	/** Period or date the figure refers to, as ISO dates (start may equal end for a stock). */
	period: { from?: string; to: string };
	source: 'study' | 'nbs';
}

const study = 'study' as const;

const published = {
	areaKm2: { value: 1525, kind: 'exact', period: { to: '2022-06-30' }, source: study },
	towns: { value: 11, kind: 'exact', period: { to: '2022-06-30' }, source: study },
	villages: { value: 164, kind: 'exact', period: { to: '2022-06-30' }, source: study },
	population: { value: 182_000, kind: 'exact', period: { to: '2021-12-31' }, source: study },
	ledgerCases: { value: 8812, kind: 'exact', period: { from: '2016-08-01', to: '2021-12-31' }, source: study },
	ledgerClosed: { value: 8597, kind: 'exact', period: { from: '2016-08-01', to: '2021-12-31' }, source: study },
	satisfaction: { value: 0.985, kind: 'at-least', period: { from: '2016-08-01', to: '2021-12-31' }, source: study },
	tasks: { value: 3506, kind: 'exact', period: { to: '2022-07-31' }, source: study },
	stationedCadres: { value: 592, kind: 'exact', period: { to: '2022-07-31' }, source: study },
	followingLeaders: { value: 164, kind: 'exact', period: { to: '2022-07-31' }, source: study },
	grids: { value: 2893, kind: 'exact', period: { to: '2022-06-30' }, source: study },
	liaisons: { value: 2024, kind: 'exact', period: { to: '2022-06-30' }, source: study },
	households: { value: 63_949, kind: 'exact', period: { to: '2022-06-30' }, source: study }
} satisfies Record<string, PublishedFigure>;

export type PublishedKey = keyof typeof published;
export const PUBLISHED: Record<PublishedKey, PublishedFigure> = published;

/**
 * The seed of the county the site shows: the dataset the dashboard serves is generated from it,
 * and the sandbox's county is built from it by default (same seed, same county).
 */
export const COUNTY_SEED = 20160801;

/** Milestones of the three systems, as published. */
export const MILESTONES = [
	{ id: 'ledgers-launch', date: '2016-08-01' },
	{ id: 'ledgers-three-levels', date: '2018-01-01' },
	{ id: 'integration-county-wide', date: '2020-03-01' },
	{ id: 'model-321-county-wide', date: '2021-08-01' }
] as const;

export type MilestoneId = (typeof MILESTONES)[number]['id'];
