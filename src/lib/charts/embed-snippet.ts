import { escapeXml } from './xml-text';

/**
 * The HTML a government site pastes to embed a chart: an `<iframe>` of its embed page with a title
 * (what a screen reader announces), the full width of its column up to the chart's own, a fixed
 * height, no border, loaded when scrolled near.
 */
export function embedSnippet({ src, title, height, maxWidth = 760 }: { src: string; title: string; height: number; maxWidth?: number }): string {
	return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${Math.round(height)}" style="border:0;max-width:${maxWidth}px" loading="lazy"></iframe>`;
}

/**
 * The HTML for a fixed snapshot: the chart's SVG picture (title, subtitle, source and data line
 * inside it) as an `<img>` with the chart's title as its text, linked to the live chart.
 */
export function snapshotSnippet({ src, alt, link, maxWidth = 760 }: { src: string; alt: string; link: string; maxWidth?: number }): string {
	return `<a href="${escapeXml(link)}"><img src="${escapeXml(src)}" alt="${escapeXml(alt)}" style="width:100%;max-width:${maxWidth}px;height:auto" loading="lazy"></a>`;
}
