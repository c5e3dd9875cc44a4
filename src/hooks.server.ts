import type { Handle } from '@sveltejs/kit';

/** Sets <html lang> from the route: /en/… is English, everything else Chinese. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.params.lang === 'en' ? 'en' : 'zh-CN')
	});
