/**
 * Generators for the scenario parsers' property tests. They start from valid scenarios and damage
 * them in known ways, so each input's right answer is known and most inputs reach the field checks
 * (random text almost never gets past JSON.parse and the file's `kind`).
 */
import fc from 'fast-check';
import { MODES, PRESETS } from '../../sim/engine/modes';
import { pin, PRESET_MODES, slotToParam, type CompareSlot } from '../../src/lib/sim/comparison';
import { MODEL_VERSION, presetScenario, SCENARIO_KIND, SCENARIO_SCHEMA, type Scenario } from '../../src/lib/sim/scenario';
import type { FieldSpec } from '../../src/lib/sim/scenario-schema';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const numberIn = (spec: { min: number; max: number }) => fc.double({ min: spec.min, max: spec.max, noNaN: true });
const { context } = SCENARIO_SCHEMA;

/** A valid custom scenario with any base, structure, levers and context. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
	mode: fc.constant('custom' as const),
	base: fc.constantFrom(...PRESETS),
	structure: fc.record({
		feedback: fc.boolean(),
		responsiveChannels: fc.boolean(),
		topDownAssignment: fc.boolean(),
		villageHandling: fc.boolean(),
		liaisons: fc.boolean(),
		targetedService: fc.boolean(),
		topDownPressure: unit
	}),
	levers: fc.record({ sinking: unit, coordination: unit, participation: unit }),
	context: fc.record({
		outMigration: numberIn(context.fields.outMigration),
		budget: numberIn(context.fields.budget),
		digitalAccess: numberIn(context.fields.digitalAccess)
	}),
	seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
	version: fc.constant(MODEL_VERSION)
});

/** A valid scenario of any mode (a preset with its own structure and levers). */
const anyModeArb: fc.Arbitrary<Scenario> = fc.tuple(scenarioArb, fc.constantFrom(...MODES)).map(([s, mode]) => (mode === 'custom' ? s : presetScenario(mode, s)));

const GROUPS = ['structure', 'levers', 'context'] as const;
type Group = (typeof GROUPS)[number];
const TOP = ['mode', 'base', ...GROUPS, 'seed', 'version'] as const;
const LEAVES = GROUPS.flatMap((g) => Object.keys(SCENARIO_SCHEMA[g].fields).map((k) => `${g}.${k}`));

const deep = fc.integer({ min: 50, max: 1000 }).map((depth) => {
	let v: unknown = [];
	for (let i = 0; i < depth; i++) v = [v];
	return v;
});
const notAnObject = fc.oneof(fc.array(unit, { maxLength: 3 }), fc.string(), fc.double(), fc.constant(null), fc.boolean(), deep);
const notANumber = fc.oneof(fc.double().map(String), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}), deep);

function outside(spec: { min: number; max: number }): fc.Arbitrary<number> {
	return fc.oneof(fc.double({ min: spec.max + 1e-9, max: spec.max + 1e6, noNaN: true }), fc.double({ min: spec.min - 1e6, max: spec.min - 1e-9, noNaN: true }));
}

/** Values that are wrong for the field at `path`. */
function invalidFor(path: string): fc.Arbitrary<unknown> {
	if (path === 'mode') return fc.oneof(fc.string().filter((m) => !(MODES as readonly string[]).includes(m)), fc.integer(), fc.constant(null));
	if (path === 'base') return fc.oneof(fc.string().filter((m) => !(PRESETS as readonly string[]).includes(m)), fc.constant('custom'), fc.integer(), fc.constant(null));
	if ((GROUPS as readonly string[]).includes(path)) return notAnObject;
	if (path === 'seed') return fc.oneof(fc.double({ min: 0.001, max: 1e9, noNaN: true }).filter((x) => !Number.isInteger(x)), fc.integer({ min: -1e9, max: -1 }), fc.constant(2 ** 32), notANumber);
	if (path === 'version') {
		// Newer (a higher number, as text or not), other (neither this model's nor an earlier one it
		// reads — model 1 with its own fields, model 2 with the current ones), or not a version at all.
		const newer = Number(MODEL_VERSION) + 1;
		return fc.oneof(fc.integer({ min: newer, max: 99 }).map(String), fc.integer({ min: newer, max: 99 }), fc.constantFrom('0', '02', '2.0', 'beta', '', ' 2'), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
	}
	if (path === 'name') return fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.boolean());
	const [group, leaf] = path.split('.') as [Group, string];
	const spec = (SCENARIO_SCHEMA[group].fields as Record<string, FieldSpec>)[leaf];
	if (spec.type === 'boolean') return fc.oneof(fc.constantFrom(0, 1, 'true', 'yes', null), fc.constant({}), deep);
	return fc.oneof(outside(spec as { min: number; max: number }), notANumber);
}

/** How a file is damaged: each of these alone makes it invalid. */
export type Mutation =
	| { kind: 'drop'; path: string }
	| { kind: 'rename'; path: string; suffix: string }
	| { kind: 'replace'; path: string; value: unknown }
	| { kind: 'extra'; at: '' | Group; key: string; value: unknown }
	| { kind: 'kind'; value: unknown }
	| { kind: 'truncate'; at: number };

const KNOWN = new Set<string>([...TOP, 'kind', 'name', ...LEAVES.map((p) => p.split('.')[1])]);
const pathArb = fc.constantFrom(...TOP, ...LEAVES);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 3, arbitrary: pathArb.map((path) => ({ kind: 'drop' as const, path })) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), path: pathArb, suffix: fc.constantFrom('s', '_', 'X', ' ') }) },
	{ weight: 6, arbitrary: fc.constantFrom(...TOP, ...LEAVES, 'name').chain((path) => invalidFor(path).map((value) => ({ kind: 'replace' as const, path, value }))) },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('extra' as const),
			at: fc.constantFrom('' as const, ...GROUPS),
			key: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !KNOWN.has(k) && k !== '__proto__'),
			value: fc.oneof(unit, fc.string(), fc.boolean())
		})
	},
	{ weight: 1, arbitrary: fc.oneof(fc.string().filter((k) => k !== SCENARIO_KIND), fc.constant(undefined), fc.integer()).map((value) => ({ kind: 'kind' as const, value })) },
	{ weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'truncate' as const, at })) }
);

function apply(file: Record<string, unknown>, m: Mutation): void {
	if (m.kind === 'kind') {
		if (m.value === undefined) delete file.kind;
		else file.kind = m.value;
		return;
	}
	if (m.kind === 'truncate') return;
	if (m.kind === 'replace' && m.path === 'name') {
		file.name = m.value;
		return;
	}
	if (m.kind === 'extra') {
		const target = m.at ? file[m.at] : file;
		if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
		return;
	}
	const parts = m.path.split('.');
	const key = parts.pop()!;
	const parent = parts.length ? file[parts[0]] : file;
	if (!parent || typeof parent !== 'object' || Array.isArray(parent) || !(key in parent)) return;
	const object = parent as Record<string, unknown>;
	if (m.kind === 'drop') delete object[key];
	else if (m.kind === 'rename') {
		object[key + m.suffix] = object[key];
		delete object[key];
	} else object[key] = m.value;
}

/**
 * Scenario files: valid ones (in any key order, compact or indented, version as text or number,
 * with or without a name) and the same damaged by one to three mutations.
 */
export const fileArb = fc
	.record({
		scenario: anyModeArb,
		name: fc.option(fc.string({ maxLength: 90 }), { nil: undefined }),
		versionAsNumber: fc.boolean(),
		reversed: fc.boolean(),
		indent: fc.constantFrom(0, 2),
		mutations: fc.oneof({ weight: 2, arbitrary: fc.constant([] as Mutation[]) }, { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) })
	})
	.map(({ scenario, name, versionAsNumber, reversed, indent, mutations }) => {
		let file: Record<string, unknown> = structuredClone({ kind: SCENARIO_KIND, name, ...scenario, version: versionAsNumber ? Number(MODEL_VERSION) : MODEL_VERSION });
		if (name === undefined) delete file.name;
		for (const m of mutations) apply(file, m);
		if (reversed) file = Object.fromEntries(Object.entries(file).reverse());
		let text = JSON.stringify(file, null, indent);
		const cut = mutations.find((m) => m.kind === 'truncate');
		if (cut) text = text.slice(0, cut.at % text.length);
		return { text, mutations, scenario, name };
	});

/** Damage to one field of a pinned slot (pin*name.value*…): every change makes it unreadable. */
const badNumberText = fc.constantFrom('0x1', '0b1', '0o1', ' 0.5', '0.5 ', '+0.5', '', 'NaN', 'Infinity', 'abc', '1e400', '.', '-', '1..2', '½');

function damagedPin(scenario: Scenario): fc.Arbitrary<{ text: string; damage: string }> {
	const [head, ...fields] = slotToParam(pin(scenario)).split('*');
	const numeric = fields.map((f, i) => [[f.slice(0, f.indexOf('.')), f.slice(f.indexOf('.') + 1)], i] as const).filter(([[name]]) => name !== 'mode' && name !== 'base' && !STRUCTURE_FLAG_NAMES.includes(name));
	const join = (fs: string[]) => [head, ...fs].join('*');
	const arbs: fc.Arbitrary<{ text: string; damage: string }>[] = [
		fc.constantFrom('sideways', '', 'Custom', 'pin', 'one_way').map((mode) => ({ text: join([`mode.${mode}`, ...fields.filter((f) => !f.startsWith('mode.'))]), damage: `mode=${mode}` })),
		fc.constantFrom('Pin', 'pinned', '', 'vs').map((prefix) => ({ text: [prefix, ...fields].join('*'), damage: `prefix=${prefix}` })),
		fc.constantFrom('seed.3', 'version.2', 'speed.1', 'sinkng.0.5', 'nodot').map((extra) => ({ text: join([...fields, extra]), damage: `extra=${extra}` }))
	];
	if (fields.length) arbs.push(fc.nat({ max: fields.length - 1 }).map((i) => ({ text: join([...fields, fields[i]]), damage: `twice=${fields[i]}` })));
	if (numeric.length) {
		arbs.push(
			fc.tuple(fc.nat({ max: numeric.length - 1 }), badNumberText).map(([j, bad]) => {
				const [[name], i] = numeric[j];
				const fs = [...fields];
				fs[i] = `${name}:${bad}`;
				return { text: join(fs), damage: `${name}=${bad}` };
			})
		);
	}
	return fc.oneof(...arbs);
}

const STRUCTURE_FLAG_NAMES: readonly string[] = Object.entries(SCENARIO_SCHEMA.structure.fields)
	.filter(([, spec]) => spec.type === 'boolean')
	.map(([k]) => k);

const DUMMY: CompareSlot = { kind: 'preset', mode: 'one-way' };

/** One `vs` value: an intact preset or pinned slot, a damaged one, or an empty one (`vs=`). */
export const vsPartArb: fc.Arbitrary<{ text: string; slot: CompareSlot; damage: string | null }> = fc.oneof(
	{ weight: 2, arbitrary: fc.constantFrom(...PRESET_MODES).map((mode) => ({ text: mode as string, slot: { kind: 'preset', mode } as CompareSlot, damage: null })) },
	{ weight: 3, arbitrary: anyModeArb.map((s) => ({ text: slotToParam(pin(s)), slot: pin(s), damage: null })) },
	{ weight: 4, arbitrary: anyModeArb.chain((s) => damagedPin(s).map((d) => ({ ...d, slot: pin(s) }))) },
	{ weight: 1, arbitrary: fc.constantFrom('One-way', 'oneway', 'multi ', ' two-way', 'multi-dimensional').map((text) => ({ text, slot: DUMMY, damage: `preset=${text}` })) },
	{ weight: 1, arbitrary: fc.constant({ text: '', slot: DUMMY, damage: null }) }
);
