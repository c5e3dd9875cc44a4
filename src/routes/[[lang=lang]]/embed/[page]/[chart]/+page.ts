import type { Component } from 'svelte';
import type { EmbedPage } from '$lib/embed/registry';
import type { PageLoad } from './$types';

/**
 * The component an embed draws, loaded on its own: an embed page fetches the code of the one
 * dashboard page its chart is on (or the sandbox's results), not that of every embeddable page.
 */
const PAGES: Record<EmbedPage, () => Promise<{ default: Component<{ data: never }> }>> = {
	overview: () => import('../../../+page.svelte') as never,
	ledgers: () => import('../../../ledgers/+page.svelte') as never,
	bulletin: () => import('../../../ledgers/bulletin/+page.svelte') as never,
	integration: () => import('../../../integration/+page.svelte') as never,
	grid: () => import('../../../grid/+page.svelte') as never,
	simulate: () => import('../../../simulate/SimEmbed.svelte') as never
};

export const load: PageLoad = async ({ data }) => ({ ...data, Page: (await PAGES[data.chart.page]()).default });
