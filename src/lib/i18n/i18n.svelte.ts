import { getContext, setContext } from 'svelte';
import type { Lang, MessageKey, Messages } from './messages';

/** Message keys that come in plural forms (`x.one`, `x.other`): the `x`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer P}.other` ? (`${P}.one` extends MessageKey ? P : never) : never }[MessageKey];

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/**
 * The message system: looks up strings in the current language and formats numbers and dates
 * by its conventions. The language comes from the route (`/` is zh, `/en/` is en), so each
 * prerendered page is already in its language. It holds only that language's messages (the
 * layout's load brings them: see catalogue.ts); `lang` and `messages` must change together.
 */
export class I18n {
	readonly #lang: () => Lang;
	readonly #messages: () => Messages;

	constructor(lang: () => Lang, messages: () => Messages) {
		this.#lang = lang;
		this.#messages = messages;
	}

	get lang(): Lang {
		return this.#lang();
	}

	get locale(): string {
		return LOCALES[this.lang];
	}

	/** The message for `key`, with `{name}` placeholders replaced by `values`. */
	t(key: MessageKey, values: Record<string, string | number> = {}): string {
		const text: string = this.#messages()[key];
		return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
	}

	/**
	 * The message for a count `n`: `key.one`, `key.other`, … chosen by the language's plural rules
	 * (Chinese has one form: `other`), with `{n}` the formatted count.
	 */
	tn(key: PluralKey, n: number, values: Record<string, string | number> = {}): string {
		const form = `${key}.${pluralRules(this.locale).select(n)}`;
		return this.t(this.has(form) ? form : `${key}.other`, { n: this.number(n), ...values });
	}

	/** Whether `key` names a message (for codes that come from data). */
	has(key: string): key is MessageKey {
		return Object.hasOwn(this.#messages(), key);
	}

	number(n: number, digits = 0): string {
		return formatter(this.locale, 'decimal', digits).format(n);
	}

	percent(x: number, digits = 1): string {
		return formatter(this.locale, 'percent', digits).format(x);
	}

	/** A month given as 'YYYY-MM': 2018年1月 / Jan 2018. */
	month(ym: string): string {
		const [y, m] = ym.split('-').map(Number);
		return new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
			Date.UTC(y, m - 1, 1)
		);
	}

	/** A date given as 'YYYY-MM-DD' in the language's long form. */
	date(iso: string): string {
		return new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
			new Date(`${iso}T00:00:00Z`)
		);
	}

	/** A town's name in the current language. */
	townName(town: { nameZh: string; namePinyin: string }): string {
		return this.lang === 'zh' ? town.nameZh : town.namePinyin;
	}

	/**
	 * A place of a dataset (a town, ward, village…) in the current language: its name in the other
	 * language when it has none in this one, and "unnamed" when it has none at all.
	 */
	placeName(place: { zh: string; en: string }): string {
		return (this.lang === 'zh' ? place.zh || place.en : place.en || place.zh) || this.t('area.unnamed');
	}

	/** A village's name in the current language. */
	villageName(village: { zh: string; en: string }): string {
		return this.lang === 'zh' ? village.zh : village.en;
	}
}

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): I18n {
	return setContext(KEY, i18n);
}

export function getI18n(): I18n {
	const i18n = getContext<I18n | undefined>(KEY);
	if (!i18n) throw new Error('getI18n() needs an I18n set by the layout');
	return i18n;
}

const plurals = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
	let rules = plurals.get(locale);
	if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules;
}

/** Number formatters are costly to build (charts format thousands of ticks and cells): keep them. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
	const key = `${locale}|${style}|${digits}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { style, maximumFractionDigits: digits, minimumFractionDigits: digits })));
	return f;
}
