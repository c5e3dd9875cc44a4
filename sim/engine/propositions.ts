import type { County } from '../county/build-county';
import { pairedDifferences, pairedInterval, runReplicates, type Interval, type ReplicateResult, type Scenario } from './experiments';
import type { RunSummary } from './model';
import { ELDERLY, WORKING } from './world';

/**
 * What a comparison says about a proposition, against a minimal meaningful effect (MME) stated
 * before running: "agrees" — the whole 90% interval is at least the MME in the predicted
 * direction; "does not" — the same, the other way; "too small to matter" — the whole interval
 * lies within ±MME; "inconclusive" — none of these (the interval straddles the MME).
 */
export type Verdict = 'agrees' | 'does not' | 'too small to matter' | 'inconclusive';

export function verdictOf(effect: Interval, mme: number): Verdict {
	if (effect.low >= mme) return 'agrees';
	if (effect.high <= -mme) return 'does not';
	if (effect.low > -mme && effect.high < mme) return 'too small to matter';
	return 'inconclusive';
}

/** One proposition of the study (SPEC §3), or a secondary reading of one, tested with paired replicates. */
export interface PropositionResult {
	id: string;
	claim: string;
	comparison: string;
	measure: string;
	/** The effect the claim predicts is positive; an effect of at least `mme` is taken to matter. */
	mme: number;
	effect: Interval;
	verdict: Verdict;
	/** A secondary row: another measure of the same contrast, or the test of the path a claim names. */
	secondary?: boolean;
}

/**
 * The minimal meaningful effects, fixed before running (model 2): on the order and vitality
 * indices (both 0–1), 0.02 — two points on a 100-point scale; on the logarithm of an escalation
 * rate, 0.1 — a tenth more or fewer escalations; on days to close, 2 days; on a share of issues,
 * 0.02 (two percentage points); on order points bought per million yuan a year, 0.01.
 */
export const MME = { index: 0.02, log: 0.1, days: 2, share: 0.02, perMillion: 0.01 } as const;

const order = (s: RunSummary) => s.means.orderIndex;
const vitality = (s: RunSummary) => s.means.vitalityIndex;
/** Escalations are a rate: compared on a log scale, where "a tenth fewer" means the same at any level (+0.1 keeps a run with none finite). */
const logRate = (perThousand: number) => Math.log(perThousand + 0.1);
const logEscalations = (s: RunSummary) => logRate(s.county.escalationsPer1000);
/** Share of a household type's issues that reached government or a liaison. */
const reach = (s: RunSummary, type: number) => s.byType[type].reach;

/**
 * Runs the propositions with `reps` paired replicates each (replicate r of every scenario shares
 * its random draws). Each comparison holds every other setting fixed; effects are B − A (or a
 * difference of such differences) with a 90% t interval over replicates. Nothing is tuned to make
 * them hold: the report says what fails.
 */
export function testPropositions(options: { reps: number; seed: number; county?: County; weeks?: number }): PropositionResult[] {
	const { reps, seed, county, weeks = 260 } = options;
	const cache = new Map<string, ReplicateResult[]>();
	const run = (s: Scenario) => {
		const key = JSON.stringify(s);
		if (!cache.has(key)) cache.set(key, runReplicates({ ...s, seed, weeks }, reps, county));
		return cache.get(key)!;
	};
	const results: PropositionResult[] = [];
	const add = (row: Omit<PropositionResult, 'effect' | 'verdict'>, diffs: number[]) => {
		const effect = pairedInterval(diffs);
		results.push({ ...row, effect, verdict: verdictOf(effect, row.mme) });
	};
	const diff = (a: ReplicateResult[], b: ReplicateResult[], f: (s: RunSummary) => number) => pairedDifferences(a, b, f);
	const minus = (x: number[], y: number[]) => x.map((v, i) => v - y[i]);
	const lever = (sinking: number, coordination: number, participation = 0.5): Scenario => ({ mode: 'custom', levers: { sinking, coordination, participation } });

	const oneWay = run({ mode: 'one-way' });
	const twoWay = run({ mode: 'two-way' });
	const multi = run({ mode: 'multi' });
	add({ id: 'P1a', claim: 'Two-way beats one-way on order', comparison: 'two-way − one-way', measure: 'order index', mme: MME.index }, diff(oneWay, twoWay, order));
	add({ id: 'P1b', claim: 'Multi-dimensional beats two-way on order', comparison: 'multi − two-way', measure: 'order index', mme: MME.index }, diff(twoWay, multi, order));
	add({ id: 'P1c', claim: 'Two-way beats one-way on vitality', comparison: 'two-way − one-way', measure: 'vitality index', mme: MME.index }, diff(oneWay, twoWay, vitality));
	add({ id: 'P1d', claim: 'Multi-dimensional beats two-way on vitality', comparison: 'multi − two-way', measure: 'vitality index', mme: MME.index }, diff(twoWay, multi, vitality));

	// More resources bring limited gains under one-way governance: the same extra budget (+50%,
	// the same extra yuan) cuts escalations by a smaller fraction under one-way than under
	// two-way governance; and, per yuan, it buys less order than coordinating the same structure.
	const claim2 = 'More resources under one-way bring limited gains';
	const budgetGain = (base: Scenario, f: (s: RunSummary) => number) => diff(run(base), run({ ...base, params: { budget: 1.5 } }), f);
	const contrast2 = '(two-way ×1.5 budget − two-way) − (one-way ×1.5 budget − one-way)';
	const fewer = (s: RunSummary) => -logEscalations(s);
	add({ id: 'P2', claim: claim2, comparison: contrast2, measure: 'log escalations a year (fewer is better: sign reversed)', mme: MME.log }, minus(budgetGain({ mode: 'two-way' }, fewer), budgetGain({ mode: 'one-way' }, fewer)));
	add({ id: 'P2', claim: claim2, comparison: contrast2, measure: 'order index', mme: MME.index, secondary: true }, minus(budgetGain({ mode: 'two-way' }, order), budgetGain({ mode: 'one-way' }, order)));
	add({ id: 'P2', claim: claim2, comparison: contrast2, measure: 'median days to close (fewer is better: sign reversed)', mme: MME.days, secondary: true }, minus(budgetGain({ mode: 'two-way' }, (s) => -s.county.daysMedian), budgetGain({ mode: 'one-way' }, (s) => -s.county.daysMedian)));
	const perMillion = (base: ReplicateResult[], other: ReplicateResult[]) =>
		base.map((a, i) => (other[i].summary.means.orderIndex - a.summary.means.orderIndex) / ((other[i].summary.cost.perYear - a.summary.cost.perYear) / 1e6 || NaN));
	const coordinated = run({ mode: 'custom', base: 'one-way', levers: { coordination: 1 } });
	const richer = run({ mode: 'one-way', params: { budget: 1.5 } });
	add(
		{ id: 'P2', claim: claim2, comparison: 'under one-way’s structure: (coordination 1 − none) − (×1.5 budget − ×1), each per extra million yuan a year', measure: 'order index points per million yuan a year', mme: MME.perMillion, secondary: true },
		minus(perMillion(oneWay, coordinated), perMillion(oneWay, richer))
	);

	// Resource sinking without coordination leaves cross-department cases stuck: sinking speeds
	// cross-department cases up less (or slows them more) without coordination than with it.
	const claim3 = 'Sinking without coordination leaves cross-department cases stuck';
	const sinkEffect = (to: number, coordination: number, f: (s: RunSummary) => number) => diff(run(lever(0, coordination)), run(lever(to, coordination)), f);
	const crossDays = (s: RunSummary) => s.byDepartments.cross.daysMedian;
	for (const to of [1, 0.5]) {
		add(
			{ id: 'P3', claim: claim3, comparison: `(sinking ${to} − 0 at coordination 0) − (the same at coordination 1)`, measure: 'median days to close, cross-department issues', mme: MME.days, secondary: to !== 1 },
			minus(sinkEffect(to, 0, crossDays), sinkEffect(to, 1, crossDays))
		);
	}
	add(
		{ id: 'P3', claim: claim3, comparison: 'sinking 1 − 0 at coordination 0 (fewer is better: sign reversed)', measure: 'median days to close, single-department issues', mme: MME.days, secondary: true },
		sinkEffect(1, 0, (s) => -s.byDepartments.single.daysMedian)
	);

	// Participation's effect grows over time through trust: the proportional cut in escalations
	// that full participation brings is larger in the last year than in year 1 — and less so when
	// participation's own paths to trust (consultations, liaisons' dependence on trust) are cut.
	const claim4 = 'Participation’s effect grows over time through trust';
	const growth = (params?: Scenario['params']) => {
		const none = run({ ...lever(0.5, 0.5, 0), params });
		const full = run({ ...lever(0.5, 0.5, 1), params });
		const years = Math.floor(weeks / 52);
		const cut = (i: number, y: number) => logRate(none[i].summary.byYear.escalationsPer1000[y]) - logRate(full[i].summary.byYear.escalationsPer1000[y]);
		return none.map((_, i) => cut(i, years - 1) - cut(i, 0));
	};
	const grows = growth();
	add({ id: 'P4', claim: claim4, comparison: '(participation 0 − 1) in the last year − the same in year 1', measure: 'log escalations a year', mme: MME.log }, grows);
	add(
		{ id: 'P4', claim: claim4, comparison: 'the growth above − the same growth without participation’s paths to trust (consultTrustGain 0, liaisonTrustWeight 0)', measure: 'log escalations a year', mme: MME.log, secondary: true },
		minus(grows, growth({ consultTrustGain: 0, liaisonTrustWeight: 0 }))
	);

	// Out-migration hurts less where participation is strong.
	const claim5 = 'Out-migration hurts less where participation is strong';
	const migrating = (participation: number, outMigration: number): Scenario => ({ ...lever(0.5, 0.5, participation), params: { outMigration } });
	const hurt = (participation: number, f: (s: RunSummary) => number) => diff(run(migrating(participation, 0.01)), run(migrating(participation, 0.08)), f);
	const contrast5 = '(change from out-migration 1% → 8% a year) at participation 0.1 − at 0.9';
	add({ id: 'P5', claim: claim5, comparison: contrast5, measure: 'log escalations a year', mme: MME.log }, minus(hurt(0.1, logEscalations), hurt(0.9, logEscalations)));
	add({ id: 'P5', claim: claim5, comparison: '(order change from out-migration 1% → 8% a year) at participation 0.9 − at 0.1', measure: 'order index', mme: MME.index, secondary: true }, minus(hurt(0.9, order), hurt(0.1, order)));

	// Online channels without offline outreach widen the gap for left-behind elderly. (It follows
	// from their lower digital access, `elderlyDigital` < 1: the test measures how much.)
	const claim6 = 'Online channels without offline outreach widen the gap for left-behind elderly';
	const gapMeasure = 'share of issues reaching government or a liaison, working families − left-behind elderly';
	const gap = (s: RunSummary) => reach(s, WORKING) - reach(s, ELDERLY);
	const widening = (base: Scenario) => diff(run({ ...base, params: { digitalAccess: 0.1 } }), run({ ...base, params: { digitalAccess: 0.9 } }), gap);
	const online = widening({ mode: 'two-way' });
	add({ id: 'P6', claim: claim6, comparison: 'two-way, digital access 0.9 − 0.1', measure: gapMeasure, mme: MME.share }, online);
	add(
		{ id: 'P6', claim: claim6, comparison: 'the widening without liaisons’ outreach − with it (multi-dimensional structure, participation 0 − 0.8)', measure: gapMeasure, mme: MME.share, secondary: true },
		minus(widening(lever(0.8, 0.8, 0)), widening(lever(0.8, 0.8, 0.8)))
	);
	return results;
}
