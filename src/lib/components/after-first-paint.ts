/**
 * Runs `fn` once the browser has painted the current frame and is idle, so work started here
 * (such as fetching the query engine) never delays the first view. Returns a cancel function.
 */
export function afterFirstPaint(fn: () => void): () => void {
	// Safari before 18 has no requestIdleCallback.
	const hasIdle = typeof window.requestIdleCallback === 'function';
	let idle: number | undefined;
	const frame = requestAnimationFrame(() => {
		idle = hasIdle ? window.requestIdleCallback(fn, { timeout: 500 }) : window.setTimeout(fn, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		if (idle === undefined) return;
		if (hasIdle) window.cancelIdleCallback(idle);
		else window.clearTimeout(idle);
	};
}
