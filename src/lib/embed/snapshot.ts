import { barListImage } from '../charts/bar-list-image';
import { framedImage, tiledImage, type LegendEntry, type SvgImage } from '../charts/export-image';

/**
 * A chart's fixed snapshot (issue #15 item 7): a standalone SVG file a site can host itself,
 * written at build time from the prerendered embed page (scripts/embed-snapshots.ts), with the
 * title, subtitle (place · period · levels), units, source and data line inside it — the same
 * frame as the chart's own SVG download (export-image.ts). No DOM is needed: an SVG chart is taken
 * as the server drew it, with the page's style rules it uses; a chart drawn in HTML (bar lists,
 * tiles, tables) is drawn from its table as the page's own export draws a bar list.
 */

/** What an embed page's chart writes beside itself for its snapshot (ChartFrame, `data-snapshot`). */
export interface SnapshotData {
	title: string;
	subtitle: string;
	units: string;
	source: string;
	notes: string[];
	/** The table's column keys and headings, and its rows as shown (text) with their numbers. */
	keys: string[];
	head: string[];
	rows: { text: string; value: number | null }[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML text or an attribute's value, its character references decoded. */
export function decodeHtml(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
		if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
		return ENTITIES[ref.toLowerCase()] ?? m;
	});
}

/** The part of an embed page's HTML that is the figure of chart `id` (from its opening tag to its `</figure>`). */
export function figureHtml(html: string, id: string): string | null {
	const start = html.indexOf(`data-testid="chart-${id}"`);
	if (start < 0) return null;
	const open = html.lastIndexOf('<figure', start);
	const end = html.indexOf('</figure>', start);
	return open < 0 || end < 0 ? null : html.slice(open, end + '</figure>'.length);
}

/** The chart's words and table written beside it, or null. */
export function snapshotData(figure: string): SnapshotData | null {
	const m = /data-snapshot="([^"]*)"/.exec(figure);
	return m ? (JSON.parse(decodeHtml(m[1])) as SnapshotData) : null;
}

/** What the colours of the figure's charts stand for (Legend.svelte's `data-legend`), each label once. */
export function legendEntries(figure: string): LegendEntry[] {
	const all = [...figure.matchAll(/data-legend="([^"]*)"/g)].flatMap((m) => JSON.parse(decodeHtml(m[1])) as LegendEntry[]);
	return all.filter((e, i) => all.findIndex((f) => f.label === e.label) === i);
}

/** The outermost `<svg>…</svg>` elements of the charts drawn in a figure (Chart.svelte's, inside its `chart-box`). */
export function chartSvgs(figure: string): string[] {
	const found: string[] = [];
	const box = /<div class="chart-box[^"]*"[^>]*>(?:\s|<!--[^]*?-->)*<svg\b/g;
	for (let m = box.exec(figure); m; m = box.exec(figure)) {
		const start = m.index + m[0].length - '<svg'.length;
		const tag = /<\/?svg\b[^>]*>/g;
		tag.lastIndex = start;
		let depth = 0;
		for (let t = tag.exec(figure); t; t = tag.exec(figure)) {
			depth += t[0].startsWith('</') ? -1 : t[0].endsWith('/>') ? 0 : 1;
			if (depth === 0) {
				found.push(figure.slice(start, t.index + t[0].length));
				box.lastIndex = t.index + t[0].length;
				break;
			}
		}
	}
	return found;
}

/** Named character references XML does not know, written as numbers; comments dropped. */
function asXml(markup: string): string {
	return markup
		.replace(/<!--[^]*?-->/g, '')
		.replace(/&([a-z]+);/gi, (m, name: string) => (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name) ? m : `&#${decodeHtml(m).codePointAt(0)};`));
}

/** A chart's `<svg>` as a standalone picture: its size from its viewBox, namespaced, without its own (page-layout) class and event attributes. */
export function chartImage(svg: string): SvgImage | null {
	const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
	const box = open && /viewBox="([\d.\s-]+)"/.exec(open);
	if (!open || !box) return null;
	const [, , width, height] = box[1].trim().split(/\s+/).map(Number);
	if (!(width > 0 && height > 0)) return null;
	const attrs = open
		.replace(/^<svg|>$/g, '')
		.replace(/\s(class|width|height|xmlns|on\w+)="[^"]*"/g, '')
		.replace(/\/$/, '');
	const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"${attrs}>${asXml(svg.slice(open.length))}`;
	return { markup, width, height };
}

/** A table as a bar list picture: each row's first text as its label, its first number (or the column `bar`) as the bar, the other cells beside it (under it when that is wider than a phone). */
export function tableImage(data: Pick<SnapshotData, 'keys' | 'head' | 'rows'>, bar?: string): SvgImage | null {
	const chosen = bar ? data.keys.indexOf(bar) : -1;
	const numeric = chosen > 0 ? chosen : data.head.findIndex((_, c) => data.rows.some((r) => r[c]?.value !== null && r[c]?.value !== undefined));
	if (numeric < 0 || !data.rows.length) return null;
	const max = Math.max(0, ...data.rows.map((r) => Math.abs(r[numeric]?.value ?? 0)));
	const others = data.head.map((_, c) => c).filter((c) => c !== 0 && c !== numeric);
	// Laid out for a phone when wide: a snapshot is shown at the width of the page it is embedded in.
	return barListImage({
		narrow: true,
		head: [data.head[0], data.head[numeric], ...others.map((c) => data.head[c])],
		rows: data.rows.map((r) => ({
			label: r[0]?.text ?? '',
			share: max > 0 ? Math.abs(r[numeric]?.value ?? 0) / max : 0,
			value: r[numeric]?.text ?? '',
			cells: others.map((c) => r[c]?.text ?? '')
		}))
	});
}

/** The style rules of `css` (top level, no @-rules) that name a class used in `markup`, and the `:root` custom properties. */
export function usedRules(css: string, markup: string): string {
	const classes = new Set(markup.match(/svelte-[a-z0-9]+/g) ?? []);
	const rules: string[] = [];
	let depth = 0;
	let start = 0;
	let atRule = false;
	for (let i = 0; i < css.length; i++) {
		const ch = css[i];
		if (ch === '{') {
			if (depth === 0) atRule = css.slice(start, i).trim().startsWith('@');
			depth++;
		} else if (ch === '}') {
			depth--;
			if (depth === 0) {
				const rule = css.slice(start, i + 1).trim();
				const selector = rule.slice(0, rule.indexOf('{'));
				const names = selector.match(/svelte-[a-z0-9]+/g) ?? [];
				if (!atRule && (/(^|,)\s*:root\b/.test(selector) || (names.length && names.every((n) => classes.has(n))))) rules.push(rule);
				start = i + 1;
			}
		}
	}
	return rules.join('\n');
}

/**
 * The snapshot of the chart `id` on a prerendered embed page: its SVG charts (several side by side)
 * or else its table as a bar list, framed with its words; null when the page does not hold it.
 */
export function snapshotSvg(html: string, id: string, css: string, bar?: string): { markup: string; data: SnapshotData } | null {
	const figure = figureHtml(html, id);
	const data = figure && snapshotData(figure);
	if (!figure || !data) return null;
	const charts = chartSvgs(figure).flatMap((svg) => chartImage(svg) ?? []);
	const body = charts.length > 1 ? tiledImage(charts.map((image) => ({ image }))) : (charts[0] ?? tableImage(data, bar));
	if (!body) return null;
	const framed = framedImage(body, data, legendEntries(figure));
	const rules = charts.length ? usedRules(css, body.markup) : '';
	// The page's rules the chart's marks use (their colours, strokes, text), inside the file: an SVG shown by <img> loads nothing else.
	const markup = rules ? framed.markup.replace(/^(<svg\b[^>]*>)/, `$1<style><![CDATA[\n${rules.replace(/]]>/g, ']]]]><![CDATA[>')}\n]]></style>`) : framed.markup;
	return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`, data };
}
