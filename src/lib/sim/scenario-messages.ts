import type { I18n } from '../i18n/i18n.svelte';
import type { FieldSpec, ScenarioProblem } from './scenario-schema';
import { MODEL_VERSION } from './scenario';

/** What a field takes, in words: "a number from 0 to 1". */
function expected(i18n: I18n, spec: ScenarioProblem['expected']): string {
	if (!spec) return '';
	switch (spec.type) {
		case 'number':
			return i18n.t(spec.integer ? 'scenario.expected.integer' : 'scenario.expected.number', { min: spec.min, max: spec.max });
		case 'boolean':
			return i18n.t('scenario.expected.boolean');
		case 'choice':
			return i18n.t('scenario.expected.choice', { values: (spec as Extract<FieldSpec, { type: 'choice' }>).values.join(', ') });
		case 'group':
			return i18n.t('scenario.expected.group');
	}
}

/** One problem as a sentence part in the page's language. */
export function problemText(i18n: I18n, p: ScenarioProblem): string {
	const values = { field: p.field, value: p.value ?? '', expected: expected(i18n, p.expected), version: p.value ?? '', current: MODEL_VERSION, kb: p.value ?? '' };
	switch (p.code) {
		case 'unknown':
			return p.suggestion ? i18n.t('scenario.problem.unknownSuggest', { ...values, suggestion: p.suggestion }) : i18n.t('scenario.problem.unknown', values);
		case 'range':
		case 'integer':
		case 'choice':
			return i18n.t('scenario.problem.value', values);
		default:
			return i18n.t(`scenario.problem.${p.code}`, values);
	}
}

/** The first few problems, then how many more. */
export function problemsText(i18n: I18n, problems: readonly ScenarioProblem[], shown = 5): string {
	const parts = problems.slice(0, shown).map((p) => problemText(i18n, p));
	if (problems.length > shown) parts.push(i18n.tn('scenario.problem.more', problems.length - shown));
	return parts.join(i18n.lang === 'zh' ? '；' : '; ');
}
