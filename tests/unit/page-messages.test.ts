import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import type { MessageKey, Messages } from '../../src/lib/i18n/messages';
import { inlineMessages, isPartial, keyRecorder, recording, takeInlineMessages } from '../../src/lib/i18n/page-messages';
import { zh } from '../../src/lib/i18n/zh';

/** A document holding one element, as a prerendered page holds the inline messages. */
function pageWith(html: string) {
	const m = /^<script type="application\/json" id="([^"]+)" data-lang="(\w+)">(.*)<\/script>$/s.exec(html);
	if (!m) throw new Error(`not an inline element: ${html.slice(0, 80)}`);
	let present = true;
	const element = { dataset: { lang: m[2] }, textContent: m[3], remove: () => (present = false) };
	return { doc: { getElementById: (id: string) => (present && id === m[1] ? element : null) } as unknown as Document, present: () => present };
}

const KEYS = Object.keys(zh) as MessageKey[];

describe('a page’s own messages (issue #14: initial JS)', () => {
	it('carry exactly what the render looked up, and the page reads them back once', () => {
		let reached = 0;
		fc.assert(
			fc.property(fc.constantFrom('zh' as const, 'en' as const), fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 40 }), (lang, used) => {
				const catalogue = (lang === 'en' ? en : zh) as Messages;
				const seen = new Set<string>();
				let told: string | null = null;
				keyRecorder.add = (k) => seen.add(k);
				keyRecorder.catalogue = (l) => (told = l);
				// The render, through the I18n the layout makes: t() of each used key, one has() of a missing one.
				const i18n = new I18n(() => lang, () => recording(lang, catalogue));
				const rendered = used.map((k) => i18n.t(k, { n: 3 }));
				expect(i18n.has('no.such.key')).toBe(false);
				keyRecorder.add = keyRecorder.catalogue = null;
				expect(told).toBe(lang);
				expect([...seen].sort()).toEqual([...used, 'no.such.key'].sort());

				const page = pageWith(inlineMessages(lang, catalogue, seen));
				const carried = takeInlineMessages(lang, page.doc)!;
				expect(carried).not.toBeNull();
				expect(isPartial(carried)).toBe(true);
				expect(page.present()).toBe(false);
				expect(takeInlineMessages(lang, page.doc)).toBeNull();
				// Hydration renders the same text; what the page did not show reads '' (never a key or an error).
				const hydrated = new I18n(() => lang, () => carried);
				expect(used.map((k) => hydrated.t(k, { n: 3 }))).toEqual(rendered);
				expect(hydrated.has('no.such.key')).toBe(false);
				const other = KEYS.find((k) => !seen.has(k))!;
				expect(hydrated.has(other)).toBe(false);
				expect(hydrated.t(other)).toBe('');
				reached++;
			}),
			{ numRuns: 60 }
		);
		expect(reached).toBe(60);
	});

	it('are not taken in another language, and a page’s text cannot close the element', () => {
		const html = inlineMessages('zh', { ...zh, 'app.title': '</script><b>x</b>' } as Messages, ['app.title']);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(takeInlineMessages('en', pageWith(html).doc)).toBeNull();
		expect(takeInlineMessages('zh', pageWith(html).doc)!['app.title']).toBe('</script><b>x</b>');
	});
});
