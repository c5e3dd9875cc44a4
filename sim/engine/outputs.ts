/**
 * Outputs of a run: weekly series as columns (one Float64Array per metric) and a summary, also by
 * town, household type and number of departments (SPEC §3). Every outcome is counted from what
 * happened in the run: issues, closures, escalations, acts of co-production, hours and yuan.
 */
export const WEEKLY_METRICS = [
	'raised',
	'discovered',
	'received',
	'closed',
	'resolvedLocally',
	'abandoned',
	'latent',
	'backlog',
	'closureRate',
	'daysMedian',
	'daysP90',
	'satisfaction',
	'escalations',
	'orderIndex',
	'trust',
	'vitalityIndex',
	'reported',
	'mediated',
	'consulted',
	'liaisonsActive',
	'green',
	'yellow',
	'red',
	'hoursCases',
	'hoursTravel',
	'hoursPaperwork',
	'hoursCoordination',
	'hoursPetitions',
	'hoursIdle',
	'volunteerHours',
	'cost',
	'efficiency'
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];
export type WeeklySeries = Record<WeeklyMetric, Float64Array>;

/** What each weekly metric is, in plain words (the CLI's CSV and MODEL.md §8 use them). */
export const METRIC_NOTES: Record<WeeklyMetric, string> = {
	raised: 'issues households raised this week',
	discovered: 'issues that reached government or a liaison this week',
	received: 'issues received and queued by a level of government this week',
	closed: 'issues closed by government this week',
	resolvedLocally: 'minor issues settled on the spot by a liaison or the village committee this week',
	abandoned: 'issues households gave up on this week, undiscovered',
	latent: 'issues nobody in government knows about, at the end of the week',
	backlog: 'issues queued or waiting at a hand-off, at the end of the week',
	closureRate: 'share of the issues received since the start that are closed',
	daysMedian: 'median days from receipt to closure of this week’s closures (empty when none closed)',
	daysP90: '90th-percentile days from receipt to closure of this week’s closures (empty when none closed)',
	satisfaction: 'share of this week’s closures whose household is satisfied (empty when none closed)',
	escalations: 'escalations (disputes, petitions) that happened this week',
	orderIndex: 'order index of the escalations of the last 52 weeks (fewer weeks in the first year): 1 / (1 + per 1,000 households a year ÷ orderHalfPoint)',
	trust: 'mean trust of households at the last review',
	vitalityIndex: 'share of households that took part in co-production (reported, had a dispute mediated, attended a consultation) in the 52 weeks before the last review',
	reported: 'issues households reported themselves this week (in person, online, hotline)',
	mediated: 'minor issues settled by mediation this week, each an act of co-production by its household',
	consulted: 'households that attended a consultation, in the week its review period starts',
	liaisonsActive: 'share of the liaison posts active since the last review',
	green: 'green (放心户) households at the last review',
	yellow: 'yellow (关心户) households at the last review',
	red: 'red (连心户) households at the last review',
	hoursCases: 'cadre hours of case work this week (travel excluded)',
	hoursTravel: 'cadre hours of travel to villages this week',
	hoursPaperwork: 'cadre hours lost to paperwork a week (formalism)',
	hoursCoordination: 'cadre hours of joint meetings, review and supervision a week',
	hoursPetitions: 'town cadre hours taken by escalations this week',
	hoursIdle: 'cadre hours for cases left unused this week',
	volunteerHours: 'hours of liaisons and mediators this week (visits, consultations, mediation)',
	cost: 'cost of the week in yuan (cadres, stationed bonus, liaison allowances and time, platform, offices)',
	efficiency: 'closures per 100 cadre hours this week'
};

/** Tallies of one group (the county, a town, a household type, or issues by departments needed). */
export class GroupTally {
	raised = 0;
	/** Reached government or a liaison (received, or settled on the spot). */
	found = 0;
	received = 0;
	closed = 0;
	/** Of the closures, those of issues received in the run (a history start also closes issues received before its origin). */
	closedOfReceived = 0;
	satisfied = 0;
	solved = 0;
	escalations = 0;
	/** Household-weeks spent in the group (for per-household rates of groups whose members change). */
	householdWeeks = 0;
	/** Closures by whole weeks from receipt (0 … the last week of the world: an issue received in the history may close in the run). */
	readonly weeksToClose: Float64Array;
	constructor(weeks: number) {
		this.weeksToClose = new Float64Array(weeks + 1);
	}
}

/** A quantile of a histogram of whole weeks, in days: closures in week bin k are taken as spread evenly over days 7k to 7(k + 1). */
export function histogramQuantileDays(hist: Float64Array, q: number): number {
	let total = 0;
	for (let i = 0; i < hist.length; i++) total += hist[i];
	if (total === 0) return NaN;
	const target = q * total;
	let cum = 0;
	for (let i = 0; i < hist.length; i++) {
		if (cum + hist[i] >= target && hist[i] > 0) return (i + (target - cum) / hist[i]) * 7;
		cum += hist[i];
	}
	return (hist.length - 1) * 7;
}

export interface GroupSummary {
	raised: number;
	found: number;
	/** Share of raised issues that reached government or a liaison. */
	reach: number;
	received: number;
	/** Closures in the run (from a history start, issues open at its start included). */
	closed: number;
	/** Of the issues received in the run, the share closed by its end. */
	closureRate: number;
	satisfaction: number;
	resolution: number;
	daysMedian: number;
	daysP90: number;
	/** Escalations a year per 1,000 households of the group (household-years in the group as the denominator). */
	escalationsPer1000: number;
	/** Mean households in the group over the run. */
	households: number;
}

export function summarizeGroup(t: GroupTally, weeks: number): GroupSummary {
	const households = weeks > 0 ? t.householdWeeks / weeks : NaN;
	return {
		raised: t.raised,
		found: t.found,
		reach: t.raised ? t.found / t.raised : NaN,
		received: t.received,
		closed: t.closed,
		closureRate: t.received ? t.closedOfReceived / t.received : NaN,
		satisfaction: t.closed ? t.satisfied / t.closed : NaN,
		resolution: t.closed ? t.solved / t.closed : NaN,
		daysMedian: histogramQuantileDays(t.weeksToClose, 0.5),
		daysP90: histogramQuantileDays(t.weeksToClose, 0.9),
		escalationsPer1000: t.householdWeeks > 0 ? (t.escalations / t.householdWeeks) * 52 * 1000 : NaN,
		households
	};
}
