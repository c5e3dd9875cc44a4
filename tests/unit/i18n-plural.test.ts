import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';

describe('messages with a count', () => {
	it.each([
		['en', 1, 'waited 1 week'],
		['en', 3, 'waited 3 weeks'],
		['en', 1200, 'waited 1,200 weeks'],
		['zh', 1, '等待 1 周'],
		['zh', 3, '等待 3 周']
	] as const)('take the plural form of the language (%s, %d)', (lang, n, text) => {
		expect(new I18n(() => lang, () => (lang === 'en' ? en : zh)).tn('follow.wait', n)).toBe(text);
	});

	it('come in the forms each language needs: one and other in both catalogues', () => {
		const plural = (catalogue: object) => Object.keys(catalogue).filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -4));
		expect(plural(en)).toEqual(plural(zh));
		for (const key of plural(en)) expect(Object.keys(en)).toContain(`${key}.other`);
		expect(new I18n(() => 'en', () => en).tn('sim.phase.full', 1, { reps: 1, done: 40 })).toBe('Full county, 1 replicate so far (in progress: 40%)');
	});
});
