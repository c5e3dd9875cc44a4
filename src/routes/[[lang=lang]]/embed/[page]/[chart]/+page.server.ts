import { error } from '@sveltejs/kit';
import { EMBED_CHOICE, embedChart, embedEntries } from '$lib/embed/registry';
import { prerenderedGrid, prerenderedIntegration, prerenderedLedgers, prerenderedOverview, prerenderedTownLedgers } from '$lib/server/prerendered';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every registered chart in both languages, prerendered for the default view; filters in the
// address (the page's own) are answered in the browser, as on the page.
export const entries: EntryGenerator = () => embedEntries();

/** The data of the dashboard page the chart is on, as that page's own load gives it. */
async function pageData(page: string, chart: string) {
	switch (page) {
		case 'overview':
			return prerenderedOverview();
		case 'ledgers': {
			const { ledgers, ranking } = await prerenderedLedgers();
			// A town's villages: the embed's default view is the dataset's first town (registry.ts).
			return EMBED_CHOICE[`${page}/${chart}`] === 'town' ? { ledgers: await prerenderedTownLedgers(), ranking } : { ledgers, ranking };
		}
		case 'bulletin':
			return { bulletin: (await prerenderedLedgers()).bulletin };
		case 'integration':
			return { integration: await prerenderedIntegration() };
		case 'grid':
			return { grid: await prerenderedGrid() };
		default:
			// The sandbox's charts are drawn from runs in the visitor's browser: nothing to prerender.
			return {};
	}
}

export const load: PageServerLoad = async ({ params }) => {
	const chart = embedChart(params.page, params.chart);
	if (!chart) error(404, `no embeddable chart "${params.page}/${params.chart}"`);
	return { chart, page: await pageData(chart.page, chart.chart) };
};
