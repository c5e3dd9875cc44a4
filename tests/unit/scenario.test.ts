import { COUNTY_SEED } from '../../sim/county/published';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
	changesFromBase,
	customised,
	defaultScenario,
	engineOptions,
	parseScenarioJson,
	presetScenario,
	STRUCTURE_KEYS,
	SCENARIO_SCHEMA,
	scenarioFromSearch,
	scenarioToJson,
	scenarioToSearch,
	type Scenario
} from '../../src/lib/sim/scenario';
import { comparisonFromSearch, comparisonToSearch, DEFAULT_COMPARISON, MAX_COMPARED, pin, slotScenario, slotToParam, type CompareSlot } from '../../src/lib/sim/comparison';
import { leafNames } from '../../src/lib/sim/scenario-schema';
import { problemsText } from '../../src/lib/sim/scenario-messages';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import { en as enMessages } from '../../src/lib/i18n/en';
import { zh as zhMessages } from '../../src/lib/i18n/zh';
import { fileArb, scenarioArb, vsPartArb } from './scenario-arbitraries';
import { MODES, presetSpec } from '../../sim/engine/modes';
import { PARAMETERS } from '../../sim/engine/parameters';

const en = new I18n(() => 'en', () => enMessages);
const zh = new I18n(() => 'zh', () => zhMessages);
/** How much of the deep code the generators reached, printed after the run. */
const generated: Record<string, unknown> = {};
afterAll(() => console.info('generated inputs:', JSON.stringify(generated)));

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

	it('read every generated scenario file right: valid ones exactly, each damaged one refused with reasons', () => {
		const counts = { files: 0, reachedFields: 0, accepted: 0, refused: 0 };
		fc.assert(
			fc.property(fileArb, ({ text, mutations, scenario, name }) => {
				counts.files++;
				const r = parseScenarioJson(text);
				if (!mutations.some((m) => m.kind === 'kind' || m.kind === 'truncate')) counts.reachedFields++;
				expect(r.ok).toBe(mutations.length === 0);
				if (r.ok) {
					counts.accepted++;
					expect(r.scenario).toEqual(scenario);
					expect(r.name).toBe(name?.trim() ? name.trim().slice(0, 80) : undefined);
				} else {
					counts.refused++;
					expect(r.problems.length).toBeGreaterThan(0);
					if (mutations.some((m) => m.kind === 'truncate')) expect(r.problems).toEqual([{ field: '', code: 'json' }]);
					for (const i18n of [en, zh]) expect(problemsText(i18n, r.problems)).not.toBe('');
				}
			}),
			{ numRuns: 5000 }
		);
		// The generator reaches the field checks, and both answers, often (a check that every input
		// failed at JSON.parse or at `kind` would pass while testing nothing).
		expect(counts.files).toBe(5000);
		expect(counts.reachedFields).toBeGreaterThan(0.6 * counts.files);
		expect(counts.accepted).toBeGreaterThan(0.2 * counts.files);
		expect(counts.refused).toBeGreaterThan(0.5 * counts.files);
		generated.files = counts;
	});

	it('never crash on any text given as a scenario file', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
				const r = parseScenarioJson(text);
				if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
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

	it.each([
		[defaultScenario(), 'version=3'],
		[presetScenario('one-way'), 'mode=one-way&version=3'],
		[{ ...customised(defaultScenario(), { levers: { participation: 0.2 } }), seed: 7 }, 'mode=custom&sinking=0.8&coordination=0.8&participation=0.2&seed=7&version=3'],
		[customised(presetScenario('one-way'), { structure: { feedback: true }, levers: { coordination: 0.4 } }), 'mode=custom&base=one-way&feedback=true&sinking=0&coordination=0.4&participation=0&version=3'],
		[{ ...defaultScenario(), context: { ...defaultScenario().context, budget: 1.5 } }, 'budget=1.5&version=3']
	] as [Scenario, string][])('writes short links: %j', (scenario, search) => {
		expect(scenarioToSearch(scenario).toString()).toBe(search);
		expect(scenarioFromSearch(new URLSearchParams(search)).scenario).toEqual(scenario);
	});

	it('keeps a preset what it is: a lever or a structure field of its own makes it custom, starting from it', () => {
		const moved = customised(presetScenario('one-way'), { levers: { coordination: 0.4 } });
		expect(moved).toMatchObject({ mode: 'custom', base: 'one-way', structure: presetSpec('one-way').structure, levers: { sinking: 0, coordination: 0.4, participation: 0 } });
		expect(changesFromBase(moved)).toEqual([{ key: 'coordination', kind: 'lever', from: 0, to: 0.4 }]);
		// A link that names a preset and gives other levers opens as custom from that preset, never as the preset.
		const read = scenarioFromSearch(new URLSearchParams('mode=two-way&liaisons=true&participation=0.5&version=3')).scenario;
		expect(read).toMatchObject({ mode: 'custom', base: 'two-way', structure: { ...presetSpec('two-way').structure, liaisons: true }, levers: { sinking: 0, coordination: 0, participation: 0.5 } });
		expect(engineOptions(read)).toMatchObject({ mode: 'custom', base: 'two-way', structure: read.structure, levers: read.levers });
		// Every sandbox run starts from the county as of mid-2022.
		expect(engineOptions(presetScenario('one-way'))).toEqual({ mode: 'one-way', params: defaultScenario().context, seed: COUNTY_SEED, start: 'history' });
	});

	it('opens a model-1 link with model 2, saying so: a custom one starts from the multi-dimensional structure, as it did', () => {
		const r = scenarioFromSearch(new URLSearchParams('mode=custom&sinking=0.2&coordination=0.4&participation=0.6&seed=3&version=1'));
		expect(r.problems).toEqual([]);
		expect(r.migrated).toEqual({ from: '1' });
		expect(r.scenario).toMatchObject({ mode: 'custom', base: 'multi', structure: presetSpec('multi').structure, levers: { sinking: 0.2, coordination: 0.4, participation: 0.6 }, seed: 3, version: '3' });
		expect(scenarioFromSearch(new URLSearchParams('mode=one-way&version=1')).scenario).toEqual(presetScenario('one-way'));
	});

	it('keeps the valid fields of a broken link and lists the broken ones', () => {
		const { scenario, problems } = scenarioFromSearch(new URLSearchParams('mode=sideways&budget=1.5&sinking=7&seed=abc'));
		expect(scenario.context.budget).toBe(1.5);
		expect(scenario.mode).toBe(defaultScenario().mode);
		expect(problems.map((p) => p.field).sort()).toEqual(['mode', 'seed', 'sinking']);
	});

	it('gives every field of the schema its own name in links', () => {
		const names = leafNames(SCENARIO_SCHEMA);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toEqual(['mode', 'base', ...STRUCTURE_KEYS, 'sinking', 'coordination', 'participation', 'outMigration', 'budget', 'digitalAccess', 'seed']);
	});

	it('refuses a file with any invalid field, saying which', () => {
		const file = { ...JSON.parse(scenarioToJson(defaultScenario())), mode: 'custom', levers: { sinking: 2, coordination: 0, participation: 0 } };
		const r = parseScenarioJson(JSON.stringify(file));
		expect(r).toEqual({ ok: false, problems: [{ field: 'levers.sinking', code: 'range', value: '2', expected: { type: 'number', min: 0, max: 1 } }] });
		expect(parseScenarioJson('{"mode":"multi"}')).toEqual({ ok: false, problems: [{ field: 'kind', code: 'kind', value: 'undefined' }] });
		expect(parseScenarioJson('not json')).toEqual({ ok: false, problems: [{ field: '', code: 'json' }] });
		expect(parseScenarioJson('[1]')).toEqual({ ok: false, problems: [{ field: '', code: 'notObject', value: '[…]' }] });
	});
});

describe('scenario files of the wrong shape are refused, saying why', () => {
	const valid = () => JSON.parse(scenarioToJson(defaultScenario(), 'Mine')) as Record<string, unknown>;
	const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
	// Built as text: JSON.stringify itself overflows the stack on a value nested this deep.
	const deep = (field: string) => `${JSON.stringify(without(valid(), field)).slice(0, -1)},"${field}":${'['.repeat(49_000)}${']'.repeat(49_000)}}`;
	const cases: [string, Record<string, unknown> | string, { field: string; code: string }[]][] = [
		['a file with only its kind', { kind: 'grassroots-governance-scenario' }, ['mode', 'base', 'structure', 'levers', 'context', 'seed', 'version'].map((field) => ({ field, code: 'missing' }))],
		['a structure field as a number', { ...valid(), structure: { ...(valid().structure as object), feedback: 1 } }, [{ field: 'structure.feedback', code: 'type' }]],
		['a structure without its pressure', { ...valid(), structure: { ...(valid().structure as object), topDownPressure: undefined } }, [{ field: 'structure.topDownPressure', code: 'missing' }]],
		[
			'a misspelt Levers',
			{ ...without(valid(), 'levers'), Levers: valid().levers },
			[
				{ field: 'Levers', code: 'unknown' },
				{ field: 'levers', code: 'missing' }
			]
		],
		['levers as an array', { ...valid(), levers: [0.1, 0.2, 0.3] }, [{ field: 'levers', code: 'type' }]],
		['a lever as text', { ...valid(), levers: { sinking: '0.3', coordination: 0.8, participation: 0.8 } }, [{ field: 'levers.sinking', code: 'type' }]],
		['a lever missing', { ...valid(), levers: { sinking: 0.3, participation: 0.8 } }, [{ field: 'levers.coordination', code: 'missing' }]],
		['an unknown lever', { ...valid(), levers: { sinking: 0.3, coordination: 0.8, participation: 0.8, speed: 1 } }, [{ field: 'levers.speed', code: 'unknown' }]],
		['a seed with a fraction', { ...valid(), seed: 1.5 }, [{ field: 'seed', code: 'integer' }]],
		['a mode that does not exist', { ...valid(), mode: 'sideways' }, [{ field: 'mode', code: 'choice' }]],
		['a name that is not text', { ...valid(), name: 5 }, [{ field: 'name', code: 'type' }]],
		['levers nested 49,000 deep', deep('levers'), [{ field: 'levers', code: 'type' }]],
		['a seed nested 49,000 deep', deep('seed'), [{ field: 'seed', code: 'type' }]]
	];
	it.each(cases)('%s', (_, file, expected) => {
		const text = typeof file === 'string' ? file : JSON.stringify(file);
		expect(text.length).toBeLessThan(100_000);
		const r = parseScenarioJson(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems.map(({ field, code }) => ({ field, code }))).toEqual(expected);
	});

	it('reads a model-2 file (the same fields) with the current model, saying so; a model-2 link is held until run', () => {
		const r = parseScenarioJson(JSON.stringify({ ...valid(), version: '2' }));
		expect(r).toEqual({ ok: true, scenario: defaultScenario(), name: 'Mine', migrated: { from: '2' } });
		expect(parseScenarioJson(JSON.stringify({ ...valid(), version: 2 }))).toEqual(r);
		const link = scenarioFromSearch(new URLSearchParams('mode=one-way&version=2'));
		expect(link.problems).toEqual([{ field: 'version', code: 'otherVersion', value: '2' }]);
	});

	it('reads version 3 given as a number as version "3"', () => {
		const r = parseScenarioJson(JSON.stringify({ ...valid(), version: 3 }));
		expect(r).toEqual({ ok: true, scenario: defaultScenario(), name: 'Mine' });
	});

	it('reads a model-1 file with model 1’s fields, converted and marked as migrated; model 2’s fields in it are refused', () => {
		const v1 = { kind: 'grassroots-governance-scenario', name: 'Old', mode: 'custom', levers: { sinking: 0.1, coordination: 0.2, participation: 0.3 }, context: defaultScenario().context, seed: 4, version: 1 };
		const r = parseScenarioJson(JSON.stringify(v1));
		expect(r).toEqual({ ok: true, name: 'Old', migrated: { from: '1' }, scenario: { ...presetScenario('multi'), mode: 'custom', levers: { sinking: 0.1, coordination: 0.2, participation: 0.3 }, seed: 4 } });
		const mixed = parseScenarioJson(JSON.stringify({ ...v1, base: 'one-way' }));
		expect(mixed).toEqual({ ok: false, problems: [{ field: 'base', code: 'unknown' }] });
	});

	it('says plainly that a file comes from a newer model version, and nothing else', () => {
		const r = parseScenarioJson(JSON.stringify({ ...valid(), version: '4', wings: { feathers: true } }));
		expect(r).toEqual({ ok: false, problems: [{ field: 'version', code: 'newerVersion', value: '4' }] });
	});

	it('reads a link from a newer model version as a version notice', () => {
		const { problems } = scenarioFromSearch(new URLSearchParams('mode=one-way&version=4'));
		expect(problems).toEqual([{ field: 'version', code: 'newerVersion', value: '4' }]);
	});
});

describe('numbers in links are plain decimals', () => {
	it.each(['0x10', '0b101', '0o7', ' 7', '7 ', '+7', '7.5', '-1', '1e400', 'Infinity', 'NaN', '', '1_000'])('refuses seed=%j', (text) => {
		const { scenario, problems } = scenarioFromSearch(new URLSearchParams([['seed', text]]));
		expect(scenario.seed).toBe(defaultScenario().seed);
		expect(problems.map((p) => p.field)).toEqual(['seed']);
	});

	it.each([
		['7', 7],
		['4294967295', 2 ** 32 - 1],
		['1e3', 1000]
	])('reads seed=%s', (text, seed) => {
		expect(scenarioFromSearch(new URLSearchParams([['seed', text]]))).toMatchObject({ scenario: { seed }, problems: [] });
	});

	it('refuses hexadecimal and binary levers, and reads decimal ones', () => {
		const { scenario, problems } = scenarioFromSearch(new URLSearchParams('mode=custom&sinking=0x1&coordination=0b1&participation=1e-1'));
		expect(problems.map((p) => p.field)).toEqual(['sinking', 'coordination']);
		expect(scenario.levers).toEqual({ ...defaultScenario().levers, participation: 0.1 });
	});

	it('drops a pinned comparison with a hexadecimal lever (in model 1’s form and in model 2’s)', () => {
		const r = comparisonFromSearch(new URLSearchParams('vs=pin_custom_0x1_0_0_0.03_1_0.6&vs=pin_custom_1_0_0_0.03_1_0.6'), defaultScenario());
		expect(r.problems.map((p) => p.value)).toEqual(['pin_custom_0x1_0_0_0.03_1_0.6']);
		expect(r.slots).toHaveLength(1);
		const v2 = comparisonFromSearch(new URLSearchParams('vs=pin*mode.custom*sinking.0x1&vs=pin*mode.custom*base.one-way*coordination.1'), defaultScenario());
		expect(v2.problems.map((p) => p.value)).toEqual(['pin*mode.custom*sinking.0x1']);
		expect(v2.slots).toEqual([pin(customised(presetScenario('one-way'), { levers: { coordination: 1 } }))]);
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

	it('reads every generated vs parameter right: intact slots kept (two at most), damaged ones listed', () => {
		const counts = { links: 0, parts: 0, slots: 0, pinnedSlots: 0, refused: 0 };
		fc.assert(
			fc.property(fc.array(vsPartArb, { minLength: 1, maxLength: 4 }), (parts) => {
				counts.links++;
				const current = defaultScenario();
				const r = comparisonFromSearch(new URLSearchParams(parts.map((p) => ['vs', p.text])), current);
				const readable = parts.filter((p) => p.damage === null && p.text !== '');
				const kept = readable.slice(0, MAX_COMPARED);
				expect(r.slots.map(slotToParam)).toEqual(kept.map((p) => slotToParam(p.slot)));
				const listed = parts.filter((p) => p.text !== '' && !kept.includes(p)).map((p) => p.text.slice(0, 40));
				expect(r.problems.map((p) => p.value)).toEqual(listed);
				counts.parts += parts.length;
				counts.slots += r.slots.length;
				counts.pinnedSlots += r.slots.filter((s) => s.kind === 'pinned').length;
				counts.refused += parts.filter((p) => p.damage !== null).length;
			}),
			{ numRuns: 3000 }
		);
		expect(counts.slots).toBeGreaterThan(0.5 * counts.links);
		expect(counts.pinnedSlots).toBeGreaterThan(0.25 * counts.links);
		expect(counts.refused).toBeGreaterThan(0.3 * counts.parts);
		generated.vs = counts;
	});

	it('never crashes on a broken vs parameter, keeps what it can read and lists the rest', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const r = comparisonFromSearch(new URLSearchParams([['vs', text], ['vs', text], ['vs', text]]), defaultScenario());
				expect(r.slots.length).toBeLessThanOrEqual(MAX_COMPARED);
			})
		);
		const r = comparisonFromSearch(new URLSearchParams('vs=one-way&vs=sideways&vs=pin_custom_2_0_0_0.3_1_0.6&vs=pin*mode.custom*wings.1'), defaultScenario());
		expect(r.slots).toEqual([{ kind: 'preset', mode: 'one-way' }]);
		expect(r.problems.map((p) => p.value)).toEqual(['sideways', 'pin_custom_2_0_0_0.3_1_0.6', 'pin*mode.custom*wings.1']);
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
		expect(s).toEqual({ ...presetScenario('one-way'), context: current.context });
	});
});
