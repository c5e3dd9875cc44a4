import type { I18n } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/messages';
import { METRICS, type Expectation, type MetricKey } from './claims';
import type { Step } from './lessons';
import { PARAMETERS } from '$sim/engine/parameters';

/** A value of a metric as the lessons show it. */
export function formatValue(i18n: I18n, metric: MetricKey, v: number): string {
	if (!Number.isFinite(v)) return '—';
	switch (METRICS[metric].format) {
		case 'index':
			return i18n.number(v, 3);
		case 'share':
			return i18n.percent(v, 1);
		case 'days':
			return i18n.number(v, 1);
		case 'million':
			return i18n.number(v, 2);
	}
}

/** A difference of a metric, signed (shares in percentage points). */
export function formatEffect(i18n: I18n, metric: MetricKey, d: number): string {
	if (!Number.isFinite(d)) return '—';
	const sign = d > 0 ? '+' : d < 0 ? '−' : '';
	const a = Math.abs(d);
	const format = METRICS[metric].format;
	if (format === 'share') return i18n.t('learn.pp', { n: `${sign}${i18n.number(a * 100, 1)}` });
	return `${sign}${format === 'index' ? i18n.number(a, 3) : format === 'days' ? i18n.number(a, 1) : i18n.number(a, 2)}`;
}

export const unitKey = (metric: MetricKey): MessageKey => `learn.unit.${METRICS[metric].format}`;

/** The words of a step's choice: "longer/shorter" for days, "the gap grows/shrinks" for a difference of differences. */
export function choiceLabel(i18n: I18n, step: Step, choice: Expectation): string {
	if (step.claim.minus) return i18n.t(`learn.choice.diff.${choice}`);
	if (METRICS[step.claim.metric].format === 'days' && choice !== 'similar') return i18n.t(`learn.choice.days.${choice}`);
	return i18n.t(`learn.choice.${choice}`);
}

/** A link's text for a model-card anchor (lever-, structure-, outcome-, param-). */
export function cardLabel(i18n: I18n, anchor: string): string {
	const [kind, ...rest] = anchor.split('-');
	const name = rest.join('-');
	const key = kind === 'lever' ? `sim.lever.${name}` : kind === 'structure' ? `sim.structure.${name}` : kind === 'outcome' ? `learn.outcome.${name}` : '';
	if (key && i18n.has(key)) return i18n.t(key);
	return i18n.t('learn.card.param', { name });
}

/** The words of a lesson (keys built from its ids: learn.<lesson>.<step>.q, …); every one is checked to exist in both catalogues by a unit test. */
export function lessonText(i18n: I18n, key: string, values?: Record<string, string | number>): string {
	return i18n.has(key) ? i18n.t(key, values) : key;
}

/** The keys of a lesson's words, for the catalogue test. */
export function lessonKeys(lesson: { id: string; scenarios: Record<string, unknown>; steps: readonly { id: string }[] }): string[] {
	return [
		`learn.${lesson.id}.title`,
		`learn.${lesson.id}.summary`,
		...Object.keys(lesson.scenarios).map((id) => `learn.${lesson.id}.sc.${id}`),
		...lesson.steps.flatMap((s) => ['q', 'why', 'debrief'].map((k) => `learn.${lesson.id}.${s.id}.${k}`))
	];
}

/** The parameter values the lessons' explanations quote, from the parameter table (never typed into the text). */
export function parameterValues(i18n: I18n): Record<string, string> {
	const p = (name: keyof typeof PARAMETERS) => PARAMETERS[name].default;
	// As many decimals as the table's value has (at most four): 0.2, 0.8, 0.0287.
	const n = (name: keyof typeof PARAMETERS) => i18n.number(p(name), Math.min(4, (String(p(name)).split('.')[1] ?? '').length));
	return {
		issueRate: n('issueRate'),
		villageWorkFactor: n('villageWorkFactor'),
		elderlyDigital: n('elderlyDigital'),
		handoffDelayWeeks: n('handoffDelayWeeks'),
		handoffFailure: i18n.percent(p('handoffFailure'), 0)
	};
}
