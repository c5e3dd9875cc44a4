import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	defaultScenario,
	parseScenarioJson,
	scenarioFromSearch,
	scenarioToJson,
	scenarioToSearch,
	type Scenario
} from '../../src/lib/sim/scenario';
import { comparisonFromSearch, comparisonToSearch, DEFAULT_COMPARISON, MAX_COMPARED, pin, slotScenario, type CompareSlot } from '../../src/lib/sim/comparison';
import { MODES } from '../../sim/engine/modes';
import { PARAMETERS } from '../../sim/engine/parameters';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
	mode: fc.constant('custom' as const),
	levers: fc.record({ sinking: unit, coordination: unit, participation: unit }),
	context: fc.record({
		outMigration: fc.double({ min: PARAMETERS.outMigration.range[0], max: PARAMETERS.outMigration.range[1], noNaN: true }),
		budget: fc.double({ min: PARAMETERS.budget.range[0], max: PARAMETERS.budget.range[1], noNaN: true }),
		digitalAccess: fc.double({ min: PARAMETERS.digitalAccess.range[0], max: PARAMETERS.digitalAccess.range[1], noNaN: true })
	}),
	seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
	version: fc.constant('1')
});

describe('scenario links and files', () => {
	it('never crash on any query string, and always give a valid scenario', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('mode', 'sinking', 'budget', 'seed', 'version', 'x', 'digitalAccess'), fc.string()), (dict) => {
				const { scenario } = scenarioFromSearch(new URLSearchParams(dict));
				expect(MODES).toContain(scenario.mode);
				expect(scenario.levers.sinking >= 0 && scenario.levers.sinking <= 1).toBe(true);
				expect(Number.isInteger(scenario.seed)).toBe(true);
			})
		);
	});

	it('never crash on any text given as a scenario file', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
				const r = parseScenarioJson(text);
				expect(typeof r.ok).toBe('boolean');
			})
		);
	});

	it('round-trips every valid scenario through a link and through a file', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				expect(scenarioFromSearch(scenarioToSearch(s)).scenario).toEqual(s);
				const parsed = parseScenarioJson(scenarioToJson(s, 'mine'));
				expect(parsed).toEqual({ ok: true, scenario: s, name: 'mine' });
			})
		);
	});

	it('keeps the valid fields of a broken link and lists the broken ones', () => {
		const { scenario, problems } = scenarioFromSearch(new URLSearchParams('mode=sideways&budget=1.5&sinking=7&seed=abc'));
		expect(scenario.context.budget).toBe(1.5);
		expect(scenario.mode).toBe(defaultScenario().mode);
		expect(problems.map((p) => p.field).sort()).toEqual(['mode', 'seed', 'sinking']);
	});

	it('refuses a file with any invalid field, saying which', () => {
		const r = parseScenarioJson(JSON.stringify({ kind: 'grassroots-governance-scenario', mode: 'custom', levers: { sinking: 2 } }));
		expect(r).toEqual({ ok: false, reason: 'sinking = 2' });
		expect(parseScenarioJson('{"mode":"multi"}')).toMatchObject({ ok: false });
		expect(parseScenarioJson('not json')).toMatchObject({ ok: false });
	});
});

describe('compared scenarios in a link', () => {
	const slotArb: fc.Arbitrary<CompareSlot> = fc.oneof(
		fc.constantFrom('one-way', 'two-way', 'multi').map((mode) => ({ kind: 'preset', mode }) as CompareSlot),
		scenarioArb.map((s) => pin({ ...s, seed: 1 }))
	);

	it("round-trips every comparison (with the edited scenario's seed)", () => {
		fc.assert(
			fc.property(fc.array(slotArb, { maxLength: MAX_COMPARED }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (slots, seed) => {
				const current = { ...defaultScenario(), seed };
				const params = comparisonToSearch(slots, scenarioToSearch(current));
				const back = comparisonFromSearch(params, current);
				expect(back.problems).toEqual([]);
				expect(back.slots.map((s) => slotScenario(s, current))).toEqual(slots.map((s) => slotScenario(s, current)));
				expect(back.slots.every((s) => slotScenario(s, current).seed === seed)).toBe(true);
			})
		);
	});

	it('never crashes on a broken vs parameter, keeps what it can read and lists the rest', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const r = comparisonFromSearch(new URLSearchParams([['vs', text], ['vs', text], ['vs', text]]), defaultScenario());
				expect(r.slots.length).toBeLessThanOrEqual(MAX_COMPARED);
			})
		);
		const r = comparisonFromSearch(new URLSearchParams('vs=one-way&vs=sideways&vs=pin_custom_2_0_0_0.3_1_0.6'), defaultScenario());
		expect(r.slots).toEqual([{ kind: 'preset', mode: 'one-way' }]);
		expect(r.problems.map((p) => p.value)).toEqual(['sideways', 'pin_custom_2_0_0_0.3_1_0.6']);
	});

	it('leaves the default comparison out of the link, and keeps an empty one', () => {
		expect(comparisonToSearch(DEFAULT_COMPARISON, new URLSearchParams()).has('vs')).toBe(false);
		expect(comparisonFromSearch(new URLSearchParams(), defaultScenario()).slots).toEqual(DEFAULT_COMPARISON);
		const none = comparisonToSearch([], new URLSearchParams());
		expect(comparisonFromSearch(none, defaultScenario()).slots).toEqual([]);
	});

	it("runs a preset in the edited scenario's conditions", () => {
		const current = { ...defaultScenario(), context: { ...defaultScenario().context, budget: 1.4 } };
		const s = slotScenario({ kind: 'preset', mode: 'one-way' }, current);
		expect(s).toMatchObject({ mode: 'one-way', context: { budget: 1.4 }, levers: { sinking: 0, coordination: 0, participation: 0 } });
	});
});
