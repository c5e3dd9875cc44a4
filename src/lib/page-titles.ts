import type { MessageKey } from '$lib/i18n/messages';

/**
 * Each page's name, by its route: the browser tab's title (the layout's `<title>`, "name · site";
 * a page with a title of its own — a lesson, an embed — sets it) and the "cite this page" block.
 * A route below a listed one takes its name (a lesson is cited as part of "Learn").
 */
const TITLES: Record<string, MessageKey> = {
	'/[[lang=lang]]': 'nav.overview',
	'/[[lang=lang]]/ledgers': 'nav.ledgers',
	'/[[lang=lang]]/ledgers/bulletin': 'story.link.bulletin',
	'/[[lang=lang]]/integration': 'nav.integration',
	'/[[lang=lang]]/grid': 'nav.grid',
	'/[[lang=lang]]/simulate': 'nav.simulate',
	'/[[lang=lang]]/model': 'nav.model',
	'/[[lang=lang]]/methods': 'nav.methods',
	'/[[lang=lang]]/sql': 'nav.sql',
	'/[[lang=lang]]/import': 'nav.import',
	'/[[lang=lang]]/learn': 'nav.learn'
};

/** The name of the page at `routeId` (SvelteKit's route id), or of the nearest listed route above it. */
export function pageTitleKey(routeId: string | null | undefined): MessageKey {
	let id = routeId ?? '';
	while (id && !(id in TITLES)) id = id.slice(0, id.lastIndexOf('/'));
	return TITLES[id] ?? 'nav.overview';
}
