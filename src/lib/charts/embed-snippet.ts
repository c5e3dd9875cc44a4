import { escapeXml } from './xml-text';

/**
 * The HTML a government site pastes to embed a chart: an `<iframe>` of its embed page with a title
 * (what a screen reader announces), the full width of its column up to the chart's own, a fixed
 * height, no border, loaded when scrolled near.
 */
export function embedSnippet({ src, title, height, maxWidth = 760 }: { src: string; title: string; height: number; maxWidth?: number }): string {
	return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${Math.round(height)}" style="border:0;max-width:${maxWidth}px" loading="lazy"></iframe>`;
}
