import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import type { Lang, Messages } from '$lib/i18n/messages';
import { inlineMessages, keyRecorder } from '$lib/i18n/page-messages';

/**
 * The message keys each page's render looks up (the layout's load gives the render a recording
 * catalogue: see page-messages.ts), one set per request.
 */
const renderKeys = new AsyncLocalStorage<{ keys: Set<string>; catalogue?: { lang: Lang; messages: Messages } }>();
keyRecorder.add = (key) => renderKeys.getStore()?.keys.add(key);
keyRecorder.catalogue = (lang, messages) => {
	const store = renderKeys.getStore();
	if (store) store.catalogue = { lang, messages };
};

/**
 * Sets <html lang> from the route (/en/… is English, everything else Chinese) and writes into the
 * page the messages its render used, so the first view needs no catalogue script (the catalogue
 * itself follows when the page is idle: see page-messages.ts).
 */
export const handle: Handle = ({ event, resolve }) => {
	const lang: Lang = event.params.lang === 'en' ? 'en' : 'zh';
	const store: { keys: Set<string>; catalogue?: { lang: Lang; messages: Messages } } = { keys: new Set() };
	return renderKeys.run(store, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => {
				html = html.replace('%lang%', lang === 'en' ? 'en' : 'zh-CN');
				if (!store.catalogue || !html.includes('</head>')) return html;
				return html.replace('</head>', `\t${inlineMessages(store.catalogue.lang, store.catalogue.messages, store.keys)}\n\t</head>`);
			}
		})
	);
};
