import { browser } from '$app/environment';
import { loadMessages } from '$lib/i18n/catalogue';
import type { Lang } from '$lib/i18n/messages';
import { recording, takeInlineMessages } from '$lib/i18n/page-messages';
import type { LayoutLoad } from './$types';

/**
 * The route's language and its messages, loaded before the page renders (at prerender time, at
 * hydration and on a client-side navigation to the other language), so no page shows the wrong
 * language or bare keys and none downloads the other language's catalogue. At hydration they are
 * the ones the prerendered page carries (its first view needs no catalogue script; the layout
 * completes them later: see page-messages.ts); at prerender time the render's lookups are recorded.
 */
export const load: LayoutLoad = async ({ params, data }) => {
	const lang: Lang = params.lang === 'en' ? 'en' : 'zh';
	const messages = browser ? (takeInlineMessages(lang) ?? (await loadMessages(lang))) : recording(lang, await loadMessages(lang));
	return { ...data, lang, messages };
};
