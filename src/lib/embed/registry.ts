/**
 * Every chart another site can embed (issue #15 item 7): per dashboard page, the ids of its
 * charts (ChartFrame's `id`) and the height an `<iframe>` of the chart alone needs at 760 px
 * (measured on the embed pages in both languages, the taller, with a little room).
 * One parameterised route, /embed/<page>/<chart>/, shows any of them (the page itself, drawn with
 * only that chart), prerendered for every chart × language with a fixed SVG snapshot beside it
 * (scripts/embed-snapshots.ts).
 * A chart shown only after a choice (a town's villages) names the choice its embed makes when the
 * address makes none (`town`: the dataset's first town), so that its default view, prerendered and
 * snapshotted, draws it. The sandbox's charts are live only (`snapshot: false`): they are drawn from
 * runs of the model in the visitor's browser (a worker, the scenario from the embed's address), so
 * the build has no picture of them, and a fixed picture of one scenario would misstate a tool
 * whose point is the scenario; the chart's own SVG download is the fixed picture of a run.
 */
export const EMBED_PAGES = {
	overview: { route: '/[[lang=lang]]', charts: { monthly: 580, towns: 670 } },
	ledgers: {
		route: '/[[lang=lang]]/ledgers',
		charts: { key: 400, steps: 550, rates: 610, ranking: 950, 'by-level': 330, 'by-channel': 420, 'by-category': 510, 'by-town': 550, 'by-village': 1420 }
	},
	bulletin: { route: '/[[lang=lang]]/ledgers/bulletin', charts: { ranking: 950 } },
	integration: { route: '/[[lang=lang]]/integration', charts: { tasks: 580, units: 550, cadres: 550, periods: 460 } },
	grid: { route: '/[[lang=lang]]/grid', charts: { hierarchy: 680, colours: 520, lines: 380, clusters: 620 } },
	simulate: {
		route: '/[[lang=lang]]/simulate',
		snapshot: false,
		charts: { 'sim-orderIndex': 640, 'sim-vitalityIndex': 640, 'sim-closureRate': 640, 'sim-daysMedian': 640, 'sim-satisfaction': 640, 'sim-red': 640 }
	}
} as const;

/** Charts drawn only once a choice is made: the choice their embed makes when its address makes none. */
export const EMBED_CHOICE: Record<string, 'town'> = { 'ledgers/by-village': 'town' };

/** The column a snapshot of a chart drawn as a table draws as its bars, where it is not the first number (a ranking: its median). */
export const SNAPSHOT_BARS: Record<string, string> = { ranking: 'medianDays' };

export type EmbedPage = keyof typeof EMBED_PAGES;
export interface EmbedChart {
	page: EmbedPage;
	chart: string;
	height: number;
	/** Whether the build writes a fixed SVG snapshot of it (the sandbox's charts: live only). */
	snapshot: boolean;
}

/** Every registered chart, page by page. */
export function embedCharts(): EmbedChart[] {
	return (Object.keys(EMBED_PAGES) as EmbedPage[]).flatMap((page) =>
		Object.entries(EMBED_PAGES[page].charts).map(([chart, height]) => ({ page, chart, height, snapshot: !('snapshot' in EMBED_PAGES[page]) || EMBED_PAGES[page].snapshot !== false }))
	);
}

/** The registered chart `chart` of `page`, or null (an unknown page or chart). */
export function embedChart(page: string, chart: string): EmbedChart | null {
	return embedCharts().find((c) => c.page === page && c.chart === chart) ?? null;
}

/** The registered chart `chart` on the page of route `routeId` (SvelteKit's route id), or null. */
export function embedOnRoute(routeId: string | null | undefined, chart: string): EmbedChart | null {
	const page = (Object.keys(EMBED_PAGES) as EmbedPage[]).find((p) => EMBED_PAGES[p].route === routeId);
	return page ? embedChart(page, chart) : null;
}

/** The prerendered entries of the embed route: every chart in both languages. */
export function embedEntries(): { lang?: string; page: string; chart: string }[] {
	return embedCharts().flatMap(({ page, chart }) => [{ page, chart }, { lang: 'en', page, chart }]);
}

/** The snapshot file's name beside an embed page (`/embed/<page>/<chart>/snapshot.svg`). */
export const SNAPSHOT_FILE = 'snapshot.svg';
