import type { Lang, Messages } from './messages';

/**
 * The messages a prerendered page shows, carried in the page itself, so the first view needs no
 * catalogue script (issue #14: initial JS on a village phone). When a page is prerendered, the
 * keys its render looked up are recorded (`recording`, wired in `src/hooks.server.ts`) and written
 * into the page as JSON (`inlineMessages`); at hydration the layout's load reads them back
 * (`takeInlineMessages`) and the whole catalogue follows once the page is idle or on the first
 * interaction or navigation (the layout: `completeMessages`). Until then a message the page did
 * not render at build time reads as '' and appears when the catalogue arrives (the lookups are
 * reactive), never as a bare key or an error.
 */

/** The id of the JSON element in a prerendered page. */
export const INLINE_ID = 'ggs-messages';

/**
 * Server side: where the catalogue a page renders with, and every lookup in it, are reported
 * while the page renders (set by hooks.server.ts; one record per request).
 */
export const keyRecorder: { catalogue: ((lang: Lang, messages: Messages) => void) | null; add: ((key: string) => void) | null } = {
	catalogue: null,
	add: null
};

/** The catalogue of `lang`, reporting itself and every key looked up (read or tested) to `keyRecorder`. */
export function recording(lang: Lang, messages: Messages): Messages {
	keyRecorder.catalogue?.(lang, messages);
	return new Proxy(messages, {
		get(target, key) {
			if (typeof key === 'string') keyRecorder.add?.(key);
			return Reflect.get(target, key);
		},
		getOwnPropertyDescriptor(target, key) {
			if (typeof key === 'string') keyRecorder.add?.(key);
			return Reflect.getOwnPropertyDescriptor(target, key);
		},
		has(target, key) {
			if (typeof key === 'string') keyRecorder.add?.(key);
			return Reflect.has(target, key);
		}
	});
}

/** The `<script type="application/json">` that carries `keys` of `messages` in a page. */
export function inlineMessages(lang: Lang, messages: Messages, keys: Iterable<string>): string {
	const subset: Record<string, string> = {};
	for (const key of [...keys].sort()) if (Object.hasOwn(messages, key)) subset[key] = messages[key as keyof Messages];
	// JSON in HTML: '<' escaped so no text can close the element.
	const json = JSON.stringify(subset).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${INLINE_ID}" data-lang="${lang}">${json}</script>`;
}

const partials = new WeakSet<object>();

/** Whether `messages` is a page's subset (the catalogue is still to come). */
export function isPartial(messages: Messages): boolean {
	return partials.has(messages);
}

/**
 * Browser side, once (at hydration): the page's own messages if it carries them in `lang`, else
 * null (then the catalogue is loaded). The element is removed, so a later load takes the catalogue.
 */
export function takeInlineMessages(lang: Lang, doc: Document = document): Messages | null {
	const element = doc.getElementById(INLINE_ID);
	if (!element || element.dataset.lang !== lang) return null;
	element.remove();
	let subset: Record<string, string>;
	try {
		subset = JSON.parse(element.textContent ?? '');
	} catch {
		return null;
	}
	const messages = new Proxy(subset, {
		get: (target, key) => (typeof key === 'string' ? (Object.hasOwn(target, key) ? target[key] : '') : Reflect.get(target, key))
	}) as Messages;
	partials.add(messages);
	return messages;
}
