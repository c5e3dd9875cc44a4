/**
 * Outputs of a run: weekly series as columns (one Float64Array per metric) and a summary,
 * also by town and by household type (SPEC §3).
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
	'participation',
	'vitalityIndex',
	'green',
	'yellow',
	'red',
	'hoursCases',
	'hoursTravel',
	'hoursPaperwork',
	'hoursIdle',
	'cost',
	'efficiency'
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];
export type WeeklySeries = Record<WeeklyMetric, Float64Array>;

/** Longest time to close the histograms record, in weeks (longer ones go in the last bin). */
export const MAX_WEEKS_TO_CLOSE = 260;

/** Tallies of one group (the county, a town or a household type). */
export class GroupTally {
	raised = 0;
	received = 0;
	closed = 0;
	satisfied = 0;
	solved = 0;
	escalations = 0;
	weeksToClose = new Float64Array(MAX_WEEKS_TO_CLOSE + 1);
}

/** Counts gathered during one week, turned into the week's row of the series. */
export class WeekCounters {
	raised = 0;
	discovered = 0;
	received = 0;
	closed = 0;
	resolvedLocally = 0;
	abandoned = 0;
	satisfied = 0;
	hoursTravel = 0;
	weeksToClose = new Float64Array(MAX_WEEKS_TO_CLOSE + 1);

	reset(): void {
		this.raised = this.discovered = this.received = this.closed = 0;
		this.resolvedLocally = this.abandoned = this.satisfied = 0;
		this.hoursTravel = 0;
		this.weeksToClose.fill(0);
	}
}

/** A quantile of a histogram of whole weeks, interpolated within the bin, in days. */
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
	received: number;
	closed: number;
	closureRate: number;
	satisfaction: number;
	resolution: number;
	daysMedian: number;
	daysP90: number;
	escalationsPer1000: number;
	households: number;
}

export function summarizeGroup(t: GroupTally, households: number, years: number): GroupSummary {
	return {
		raised: t.raised,
		received: t.received,
		closed: t.closed,
		closureRate: t.received ? t.closed / t.received : NaN,
		satisfaction: t.closed ? t.satisfied / t.closed : NaN,
		resolution: t.closed ? t.solved / t.closed : NaN,
		daysMedian: histogramQuantileDays(t.weeksToClose, 0.5),
		daysP90: histogramQuantileDays(t.weeksToClose, 0.9),
		escalationsPer1000: households ? (t.escalations / households / years) * 1000 : NaN,
		households
	};
}
