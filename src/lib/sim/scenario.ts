import { MODES, type Levers, type Mode } from '../../../sim/engine/modes';
import { PARAMETERS } from '../../../sim/engine/parameters';

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

/** A problem with one field of a scenario, in terms the page can translate. */
export interface ScenarioProblem {
	field: string;
	value: string;
}

const isMode = (m: unknown): m is Mode => typeof m === 'string' && (MODES as readonly string[]).includes(m);

function numberIn(value: unknown, lo: number, hi: number): number | null {
	const x = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(x) && x >= lo && x <= hi ? x : null;
}

/**
 * Reads a scenario from loose values (URL parameters or parsed JSON): every valid field is kept,
 * every invalid one falls back to its default and is listed, so a broken link still opens.
 */
export function scenarioFromValues(get: (key: string) => unknown): { scenario: Scenario; problems: ScenarioProblem[] } {
	const scenario = defaultScenario();
	const problems: ScenarioProblem[] = [];
	const note = (field: string, value: unknown) => problems.push({ field, value: String(value).slice(0, 40) });
	const mode = get('mode');
	if (mode !== undefined && mode !== null) {
		if (isMode(mode)) {
			scenario.mode = mode;
			if (mode !== 'custom') scenario.levers = presetLevers(mode);
		} else note('mode', mode);
	}
	for (const k of LEVER_KEYS) {
		const v = get(k);
		if (v === undefined || v === null) continue;
		const x = numberIn(v, 0, 1);
		if (x === null) note(k, v);
		else scenario.levers[k] = x;
	}
	for (const k of CONTEXT_KEYS) {
		const v = get(k);
		if (v === undefined || v === null) continue;
		const [lo, hi] = PARAMETERS[k].range;
		const x = numberIn(v, lo, hi);
		if (x === null) note(k, v);
		else scenario.context[k] = x;
	}
	const seed = get('seed');
	if (seed !== undefined && seed !== null) {
		const x = numberIn(seed, 0, 2 ** 32 - 1);
		if (x === null || !Number.isInteger(x)) note('seed', seed);
		else scenario.seed = x;
	}
	const version = get('version');
	if (version !== undefined && version !== null && version !== MODEL_VERSION) note('version', version);
	// A preset's levers are part of the preset: levers that differ make the scenario custom.
	if (scenario.mode !== 'custom' && LEVER_KEYS.some((k) => scenario.levers[k] !== presetLevers(scenario.mode)[k])) {
		scenario.mode = 'custom';
	}
	return { scenario, problems };
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

/** The scenario from a URL's query string. */
export function scenarioFromSearch(params: URLSearchParams): { scenario: Scenario; problems: ScenarioProblem[] } {
	return scenarioFromValues((k) => params.get(k));
}

/** The query string of a scenario (only what differs from the defaults, so links stay short). */
export function scenarioToSearch(s: Scenario): URLSearchParams {
	const d = defaultScenario();
	const params = new URLSearchParams();
	if (s.mode !== d.mode) params.set('mode', s.mode);
	if (s.mode === 'custom') for (const k of LEVER_KEYS) params.set(k, String(s.levers[k]));
	for (const k of CONTEXT_KEYS) if (s.context[k] !== d.context[k]) params.set(k, String(s.context[k]));
	if (s.seed !== d.seed) params.set('seed', String(s.seed));
	params.set('version', s.version);
	return params;
}

/** Scenario JSON as exported: a versioned, self-describing object. */
export function scenarioToJson(s: Scenario, name?: string): string {
	return JSON.stringify({ kind: 'grassroots-governance-scenario', name, ...s }, null, 2);
}

/**
 * Parses an imported scenario file. Unlike a link, a file with any invalid field is refused as a
 * whole (with the reasons), so an import never silently changes what the user had.
 */
export function parseScenarioJson(text: string): { ok: true; scenario: Scenario; name?: string } | { ok: false; reason: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, reason: `not JSON (${(e as Error).message.slice(0, 80)})` };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not a scenario object' };
	const o = data as Record<string, unknown>;
	if (o.kind !== 'grassroots-governance-scenario') return { ok: false, reason: 'not a scenario file (kind is missing or wrong)' };
	const levers = (typeof o.levers === 'object' && o.levers !== null ? o.levers : {}) as Record<string, unknown>;
	const context = (typeof o.context === 'object' && o.context !== null ? o.context : {}) as Record<string, unknown>;
	const { scenario, problems } = scenarioFromValues((k) =>
		k in levers ? levers[k] : k in context ? context[k] : k === 'mode' || k === 'seed' || k === 'version' ? o[k] : undefined
	);
	if (problems.length) return { ok: false, reason: problems.map((p) => `${p.field} = ${p.value}`).join(', ') };
	return { ok: true, scenario, name: typeof o.name === 'string' ? o.name.slice(0, 80) : undefined };
}
