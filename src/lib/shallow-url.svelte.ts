import { pushState, replaceState } from '$app/navigation';

/**
 * The address's query string after shallow updates. Pages whose state lives in the address (the
 * ledger filters, the sandbox's scenario) change it with pushState/replaceState: no navigation,
 * no load functions, which keeps interactions fast. SvelteKit's `page.url` does not follow such
 * updates, so what reads the address (the page itself, the language switch) reads it here.
 * `null` means "as page.url says" (set by the layout after every navigation: `followAddress`).
 */
class ShallowSearch {
	value = $state<string | null>(null);
}
export const shallowSearch = new ShallowSearch();

let pending = false;
const queued: [URL, 'push' | 'replace'][] = [];

/**
 * Shows `url` in the address without navigating: a new history entry, or replacing the current
 * one. The page reacts at once (it reads `shallowSearch`); the history entry is written right
 * after, in a microtask queued behind the page's own update (its re-render, the queries it sends:
 * Chromium's pushState costs several milliseconds of the main thread, measured), and always in
 * the same task. Never later: a Back pressed once the new view shows must find its entry written,
 * or it goes one entry too far (a view before the one shown; the ledger drill-down's flake).
 */
export function setShallowUrl(url: URL, mode: 'push' | 'replace'): void {
	shallowSearch.value = url.search;
	queued.push([url, mode]);
	if (pending) return;
	pending = true;
	queueMicrotask(() => {
		pending = false;
		for (const [u, m] of queued.splice(0)) (m === 'push' ? pushState : replaceState)(u, {});
	});
}

/**
 * After a navigation (the layout's afterNavigate): the page's state is the address's. Back or
 * Forward to a shallow entry from another page, or after a reload, is a navigation in SvelteKit
 * to the URL the page was *loaded* with when the entry was written (which it keeps in the entry),
 * not to the entry's own address: `to` is then the unfiltered page while the address still says
 * `?town=…`. The address wins, so the view is the one its address (a link, Back) names.
 */
export function followAddress(to: URL | undefined): void {
	shallowSearch.value = to && location.pathname === to.pathname && location.search !== to.search ? location.search : null;
}

/** The current query string: the shallow one if any, else the page's. */
export function currentSearch(pageUrl: URL): string {
	return shallowSearch.value ?? pageUrl.search;
}
