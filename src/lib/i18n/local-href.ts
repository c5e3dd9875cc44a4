import { resolve } from '$app/paths';
import type { Lang } from './messages';

export type LocalRoute =
	| '/[[lang=lang]]'
	| '/[[lang=lang]]/ledgers'
	| '/[[lang=lang]]/ledgers/bulletin'
	| '/[[lang=lang]]/integration'
	| '/[[lang=lang]]/grid'
	| '/[[lang=lang]]/methods'
	| '/[[lang=lang]]/model'
	| '/[[lang=lang]]/simulate'
	| '/[[lang=lang]]/sql'
	| '/[[lang=lang]]/import';

/** The address of a page in a language, ending in '/' as every prerendered page does. */
export function localHref(route: LocalRoute, lang: Lang): string {
	const path = resolve(route, { lang: lang === 'en' ? 'en' : undefined });
	return path.endsWith('/') ? path : `${path}/`;
}
