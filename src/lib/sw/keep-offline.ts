/**
 * Asks the service worker to keep files for offline use that this page fetched before the
 * worker controlled it (on the first visit the DuckDB engine starts before the worker takes
 * over, so the worker never saw those requests). The worker stores them from the browser's
 * HTTP cache where it can, so this rarely downloads anything again. Nothing happens without a
 * service worker.
 */
export function keepOffline(urls: (string | null)[]): void {
	tell({ type: 'keep', urls: urls.filter((u) => u !== null) });
}

/**
 * Asks the service worker to fetch and keep the prepared answers its install left out (the
 * villages': a few MB), for offline use. The page asks once it is idle on a fast connection.
 */
export function keepPreparedOffline(): void {
	tell({ type: 'keep-prepared' });
}

function tell(message: object): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.ready.then(
		(registration) => registration.active?.postMessage(message),
		() => {}
	);
}
