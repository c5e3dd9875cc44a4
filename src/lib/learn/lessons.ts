/**
 * The lessons as data: each a few steps; each step a question with choices, the scenarios it runs
 * and the claim its answer makes, checked against the run (claims.ts). Words live in the
 * catalogues (src/lib/i18n/learn-zh.ts, learn-en.ts) under `learn.<lesson>.<step>.*`; numbers
 * come from the runs only. The model card anchors of each step are derived from its metric, or
 * named (`card`).
 */
import { presetScenario, customised, type Scenario } from '$lib/sim/scenario';
import type { Levers, Preset, Structure } from '$sim/engine/modes';
import type { Context } from '$lib/sim/scenario';
import { claimScenarios, type Claim, type Expectation } from './claims';

/** A lesson's scenario: a preset, optionally changed (a custom scenario from that preset) and in other county conditions. */
export interface ScenarioSpec {
	preset: Preset;
	structure?: Partial<Structure>;
	levers?: Partial<Levers>;
	context?: Partial<Context>;
}

export interface Step {
	id: string;
	/** The choices a student predicts among (the first three are the claim's possible answers). */
	choices: readonly Expectation[];
	claim: Claim;
	/** Model-card anchors (ids on /model/) explaining the mechanism, besides the metric's outcome. */
	card: readonly string[];
}

export interface Lesson {
	id: string;
	/** Minutes the lesson takes in class. */
	minutes: number;
	scenarios: Record<string, ScenarioSpec>;
	steps: readonly Step[];
}

/** How the lessons run: 1/16 of the county (≈4,000 households), paired replicates, five years from mid-2022. */
export const LESSON_RUN = { scale: 1 / 16, reps: 4 } as const;

const ANSWERS = ['higher', 'similar', 'lower'] as const satisfies readonly Expectation[];

export const LESSONS: readonly Lesson[] = [
	{
		id: 'feedback',
		minutes: 8,
		scenarios: { oneWay: { preset: 'one-way' }, twoWay: { preset: 'two-way' } },
		steps: [
			{ id: 'order', choices: ANSWERS, claim: { metric: 'order', compare: ['twoWay', 'oneWay'], expect: 'higher' }, card: ['structure-feedback', 'structure-topDownAssignment'] },
			{ id: 'vitality', choices: ANSWERS, claim: { metric: 'vitality', compare: ['twoWay', 'oneWay'], expect: 'similar' }, card: ['structure-responsiveChannels', 'outcome-voice'] }
		]
	},
	{
		id: 'sinking',
		minutes: 9,
		scenarios: {
			none: { preset: 'multi', levers: { sinking: 0, coordination: 0 } },
			sinkOnly: { preset: 'multi', levers: { sinking: 1, coordination: 0 } },
			noneScarce: { preset: 'multi', levers: { sinking: 0, coordination: 0 }, context: { budget: 0.25 } },
			sinkScarce: { preset: 'multi', levers: { sinking: 1, coordination: 0 }, context: { budget: 0.25 } },
			sinkCoordScarce: { preset: 'multi', levers: { sinking: 1, coordination: 1 }, context: { budget: 0.25 } }
		},
		steps: [
			{ id: 'alone', choices: ANSWERS, claim: { metric: 'days', compare: ['sinkOnly', 'none'], expect: 'similar' }, card: ['lever-sinking', 'structure-villageHandling'] },
			{ id: 'scarce', choices: ANSWERS, claim: { metric: 'days', compare: ['sinkScarce', 'noneScarce'], expect: 'lower' }, card: ['param-villageWorkFactor', 'param-travelHoursCounty'] },
			{ id: 'coordination', choices: ANSWERS, claim: { metric: 'days', compare: ['sinkCoordScarce', 'sinkScarce'], expect: 'lower' }, card: ['lever-coordination', 'param-handoffDelayWeeks'] }
		]
	},
	{
		id: 'trust',
		minutes: 7,
		scenarios: { without: { preset: 'multi', levers: { participation: 0 } }, with: { preset: 'multi' } },
		steps: [
			{ id: 'year5', choices: ANSWERS, claim: { metric: 'orderYear5', compare: ['with', 'without'], expect: 'higher' }, card: ['lever-participation', 'outcome-trust'] },
			{ id: 'grows', choices: ANSWERS, claim: { metric: 'orderYear5', compare: ['with', 'without'], minus: { metric: 'orderYear1', compare: ['with', 'without'] }, expect: 'higher' }, card: ['outcome-trust', 'param-consultTrustGain'] }
		]
	},
	{
		id: 'migration',
		minutes: 8,
		scenarios: {
			weakLow: { preset: 'multi', levers: { participation: 0.1 }, context: { outMigration: 0.01 } },
			weakHigh: { preset: 'multi', levers: { participation: 0.1 }, context: { outMigration: 0.08 } },
			strongLow: { preset: 'multi', levers: { participation: 0.9 }, context: { outMigration: 0.01 } },
			strongHigh: { preset: 'multi', levers: { participation: 0.9 }, context: { outMigration: 0.08 } }
		},
		steps: [
			{ id: 'harm', choices: ANSWERS, claim: { metric: 'vitality', compare: ['strongHigh', 'strongLow'], expect: 'lower' }, card: ['param-outMigration', 'outcome-consulted'] },
			{ id: 'buffer', choices: ANSWERS, claim: { metric: 'order', compare: ['strongHigh', 'strongLow'], minus: { compare: ['weakHigh', 'weakLow'] }, expect: 'similar' }, card: ['param-liaisonMigration', 'outcome-order'] },
			{ id: 'vitality', choices: ANSWERS, claim: { metric: 'vitality', compare: ['strongHigh', 'strongLow'], minus: { compare: ['weakHigh', 'weakLow'] }, expect: 'lower' }, card: ['param-liaisonMigration', 'param-liaisonRecruitment'] }
		]
	},
	{
		id: 'online',
		minutes: 7,
		scenarios: {
			lowAccess: { preset: 'two-way', context: { digitalAccess: 0.1 } },
			highAccess: { preset: 'two-way', context: { digitalAccess: 0.9 } },
			multiHigh: { preset: 'multi', context: { digitalAccess: 0.9 } }
		},
		steps: [
			{ id: 'gap', choices: ANSWERS, claim: { metric: 'reachGap', compare: ['highAccess', 'lowAccess'], expect: 'higher' }, card: ['param-elderlyDigital', 'param-digitalAccess'] },
			{ id: 'outreach', choices: ANSWERS, claim: { metric: 'reachElderly', compare: ['multiHigh', 'highAccess'], expect: 'higher' }, card: ['structure-liaisons', 'param-visitDiscovery'] }
		]
	},
	{
		id: 'formalism',
		minutes: 7,
		scenarios: {
			oneWay: { preset: 'one-way' },
			oneWayBudget: { preset: 'one-way', context: { budget: 1.5 } },
			oneWayCoord: { preset: 'one-way', levers: { coordination: 1 } }
		},
		steps: [
			{ id: 'cost', choices: ANSWERS, claim: { metric: 'cost', compare: ['oneWayBudget', 'oneWay'], expect: 'higher' }, card: ['param-budget', 'param-hourCost'] },
			{ id: 'effect', choices: ANSWERS, claim: { metric: 'order', compare: ['oneWayBudget', 'oneWay'], expect: 'similar' }, card: ['param-formalismBase', 'structure-topDownPressure'] },
			{ id: 'paperwork', choices: ANSWERS, claim: { metric: 'days', compare: ['oneWayCoord', 'oneWay'], expect: 'lower' }, card: ['param-coordinationPaperworkCut', 'lever-coordination'] }
		]
	}
];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

/** The sandbox scenario of a lesson's scenario spec (today's county conditions unless it says otherwise). */
export function lessonScenario(spec: ScenarioSpec): Scenario {
	const base = presetScenario(spec.preset);
	const changed = spec.structure || spec.levers ? customised(base, { structure: spec.structure, levers: spec.levers }) : base;
	return { ...changed, context: { ...changed.context, ...spec.context } };
}

/** The scenario ids a step runs, in the lesson's order. */
export function stepScenarios(lesson: Lesson, step: Step): string[] {
	const needed = new Set(claimScenarios(step.claim));
	return Object.keys(lesson.scenarios).filter((id) => needed.has(id));
}
