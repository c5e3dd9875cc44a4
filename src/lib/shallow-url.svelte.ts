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

let pending: ReturnType<typeof setTimeout> | undefined;
const queued: [URL, 'push' | 'replace'][] = [];

/**
 * Shows `url` in the address without navigating: a new history entry, or replacing the current
 * one. The page reacts at once (it reads `shallowSearch`); the history entry is written in the
 * next task, while the page's queries run in their worker (Chromium's pushState costs several
 * milliseconds of the main thread, measured).
 */
export function setShallowUrl(url: URL, mode: 'push' | 'replace'): void {
	shallowSearch.value = url.search;
	queued.push([url, mode]);
	pending ??= setTimeout(() => {
		pending = undefined;
		for (const [u, m] of queued.splice(0)) (m === 'push' ? pushState : replaceState)(u, {});
	});
}

/** The current query string: the shallow one if any, else the page's. */
export function currentSearch(pageUrl: URL): string {
	return shallowSearch.value ?? pageUrl.search;
}
