import type { I18n } from '../i18n/i18n.svelte';
import type { Levers, Structure } from '$sim/engine/modes';
import { changesFromBase, type Scenario } from './scenario';

type Change = ReturnType<typeof changesFromBase>[number];

/** One change from a scenario's base preset, in words: "Coordination 0% → 40%", "Liaisons and grids: no → yes". */
export function changeText(i18n: I18n, c: Change): string {
	const name = i18n.t(c.kind === 'lever' ? `sim.lever.${c.key as keyof Levers}` : `sim.structure.${c.key as keyof Structure}`);
	const value = (v: number | boolean) => (typeof v === 'boolean' ? i18n.t(v ? 'sim.structure.yes' : 'sim.structure.no') : i18n.percent(v, 0));
	return i18n.t(c.kind === 'lever' ? 'sim.change' : 'sim.change.structure', { name, from: value(c.from), to: value(c.to) });
}

/**
 * A scenario's name: its preset's, or "Custom (from one-way: coordination 0% → 40%)" — what it
 * is and what changed, so a moved lever never hides that the structure stayed the same.
 */
export function scenarioLabel(i18n: I18n, s: Scenario, options: { short?: boolean } = {}): string {
	if (s.mode !== 'custom') return i18n.t(`sim.mode.${s.mode}`);
	const changes = changesFromBase(s);
	const base = i18n.t(`sim.mode.${s.base}`);
	if (!changes.length) return i18n.t('sim.custom.same', { base });
	const shown = options.short ? changes.slice(0, 2) : changes;
	const more = changes.length - shown.length;
	const list = [...shown.map((c) => changeText(i18n, c)), ...(more ? [i18n.tn('sim.custom.more', more)] : [])].join(i18n.lang === 'zh' ? '；' : '; ');
	return i18n.t('sim.custom.from', { base, changes: list });
}
