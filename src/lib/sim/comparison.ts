import type { Mode } from '../../../sim/engine/modes';
import { CONTEXT_KEYS, LEVER_KEYS, presetLevers, scenarioFromParams, type Scenario, type ScenarioProblem } from './scenario';

/**
 * What the edited scenario is compared with: up to two other scenarios. A preset follows the
 * edited scenario's context (so "one-way" means one-way in the same county conditions); a pinned
 * scenario keeps its own levers and context. Every compared scenario shares the edited one's seed,
 * so replicate r of each uses the same random streams and differences are paired.
 */
export type CompareSlot = { kind: 'preset'; mode: Exclude<Mode, 'custom'> } | { kind: 'pinned'; scenario: Scenario };

export const PRESET_MODES = ['one-way', 'two-way', 'multi'] as const satisfies readonly Exclude<Mode, 'custom'>[];
export const MAX_COMPARED = 2;
export const DEFAULT_COMPARISON: readonly CompareSlot[] = [
	{ kind: 'preset', mode: 'one-way' },
	{ kind: 'preset', mode: 'two-way' }
];

const PIN = 'pin';
const SEP = '_';

/** One slot as it appears in the link: a preset's name, or pin_mode_levers…_context…. */
export function slotToParam(slot: CompareSlot): string {
	if (slot.kind === 'preset') return slot.mode;
	const s = slot.scenario;
	return [PIN, s.mode, ...LEVER_KEYS.map((k) => s.levers[k]), ...CONTEXT_KEYS.map((k) => s.context[k])].join(SEP);
}

function slotFromParam(text: string, current: Scenario): CompareSlot | null {
	if ((PRESET_MODES as readonly string[]).includes(text)) return { kind: 'preset', mode: text as (typeof PRESET_MODES)[number] };
	const parts = text.split(SEP);
	if (parts[0] !== PIN || parts.length !== 2 + LEVER_KEYS.length + CONTEXT_KEYS.length) return null;
	const values = new Map<string, string>([['mode', parts[1]]]);
	LEVER_KEYS.forEach((k, i) => values.set(k, parts[2 + i]));
	CONTEXT_KEYS.forEach((k, i) => values.set(k, parts[2 + LEVER_KEYS.length + i]));
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
	return { ...current, mode: slot.mode, levers: presetLevers(slot.mode) };
}

/** Pins a scenario for comparison (the seed is always the edited scenario's). */
export function pin(scenario: Scenario): CompareSlot {
	return { kind: 'pinned', scenario: { ...scenario, levers: { ...scenario.levers }, context: { ...scenario.context } } };
}
