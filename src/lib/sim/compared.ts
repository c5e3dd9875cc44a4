import type { I18n } from '../i18n/i18n.svelte';
import { COMPARISON } from '../charts/palette';
import { comparisonFromSearch, slotScenario, type CompareSlot } from './comparison';
import type { ShownScenario } from './replicate-stats';
import { scenarioFromSearch, type Scenario, type ScenarioProblem } from './scenario';
import { scenarioLabel } from './scenario-label';
import type { Compared, SimRunner } from './SimRunner.svelte';

/**
 * What the sandbox compares and how it names and colours it: the page and an embed of one of its
 * charts (/embed/simulate/…) show the same scenarios under the same names.
 */
const SLOT_KEYS = ['a', 'b'] as const;

/** The compared slots' scenarios (the first is the baseline), then this scenario. */
export function comparedScenarios(s: Scenario, slots: readonly CompareSlot[]): Compared[] {
	return [...slots.map((slot, i) => ({ key: SLOT_KEYS[i], scenario: slotScenario(slot, s), slot })), { key: 'yours', scenario: s }];
}

/**
 * What an address asks the sandbox to compare: its scenario and slots, the problems read in it,
 * and a version problem that holds the run until the user says to go on (a newer or other model
 * version). The page and an embed read their addresses alike.
 */
export function comparedFromAddress(search: URLSearchParams) {
	const parsed = scenarioFromSearch(search);
	const comparison = comparisonFromSearch(search, parsed.scenario);
	const isVersion = (p: ScenarioProblem) => p.code === 'newerVersion' || p.code === 'otherVersion';
	return {
		scenario: parsed.scenario,
		migrated: parsed.migrated?.from ?? null,
		slots: comparison.slots,
		held: parsed.problems.find(isVersion) ?? null,
		problems: [...parsed.problems.filter((p) => !isVersion(p)), ...comparison.problems]
	};
}

/** A comparison slot's name: its preset's, or "pinned: …". */
export function slotName(i18n: I18n, slot: CompareSlot): string {
	if (slot.kind === 'preset') return i18n.t(`sim.mode.${slot.mode}`);
	return i18n.t('sim.compare.pinned', { name: scenarioLabel(i18n, slot.scenario, { short: true }) });
}

/** A compared scenario's name in the legend and tables (the first slot is marked as the baseline). */
export function comparedName(i18n: I18n, c: Compared, first: boolean): string {
	if (!c.slot) return `${i18n.t('sim.yours')}: ${scenarioLabel(i18n, c.scenario, { short: true })}`;
	return `${slotName(i18n, c.slot)}${first ? ` (${i18n.t('sim.baseline')})` : ''}`;
}

/** The runner's results as drawn: each compared scenario's name, colour, dash and statistics, in order. */
export function shownScenarios(i18n: I18n, runner: SimRunner | null): ShownScenario[] {
	if (!runner || !runner.shownFor.length) return [];
	return runner.shownFor.map((c, i) => ({
		key: c.key,
		label: comparedName(i18n, c, i === 0 && c.slot !== undefined),
		// The compared slots' colours by place (the first, the baseline, dashed); this scenario's last.
		colour: COMPARISON[c.slot ? i : 2].colour,
		dash: COMPARISON[c.slot ? i : 2].dash,
		stats: runner.results[c.key]
	}));
}
