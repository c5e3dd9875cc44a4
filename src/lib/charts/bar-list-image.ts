import { escapeXml, FONT_FAMILY, textWidth, type SvgImage } from './export-image';
import { ACCENT, INK, MUTED } from './palette';

/** One bar of a bar list as shown: its label, its length as a share of the longest, and its texts. */
export interface BarPicture {
	label: string;
	/** 0 to 1. */
	share: number;
	/** The value as shown, with its note. */
	value: string;
	/** Further columns' texts, as shown. */
	cells?: readonly string[];
}

const ROW = 24;
const PAD = 8;
const LABEL = 200;
const BAR = 300;
const VALUE = 130;
const CELL = 80;

/**
 * A bar list (drawn on the page as HTML) drawn as SVG from the numbers it shows: a label, a bar
 * and the value per row, the further columns beside it and their headings above.
 */
export function barListImage({ rows, head }: { rows: readonly BarPicture[]; head?: readonly string[] }): SvgImage {
	const cells = Math.max(0, ...rows.map((r) => r.cells?.length ?? 0));
	// A further column is as wide as its heading needs (headings never run into each other).
	const cell = Math.max(CELL, ...(head ?? []).slice(1).map((h) => Math.ceil(textWidth(h, 11)) + 12));
	const width = PAD * 2 + LABEL + BAR + VALUE + cells * cell;
	const top = PAD + (head ? ROW : 0);
	const height = top + rows.length * ROW + PAD;
	const right = (column: number) => PAD + LABEL + BAR + VALUE + column * cell;
	const text = (x: number, y: number, content: string, attrs = '') => `<text x="${x}" y="${y}" dy="0.35em"${attrs}>${escapeXml(content)}</text>`;
	const header = head
		? [text(PAD + LABEL - 8, PAD + ROW / 2, head[0] ?? '', ' text-anchor="end"'), ...head.slice(1).map((h, i) => text(right(i), PAD + ROW / 2, h, ' text-anchor="end"'))].join('')
		: '';
	const body = rows.map((r, i) => {
		const y = top + i * ROW;
		return [
			text(PAD + LABEL - 8, y + ROW / 2, r.label, ' text-anchor="end"'),
			`<rect x="${PAD + LABEL}" y="${y + 5}" width="${Math.max(0, r.share) * BAR}" height="${ROW - 10}" fill="${ACCENT}" fill-opacity="0.8"/>`,
			...[r.value, ...(r.cells ?? [])].map((v, c) => text(right(c), y + ROW / 2, v, ' text-anchor="end"'))
		].join('');
	});
	const markup =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="12" fill="${INK}">` +
		(header ? `<g fill="${MUTED}" font-size="11">${header}</g>` : '') +
		body.join('') +
		'</svg>';
	return { markup, width, height };
}
