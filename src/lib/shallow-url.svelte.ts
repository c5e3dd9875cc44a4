import { pushState, replaceState } from '$app/navigation';

/**
 * The address's query string after shallow updates. Pages whose state lives in the address (the
 * ledger filters, the sandbox's scenario) change it with pushState/replaceState: no navigation,
 * no load functions, which keeps interactions fast. SvelteKit's `page.url` does not follow such
 * updates, so what reads the address (the page itself, the language switch) reads it here.
 * `null` means "as page.url says" (reset by the layout after every navigation).
 */
class ShallowSearch {
	value = $state<string | null>(null);
}
export const shallowSearch = new ShallowSearch();

/** Shows `url` in the address without navigating: a new history entry, or replacing the current one. */
export function setShallowUrl(url: URL, mode: 'push' | 'replace'): void {
	if (mode === 'push') pushState(url, {});
	else replaceState(url, {});
	shallowSearch.value = url.search;
}

/** The current query string: the shallow one if any, else the page's. */
export function currentSearch(pageUrl: URL): string {
	return shallowSearch.value ?? pageUrl.search;
}
