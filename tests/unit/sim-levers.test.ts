import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { runReplicates } from '../../sim/engine/experiments';
import { PUBLISHED } from '../../sim/county/published';
import { COUNTY_SEED, type RunSummary } from '../../sim/engine/model';
import { LEVER_NAMES, type Levers } from '../../sim/engine/modes';
import { defaultParameters } from '../../sim/engine/parameters';

const county = buildCounty({ seed: COUNTY_SEED, scale: 1 / 4 });
const REPS = 2;
const POINTS = Array.from({ length: 11 }, (_, i) => i / 10);

const MEASURES = {
	closure: (s: RunSummary) => s.county.closureRate,
	days: (s: RunSummary) => s.county.daysMedian,
	crossDays: (s: RunSummary) => s.byDepartments.cross.daysMedian,
	satisfaction: (s: RunSummary) => s.county.satisfaction,
	order: (s: RunSummary) => s.means.orderIndex,
	vitality: (s: RunSummary) => s.means.vitalityIndex,
	/** Million yuan a year for the whole county. */
	cost: (s: RunSummary) => ((s.cost.perYear / s.households) * PUBLISHED.households.value) / 1e6,
	/** The busiest level's share of its case hours in use. */
	busiest: (s: RunSummary) => Math.max(s.utilization.town, s.utilization.county, Number.isNaN(s.utilization.village) ? 0 : s.utilization.village)
};
type Measure = keyof typeof MEASURES;

/**
 * The largest change one step of 0.1 on a lever may cause, from what the mechanisms move
 * (MODEL.md §6): a step of sinking moves 0.1 × villageShareMax (5%) of case hours between levels;
 * of coordination, removes 0.1 × coordinationEffect (8 points) of hand-off delay and failure; of
 * participation, raises the chance a liaison post is active by at most 0.1 × liaisonActivity (9
 * points) at each review. None of them can move closure by more than 2 points, median days by
 * more than 3, or satisfaction by more than 4 points in one step; the order index by more than
 * 0.06, vitality by more than the households those reviews reach in a year (vitalityStepBound); nor
 * the cost by more than the priced inputs moved (1.5 M yuan a year). A larger jump is a cliff
 * the mechanisms do not explain.
 */
const STEP_BOUND: Partial<Record<Measure, number>> = { closure: 0.02, days: 3, crossDays: 4, satisfaction: 0.04, order: 0.06, vitality: vitalityStepBound(), cost: 1.5 };

/**
 * Vitality counts a household once a year however often it takes part, and a post's activity is
 * drawn anew at each of a year's 52 / R reviews: a step of participation makes a post active at
 * a review with probability up to 0.1 × liaisonActivity more, and an active post's household
 * attends at least one of its Poisson(R × consultRate) consultations with probability at most
 * consultAttendance × (1 − e^(−R × consultRate)). So at most 1 − exp(−(52 / R) × that product) more
 * households take part in a year, plus the noise of counted events (0.02).
 */
function vitalityStepBound(): number {
	const p = defaultParameters();
	const R = p.reviewWeeks;
	const perReview = 0.1 * p.liaisonActivity * p.consultAttendance * (1 - Math.exp(-R * p.consultRate));
	return 1 - Math.exp(-(52 / R) * perReview) + 0.02;
}

/**
 * The one exception, also a mechanism: where a level works at 90% or more of its case hours, its
 * queue's waits grow as 1 / (1 − utilization) (Little's law with a queue near saturation), so a
 * step that moves a few hours away from it may lengthen times to close — and lower closure and
 * satisfaction — by more than the bound. MODEL.md §10 names the case (sinking near 1 leaves the
 * towns short of hours for cross-department issues).
 */
const QUEUE_MEASURES: readonly Measure[] = ['closure', 'days', 'crossDays', 'satisfaction'];
const SATURATED = 0.9;

function sweep(lever: keyof Levers): Record<Measure, number[]> {
	const rows = POINTS.map((x) => {
		const levers = { sinking: 0.5, coordination: 0.5, participation: 0.5, [lever]: x };
		return runReplicates({ mode: 'custom', levers, seed: 1, weeks: 260 }, REPS, county);
	});
	return Object.fromEntries(
		(Object.keys(MEASURES) as Measure[]).map((m) => [m, rows.map((rs) => rs.reduce((a, r) => a + MEASURES[m](r.summary), 0) / rs.length)])
	) as Record<Measure, number[]>;
}

const table = (r: Record<Measure, number[]>) =>
	(Object.keys(r) as Measure[]).map((m) => `${m.padEnd(12)} ${r[m].map((v) => v.toFixed(3).padStart(7)).join('')}`).join('\n');

describe('each lever across its range (custom mode, the other levers at 0.5, scale 1/4, paired replicates)', () => {
	const results = Object.fromEntries(LEVER_NAMES.map((k) => [k, sweep(k)])) as Record<keyof Levers, Record<Measure, number[]>>;

	it.each(LEVER_NAMES)('has no jump between neighbouring points larger than its mechanism explains (%s)', (lever) => {
		const r = results[lever];
		for (const m of Object.keys(STEP_BOUND) as Measure[]) {
			for (let i = 1; i < POINTS.length; i++) {
				const jump = Math.abs(r[m][i] - r[m][i - 1]);
				const saturated = QUEUE_MEASURES.includes(m) && Math.max(r.busiest[i], r.busiest[i - 1]) >= SATURATED;
				if (saturated) continue;
				expect(jump, `${lever} ${POINTS[i - 1]} → ${POINTS[i]}: ${m} moves by ${jump.toFixed(3)}\n${table(r)}`).toBeLessThanOrEqual(STEP_BOUND[m]!);
			}
		}
	});

	it('moves each outcome the way its mechanism says over the whole range', () => {
		const { sinking, coordination, participation } = results;
		const span = (r: Record<Measure, number[]>, m: Measure) => r[m][10] - r[m][0];
		// Sinking buys stationed cadres' hours at a bonus (the exact amount: sim-cost.test.ts).
		expect(span(sinking, 'cost'), table(sinking)).toBeGreaterThan(0);
		// Coordination removes hand-off delay: cross-department issues close much sooner.
		expect(span(coordination, 'crossDays'), table(coordination)).toBeLessThan(-5);
		// Participation makes liaisons active: households take part in co-production.
		expect(span(participation, 'vitality'), table(participation)).toBeGreaterThan(0.2);
	});
});
