import { readFileSync } from 'node:fs';
import { building } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import type { Lang } from '$lib/i18n/messages';

/**
 * The built file of each language's message catalogue, from the client build's Vite manifest
 * (read when prerendering, which runs after the client build). The layout's load imports the catalogue
 * dynamically; without a hint the browser would only ask for it once the app has started, a
 * round trip later.
 */
let catalogueFiles: Record<Lang, string> | undefined;

function readCatalogueFiles(): Record<Lang, string> {
	const manifest: Record<string, { file: string }> = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));
	const file = (lang: Lang) => {
		const entry = manifest[`src/lib/i18n/${lang}.ts`];
		if (!entry) throw new Error(`the client build has no chunk for src/lib/i18n/${lang}.ts`);
		return entry.file;
	};
	return { zh: file('zh'), en: file('en') };
}

/** SvelteKit's own preload of its start script: gives the relative path to the app's files on this page. */
const START = /<link href="([^"]*)_app\/immutable\/entry\/start\.[^"]*\.js" rel="modulepreload">/;

/**
 * Sets <html lang> from the route (/en/… is English, everything else Chinese) and preloads that
 * language's catalogue beside the app's own scripts.
 */
export const handle: Handle = ({ event, resolve }) => {
	const lang: Lang = event.params.lang === 'en' ? 'en' : 'zh';
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			html = html.replace('%lang%', lang === 'en' ? 'en' : 'zh-CN');
			if (!building || !html.includes('</head>')) return html;
			const file = (catalogueFiles ??= readCatalogueFiles())[lang];
			if (!START.test(html)) throw new Error(`${event.url.pathname}: no start script to place the catalogue's preload beside`);
			return html.replace(START, (link, prefix: string) => `${link}\n\t\t<link href="${prefix}${file}" rel="modulepreload">`);
		}
	});
};
