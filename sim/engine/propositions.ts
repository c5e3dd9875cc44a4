import type { County } from '../county/build-county';
import { pairedDifferences, pairedInterval, runReplicates, type Interval, type ReplicateResult, type Scenario } from './experiments';
import type { RunSummary } from './model';
import { ELDERLY, WORKING } from './world';

/**
 * What a comparison says about a proposition, against a minimal meaningful effect (MME) stated
 * before running: "agrees" — the mean is at least the MME in the predicted direction and the
 * 90% interval excludes zero; "does not" — the same, the other way; "too small to matter" — the
 * whole interval lies within ±MME; "inconclusive" — none of these (more replicates needed).
 */
export type Verdict = 'agrees' | 'does not' | 'too small to matter' | 'inconclusive';

export function verdictOf(effect: Interval, mme: number): Verdict {
	if (effect.mean >= mme && effect.low > 0) return 'agrees';
	if (effect.mean <= -mme && effect.high < 0) return 'does not';
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
 * The minimal meaningful effects, fixed before any run (model 2): on the order index and the
 * vitality index (both 0–1), 0.02 — two points on a 100-point scale; on days to close, 2 days;
 * on a share of issues reaching government, 0.02 (two percentage points); on satisfaction, 0.02.
 */
export const MME = { index: 0.02, days: 2, share: 0.02 } as const;

const order = (s: RunSummary) => s.means.orderIndex;
const vitality = (s: RunSummary) => s.means.vitalityIndex;
/** Share of a household type's issues that reached government or a liaison. */
const reach = (s: RunSummary, type: number) => s.byType[type].reach;

/**
 * Runs the propositions with `reps` paired replicates each (replicate r of every scenario shares
 * its random streams). Each comparison holds every other setting fixed; effects are B − A (or a
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

	const oneWay = run({ mode: 'one-way' });
	const twoWay = run({ mode: 'two-way' });
	const multi = run({ mode: 'multi' });
	add({ id: 'P1a', claim: 'Two-way beats one-way on order', comparison: 'two-way − one-way', measure: 'order index', mme: MME.index }, diff(oneWay, twoWay, order));
	add({ id: 'P1b', claim: 'Multi-dimensional beats two-way on order', comparison: 'multi − two-way', measure: 'order index', mme: MME.index }, diff(twoWay, multi, order));
	add({ id: 'P1c', claim: 'Two-way beats one-way on vitality', comparison: 'two-way − one-way', measure: 'vitality index', mme: MME.index }, diff(oneWay, twoWay, vitality));
	add({ id: 'P1d', claim: 'Multi-dimensional beats two-way on vitality', comparison: 'multi − two-way', measure: 'vitality index', mme: MME.index }, diff(twoWay, multi, vitality));

	// More resources bring limited gains under one-way governance: the same extra budget (+50%,
	// the same extra yuan) buys less under one-way than under two-way governance.
	const budgetGain = (base: Scenario, f: (s: RunSummary) => number) => diff(run(base), run({ ...base, params: { budget: 1.5 } }), f);
	const p2 = (measure: string, f: (s: RunSummary) => number, mme: number, secondary?: boolean) =>
		add(
			{ id: 'P2', claim: 'More resources under one-way bring limited gains', comparison: '(two-way ×1.5 budget − two-way) − (one-way ×1.5 budget − one-way)', measure, mme, secondary },
			minus(budgetGain({ mode: 'two-way' }, f), budgetGain({ mode: 'one-way' }, f))
		);
	p2('order index', order, MME.index);
	p2('satisfaction', (s) => s.county.satisfaction, MME.share, true);
	p2('median days to close (fewer is better: sign reversed)', (s) => -s.county.daysMedian, MME.days, true);

	// Resource sinking without coordination leaves cross-department cases stuck: sinking speeds
	// cross-department cases up less (or slows them more) without coordination than with it.
	const lever = (sinking: number, coordination: number, participation = 0.5): Scenario => ({ mode: 'custom', levers: { sinking, coordination, participation } });
	const sinkEffect = (coordination: number, f: (s: RunSummary) => number) => diff(run(lever(0, coordination)), run(lever(1, coordination)), f);
	const crossDays = (s: RunSummary) => s.byDepartments.cross.daysMedian;
	add(
		{ id: 'P3', claim: 'Sinking without coordination leaves cross-department cases stuck', comparison: '(sinking 1 − 0 at coordination 0) − (the same at coordination 1)', measure: 'median days to close, cross-department issues', mme: MME.days },
		minus(sinkEffect(0, crossDays), sinkEffect(1, crossDays))
	);
	add(
		{ id: 'P3', claim: 'Sinking without coordination leaves cross-department cases stuck', comparison: 'sinking 1 − 0 at coordination 0 (fewer is better: sign reversed)', measure: 'median days to close, single-department issues', mme: MME.days, secondary: true },
		sinkEffect(0, (s) => -s.byDepartments.single.daysMedian)
	);

	// Participation's effect grows over time through trust: the order gain of full participation
	// is larger in year 5 than in year 1, and less so when trust cannot change.
	const growth = (params?: Scenario['params']) => {
		const none = run({ ...lever(0.5, 0.5, 0), params });
		const full = run({ ...lever(0.5, 0.5, 1), params });
		const years = Math.floor(weeks / 52);
		return none.map((a, i) => {
			const b = full[i].summary.byYear.orderIndex;
			const c = a.summary.byYear.orderIndex;
			return b[years - 1] - c[years - 1] - (b[0] - c[0]);
		});
	};
	const grows = growth();
	add({ id: 'P4', claim: 'Participation’s effect grows over time through trust', comparison: '(participation 1 − 0) in the last year − the same in year 1', measure: 'order index', mme: MME.index }, grows);
	add(
		{ id: 'P4', claim: 'Participation’s effect grows over time through trust', comparison: 'the growth above − the same growth with trust held fixed (trustLearning 0, consultTrustGain 0)', measure: 'order index', mme: MME.index, secondary: true },
		minus(grows, growth({ trustLearning: 0, consultTrustGain: 0 }))
	);

	// Out-migration hurts less where participation is strong.
	const migrating = (participation: number, outMigration: number): Scenario => ({ ...lever(0.5, 0.5, participation), params: { outMigration } });
	const hurt = (participation: number) => diff(run(migrating(participation, 0.01)), run(migrating(participation, 0.08)), order);
	add({ id: 'P5', claim: 'Out-migration hurts less where participation is strong', comparison: '(order change, out-migration 1% → 8% a year) at participation 0.9 − at 0.1', measure: 'order index', mme: MME.index }, minus(hurt(0.9), hurt(0.1)));

	// Online channels without offline outreach widen the gap for left-behind elderly.
	const gap = (s: RunSummary) => reach(s, WORKING) - reach(s, ELDERLY);
	const widening = (mode: 'two-way' | 'multi') => diff(run({ mode, params: { digitalAccess: 0.1 } }), run({ mode, params: { digitalAccess: 0.9 } }), gap);
	const online = widening('two-way');
	add({ id: 'P6', claim: 'Online channels without offline outreach widen the gap for left-behind elderly', comparison: 'two-way, digital access 0.9 − 0.1', measure: 'share of issues reaching government or a liaison, working families − left-behind elderly', mme: MME.share }, online);
	add(
		{ id: 'P6', claim: 'Online channels without offline outreach widen the gap for left-behind elderly', comparison: 'the widening under two-way − the widening under multi-dimensional (liaison outreach)', measure: 'share of issues reaching government or a liaison, working families − left-behind elderly', mme: MME.share, secondary: true },
		minus(online, widening('multi'))
	);
	return results;
}
