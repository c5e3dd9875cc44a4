import type { County } from '../county/build-county';
import { pairedDifferences, pairedInterval, runReplicates, type Interval, type ReplicateResult, type Scenario } from './experiments';
import type { RunSummary } from './model';
import type { WeeklyMetric } from './outputs';

/** One proposition of the study (SPEC §3), tested with paired replicates. */
export interface PropositionResult {
	id: string;
	claim: string;
	comparison: string;
	measure: string;
	effect: Interval;
	/** Whether the 90% interval lies on the side the study predicts. */
	agrees: boolean;
}

const WEEKS_PER_YEAR = 52;

/** Mean of a weekly series over one year of the run (0-based). */
function yearMean(r: ReplicateResult, metric: WeeklyMetric, year: number): number {
	const a = r.series[metric];
	let s = 0;
	for (let k = year * WEEKS_PER_YEAR; k < (year + 1) * WEEKS_PER_YEAR; k++) s += a[k];
	return s / WEEKS_PER_YEAR;
}

/** Share of a household type's issues that reached government (received ÷ raised). */
function reach(s: RunSummary, type: number): number {
	return s.byType[type].received / s.byType[type].raised;
}

/**
 * Runs the six propositions with `reps` paired replicates each. Each comparison holds every other
 * setting fixed; the effect is B − A with a 90% t interval over replicates.
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
	const add = (id: string, claim: string, comparison: string, measure: string, diffs: number[], positive: boolean) => {
		const effect = pairedInterval(diffs);
		results.push({ id, claim, comparison, measure, effect, agrees: positive ? effect.low > 0 : effect.high < 0 });
	};

	const oneWay = run({ mode: 'one-way' });
	const twoWay = run({ mode: 'two-way' });
	const multi = run({ mode: 'multi' });
	const order = (s: RunSummary) => s.means.orderIndex;
	const vitality = (s: RunSummary) => s.means.vitalityIndex;
	add('P1a', 'Two-way beats one-way on order', 'two-way − one-way', 'mean order index', pairedDifferences(oneWay, twoWay, order), true);
	add('P1b', 'Multi-dimensional beats two-way on order', 'multi − two-way', 'mean order index', pairedDifferences(twoWay, multi, order), true);
	add('P1c', 'Two-way beats one-way on vitality', 'two-way − one-way', 'mean vitality index', pairedDifferences(oneWay, twoWay, vitality), true);
	add('P1d', 'Multi-dimensional beats two-way on vitality', 'multi − two-way', 'mean vitality index', pairedDifferences(twoWay, multi, vitality), true);

	// More resources under one-way governance bring limited gains: +50% budget under one-way gains
	// less order than the move from one-way to multi-dimensional governance at today's budget.
	const oneWayRich = run({ mode: 'one-way', params: { budget: 1.5 } });
	const budgetGain = pairedDifferences(oneWay, oneWayRich, order);
	const modeGain = pairedDifferences(oneWay, multi, order);
	add('P2', 'More resources under one-way bring limited gains', '(multi − one-way) − (one-way ×1.5 budget − one-way)', 'mean order index', modeGain.map((g, i) => g - budgetGain[i]), true);

	// Resource sinking without coordination leaves cross-department cases stuck.
	const sinkOnly = run({ mode: 'custom', levers: { sinking: 1, coordination: 0, participation: 0 } });
	const sinkCoord = run({ mode: 'custom', levers: { sinking: 1, coordination: 1, participation: 0 } });
	const crossDays = (s: RunSummary) => s.byDepartments.cross.daysMedian - s.byDepartments.single.daysMedian;
	add('P3', 'Sinking without coordination leaves cross-department cases stuck', '(sinking only) − (sinking + coordination)', 'median days to close, cross-department minus single-department', pairedDifferences(sinkCoord, sinkOnly, crossDays), true);

	// Participation's effect grows over time through trust.
	const base = { sinking: 0.5, coordination: 0.5 };
	const noPart = run({ mode: 'custom', levers: { ...base, participation: 0 } });
	const fullPart = run({ mode: 'custom', levers: { ...base, participation: 1 } });
	const growth = noPart.map((a, i) => {
		const b = fullPart[i];
		return yearMean(b, 'trust', 4) - yearMean(a, 'trust', 4) - (yearMean(b, 'trust', 0) - yearMean(a, 'trust', 0));
	});
	add('P4', 'Participation’s effect grows over time through trust', '(participation 1 − 0) in year 5 − the same in year 1', 'mean trust', growth, true);

	// Out-migration hurts less where participation is strong.
	const lever = (participation: number, outMigration: number): Scenario => ({
		mode: 'custom',
		levers: { ...base, participation },
		params: { outMigration }
	});
	const hurtLow = pairedDifferences(run(lever(0.1, 0.01)), run(lever(0.1, 0.1)), order);
	const hurtHigh = pairedDifferences(run(lever(0.9, 0.01)), run(lever(0.9, 0.1)), order);
	add('P5', 'Out-migration hurts less where participation is strong', '(order change from out-migration 1%→10% a year) at participation 0.9 − at 0.1', 'mean order index', hurtLow.map((d, i) => hurtHigh[i] - d), true);

	// Online channels without offline outreach widen the gap for left-behind elderly.
	const gap = (s: RunSummary) => reach(s, 0) - reach(s, 2);
	const lowDigital = run({ mode: 'two-way', params: { digitalAccess: 0.1 } });
	const highDigital = run({ mode: 'two-way', params: { digitalAccess: 0.9 } });
	add('P6', 'Online channels without offline outreach widen the gap for left-behind elderly', 'two-way, digital access 0.9 − 0.1', 'share of issues reaching government, working families minus left-behind elderly', pairedDifferences(lowDigital, highDigital, gap), true);
	return results;
}
