/**
 * Runs `fn` once the browser has painted the current frame (the task after the next animation
 * frame), so work started here — such as fetching the query engine — never delays the first
 * view. Returns a cancel function.
 */
export function afterFirstPaint(fn: () => void): () => void {
	let task: number | undefined;
	const frame = requestAnimationFrame(() => {
		task = window.setTimeout(fn, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		window.clearTimeout(task);
	};
}
