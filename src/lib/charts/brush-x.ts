import { brushX as d3BrushX, select } from 'd3';
import type { Attachment } from 'svelte/attachments';
import type { PositionScale } from './chart-context';

interface BrushOptions<D> {
	/** A point or band scale with its range set (the chart's x). */
	x: PositionScale<D>;
	/** The area that can be brushed: [[left, top], [right, bottom]]. */
	extent: [[number, number], [number, number]];
	/**
	 * Called with the first and last value under the brush while dragging (live) and at the end, or
	 * with null when a click without dragging clears it. `mode`: 'push' for the first change of a
	 * gesture, 'replace' for the ones that follow it (one history entry per gesture).
	 */
	onpick: (range: [D, D] | null, mode: 'push' | 'replace') => void;
	/** The range picked now (for the keyboard, which moves it): read when a key is pressed. */
	current?: () => [D, D] | null;
}

type BrushEvent = { selection: [number, number] | null; sourceEvent?: Event };

/**
 * The range a key makes of the picked one, over the scale's values in order: ←/→ move it one
 * value, Shift+←/→ move its end (never before its start), Home/End move it to the first or last
 * values (with Shift: stretch it there), Escape clears it. With nothing picked, an arrow, Home or
 * End picks one value (← and End the last, → and Home the first). `undefined`: not a key of the brush.
 */
export function keyedRange<D>(values: readonly D[], current: readonly [D, D] | null, key: string, shift = false): [D, D] | null | undefined {
	const n = values.length;
	if (!n) return undefined;
	if (key === 'Escape') return current ? null : undefined;
	if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key)) return undefined;
	const at = (i: number): [number, number] => [i, i];
	const index = current ? [values.indexOf(current[0]), values.indexOf(current[1])] : [-1, -1];
	let [a, b] = index[0] < 0 || index[1] < 0 ? (key === 'ArrowLeft' || key === 'End' ? at(n - 1) : at(0)) : index;
	if (index[0] >= 0 && index[1] >= 0) {
		const width = b - a;
		const clamp = (start: number) => Math.max(0, Math.min(n - 1 - width, start));
		if (key === 'ArrowLeft' || key === 'ArrowRight') {
			const step = key === 'ArrowLeft' ? -1 : 1;
			if (shift) b = Math.max(a, Math.min(n - 1, b + step));
			else [a, b] = [clamp(a + step), clamp(a + step) + width];
		} else if (shift) {
			if (key === 'Home') a = 0;
			else b = n - 1;
		} else [a, b] = key === 'Home' ? [0, width] : [n - 1 - width, n - 1];
	}
	return [values[a], values[b]];
}

/**
 * d3's horizontal brush on a `<g>`, picking the values of a point or band scale under it, by
 * pointer or by keyboard (the `<g>` focusable: see keyedRange). At the end of a gesture the brush
 * itself is cleared: the page draws what was picked. Set up again only
 * when the scale or the extent change, so it survives the data under it changing while dragging.
 */
export function brushX<D>({ x, extent, onpick, current }: BrushOptions<D>): Attachment<SVGGElement> {
	return (node) => {
		const layer = select(node);
		const pick = (s: [number, number]): [D, D] | null => {
			const picked = x.domain().filter((v) => (x(v) ?? -1) >= s[0] && (x(v) ?? Infinity) <= s[1]);
			return picked.length ? [picked[0], picked[picked.length - 1]] : null;
		};
		const key = (r: [D, D] | null) => (r ? `${r[0]}|${r[1]}` : '');
		let changes = 0;
		let last = '';
		// Never a reversed area (a chart narrower than its margins, for a moment while it is measured):
		// d3 would draw its overlay with a negative width.
		const [[x0, y0], [x1, y1]] = extent;
		const brush = d3BrushX<unknown>()
			.extent([
				[x0, y0],
				[Math.max(x0, x1), Math.max(y0, y1)]
			])
			.on('start', (event: BrushEvent) => {
				if (!event.sourceEvent) return;
				changes = 0;
				last = '';
			})
			.on('brush', (event: BrushEvent) => {
				if (!event.sourceEvent || !event.selection) return;
				const picked = pick(event.selection);
				if (!picked || key(picked) === last) return;
				last = key(picked);
				onpick(picked, changes++ ? 'replace' : 'push');
			})
			.on('end', (event: BrushEvent) => {
				if (!event.sourceEvent) return;
				if (!event.selection) return onpick(null, 'push');
				const picked = pick(event.selection);
				layer.call(brush.move, null);
				if (picked && key(picked) !== last) onpick(picked, changes ? 'replace' : 'push');
			});
		layer.call(brush);
		// The keyboard on the chart itself: the keys of keyedRange; one history entry per visit.
		let keyed = false;
		const onkey = (e: KeyboardEvent) => {
			const range = keyedRange(x.domain(), current?.() ?? null, e.key, e.shiftKey);
			if (range === undefined) return;
			e.preventDefault();
			onpick(range, keyed ? 'replace' : 'push');
			keyed = true;
		};
		const onblur = () => (keyed = false);
		node.addEventListener('keydown', onkey);
		node.addEventListener('blur', onblur);
		return () => {
			node.removeEventListener('keydown', onkey);
			node.removeEventListener('blur', onblur);
			layer.on('.brush', null).selectAll('*').remove();
		};
	};
}
