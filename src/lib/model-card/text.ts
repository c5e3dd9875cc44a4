import type { Lang } from '$lib/i18n/messages';
import { PRESET_SOURCES, type Levers, type Structure } from '$sim/engine/modes';
import { isParameterName, PARAMETERS } from '$sim/engine/parameters';
import type { ModelCardContent } from './content';
import { en } from './content-en';
import { zh } from './content-zh';
import { GROUP_TEXT, PARAMETER_ZH, PRESET_SOURCE_ZH, UNIT_ZH } from './parameters-zh';
import { propositionOf } from './reports';

export const CONTENT: Record<Lang, ModelCardContent> = { zh, en };

/** A text in a language: `lang` is the page's unless a translation is missing and the English is shown. */
export interface Worded {
	text: string;
	lang: Lang;
}

const english = (text: string): Worded => ({ text, lang: 'en' });

/** A parameter's row of the table in a language (English where the Chinese is missing). */
export function parameterText(lang: Lang, name: string): { meaning: Worded; source: Worded; unit: Worded; group: Worded } {
	if (!isParameterName(name)) throw new RangeError(`unknown parameter ${name}`);
	const p = PARAMETERS[name];
	const group = GROUP_TEXT[p.mechanism];
	if (lang === 'en') return { meaning: english(p.meaning), source: english(p.source), unit: english(p.unit), group: english(group?.en ?? p.mechanism) };
	const t = PARAMETER_ZH[name];
	const unit = UNIT_ZH[p.unit];
	return {
		meaning: t ? { text: t.meaning, lang } : english(p.meaning),
		source: t ? { text: t.source, lang } : english(p.source),
		unit: unit ? { text: unit, lang } : english(p.unit),
		group: group ? { text: group.zh, lang } : english(p.mechanism)
	};
}

/** Where a preset value comes from, in a language. */
export function presetSourceText(lang: Lang, key: keyof Structure | keyof Levers): Worded {
	const t = lang === 'zh' ? PRESET_SOURCE_ZH[key] : undefined;
	return t ? { text: t.text, lang } : english(PRESET_SOURCES[key]);
}

/** A proposition's claim (by its id: P1a, P2, …), in a language; the report's English where the card has none. */
export function claimText(lang: Lang, id: string, reported: string): Worded {
	const claims = CONTENT[lang].propositions.claims;
	const text = claims[id] ?? claims[propositionOf(id)];
	return text ? { text, lang } : english(reported);
}

/** A comparison or measure of the propositions report (English prose) in a language. */
export function reportPhrase(lang: Lang, kind: 'comparisons' | 'measures', english_: string): Worded {
	if (lang === 'en') return english(english_);
	const text = CONTENT[lang].propositions[kind][english_];
	return text ? { text, lang } : english(english_);
}

/** A number as written in the tables: grouped, up to `digits` decimals, no trailing zeros. */
export function plainNumber(locale: string, v: number, digits = 6): string {
	if (!Number.isFinite(v)) return '–';
	const key = `${locale}|${digits}`;
	let f = formats.get(key);
	if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
	return f.format(v);
}
const formats = new Map<string, Intl.NumberFormat>();
