/**
 * The engine's worker: loads DuckDB-WASM's own worker script (its URL is in the first message the
 * page sends) and
 * - turns any promise rejection it leaves unhandled — a wasm file that fails to load, a crash —
 *   into an uncaught error, which the page receives as the worker's `error` event (without this
 *   the page's pending call would wait forever);
 * - reports the download of the engine's wasm in bytes on the port the page sends along
 *   (`EngineDownloadEvent`s), reading a copy of the very response the engine compiles, so the
 *   file is fetched once;
 * - lets the browser keep the compiled code: DuckDB's script, when it finds `TransformStream`,
 *   pipes the wasm through one to count bytes and hands the compiler a new Response built from
 *   that stream. Such a response has no URL, and the browser caches compiled code only for a
 *   fetched response with a URL (from the HTTP cache or the service worker's). So the script is
 *   loaded without `TransformStream` and compiles the fetch's own response while streaming.
 */
import type { EngineDownloadEvent } from './engine-start';

interface Scope {
	location: Location;
	fetch: typeof fetch;
	TransformStream?: unknown;
	importScripts(url: string): void;
	addEventListener(type: 'unhandledrejection', listener: (e: PromiseRejectionEvent) => void): void;
	addEventListener(type: 'message', listener: (e: MessageEvent) => void, options: { once: true }): void;
}
const scope = self as unknown as Scope;

scope.addEventListener('unhandledrejection', (event) => {
	const reason: unknown = event.reason;
	setTimeout(() => {
		throw reason instanceof Error ? reason : new Error(String(reason));
	});
});

/** How often, at most, the download's progress is posted. */
const PROGRESS_EVERY_MS = 100;

/** Wraps the worker's fetch: the request for `wasm` is reported on `port` as it downloads. */
function reportDownload(wasm: string, port: MessagePort): void {
	const send = (event: EngineDownloadEvent) => port.postMessage(event);
	const ownFetch = scope.fetch.bind(scope);
	// The download starts now, while DuckDB's script is still being loaded and compiled; the
	// engine's own request for the file then takes this response.
	let early: Promise<Response> | null = ownFetch(wasm, { credentials: 'same-origin' });
	early.catch(() => {});
	scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		const href = new URL(input instanceof Request ? input.url : String(input), scope.location.href).href;
		if (href !== wasm) return ownFetch(input, init);
		const pending = early ?? ownFetch(input, init);
		early = null;
		let response: Response;
		try {
			response = await pending;
		} catch (e) {
			send({ type: 'failed', reason: 'network', detail: e instanceof Error ? e.message : String(e) });
			throw e;
		}
		if (!response.ok || !response.body) {
			send({ type: 'failed', reason: 'missing', status: response.status });
			return response;
		}
		const length = Number(response.headers.get('content-length'));
		send({ type: 'response', length: length > 0 ? length : null, encoded: response.headers.has('content-encoding') });
		// A copy of the body, read as fast as it comes: counts bytes while the engine compiles the original.
		const reader = response.clone().body!.getReader();
		void (async () => {
			let loaded = 0;
			let sent = 0;
			try {
				for (;;) {
					const { done, value } = await reader.read();
					if (done) break;
					loaded += value.byteLength;
					const now = performance.now();
					if (now - sent >= PROGRESS_EVERY_MS) {
						sent = now;
						send({ type: 'progress', loaded });
					}
				}
				send({ type: 'downloaded', loaded });
			} catch (e) {
				send({ type: 'failed', reason: 'network', detail: e instanceof Error ? e.message : String(e) });
			}
		})();
		return response;
	};
}

/**
 * Keeps the engine's wasm memory in sight, so the benchmarks can read the engine's heap
 * (`__engineHeapBytes()` in this worker) without reaching into DuckDB's script.
 */
function watchHeap(): void {
	const api = WebAssembly as unknown as { Memory: typeof WebAssembly.Memory };
	const Own = api.Memory;
	let memory: WebAssembly.Memory | null = null;
	// The engine's script makes its memory itself (and imports it): the last one made is its heap.
	const Kept = function (descriptor: WebAssembly.MemoryDescriptor) {
		memory = new Own(descriptor);
		return memory;
	} as unknown as typeof WebAssembly.Memory;
	Kept.prototype = Own.prototype;
	api.Memory = Kept;
	(scope as unknown as { __engineHeapBytes: () => number }).__engineHeapBytes = () => (memory ? memory.buffer.byteLength : 0);
}

// DuckDB's script installs its own message handler, which takes every later message.
scope.addEventListener(
	'message',
	(event) => {
		const data = event.data as { engineWorker?: unknown; wasm?: unknown; progress?: unknown } | null;
		const target = new URL(String(data?.engineWorker), scope.location.href);
		if (target.origin !== scope.location.origin) throw new Error('the engine worker must come from this site');
		if (typeof data?.wasm === 'string' && data.progress instanceof MessagePort) {
			reportDownload(new URL(data.wasm, scope.location.href).href, data.progress);
		}
		scope.TransformStream = undefined;
		watchHeap();
		scope.importScripts(target.href);
	},
	{ once: true }
);
