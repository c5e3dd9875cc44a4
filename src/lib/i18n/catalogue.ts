import type { Lang, Messages } from './messages';

// One loader per language, apart (one conditional expression was minified into a single preload
// call with the Chinese import's list for both languages): each loads its catalogue and the
// classroom messages that catalogue imports, nothing of the other language.
const LOADERS: Record<Lang, () => Promise<Messages>> = {
	en: () => import('./en').then((m) => m.en),
	zh: () => import('./zh').then((m) => m.zh)
};

/**
 * The messages of one language, loaded on demand: each catalogue is its own chunk, so a page
 * downloads only its language's (the other's loads when the language switch navigates to it).
 */
export function loadMessages(lang: Lang): Promise<Messages> {
	return LOADERS[lang]();
}
