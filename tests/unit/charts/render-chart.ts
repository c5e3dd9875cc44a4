import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Lang } from '$lib/i18n/messages';
import Harness from './Harness.svelte';

/**
 * Markup that reads the same whenever the chart draws the same thing, in the spirit of Observable
 * Plot's snapshot tests: Svelte's hydration comments and scoped-style class names dropped, numbers
 * rounded to two decimals (so a floating-point wobble is not a change), one element per line.
 */
export function normalise(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/\s*\bsvelte-[a-z0-9]+\b/g, '')
		.replace(/\sclass="\s*"/g, '')
		.replace(/\sclass="\s+/g, ' class="')
		.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))))
		.replace(/>\s*<(?!\/)/g, '>\n<')
		.trim()
		.concat('\n');
}

/** A chart rendered on the server (as the site prerenders it) with fixed data, normalised. */
export function renderChart(chart: Component<any>, props: Record<string, unknown>, lang: Lang = 'en'): string {
	return normalise(render(Harness, { props: { chart, props, lang } }).body);
}

/** The numeric attribute `name` of every element matching `tag[attr]` (e.g. `rect[data-step]`), in order. */
export function attrs(markup: string, selector: { tag: string; has?: string }, name: string): number[] {
	const tags = markup.match(new RegExp(`<${selector.tag}\\b[^>]*>`, 'g')) ?? [];
	return tags
		.filter((t) => !selector.has || t.includes(` ${selector.has}=`))
		.map((t) => Number(t.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]));
}
