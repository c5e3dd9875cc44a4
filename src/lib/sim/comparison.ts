import { isPreset, PRESETS, type Preset } from '$sim/engine/modes';
import { CONTEXT_KEYS, LEVER_KEYS, presetScenario, SCENARIO_SCHEMA, scenarioFromParams, scenarioToSearch, type Scenario, type ScenarioProblem } from './scenario';
import { leafNames } from './scenario-schema';

/**
 * What the edited scenario is compared with: up to two other scenarios. A preset follows the
 * edited scenario's context (so "one-way" means one-way in the same county conditions); a pinned
 * scenario keeps its own structure, levers and context. Every compared scenario shares the edited
 * one's seed, so replicate r of each uses the same random draws and differences are paired.
 */
export type CompareSlot = { kind: 'preset'; mode: Preset } | { kind: 'pinned'; scenario: Scenario };

export const PRESET_MODES = PRESETS;
export const MAX_COMPARED = 2;
export const DEFAULT_COMPARISON: readonly CompareSlot[] = [
	{ kind: 'preset', mode: 'one-way' },
	{ kind: 'preset', mode: 'two-way' }
];

const PIN = 'pin';
const PIN_FIELDS = new Set(leafNames(SCENARIO_SCHEMA).filter((k) => k !== 'seed'));
/**
 * Between a pinned scenario's fields, and between a field's name and its value: characters a link
 * keeps as they are (no %-escapes); names have no dot, so the first one ends the name.
 */
const FIELDS = '*';
const VALUE = '.';

/** One slot as it appears in the link: a preset's name, or pin*name.value*… (the scenario's link fields but seed and version). */
export function slotToParam(slot: CompareSlot): string {
	if (slot.kind === 'preset') return slot.mode;
	const fields = [...scenarioToSearch(slot.scenario)].filter(([k]) => k !== 'seed' && k !== 'version' && k !== 'mode');
	// The mode always, so a pinned preset reads as what it is.
	return [PIN, `mode${VALUE}${slot.scenario.mode}`, ...fields.map(([k, v]) => `${k}${VALUE}${v}`)].join(FIELDS);
}

/** Model 1's pinned slots: pin_mode_sinking_coordination_participation_outMigration_budget_digitalAccess. */
function legacySlot(text: string): Map<string, string> | null {
	const parts = text.split('_');
	if (parts[0] !== PIN || parts.length !== 2 + LEVER_KEYS.length + CONTEXT_KEYS.length) return null;
	const values = new Map<string, string>([['mode', parts[1]]]);
	LEVER_KEYS.forEach((k, i) => values.set(k, parts[2 + i]));
	CONTEXT_KEYS.forEach((k, i) => values.set(k, parts[2 + LEVER_KEYS.length + i]));
	return values;
}

function slotFromParam(text: string, current: Scenario): CompareSlot | null {
	if (isPreset(text)) return { kind: 'preset', mode: text };
	let values = legacySlot(text);
	if (!values) {
		const [head, ...fields] = text.split(FIELDS);
		if (head !== PIN) return null;
		values = new Map();
		for (const field of fields) {
			const at = field.indexOf(VALUE);
			if (at <= 0 || values.has(field.slice(0, at))) return null;
			values.set(field.slice(0, at), field.slice(at + 1));
		}
		// Only the scenario's own link fields; its seed and version are the edited scenario's.
		if ([...values.keys()].some((k) => !PIN_FIELDS.has(k))) return null;
	}
	const { scenario, problems } = scenarioFromParams((k) => values.get(k));
	if (problems.length) return null;
	return { kind: 'pinned', scenario: { ...scenario, seed: current.seed, version: current.version } };
}

/**
 * The comparison from a link's `vs` parameters (one per slot; `vs=` alone means none).
 * Unreadable slots are dropped and reported; a missing parameter gives the default comparison.
 */
export function comparisonFromSearch(params: URLSearchParams, current: Scenario): { slots: CompareSlot[]; problems: ScenarioProblem[] } {
	if (!params.has('vs')) return { slots: [...DEFAULT_COMPARISON], problems: [] };
	const slots: CompareSlot[] = [];
	const problems: ScenarioProblem[] = [];
	for (const part of params.getAll('vs').filter((p) => p !== '')) {
		const slot = slotFromParam(part, current);
		if (slot && slots.length < MAX_COMPARED) slots.push(slot);
		else problems.push({ field: 'vs', code: 'format', value: part.slice(0, 40) });
	}
	return { slots, problems };
}

/** Sets `vs` on a query string, or leaves it out for the default comparison. */
export function comparisonToSearch(slots: readonly CompareSlot[], params: URLSearchParams): URLSearchParams {
	const same = slots.length === DEFAULT_COMPARISON.length && slots.every((s, i) => slotToParam(s) === slotToParam(DEFAULT_COMPARISON[i]));
	params.delete('vs');
	if (same) return params;
	if (slots.length === 0) params.set('vs', '');
	for (const slot of slots) params.append('vs', slotToParam(slot));
	return params;
}

/** The scenario a slot stands for, given the edited scenario. */
export function slotScenario(slot: CompareSlot, current: Scenario): Scenario {
	if (slot.kind === 'pinned') return { ...slot.scenario, seed: current.seed, version: current.version };
	return presetScenario(slot.mode, current);
}

/** Pins a scenario for comparison (the seed is always the edited scenario's). */
export function pin(scenario: Scenario): CompareSlot {
	return { kind: 'pinned', scenario: { ...scenario, structure: { ...scenario.structure }, levers: { ...scenario.levers }, context: { ...scenario.context } } };
}
