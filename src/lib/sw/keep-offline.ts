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
 * villages': a few MB), for offline use, a batch at a time (each a short piece of work for the
 * worker: a new version taking over never waits for the whole download). The page asks once it
 * is idle on a fast connection; what is kept already is not fetched again.
 */
export async function keepPreparedOffline(): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.ready;
	for (let batch = 0; ; batch++) {
		// A new version installing takes over only once this worker is between tasks: leave it be
		// (the next page load asks the new one, which keeps what is kept already).
		const worker = registration.active;
		if (!worker || registration.installing || registration.waiting || !navigator.onLine) return;
		const more = await new Promise<boolean>((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = (e) => resolve((e.data as { more?: boolean } | null)?.more === true);
			worker.postMessage({ type: 'keep-prepared', batch }, [channel.port2]);
		});
		if (!more) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function tell(message: object): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.ready.then(
		(registration) => registration.active?.postMessage(message),
		() => {}
	);
}
