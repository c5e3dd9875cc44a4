import { downloadBlob } from '../download';
import { INK, MUTED, type Shape } from './palette';
import { symbolPath } from './symbols';
import { escapeXml } from './xml-text';

export { escapeXml };

/** An SVG document ready to save or draw, with its size. */
export interface SvgImage {
	markup: string;
	width: number;
	height: number;
}

/** One entry of a legend: a swatch (areas, bars), or with `line` a line with its dash, or its shape (dots). */
export interface LegendEntry {
	label: string;
	colour: string;
	dash?: string;
	line?: boolean;
	shape?: Shape;
}

/** The page's font stack (app.css), so exported text looks as on screen, Chinese included. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Style properties copied inline so an exported chart looks as on screen without the page's CSS. */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor'];


/** A standalone copy of a chart's SVG element as drawn: computed styles inlined, explicit size. */
export function svgImage(svg: SVGSVGElement): SvgImage {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	originals.forEach((el, i) => {
		const style = getComputedStyle(el);
		const copy = copies[i] as SVGElement;
		copy.removeAttribute('class');
		copy.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
	});
	const { width, height } = svg.viewBox.baseVal;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

const svgOpen = (width: number, height: number, attrs = '') =>
	`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${attrs}>`;
const placed = (image: SvgImage, x: number, y: number) => `<g transform="translate(${x},${y})">${image.markup}</g>`;
const text = (x: number, y: number, content: string, attrs = '') => `<text x="${x}" y="${y}"${attrs}>${escapeXml(content)}</text>`;

/** Pictures in rows of as many as fit in `maxWidth`, each under its caption (small multiples). */
export function tiledImage(tiles: readonly { image: SvgImage; caption?: string }[], maxWidth = 960): SvgImage {
	const gap = 12;
	const captionHeight = tiles.some((t) => t.caption) ? 16 : 0;
	const cellWidth = Math.max(...tiles.map((t) => t.image.width));
	const cellHeight = Math.max(...tiles.map((t) => t.image.height)) + captionHeight;
	const columns = Math.max(1, Math.min(tiles.length, Math.floor((maxWidth + gap) / (cellWidth + gap))));
	const rows = Math.ceil(tiles.length / columns);
	const width = columns * cellWidth + (columns - 1) * gap;
	const height = rows * cellHeight + (rows - 1) * gap;
	const cells = tiles.map((t, i) => {
		const x = (i % columns) * (cellWidth + gap);
		const y = Math.floor(i / columns) * (cellHeight + gap);
		return (t.caption ? text(x, y + 12, t.caption, ' font-size="12" font-weight="600"') : '') + placed(t.image, x, y + captionHeight);
	});
	return { markup: `${svgOpen(width, height, ` font-family="${FONT_FAMILY}" fill="${INK}"`)}${cells.join('')}</svg>`, width, height };
}

/** Roughly how wide a text is drawn: a Chinese character 1 em, anything else about half. */
export function textWidth(text: string, size: number): number {
	return [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.56) * size, 0);
}

/** A line of text broken into lines no wider than `width` (between words, or between Chinese characters). */
export function wrapText(line: string, size: number, width: number): string[] {
	const tokens = line.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
	const lines: string[] = [];
	let current = '';
	for (const token of tokens) {
		if (current && textWidth((current + token).trimEnd(), size) > width) {
			lines.push(current.trimEnd());
			current = token.trimStart();
		} else current += token;
	}
	if (current.trim()) lines.push(current.trimEnd());
	return lines;
}

/** Legend entries in rows that fit `width`, from (x, y) on; returns the markup and the height used. */
function legendRows(entries: readonly LegendEntry[], x0: number, y0: number, width: number): { markup: string; height: number } {
	const size = 11.5;
	const rowHeight = 18;
	let [x, y] = [x0, y0];
	const parts = entries.map((e) => {
		const w = 22 + textWidth(e.label, size) + 16;
		if (x > x0 && x + w > x0 + width) [x, y] = [x0, y + rowHeight];
		const mark = e.shape
			? `<path d="${symbolPath(e.shape, x + 8, y + 9)}" fill="${e.colour}"/>`
			: e.line
			? `<line x1="${x}" x2="${x + 16}" y1="${y + 9}" y2="${y + 9}" stroke="${e.colour}" stroke-width="3"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`
			: `<rect x="${x + 3}" y="${y + 4}" width="10" height="10" rx="2" fill="${e.colour}"/>`;
		const part = mark + text(x + 22, y + 13, e.label, ` font-size="${size}" fill="${INK}"`);
		x += w;
		return part;
	});
	return { markup: parts.join(''), height: entries.length ? y - y0 + rowHeight : 0 };
}

/** Words around an exported picture: above it the title, the subtitle (place · period · levels) and units; below it the source and notes (the synthetic-data line). */
export interface FrameWords {
	title: string;
	subtitle?: string;
	units: string;
	source: string;
	notes?: readonly string[];
}

/**
 * A chart's picture on white with its title, subtitle, units and legend above and its source and
 * notes below, so an exported chart says what it shows, for which place and period, and where its
 * numbers come from (issue #15: exports that stand alone).
 */
export function framedImage(body: SvgImage, words: FrameWords, legend: readonly LegendEntry[] = []): SvgImage {
	const pad = 12;
	const width = Math.round(body.width + 2 * pad);
	// A title or subtitle longer than a narrow picture (a snapshot laid out for a phone) wraps.
	const titles = wrapText(words.title, 16, body.width);
	const subtitles = words.subtitle ? wrapText(words.subtitle, 12.5, body.width) : [];
	const extra = Math.max(0, titles.length - 1) * 19 + Math.max(0, subtitles.length - 1) * 16;
	const sub = words.subtitle ? 17 + extra : extra;
	const key = legendRows(legend, pad, pad + 40 + sub, body.width);
	const top = pad + 38 + sub + (key.height ? key.height + 6 : 0);
	const below = [words.source, ...(words.notes ?? [])].filter(Boolean).flatMap((line) => wrapText(line, 11, body.width));
	const height = Math.round(top + body.height + 10 + 14 * below.length + pad);
	const markup = [
		svgOpen(width, height, ` font-family="${FONT_FAMILY}"`),
		`<rect width="100%" height="100%" fill="#fff"/>`,
		...titles.map((line, i) => text(pad, pad + 15 + 19 * i, line, ` font-size="16" font-weight="700" fill="${INK}"`)),
		...subtitles.map((line, i) => text(pad, pad + 32 + 19 * Math.max(0, titles.length - 1) + 16 * i, line, ` font-size="12.5" font-weight="600" fill="${INK}"`)),
		text(pad, pad + 32 + sub, words.units, ` font-size="11.5" fill="${MUTED}"`),
		key.markup,
		placed(body, pad, top),
		...below.map((line, i) => text(pad, height - pad - 2 - 14 * (below.length - 1 - i), line, ` font-size="11" fill="${MUTED}"`)),
		'</svg>'
	].join('');
	return { markup, width, height };
}

export function downloadSvg(image: SvgImage, filename: string): void {
	downloadBlob(new Blob([image.markup], { type: 'image/svg+xml' }), filename);
}

/** Renders the chart to a PNG at twice its size (sharp on high-density screens and in print). */
export async function downloadPng(image: SvgImage, filename: string): Promise<void> {
	const { width, height } = image;
	const url = URL.createObjectURL(new Blob([image.markup], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * 2);
		canvas.height = Math.round(height * 2);
		const ctx = canvas.getContext('2d')!;
		ctx.scale(2, 2);
		ctx.drawImage(img, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (blob) downloadBlob(blob, filename);
	} finally {
		URL.revokeObjectURL(url);
	}
}
