/**
 * The classroom's words and the workshop's record: every lesson, role and glossary key in both
 * catalogues; the workshop's stored record read back as written, and refused whole when damaged
 * (the page then starts afresh with a notice); its cumulative scenarios and effects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { learnZh } from '../../src/lib/i18n/learn-zh';
import { learnEn } from '../../src/lib/i18n/learn-en';
import { LESSONS } from '../../src/lib/learn/lessons';
import { lessonKeys, lessonText, parameterValues } from '../../src/lib/learn/format';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import { zh } from '../../src/lib/i18n/zh';
import { en } from '../../src/lib/i18n/en';
import { PARAMETERS as TABLE } from '../../sim/engine/parameters';
import { GLOSSARY, ROLES } from '../../src/lib/learn/roles';
import { applyChange, cumulative, emptyRecord, readRecord, stepResults, WORKSHOP_FORMAT, WORKSHOP_KIND, type Change, type WorkshopRecord } from '../../src/lib/learn/workshop';
import { presetScenario } from '../../src/lib/sim/scenario';
import { LEVER_NAMES, PRESETS, STRUCTURE_FLAGS } from '../../sim/engine/modes';
import { PARAMETERS } from '../../sim/engine/parameters';
import type { ReplicateOutput } from '../../src/lib/sim/sim-types';

describe('classroom words', () => {
	const keys = [
		...LESSONS.flatMap(lessonKeys),
		...ROLES.flatMap((r) => ['name', 'goals', 'change', 'watch'].map((k) => `learn.role.${r.id}.${k}`)),
		...GLOSSARY.flatMap((g) => [`learn.gloss.${g.id}.term`, `learn.gloss.${g.id}.def`])
	];
	it('every lesson, role and glossary key is in both catalogues, with text', () => {
		const missing = keys.filter((k) => !(k in learnZh) || !(k in learnEn) || !(learnZh as Record<string, string>)[k].trim() || !(learnEn as Record<string, string>)[k].trim());
		expect(missing).toEqual([]);
		expect(keys.length).toBeGreaterThan(100);
	});
	it('the Chinese texts of lessons have no Latin words (names of sources such as CNNIC and En-ROADS aside)', () => {
		const latin = keys.filter((k) => /[A-Za-z]{2,}/.test((learnZh as Record<string, string>)[k].replace(/CNNIC|En-ROADS|\{\w+\}/g, '')));
		expect(latin).toEqual([]);
	});
	it('4–6 lessons of 5–10 minutes, each step three choices including its claim’s answer', () => {
		expect(LESSONS.length).toBeGreaterThanOrEqual(4);
		expect(LESSONS.length).toBeLessThanOrEqual(6);
		for (const l of LESSONS) {
			expect(l.minutes).toBeGreaterThanOrEqual(5);
			expect(l.minutes).toBeLessThanOrEqual(10);
			for (const s of l.steps) {
				expect(s.choices).toContain(s.claim.expect);
				expect(new Set(s.card).size, `${l.id}/${s.id} names an anchor twice`).toBe(s.card.length);
			}
		}
	});
	it('the explanations quote the parameter table, every placeholder filled', () => {
		for (const [lang, messages] of [['zh', zh], ['en', en]] as const) {
			const i18n = new I18n(() => lang, () => messages);
			const values = parameterValues(i18n);
			for (const k of LESSONS.flatMap(lessonKeys)) expect(lessonText(i18n, k, values), k).not.toMatch(/\{\w+\}/);
		}
		// The values shown are the table's defaults (formatted), e.g. the elderly's digital access.
		const en_ = new I18n(() => 'en', () => en);
		expect(lessonText(en_, 'learn.online.gap.why', parameterValues(en_))).toContain(`have ${TABLE.elderlyDigital.default} of the others`);
	});
	it('seven roles', () => expect(ROLES.map((r) => r.id)).toHaveLength(7));
});

const change: fc.Arbitrary<Change> = fc.oneof(
	fc.record({ kind: fc.constant('lever' as const), key: fc.constantFrom(...LEVER_NAMES), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
	fc.record({ kind: fc.constant('flag' as const), key: fc.constantFrom(...STRUCTURE_FLAGS), value: fc.boolean() }),
	fc.record({ kind: fc.constant('pressure' as const), key: fc.constant('topDownPressure' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
	fc.constantFrom('outMigration', 'budget', 'digitalAccess').chain((key) => {
		const [lo, hi] = PARAMETERS[key as 'budget'].range;
		return fc.record({ kind: fc.constant('context' as const), key: fc.constant(key as 'budget'), value: fc.double({ min: lo, max: hi, noNaN: true }) });
	})
);
const record: fc.Arbitrary<WorkshopRecord> = fc.record({
	kind: fc.constant(WORKSHOP_KIND),
	format: fc.constant(WORKSHOP_FORMAT),
	start: fc.constantFrom(...PRESETS),
	proposals: fc.array(fc.record({ change, by: fc.string({ maxLength: 40 }) }), { maxLength: 8 })
});

describe('workshop record', () => {
	it('round-trips every valid record and builds its scenarios step by step', () => {
		let deep = 0;
		fc.assert(
			fc.property(record, (r) => {
				const read = readRecord(JSON.stringify(r));
				expect(read).toEqual({ record: r, damaged: false });
				const steps = cumulative(read.record!);
				expect(steps).toHaveLength(r.proposals.length + 1);
				// Each step is the step before with that proposal's field changed, read independently here.
				r.proposals.forEach((p, i) => {
					const s = steps[i + 1];
					const field = p.change.kind === 'lever' ? s.levers : p.change.kind === 'context' ? s.context : s.structure;
					expect((field as unknown as Record<string, unknown>)[p.change.key]).toBe(p.change.value);
					if (p.change.kind !== 'context') expect(s.mode).toBe('custom');
				});
				if (r.proposals.length >= 3) deep++;
			}),
			{ numRuns: 200 }
		);
		expect(deep).toBeGreaterThan(50);
	});

	it('refuses a damaged record whole (so the page ignores it with a notice)', () => {
		let refused = 0;
		const damage = fc.oneof(
			fc.constant((r: WorkshopRecord) => JSON.stringify(r).slice(0, -3)),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, kind: 'other' })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, format: 2 })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, start: 'none' })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, proposals: [...r.proposals, { change: { kind: 'lever', key: 'sinking', value: 2 }, by: '' }] })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, proposals: [...r.proposals, { change: { kind: 'flag', key: 'unknown', value: true }, by: '' }] })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, proposals: [{ change: { kind: 'context', key: 'budget', value: 99 }, by: 'x' }] })),
			fc.constant((r: WorkshopRecord) => JSON.stringify({ ...r, proposals: [{ by: 'x' }] })),
			fc.constant(() => '[]'),
			fc.constant(() => 'null')
		);
		fc.assert(
			fc.property(record, damage, (r, f) => {
				expect(readRecord(f(r))).toEqual({ record: null, damaged: true });
				refused++;
			}),
			{ numRuns: 200 }
		);
		expect(refused).toBe(200);
		expect(readRecord(null)).toEqual({ record: null, damaged: false });
	});

	it('a lever change makes a custom scenario from the same preset; a county condition keeps the preset', () => {
		const two = presetScenario('two-way');
		expect(applyChange(two, { kind: 'lever', key: 'coordination', value: 0.5 })).toMatchObject({ mode: 'custom', base: 'two-way', levers: { coordination: 0.5 } });
		expect(applyChange(two, { kind: 'context', key: 'budget', value: 1.5 })).toMatchObject({ mode: 'two-way', context: { budget: 1.5 } });
		expect(cumulative(emptyRecord('multi'))).toEqual([presetScenario('multi')]);
	});

	it('each step’s effect is the paired difference from the step before', () => {
		const out = (order: number): ReplicateOutput => ({ summary: { orderIndex: order, vitalityIndex: 0, closureRate: 1, satisfaction: 1, costPerYear: 5 } }) as unknown as ReplicateOutput;
		const results = stepResults([
			[out(0.5), out(0.7)],
			[out(0.6), out(0.9)]
		]);
		expect(results[0].effects).toBeNull();
		expect(results[1].means.order).toBeCloseTo(0.75, 12);
		// (0.6 − 0.5 + 0.9 − 0.7) / 2
		expect(results[1].effects!.order.mean).toBeCloseTo(0.15, 12);
		expect(results[1].effects!.cost.mean).toBe(0);
	});
});
