/**
 * The engine's worker: loads DuckDB-WASM's own worker script (its URL is the first message the
 * page sends) and turns any promise rejection it leaves unhandled — a wasm file that fails to load, a crash —
 * into an uncaught error, which the page receives as the worker's `error` event. Without this the
 * page's pending call would wait forever.
 */
const scope = self as unknown as {
	location: Location;
	importScripts(url: string): void;
	addEventListener(type: 'unhandledrejection', listener: (e: PromiseRejectionEvent) => void): void;
	addEventListener(type: 'message', listener: (e: MessageEvent) => void, options: { once: true }): void;
};

scope.addEventListener('unhandledrejection', (event) => {
	const reason: unknown = event.reason;
	setTimeout(() => {
		throw reason instanceof Error ? reason : new Error(String(reason));
	});
});

// DuckDB's script installs its own message handler, which takes every later message.
scope.addEventListener(
	'message',
	(event) => {
		const target = new URL(String(event.data?.engineWorker), scope.location.href);
		if (target.origin !== scope.location.origin) throw new Error('the engine worker must come from this site');
		scope.importScripts(target.href);
	},
	{ once: true }
);
