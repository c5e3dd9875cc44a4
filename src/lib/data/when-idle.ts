/** What the browser says of its connection (Network Information API; Chromium only). */
interface Connection {
	saveData?: boolean;
	effectiveType?: string;
}

/** Effective connection types too slow for background downloads of megabytes. */
const SLOW = ['slow-2g', '2g', '3g'];

/**
 * Whether background downloads are welcome: not when the user asked to save data, nor on a slow
 * connection. Browsers without the Network Information API are taken to be on a fast one.
 */
export function fastConnection(connection: Connection | undefined = (globalThis.navigator as { connection?: Connection } | undefined)?.connection): boolean {
	if (globalThis.navigator?.onLine === false) return false;
	if (!connection) return true;
	return !connection.saveData && !SLOW.includes(connection.effectiveType ?? '4g');
}

/**
 * Runs `fn` once the page has been idle for a while after loading — at least `afterMs` after the
 * call, then when the main thread is idle — and only on a fast connection (see fastConnection).
 * For background work that must never compete with the first view or the first clicks: starting
 * the query engine, precaching the rest of the data. Returns a cancel function; what was decided
 * is left on `<html data-idle-…>` (`started` or `skipped`) for tests.
 */
export function whenIdleOnFastConnection(name: string, fn: () => void, { afterMs = 3000 } = {}): () => void {
	const mark = (v: string) => (document.documentElement.dataset[`idle${name[0].toUpperCase()}${name.slice(1)}`] = v);
	if (!fastConnection()) {
		mark('skipped');
		return () => {};
	}
	let idle: number | undefined;
	const timer = window.setTimeout(() => {
		const run = () => {
			// Offline meanwhile: nothing to fetch.
			if (!fastConnection()) return mark('skipped');
			mark('started');
			fn();
		};
		if ('requestIdleCallback' in window) idle = requestIdleCallback(run, { timeout: 10_000 });
		else run();
	}, afterMs);
	return () => {
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}

/** What counts as the reader's first touch of the page (listened to on the capture phase). */
export type TouchEvent = 'pointerdown' | 'keydown' | 'focusin' | 'scroll';

/**
 * Runs `fn` once: when the main thread is idle (at most `timeoutMs` after the call; without
 * requestIdleCallback, after 500 ms) or at the reader's first `events`, whichever comes first.
 * For what the first view leaves out but the page soon needs: the full message catalogue, the
 * cite block. `idle: false`: at the first touch only (an embed, whose reader may never touch it).
 * Returns a cancel function (for onMount).
 */
export function whenIdleOrTouched(fn: () => void, events: readonly TouchEvent[], { timeoutMs = 2000, idle: onIdle = true } = {}): () => void {
	let done = false;
	const stop = () => {
		for (const e of events) removeEventListener(e, now, true);
		if (idle !== undefined) cancelIdleCallback(idle);
		clearTimeout(timer);
	};
	const now = () => {
		if (done) return;
		done = true;
		stop();
		fn();
	};
	for (const e of events) addEventListener(e, now, { capture: true, passive: true });
	const idle = onIdle && 'requestIdleCallback' in window ? requestIdleCallback(now, { timeout: timeoutMs }) : undefined;
	const timer = onIdle && idle === undefined ? setTimeout(now, 500) : undefined;
	return stop;
}
