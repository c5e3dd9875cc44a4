/**
 * SVG path strings remembered by the data they were drawn from (the identity of its arrays) and
 * how they were drawn (the scales' domains and ranges, as a string): a chart whose series are
 * redrawn after one of them changed computes only that one again, and the unchanged paths keep
 * the same string, so the DOM is not touched for them. Forgotten with the data.
 */
type Level = { paths: Map<string, string>; next: WeakMap<object, Level> };
const root: WeakMap<object, Level> = new WeakMap();
/** Ways of drawing kept per piece of data (a chart resized a few times, a few y domains). */
const KEEP = 8;

export function memoPath(data: readonly object[], how: string, draw: () => string): string {
	let map = root;
	let level: Level | undefined;
	for (const key of data) {
		level = map.get(key);
		if (!level) map.set(key, (level = { paths: new Map(), next: new WeakMap() }));
		map = level.next;
	}
	if (!level) return draw();
	let d = level.paths.get(how);
	if (d === undefined) {
		d = draw();
		if (level.paths.size >= KEEP) level.paths.delete(level.paths.keys().next().value as string);
		level.paths.set(how, d);
	}
	return d;
}

/** How a pair of scales draws, for `memoPath`'s `how`. */
export function scalesKey(x: { domain(): unknown[]; range(): number[] }, y: { domain(): unknown[]; range(): number[] }): string {
	return `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}`;
}
