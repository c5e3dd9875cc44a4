import type { Lang } from '$lib/i18n/messages';
import { localHref } from '$lib/i18n/local-href';

/** The address of a place on the model card (`/model/#id`, anchors.ts) in a language. */
export function modelHref(lang: Lang, id?: string): string {
	return `${localHref('/[[lang=lang]]/model', lang)}${id ? `#${id}` : ''}`;
}
