/**
 * A lesson's claim as data, and its check against the runs. A claim compares one metric between
 * two of the lesson's scenarios (B − A, paired over replicates: replicate r of each shares its
 * random draws), optionally minus the same for another pair (a difference of differences), and
 * says what the lesson expects of that effect: higher, lower, or about the same. The verdict is
 * the propositions' own (sim/engine/propositions.ts): against a minimal meaningful effect stated
 * with the claim, the 90% interval of the paired effect.
 */
import { HOUSEHOLD_TYPES } from '$sim/county/household-types';
import { MME, verdictOf, type Verdict } from '$sim/engine/propositions';
import { pairedInterval, type Interval } from '$sim/engine/statistics';
import type { ReplicateOutput } from '$lib/sim/sim-types';
import type { Outcome } from '$lib/model-card/anchors';

const WORKING = HOUSEHOLD_TYPES.indexOf('working');
const ELDERLY = HOUSEHOLD_TYPES.indexOf('elderly');

/** The weekly series' last week of year `y` (1-based; the order index there covers that year's 52 weeks). */
const endOfYear = (y: number) => y * 52 - 1;

export interface Metric {
	read: (o: ReplicateOutput) => number;
	/** How values and effects are shown: a 0–1 index (two decimals), a share (per cent), days, million yuan. */
	format: 'index' | 'share' | 'days' | 'million';
	/** The minimal meaningful effect on this metric (the propositions' MME). */
	mme: number;
	/** Where the model card explains it. */
	outcome: Outcome;
}

export const METRICS = {
	order: { read: (o) => o.summary.orderIndex, format: 'index', mme: MME.index, outcome: 'order' },
	orderYear1: { read: (o) => o.series.orderIndex[endOfYear(1)], format: 'index', mme: MME.index, outcome: 'order' },
	orderYear5: { read: (o) => o.series.orderIndex[Math.min(endOfYear(5), o.series.orderIndex.length - 1)], format: 'index', mme: MME.index, outcome: 'order' },
	vitality: { read: (o) => o.summary.vitalityIndex, format: 'index', mme: MME.index, outcome: 'vitality' },
	closure: { read: (o) => o.summary.closureRate, format: 'share', mme: MME.share, outcome: 'closure' },
	days: { read: (o) => o.summary.daysMedian, format: 'days', mme: MME.days, outcome: 'days' },
	satisfaction: { read: (o) => o.summary.satisfaction, format: 'share', mme: MME.share, outcome: 'satisfaction' },
	cost: { read: (o) => o.summary.costPerYear, format: 'million', mme: 1, outcome: 'cost' },
	reachElderly: { read: (o) => o.byType.reach[ELDERLY], format: 'share', mme: MME.share, outcome: 'equity' },
	reachGap: { read: (o) => o.byType.reach[WORKING] - o.byType.reach[ELDERLY], format: 'share', mme: MME.share, outcome: 'equity' }
} as const satisfies Record<string, Metric>;
export type MetricKey = keyof typeof METRICS;

export type Expectation = 'higher' | 'lower' | 'similar';

/** `{ metric: 'order', compare: ['two-way', 'one-way'], expect: 'higher' }`: B's order is higher than A's. */
export interface Claim {
	metric: MetricKey;
	/** Scenario ids of the lesson: [B, A]. */
	compare: readonly [string, string];
	/** Minus the same difference for another pair (and metric): a difference of differences. */
	minus?: { metric?: MetricKey; compare: readonly [string, string] };
	expect: Expectation;
}

export interface ClaimCheck {
	/** The mean effect and its 90% interval over paired replicates, in the metric's units. */
	effect: Interval;
	/** The verdict on the effect in the claim's direction ('agrees': as expected, for higher or lower). */
	verdict: Verdict;
	supported: boolean;
	/** What the run says, whatever the claim: higher, lower, similar (within the minimal effect), or null (inconclusive). */
	answer: Expectation | null;
	/** Each compared scenario's metric over its replicates (B, A; then the minus pair's). */
	values: { id: string; metric: MetricKey; mean: number }[];
	reps: number;
}

/** Runs by scenario id, each a list of replicates (replicate r at index r). */
export type RunsById = Record<string, readonly ReplicateOutput[]>;

/** The scenario ids a claim needs. */
export function claimScenarios(claim: Claim): string[] {
	return [...new Set([...claim.compare, ...(claim.minus?.compare ?? [])])];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Checks a claim on paired runs. Throws when a scenario it needs is missing (a lesson's data error). */
export function checkClaim(claim: Claim, runs: RunsById): ClaimCheck {
	const values = (id: string, metric: MetricKey) => {
		const list = runs[id];
		if (!list?.length) throw new Error(`the claim needs runs of "${id}"`);
		return list.map((o) => METRICS[metric].read(o));
	};
	const [b, a] = claim.compare;
	const vb = values(b, claim.metric);
	const va = values(a, claim.metric);
	const reps = Math.min(vb.length, va.length);
	const diffs = Array.from({ length: reps }, (_, r) => vb[r] - va[r]);
	const values_ = [
		{ id: b, metric: claim.metric, mean: mean(vb) },
		{ id: a, metric: claim.metric, mean: mean(va) }
	];
	if (claim.minus) {
		const metric = claim.minus.metric ?? claim.metric;
		const [mb, ma] = claim.minus.compare;
		const wb = values(mb, metric);
		const wa = values(ma, metric);
		for (let r = 0; r < reps; r++) diffs[r] -= wb[r] - wa[r];
		values_.push({ id: mb, metric, mean: mean(wb) }, { id: ma, metric, mean: mean(wa) });
	}
	const effect = pairedInterval(diffs);
	const mme = METRICS[claim.metric].mme;
	// "lower" is "higher" with the sign reversed.
	const signed: Interval = claim.expect === 'lower' ? { ...effect, mean: -effect.mean, low: -effect.high, high: -effect.low } : effect;
	const verdict = verdictOf(signed, mme);
	const supported = claim.expect === 'similar' ? verdict === 'too small to matter' : verdict === 'agrees';
	const raw = verdictOf(effect, mme);
	const answer: Expectation | null = raw === 'agrees' ? 'higher' : raw === 'does not' ? 'lower' : raw === 'too small to matter' ? 'similar' : null;
	return { effect, verdict, supported, answer, values: values_, reps };
}
