import { escapeXml, FONT_FAMILY, textWidth, wrapText, type SvgImage } from './export-image';
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

/** The width of a narrow bar list (`narrow`): framed, it fits a phone 390 px wide at its own size. */
export const NARROW_WIDTH = 356;

/**
 * A bar list (drawn on the page as HTML) drawn as SVG from the numbers it shows: a label, a bar
 * and the value per row, the further columns beside it and their headings above. `narrow`: when
 * that is wider than a phone, each row stacked instead (label and value, the bar under them, the
 * further columns as "heading value" lines), NARROW_WIDTH wide.
 */
export function barListImage({ rows, head, narrow = false }: { rows: readonly BarPicture[]; head?: readonly string[]; narrow?: boolean }): SvgImage {
	const wide = wideBarList({ rows, head });
	return narrow && wide.width > NARROW_WIDTH + 2 * PAD ? stackedBarList({ rows, head }) : wide;
}

function stackedBarList({ rows, head }: { rows: readonly BarPicture[]; head?: readonly string[] }): SvgImage {
	const width = NARROW_WIDTH;
	const text = (x: number, y: number, content: string, attrs = '') => `<text x="${x}" y="${y}" dy="0.35em"${attrs}>${escapeXml(content)}</text>`;
	const parts: string[] = [];
	let y = 0;
	if (head) {
		parts.push(`<g fill="${MUTED}" font-size="11">${text(0, y + 8, head[0] ?? '')}${text(width, y + 8, head[1] ?? '', ' text-anchor="end"')}</g>`);
		y += 22;
	}
	for (const r of rows) {
		parts.push(text(0, y + 8, r.label, ' font-weight="600"'), text(width, y + 8, r.value, ' text-anchor="end"'));
		parts.push(`<rect x="0" y="${y + 18}" width="${Math.max(0, r.share) * width}" height="8" fill="${ACCENT}" fill-opacity="0.8"/>`);
		y += 32;
		const cells = (r.cells ?? []).map((c, i) => `${head?.[i + 2] ?? ''} ${c}`.trim()).join(' · ');
		for (const line of cells ? wrapText(cells, 11, width) : []) {
			parts.push(text(0, y + 6, line, ` fill="${MUTED}" font-size="11"`));
			y += 15;
		}
		y += 8;
	}
	const height = Math.round(y);
	const markup =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="12" fill="${INK}">` +
		parts.join('') +
		'</svg>';
	return { markup, width, height };
}

function wideBarList({ rows, head }: { rows: readonly BarPicture[]; head?: readonly string[] }): SvgImage {
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
