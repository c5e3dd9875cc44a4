import type { Lang, Messages } from './messages';

/**
 * The messages of one language, loaded on demand: each catalogue is its own chunk, so a page
 * downloads only its language's (the other's loads when the language switch navigates to it).
 */
export function loadMessages(lang: Lang): Promise<Messages> {
	return lang === 'en' ? import('./en').then((m) => m.en) : import('./zh').then((m) => m.zh);
}
