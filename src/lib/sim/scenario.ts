import { MODES, type Levers, type Mode } from '../../../sim/engine/modes';
import { PARAMETERS } from '../../../sim/engine/parameters';
import { describeValue, group, isPlainObject, readLenient, readStrict, type FieldSpec, type GroupSpec, type Schema, type ScenarioProblem, type ValuesOf } from './scenario-schema';

/** Version of the model a scenario was made with; a link carries it so numbers can be reproduced. */
export const MODEL_VERSION = '1';

export interface Context {
	outMigration: number;
	budget: number;
	digitalAccess: number;
}

/** Everything that determines a sandbox run: a link or a JSON file with it reproduces the numbers. */
export interface Scenario {
	mode: Mode;
	levers: Levers;
	context: Context;
	seed: number;
	version: string;
}

export const LEVER_KEYS = ['sinking', 'coordination', 'participation'] as const;
export const CONTEXT_KEYS = ['outMigration', 'budget', 'digitalAccess'] as const;

const UNIT = { type: 'number', min: 0, max: 1 } as const satisfies FieldSpec;
const parameter = (key: (typeof CONTEXT_KEYS)[number]) => ({ type: 'number', min: PARAMETERS[key].range[0], max: PARAMETERS[key].range[1] }) as const satisfies FieldSpec;

export function defaultScenario(): Scenario {
	return {
		mode: 'multi',
		levers: { sinking: 0.8, coordination: 0.8, participation: 0.8 },
		context: {
			outMigration: PARAMETERS.outMigration.default,
			budget: PARAMETERS.budget.default,
			digitalAccess: PARAMETERS.digitalAccess.default
		},
		seed: 1,
		version: MODEL_VERSION
	};
}

/**
 * The fields of a scenario, their types and ranges: one schema for links, files and stored
 * entries. (Model 2 adds its `structure` here as one more group of booleans and numbers.)
 */
export const SCENARIO_SCHEMA = {
	mode: { type: 'choice', values: MODES },
	levers: group({ sinking: UNIT, coordination: UNIT, participation: UNIT }),
	context: group({ outMigration: parameter('outMigration'), budget: parameter('budget'), digitalAccess: parameter('digitalAccess') }),
	seed: { type: 'number', min: 0, max: 2 ** 32 - 1, integer: true }
} as const satisfies Schema;

// The schema and the Scenario type describe the same fields (a field added to one only fails here).
type SchemaValues = ValuesOf<typeof SCENARIO_SCHEMA>;
type GroupKey = { [K in keyof typeof SCENARIO_SCHEMA]: (typeof SCENARIO_SCHEMA)[K] extends GroupSpec ? K : never }[keyof typeof SCENARIO_SCHEMA];
const GROUP_KEYS = Object.keys(SCENARIO_SCHEMA).filter((k) => SCENARIO_SCHEMA[k as keyof typeof SCENARIO_SCHEMA].type === 'group') as GroupKey[];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesType: Same<SchemaValues, Omit<Scenario, 'version'>> = true;
void schemaMatchesType;

export type { ScenarioProblem } from './scenario-schema';

/** The `kind` of a scenario file. */
export const SCENARIO_KIND = 'grassroots-governance-scenario';

/**
 * A scenario's model version: the current one, or a problem saying it is newer or other. A
 * version written as a number (`1`) means the same as its text.
 */
function checkVersion(value: unknown): ScenarioProblem | null {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
	if (text === MODEL_VERSION) return null;
	if (typeof text !== 'string') return { field: 'version', code: 'type', value: describeValue(value) };
	const newer = /^\d{1,6}$/.test(text) && Number(text) > Number(MODEL_VERSION);
	return { field: 'version', code: newer ? 'newerVersion' : 'otherVersion', value: text.slice(0, 40) };
}

/** A preset's levers are part of the preset: levers that differ from them make the scenario custom. */
function normalise(s: Scenario): Scenario {
	if (s.mode !== 'custom' && LEVER_KEYS.some((k) => s.levers[k] !== presetLevers(s.mode)[k])) s.mode = 'custom';
	return s;
}

/**
 * Reads a scenario from a link's parameters, leniently: every valid field is kept, every invalid
 * one falls back to its default and is listed, so a broken link still opens. A version other than
 * the model's is listed too (code newerVersion or otherVersion): the page then runs nothing until
 * asked. A link without a version is read as the current one.
 */
export function scenarioFromParams(get: (name: string) => string | null | undefined): { scenario: Scenario; problems: ScenarioProblem[] } {
	const { values, problems } = readLenient(get, SCENARIO_SCHEMA);
	const read = values as Partial<SchemaValues>;
	const scenario = defaultScenario();
	if (read.mode) {
		scenario.mode = read.mode;
		if (read.mode !== 'custom') scenario.levers = presetLevers(read.mode);
	}
	for (const key of GROUP_KEYS) Object.assign(scenario[key], read[key]);
	if (read.seed !== undefined) scenario.seed = read.seed;
	const version = get('version');
	const versionProblem = version === null || version === undefined ? null : checkVersion(version);
	if (versionProblem) problems.push(versionProblem);
	return { scenario: normalise(scenario), problems };
}

/**
 * Reads a scenario object from parsed JSON (a file's body, a stored entry's scenario), strictly:
 * every field present and valid, nothing unknown, the current model version. A newer or other
 * version is the only problem reported, since the other fields then follow another model.
 * `allowed` names the wrapper's own keys (a file's kind and name).
 */
export function scenarioFromObject(value: unknown, options: { path?: string; allowed?: readonly string[] } = {}): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
	const path = options.path ?? '';
	const field = path ? `${path}.version` : 'version';
	const hasVersion = isPlainObject(value) && Object.hasOwn(value, 'version');
	const version = hasVersion ? checkVersion((value as Record<string, unknown>).version) : null;
	if (version && version.code !== 'type') return { ok: false, problems: [{ ...version, field }] };
	const r = readStrict(value, SCENARIO_SCHEMA, { path, allowed: [...(options.allowed ?? []), 'version'] });
	const problems = r.ok ? [] : r.problems;
	if (version) problems.push({ ...version, field });
	else if (isPlainObject(value) && !hasVersion) problems.push({ field, code: 'missing' });
	if (!r.ok || problems.length) return { ok: false, problems };
	return { ok: true, scenario: normalise({ ...r.values, version: MODEL_VERSION }) };
}

export function presetLevers(mode: Mode): Levers {
	switch (mode) {
		case 'one-way':
		case 'two-way':
			return { sinking: 0, coordination: 0, participation: 0 };
		case 'multi':
			return { sinking: 0.8, coordination: 0.8, participation: 0.8 };
		default:
			return { sinking: 0.5, coordination: 0.5, participation: 0.5 };
	}
}

/** The scenario from a URL's query string (see scenarioFromParams). */
export function scenarioFromSearch(params: URLSearchParams): { scenario: Scenario; problems: ScenarioProblem[] } {
	return scenarioFromParams((k) => params.get(k));
}

/**
 * The query string of a scenario, in schema order: what differs from the defaults (so links stay
 * short), every lever of a custom scenario and none of a preset (its mode says them), and the version.
 */
export function scenarioToSearch(s: Scenario): URLSearchParams {
	const d = defaultScenario();
	const params = new URLSearchParams();
	for (const [key, spec] of Object.entries(SCENARIO_SCHEMA) as [keyof SchemaValues, FieldSpec | GroupSpec][]) {
		if (spec.type !== 'group') {
			if (s[key] !== d[key]) params.set(key, String(s[key]));
			continue;
		}
		const [value, fallback] = [s[key], d[key]] as unknown as Record<string, unknown>[];
		// A preset's levers are implied by its mode; a custom scenario's are all written.
		const write = (leaf: string) => (key === 'levers' ? s.mode === 'custom' : value[leaf] !== fallback[leaf]);
		for (const leaf of Object.keys(spec.fields)) if (write(leaf)) params.set(leaf, String(value[leaf]));
	}
	params.set('version', s.version);
	return params;
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
export function parseScenarioJson(text: string): { ok: true; scenario: Scenario; name?: string } | { ok: false; problems: ScenarioProblem[] } {
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
	return { ok: true, scenario: r.scenario, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : undefined };
}
