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
}

type BrushEvent = { selection: [number, number] | null; sourceEvent?: Event };

/**
 * d3's horizontal brush on a `<g>`, picking the values of a point or band scale under it. At the
 * end of a gesture the brush itself is cleared: the page draws what was picked. Set up again only
 * when the scale or the extent change, so it survives the data under it changing while dragging.
 */
export function brushX<D>({ x, extent, onpick }: BrushOptions<D>): Attachment<SVGGElement> {
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
		return () => {
			layer.on('.brush', null).selectAll('*').remove();
		};
	};
}
