import { COUNTY_SEED } from '$sim/county/published';
import { isPreset, LEVER_NAMES, MODES, PRESETS, presetSpec, STRUCTURE_FLAGS, STRUCTURE_KEYS, type Levers, type Mode, type Preset, type Structure } from '$sim/engine/modes';
import { PARAMETERS } from '$sim/engine/parameters';
import type { ModelOptions } from '$sim/engine/model-types';
import { MODEL_VERSION } from '$sim/engine/version';
import { describeValue, group, isPlainObject, readLenient, readStrict, type FieldSpec, type Schema, type ScenarioProblem, type ValuesOf } from './scenario-schema';

/** Version of the model a scenario was made with (the model's own, sim/engine/version.ts); a link carries it so numbers can be reproduced. */
export { MODEL_VERSION };
/** Scenarios of model 1 are read and shown with the current model (model 2's fields without a structure), with a note. */
export const MIGRATED_VERSIONS = ['1'] as const;
/**
 * Earlier model versions whose scenarios have the current fields (only the model's outputs
 * changed): a file or a saved scenario of one is read with a note that its results will come from
 * the current model; a link of one is held until the user runs it with the current model.
 */
export const SAME_FIELDS_VERSIONS = ['2'] as const;

export interface Context {
	outMigration: number;
	budget: number;
	digitalAccess: number;
}

/**
 * Everything that determines a sandbox run: a link or a JSON file with it reproduces the numbers.
 * What the governance mode *is* (`structure`) is kept apart from how strongly the
 * multi-dimensional dimensions are pursued (`levers`); a preset is a named point of both, and a
 * custom scenario remembers the preset it started from (`base`).
 */
export interface Scenario {
	mode: Mode;
	base: Preset;
	structure: Structure;
	levers: Levers;
	context: Context;
	seed: number;
	version: string;
}

export const LEVER_KEYS = LEVER_NAMES;
export const CONTEXT_KEYS = ['outMigration', 'budget', 'digitalAccess'] as const;
export { STRUCTURE_FLAGS, STRUCTURE_KEYS };

const UNIT = { type: 'number', min: 0, max: 1 } as const satisfies FieldSpec;
const FLAG = { type: 'boolean' } as const satisfies FieldSpec;
const parameter = (key: (typeof CONTEXT_KEYS)[number]) => ({ type: 'number', min: PARAMETERS[key].range[0], max: PARAMETERS[key].range[1] }) as const satisfies FieldSpec;

const defaultContext = (): Context => ({
	outMigration: PARAMETERS.outMigration.default,
	budget: PARAMETERS.budget.default,
	digitalAccess: PARAMETERS.digitalAccess.default
});

/**
 * A preset, in the given county conditions and seed (by default today's and the county's seed,
 * COUNTY_SEED: replicate 1 of a default run replays the same history the dashboard's dataset is drawn from).
 */
export function presetScenario(preset: Preset, from?: Pick<Scenario, 'context' | 'seed'>): Scenario {
	const spec = presetSpec(preset);
	return { mode: preset, base: preset, ...spec, context: { ...(from?.context ?? defaultContext()) }, seed: from?.seed ?? COUNTY_SEED, version: MODEL_VERSION };
}

export function defaultScenario(): Scenario {
	return presetScenario('multi');
}

/**
 * The fields of a scenario, their types and ranges: one schema for links, files and stored
 * entries. Leaf names are unique across groups (links name them alone).
 */
export const SCENARIO_SCHEMA = {
	mode: { type: 'choice', values: MODES },
	base: { type: 'choice', values: PRESETS },
	structure: group({
		feedback: FLAG,
		responsiveChannels: FLAG,
		topDownAssignment: FLAG,
		villageHandling: FLAG,
		liaisons: FLAG,
		targetedService: FLAG,
		topDownPressure: UNIT
	}),
	levers: group({ sinking: UNIT, coordination: UNIT, participation: UNIT }),
	context: group({ outMigration: parameter('outMigration'), budget: parameter('budget'), digitalAccess: parameter('digitalAccess') }),
	seed: { type: 'number', min: 0, max: 2 ** 32 - 1, integer: true }
} as const satisfies Schema;

/** Model 1's scenarios: no base, no structure (a custom one had the multi-dimensional structure). */
const V1_SCHEMA = {
	mode: SCENARIO_SCHEMA.mode,
	levers: SCENARIO_SCHEMA.levers,
	context: SCENARIO_SCHEMA.context,
	seed: SCENARIO_SCHEMA.seed
} as const satisfies Schema;

// The schema and the Scenario type describe the same fields (a field added to one only fails here).
type SchemaValues = ValuesOf<typeof SCENARIO_SCHEMA>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesType: Same<SchemaValues, Omit<Scenario, 'version'>> = true;
void schemaMatchesType;

export type { ScenarioProblem } from './scenario-schema';

/** The `kind` of a scenario file. */
export const SCENARIO_KIND = 'grassroots-governance-scenario';

/** The preset a scenario starts from: itself, or a custom scenario's base. */
export const baseOf = (s: Pick<Scenario, 'mode' | 'base'>): Preset => (isPreset(s.mode) ? s.mode : s.base);

/** Structure fields and levers where a scenario differs from the preset it starts from. */
export function changesFromBase(s: Scenario): { key: keyof Structure | keyof Levers; kind: 'structure' | 'lever'; from: number | boolean; to: number | boolean }[] {
	const base = presetSpec(baseOf(s));
	return [
		...STRUCTURE_KEYS.filter((k) => s.structure[k] !== base.structure[k]).map((k) => ({ key: k, kind: 'structure' as const, from: base.structure[k], to: s.structure[k] })),
		...LEVER_KEYS.filter((k) => s.levers[k] !== base.levers[k]).map((k) => ({ key: k, kind: 'lever' as const, from: base.levers[k], to: s.levers[k] }))
	];
}

/**
 * A preset is what it is: a scenario named after one whose structure or levers differ from it is a
 * custom scenario starting from that preset (a link or file may say so loosely; the page never
 * changes structure behind the user's back: see `customised`).
 */
function normalise(s: Scenario): Scenario {
	if (isPreset(s.mode)) {
		s.base = s.mode;
		if (changesFromBase(s).length) s.mode = 'custom';
	}
	return s;
}

/** The scenario with some structure fields or levers changed: custom, starting from the same preset. */
export function customised(s: Scenario, change: { structure?: Partial<Structure>; levers?: Partial<Levers> }): Scenario {
	return {
		...s,
		mode: 'custom',
		base: baseOf(s),
		structure: { ...s.structure, ...change.structure },
		levers: { ...s.levers, ...change.levers },
		context: { ...s.context }
	};
}

/** A scenario's model version: current, migrated (model 1, read with a note), or a problem saying it is newer or other. */
function checkVersion(value: unknown): { migrated: boolean; problem: ScenarioProblem | null } {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
	if (text === MODEL_VERSION) return { migrated: false, problem: null };
	if ((MIGRATED_VERSIONS as readonly unknown[]).includes(text)) return { migrated: true, problem: null };
	if (typeof text !== 'string') return { migrated: false, problem: { field: 'version', code: 'type', value: describeValue(value) } };
	const newer = /^\d{1,6}$/.test(text) && Number(text) > Number(MODEL_VERSION);
	return { migrated: false, problem: { field: 'version', code: newer ? 'newerVersion' : 'otherVersion', value: text.slice(0, 40) } };
}

/** What a migrated scenario came from, for the note the page shows. */
export interface Migration {
	from: string;
}

/**
 * Reads a scenario from a link's parameters, leniently: every valid field is kept, every invalid
 * one falls back to its default and is listed, so a broken link still opens. A custom scenario
 * starts from its base preset's structure and levers (default multi-dimensional) and takes the
 * ones the link gives. A version other than the model's is listed (code newerVersion or
 * otherVersion): the page then runs nothing until asked. A model-1 link is read (its fields are
 * model 2's) and reported as migrated. A link without a version is read as the current one.
 */
export function scenarioFromParams(get: (name: string) => string | null | undefined): { scenario: Scenario; problems: ScenarioProblem[]; migrated?: Migration } {
	const { values, problems } = readLenient(get, SCENARIO_SCHEMA);
	const read = values as Partial<SchemaValues>;
	const mode = read.mode ?? 'multi';
	const base = isPreset(mode) ? mode : (read.base ?? 'multi');
	const scenario: Scenario = { ...presetScenario(base), mode };
	Object.assign(scenario.structure, read.structure);
	Object.assign(scenario.levers, read.levers);
	Object.assign(scenario.context, read.context);
	if (read.seed !== undefined) scenario.seed = read.seed;
	const version = get('version');
	const checked = version === null || version === undefined ? { migrated: false, problem: null } : checkVersion(version);
	if (checked.problem) problems.push(checked.problem);
	return { scenario: normalise(scenario), problems, ...(checked.migrated ? { migrated: { from: String(version) } } : {}) };
}

/**
 * Reads a scenario object from parsed JSON (a file's body, a stored entry's scenario), strictly:
 * every field present and valid, nothing unknown. A model-1 object is read with model 1's fields
 * and converted (a custom one starts from the multi-dimensional preset, as it did); a newer or
 * other version is the only problem reported, since the other fields then follow another model.
 * `allowed` names the wrapper's own keys (a file's kind and name).
 */
export function scenarioFromObject(
	value: unknown,
	options: { path?: string; allowed?: readonly string[] } = {}
): { ok: true; scenario: Scenario; migrated?: Migration } | { ok: false; problems: ScenarioProblem[] } {
	const path = options.path ?? '';
	const field = path ? `${path}.version` : 'version';
	const hasVersion = isPlainObject(value) && Object.hasOwn(value, 'version');
	const rawVersion = hasVersion ? (value as Record<string, unknown>).version : undefined;
	const sameFields = (SAME_FIELDS_VERSIONS as readonly unknown[]).includes(typeof rawVersion === 'number' ? String(rawVersion) : rawVersion);
	const version = !hasVersion ? { migrated: false, problem: null } : sameFields ? { migrated: false, problem: null } : checkVersion(rawVersion);
	if (version.problem && version.problem.code !== 'type') return { ok: false, problems: [{ ...version.problem, field }] };
	const allowed = [...(options.allowed ?? []), 'version'];
	const problems: ScenarioProblem[] = [];
	let scenario: Scenario | null = null;
	if (version.migrated) {
		const r = readStrict(value, V1_SCHEMA, { path, allowed });
		if (r.ok) {
			const { mode, levers, context, seed } = r.values;
			scenario = mode === 'custom' ? { ...presetScenario('multi', { context, seed }), mode, levers } : presetScenario(mode, { context, seed });
		} else problems.push(...r.problems);
	} else {
		const r = readStrict(value, SCENARIO_SCHEMA, { path, allowed });
		if (r.ok) scenario = { ...r.values, version: MODEL_VERSION };
		else problems.push(...r.problems);
	}
	if (version.problem) problems.push({ ...version.problem, field });
	else if (isPlainObject(value) && !hasVersion) problems.push({ field, code: 'missing' });
	if (!scenario || problems.length) return { ok: false, problems };
	const read = normalise({ ...scenario, version: MODEL_VERSION });
	return version.migrated || sameFields ? { ok: true, scenario: read, migrated: { from: String(rawVersion) } } : { ok: true, scenario: read };
}

/** The scenario from a URL's query string (see scenarioFromParams). */
export function scenarioFromSearch(params: URLSearchParams): ReturnType<typeof scenarioFromParams> {
	return scenarioFromParams((k) => params.get(k));
}

/**
 * The query string of a scenario: the mode; for a custom one its base (unless multi-dimensional),
 * every lever and the structure fields that differ from the base; the context and seed where they
 * differ from the defaults (so links stay short); and the version.
 */
export function scenarioToSearch(s: Scenario): URLSearchParams {
	const d = defaultScenario();
	const params = new URLSearchParams();
	if (s.mode !== d.mode) params.set('mode', s.mode);
	if (s.mode === 'custom') {
		if (s.base !== 'multi') params.set('base', s.base);
		const base = presetSpec(s.base);
		for (const k of STRUCTURE_KEYS) if (s.structure[k] !== base.structure[k]) params.set(k, String(s.structure[k]));
		for (const k of LEVER_KEYS) params.set(k, String(s.levers[k]));
	}
	for (const k of CONTEXT_KEYS) if (s.context[k] !== d.context[k]) params.set(k, String(s.context[k]));
	if (s.seed !== d.seed) params.set('seed', String(s.seed));
	params.set('version', s.version);
	return params;
}

/**
 * The engine's options for a scenario: a preset by name, a custom scenario by its base, structure
 * and levers. Every sandbox run starts from the county as of mid-2022, as its history left it
 * under the scenario's county conditions and seed (MODEL.md §5).
 */
export function engineOptions(s: Scenario): Pick<ModelOptions, 'mode' | 'base' | 'structure' | 'levers' | 'params' | 'seed' | 'start'> {
	const common = { params: { ...s.context }, seed: s.seed, start: 'history' as const };
	return s.mode === 'custom' ? { mode: 'custom', base: s.base, structure: { ...s.structure }, levers: { ...s.levers }, ...common } : { mode: s.mode, ...common };
}

/** Scenario JSON as exported: a versioned, self-describing object. */
export function scenarioToJson(s: Scenario, name?: string): string {
	return JSON.stringify({ kind: SCENARIO_KIND, name, ...s }, null, 2);
}

/** Files larger than this are refused unread: a scenario file is well under 1 KB. */
export const MAX_FILE_BYTES = 100_000;

/**
 * Parses an imported scenario file. Unlike a link, a file with any invalid field is refused as a
 * whole (with the reasons), so an import never silently changes what the user had.
 */
export function parseScenarioJson(text: string): { ok: true; scenario: Scenario; name?: string; migrated?: Migration } | { ok: false; problems: ScenarioProblem[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, problems: [{ field: '', code: 'json' }] };
	}
	if (!isPlainObject(data)) return { ok: false, problems: [{ field: '', code: 'notObject', value: describeValue(data) }] };
	if (data.kind !== SCENARIO_KIND) return { ok: false, problems: [{ field: 'kind', code: 'kind', value: describeValue(data.kind) }] };
	const name = data.name;
	const nameProblem: ScenarioProblem[] = name === undefined || typeof name === 'string' ? [] : [{ field: 'name', code: 'type', value: describeValue(name) }];
	const r = scenarioFromObject(data, { allowed: ['kind', 'name'] });
	if (!r.ok) return { ok: false, problems: r.problems.some((p) => p.code === 'newerVersion' || p.code === 'otherVersion') ? r.problems : [...r.problems, ...nameProblem] };
	if (nameProblem.length) return { ok: false, problems: nameProblem };
	return { ok: true, scenario: r.scenario, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : undefined, ...(r.migrated ? { migrated: r.migrated } : {}) };
}
