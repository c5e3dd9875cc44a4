import type { Page, Request } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { fmt, nodeHeadline } from './expected';
import { expect, test } from './fixtures';

/** The engine's files and the Arrow tables: what a page must not fetch to answer the default dataset's filters. */
const isEngineRequest = (url: string) => /\.wasm(\?|$)|duckdb-browser-[^/]*\.worker|engine-worker|\.arrow(\?|$)/.test(url);

/** Every request the page (and its workers) makes, with the time it was made. */
function watchRequests(page: Page): { url: string; at: number }[] {
	const seen: { url: string; at: number }[] = [];
	page.context().on('request', (r: Request) => seen.push({ url: r.url(), at: Date.now() }));
	return seen;
}

/** A browser that asks to save data (Network Information API): nothing is fetched in the background. */
const SAVE_DATA = `Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true, effectiveType: '4g' } });`;

test.describe('the first click and the default dataset’s filters need no engine', () => {
	// The worker's own fetches (its install) are not what the page asks for: watched apart, below.
	test.use({ serviceWorkers: 'block' });

	test('the first click on a town is answered from a prepared answer before the engine is requested', async ({ watched: page }) => {
		const town = '610922101';
		const expected = await nodeHeadline(town);
		const requests = watchRequests(page);
		await page.goto('/');
		await page.getByTestId('town-filter').selectOption(town);
		const status = page.getByTestId('engine-status');
		await expect(status).toHaveAttribute('data-computed', 'prepared');
		await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
		await expect(page.getByTestId('value-households')).toHaveText(fmt(expected.households));
		const answered = Date.now();
		// The answer came from the town's prepared file, and nothing of the engine was asked for before it.
		expect(requests.some((r) => r.url.includes(`/data/prepared/overview/${town}.json`))).toBe(true);
		expect(requests.filter((r) => r.at <= answered && isEngineRequest(r.url)).map((r) => r.url)).toEqual([]);
		expect(await status.getAttribute('data-status')).toBe('idle');
	});

	test('the ledger page reads ahead the towns for the first click, and a place’s other ledger types only once a place is chosen', async ({ watched: page }) => {
		const requests = watchRequests(page);
		const fetched = (name: string) => requests.some((r) => r.url.includes(`/data/prepared/ledgers/${name}.json`));
		await page.goto('/ledgers/');
		// The towns' slices (what the first click needs) are read once the page has painted …
		await expect.poll(() => ['610922101', '610922109'].every((t) => fetched(`${t}-all`)), { timeout: 60_000 }).toBe(true);
		// … and nothing else competes with that click: not the county's other ledger types.
		expect(['county-complaint', 'county-demand', 'county-suggestion'].filter(fetched)).toEqual([]);
		const town = '610922109';
		await page.getByTestId('ledger-town').selectOption(town);
		await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', `town=${town}`);
		// Once a place is chosen, its other ledger types are read ahead, so the next choice is answered from what is kept.
		await expect.poll(() => ['complaint', 'demand', 'suggestion'].every((l) => fetched(`${town}-${l}`)), { timeout: 60_000 }).toBe(true);
	});

	test('with the user saving data, every page’s filters work and no engine file or table is ever fetched', async ({ watched: page }) => {
		await page.addInitScript(SAVE_DATA);
		const requests = watchRequests(page);
		await page.goto('/en/');
		await expect(page.locator('html')).toHaveAttribute('data-idle-engine', 'skipped');
		await page.getByTestId('town-filter').selectOption('610922109');
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
		await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt((await nodeHeadline('610922109')).cases));

		await page.goto('/en/ledgers/?town=610922109&village=610922109203&ledger=complaint&from=2018Q1&to=2020Q4');
		await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', 'town=610922109&village=610922109203&ledger=complaint&from=2018Q1&to=2020Q4');
		// A period within the kept slice is summed at once.
		await page.getByTestId('ledger-from').selectOption('2019Q1');
		await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', 'town=610922109&village=610922109203&ledger=complaint&from=2019Q1&to=2020Q4');

		await page.goto('/en/ledgers/bulletin/?q=2019Q2');
		await expect(page.getByTestId('bulletin').locator('tbody tr')).toHaveCount(11);

		await page.goto('/en/grid/?town=610922109&village=610922109203&colour=red');
		await expect(page.getByTestId('grid-charts')).toHaveAttribute('data-scope', 'town=610922109&village=610922109203&colour=red');
		await page.goto('/en/integration/?town=610922104');
		await expect(page.getByTestId('integration-charts')).toHaveAttribute('data-scope', 'town=610922104');
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
		expect(requests.filter((r) => isEngineRequest(r.url)).map((r) => r.url)).toEqual([]);
	});
});

test.describe('without the engine', () => {
	test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

	test('with the engine’s wasm missing, the default dataset’s filters still work; a view that needs the engine says so', async ({ watched: page }) => {
		await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
		await page.goto('/en/ledgers/');
		await page.getByTestId('chart-by-town').locator('[data-key="610922109"]').click();
		const charts = page.getByTestId('ledger-charts');
		await expect(charts).toHaveAttribute('data-filters', 'town=610922109');
		await page.getByTestId('chart-by-village').locator('[data-key="610922109203"]').click();
		await expect(charts).toHaveAttribute('data-filters', 'town=610922109&village=610922109203');
		await expect(page.getByTestId('data-error')).toHaveCount(0);
		// A question no prepared answer covers (here: its file is gone) needs the engine, which cannot start.
		await page.route('**/data/prepared/grid/610922109-red.json*', (route) => route.fulfill({ status: 404, body: '' }));
		await page.goto('/en/grid/?town=610922109&colour=red');
		const error = page.getByTestId('data-error');
		// The wasm is missing: the message names the engine's file (engine-missing), and says the filters still work.
		await expect(error).toHaveAttribute('data-kind', 'engine-missing');
		await expect(page.getByTestId('needs-engine')).toHaveText(en['error.needsEngine']);
		await expect(page.getByTestId('unavailable')).toHaveText(en['data.unavailable']);
		// Another colour is prepared: answered, and the message goes.
		await page.goto('/en/grid/?town=610922109&colour=yellow');
		await expect(page.getByTestId('grid-charts')).toHaveAttribute('data-scope', 'town=610922109&colour=yellow');
		await expect(error).toHaveCount(0);
	});
});

test.describe('in the background', () => {
	// The page's own requests (a service worker's install fetches the build's files itself).
	test.use({ serviceWorkers: 'block' });

	test('on a fast connection the engine’s files are fetched once the page is idle, and the engine is not started (memory)', async ({ watched: page }) => {
		const fetched: string[] = [];
		page.context().on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto('/en/');
		await expect(page.locator('html')).toHaveAttribute('data-idle-engine', 'started', { timeout: 30_000 });
		// Both files of one variant: its wasm and DuckDB's worker script, read to the end.
		await expect.poll(() => fetched.filter((p) => /duckdb-[a-z]+\.[^/]*\.wasm$|duckdb-browser-[a-z]+\.worker/.test(p)).length, { timeout: 60_000 }).toBe(2);
		// Nothing started: no engine worker, no table, the status as before.
		expect(page.workers().map((w) => w.url()).filter((u) => /engine-worker|duckdb/.test(u))).toEqual([]);
		expect(fetched.filter((p) => /engine-worker|\.arrow$/.test(p))).toEqual([]);
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'idle');
		await expect(page.getByTestId('engine-status')).toHaveText(en['engine.prerendered']);
	});
});
