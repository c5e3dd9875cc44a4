import { loadMessages } from '$lib/i18n/catalogue';
import type { Lang } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

/**
 * The route's language and its messages, loaded before the page renders (at prerender time, at
 * hydration and on a client-side navigation to the other language), so no page shows the wrong
 * language or bare keys and none downloads the other language's catalogue.
 */
export const load: LayoutLoad = async ({ params, data }) => {
	const lang: Lang = params.lang === 'en' ? 'en' : 'zh';
	return { ...data, lang, messages: await loadMessages(lang) };
};
