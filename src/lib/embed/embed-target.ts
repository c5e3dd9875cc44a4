import { getContext, setContext } from 'svelte';
import type { EmbedChart } from './registry';

/**
 * The chart an embed page shows (set by /embed/<page>/<chart>/ around the dashboard page it
 * draws): every other ChartFrame of that page draws nothing, and this one adds what a chart
 * standing alone needs (its subtitle, the words of its snapshot).
 */
const KEY = Symbol('embed-target');

export function setEmbedTarget(target: () => EmbedChart): void {
	setContext(KEY, target);
}

export function getEmbedTarget(): (() => EmbedChart) | undefined {
	return getContext<(() => EmbedChart) | undefined>(KEY);
}
