/**
 * The lessons' claims against the current model, run in Node as the page runs it (1/16 of the
 * county, the lessons' paired replicates, five years from mid-2022): a lesson whose claim the
 * model stops supporting fails here, naming the lesson and step. The effects are also computed
 * independently of the lesson code, from the model's own summary and series.
 */
import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { HOUSEHOLD_TYPES } from '../../sim/county/household-types';
import { COUNTY_SEED, Model, type RunSummary } from '../../sim/engine/model';
import { engineOptions } from '../../src/lib/sim/scenario';
import { replicateOutput } from '../../src/lib/sim/replicate-output';
import type { ReplicateOutput } from '../../src/lib/sim/sim-types';
import { LESSONS, LESSON_RUN, lessonScenario, stepScenarios } from '../../src/lib/learn/lessons';
import { checkClaim, METRICS, type Claim, type MetricKey } from '../../src/lib/learn/claims';

const WEEKS = 260;
const county = buildCounty({ seed: COUNTY_SEED, scale: LESSON_RUN.scale });

interface Run {
	output: ReplicateOutput;
	summary: RunSummary;
	order: Float64Array;
}

/** Every lesson scenario, every replicate: runs shared by scenario (the same scenario in two lessons runs once). */
const cache = new Map<string, Run[]>();
function runsOf(spec: Parameters<typeof lessonScenario>[0]): Run[] {
	const scenario = lessonScenario(spec);
	const key = JSON.stringify(scenario);
	let runs = cache.get(key);
	if (!runs) {
		runs = Array.from({ length: LESSON_RUN.reps }, (_, replicate) => {
			const model = new Model({ ...engineOptions(scenario), replicate, weeks: WEEKS, county }).run();
			return { output: replicateOutput(model, county, WEEKS), summary: model.summary(), order: model.series.orderIndex };
		});
		cache.set(key, runs);
	}
	return runs;
}

/** The metric read straight from the model's summary and series (not through the lesson's METRICS). */
const working = HOUSEHOLD_TYPES.indexOf('working');
const elderly = HOUSEHOLD_TYPES.indexOf('elderly');
const DIRECT: Record<MetricKey, (r: Run) => number> = {
	order: (r) => r.summary.means.orderIndex,
	orderYear1: (r) => r.order[51],
	orderYear5: (r) => r.order[259],
	vitality: (r) => r.summary.means.vitalityIndex,
	closure: (r) => r.summary.county.closureRate,
	days: (r) => r.summary.county.daysMedian,
	satisfaction: (r) => r.summary.county.satisfaction,
	cost: (r) => (r.summary.cost.perHousehold * 63949) / 1e6,
	reachElderly: (r) => r.summary.byType[elderly].reach,
	reachGap: (r) => r.summary.byType[working].reach - r.summary.byType[elderly].reach
};

function directEffect(claim: Claim, runs: Record<string, Run[]>): number {
	const diff = (metric: MetricKey, [b, a]: readonly [string, string]) => runs[b].map((rb, i) => DIRECT[metric](rb) - DIRECT[metric](runs[a][i]));
	const main = diff(claim.metric, claim.compare);
	const minus = claim.minus ? diff(claim.minus.metric ?? claim.metric, claim.minus.compare) : main.map(() => 0);
	return main.reduce((s, d, i) => s + d - minus[i], 0) / main.length;
}

describe('lessons on the current model', () => {
	for (const lesson of LESSONS) {
		for (const step of lesson.steps) {
			it(`${lesson.id} / ${step.id}: ${step.claim.metric} ${step.claim.compare.join(' vs ')} is ${step.claim.expect}`, () => {
				const ids = stepScenarios(lesson, step);
				const runs = Object.fromEntries(ids.map((id) => [id, runsOf(lesson.scenarios[id])]));
				const check = checkClaim(step.claim, Object.fromEntries(ids.map((id) => [id, runs[id].map((r) => r.output)])));
				expect(check.reps).toBe(LESSON_RUN.reps);
				expect(check.effect.mean).toBeCloseTo(directEffect(step.claim, runs), 9);
				// The claim the lesson's answer makes: if this fails, the model no longer supports the lesson.
				expect({ verdict: check.verdict, effect: check.effect }).toMatchObject({ verdict: step.claim.expect === 'similar' ? 'too small to matter' : 'agrees' });
				expect(check.supported).toBe(true);
			});
		}
	}
});

describe('checkClaim', () => {
	/** An output whose every metric reads `v` (only what METRICS read is filled). */
	const output = (v: number): ReplicateOutput =>
		({
			summary: { orderIndex: v, vitalityIndex: v, closureRate: v, daysMedian: v, satisfaction: v, costPerYear: v },
			series: { orderIndex: new Float64Array(WEEKS).fill(v) },
			byType: { reach: [v, v, v, v] }
		}) as unknown as ReplicateOutput;
	const runs = (a: number[], b: number[]) => ({ a: a.map(output), b: b.map(output) });

	it('a clear rise supports "higher", not "similar" or "lower"', () => {
		const r = runs([0.5, 0.52, 0.49, 0.51], [0.6, 0.61, 0.6, 0.62]);
		expect(checkClaim({ metric: 'order', compare: ['b', 'a'], expect: 'higher' }, r)).toMatchObject({ supported: true, verdict: 'agrees', answer: 'higher' });
		expect(checkClaim({ metric: 'order', compare: ['b', 'a'], expect: 'similar' }, r).supported).toBe(false);
		const lower = checkClaim({ metric: 'order', compare: ['b', 'a'], expect: 'lower' }, r);
		expect(lower).toMatchObject({ supported: false, verdict: 'does not', answer: 'higher' });
		// The mean effect, computed by hand: (0.1 + 0.09 + 0.11 + 0.11) / 4.
		expect(lower.effect.mean).toBeCloseTo(0.1025, 12);
	});

	it('a change within the minimal effect supports "similar" only', () => {
		const r = runs([0.5, 0.52, 0.49, 0.51], [0.501, 0.519, 0.492, 0.511]);
		for (const expect_ of ['higher', 'lower'] as const) expect(checkClaim({ metric: 'order', compare: ['b', 'a'], expect: expect_ }, r).supported).toBe(false);
		expect(checkClaim({ metric: 'order', compare: ['b', 'a'], expect: 'similar' }, r)).toMatchObject({ supported: true, verdict: 'too small to matter', answer: 'similar' });
		expect(checkClaim({ metric: 'order', compare: ['a', 'b'], expect: 'lower' }, r)).toMatchObject({ supported: false, answer: 'similar' });
	});

	it('a noisy change is inconclusive: supports nothing', () => {
		const r = runs([0.5, 0.5, 0.5, 0.5], [0.55, 0.46, 0.58, 0.44]);
		for (const e of ['higher', 'lower', 'similar'] as const) expect(checkClaim({ metric: 'order', compare: ['b', 'a'], expect: e }, r)).toMatchObject({ supported: false, answer: null });
	});

	it('a difference of differences subtracts the second pair', () => {
		const r = { ...runs([1, 1], [5, 7]), c: [0, 0].map(output), d: [2, 3].map(output) };
		// (5 − 1, 7 − 1) − (2 − 0, 3 − 0) = (2, 3): mean 2.5 days.
		expect(checkClaim({ metric: 'days', compare: ['b', 'a'], minus: { compare: ['d', 'c'] }, expect: 'higher' }, r).effect.mean).toBeCloseTo(2.5, 12);
	});

	it('names a missing scenario', () => {
		expect(() => checkClaim({ metric: 'order', compare: ['b', 'x'], expect: 'higher' }, runs([1], [1]))).toThrow(/"x"/);
	});

	it('every metric has a minimal effect and a model-card outcome', () => {
		for (const m of Object.values(METRICS)) expect(m.mme).toBeGreaterThan(0);
	});
});
