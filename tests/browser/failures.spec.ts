import { readFile } from 'node:fs/promises';
import { en } from '../../src/lib/i18n/en';
import { expect, test } from './fixtures';

// These tests break files on the way from the network (page.route), which a service worker's own
// fetches do not pass through: the worker is blocked, so each test sees the answer it sets up.
// (Online the worker lets the network's answer through anyway; offline.spec.ts tests it.)
test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

/**
 * The first answer of a test needs the engine started cold (download, compile, tables): on a busy
 * 2-core machine that alone has taken over 20 s, so the first message is given a minute.
 */
const ENGINE_FIRST = { timeout: 60_000 };

// The filters of the default dataset are answered from prepared answers, which never touch the
// engine's files: here they are missing, so every filter is computed by the engine from the
// tables these tests break (a missing prepared answer is the engine's to compute, silently).
test.beforeEach(async ({ page }) => {
	// Each test waits for the engine's cold start, some twice (see ENGINE_FIRST).
	test.slow();
	await page.route('**/data/prepared/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
});

test('a missing data file shows a clear message naming the file', async ({ watched: page }) => {
	await page.route('**/data/case_counts.arrow*', (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.goto('/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-missing', ENGINE_FIRST);
	await expect(error).toContainText('case_counts.arrow');
	await expect(error).toContainText('404');
	await expect(error).toContainText('数据文件');
	// The prerendered county figures are still there when the filter is cleared.
	await page.getByTestId('town-filter').selectOption('');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
});

test('a village whose cases file is damaged gets a clear message; the town view still works', async ({ watched: page }) => {
	await page.route('**/data/cases/610922109203.arrow*', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'garbage' }));
	await page.goto('/en/ledgers/?village=610922109203');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt', ENGINE_FIRST);
	await expect(error).toContainText('cases/610922109203.arrow');
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', 'town=610922109');
	// The town's answer came: the message about the village's file goes.
	await expect(error).toHaveCount(0);
});

test('a corrupt data file shows a clear message in English on the English page', async ({ watched: page }) => {
	await page.route('**/data/units.arrow*', (route) =>
		route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'unit_id,level\nnot an arrow stream\n' })
	);
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt', ENGINE_FIRST);
	await expect(error).toContainText('The data file units.arrow is damaged');
});

test('an engine whose wasm is missing says so instead of spinning, and does not blame the browser', async ({ watched: page }) => {
	await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'engine-missing');
	await expect(error).toContainText(/The query engine’s file duckdb-(eh|mvp)\.[\w-]+\.wasm could not be fetched \(HTTP 404\)/);
	await expect(error).not.toContainText('too old');
});

test('an engine that downloads but cannot start is the engine’s failure', async ({ watched: page }) => {
	await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') }));
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'engine', ENGINE_FIRST);
	await expect(error).toContainText('could not start');
});

/** The first half of one of the built site's data files: a download cut short. */
async function truncated(file: string): Promise<Buffer> {
	const bytes = await readFile(`build/data/${file}`);
	return bytes.subarray(0, bytes.length >> 1);
}

test('a truncated case_counts.arrow is blamed alone; cards say they are unavailable; the "321" page, which does not read it, still works', async ({ watched: page }) => {
	const body = await truncated('case_counts.arrow');
	await page.route('**/data/case_counts.arrow*', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt', ENGINE_FIRST);
	await expect(error).toContainText('case_counts.arrow');
	await expect(error).not.toContainText('units');
	// No card waits forever for a figure that cannot come.
	const value = page.getByTestId('value-ledgerCases');
	await expect(value).toHaveText(en['card.unavailable']);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	// The "321" page needs no case table: no message there, and a town is computed.
	await page.getByRole('link', { name: en['nav.grid'] }).click();
	await expect(page).toHaveURL(/\/en\/grid\/$/);
	const charts = page.getByTestId('grid-charts');
	await page.getByTestId('chart-hierarchy').locator('g[data-node="610922109"]').click();
	await expect(charts).toHaveAttribute('data-scope', 'town=610922109');
	await expect(charts).not.toHaveAttribute('aria-busy', 'true');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'browser');
	await expect(error).toHaveCount(0);
});

test('on the ledger page a truncated case_counts.arrow is named in the message and its detail, and the charts stop waiting', async ({ watched: page }) => {
	const body = await truncated('case_counts.arrow');
	await page.route('**/data/case_counts.arrow*', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
	await page.goto('/en/ledgers/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt', ENGINE_FIRST);
	await expect(error).toContainText('The data file case_counts.arrow is damaged');
	for (const other of ['case_days', 'case_villages']) await expect(error).not.toContainText(other);
	// Nothing waits for an answer that cannot come, and no other filter's numbers stand in for it.
	await expect(page.getByTestId('unavailable')).toHaveText(en['data.unavailable']);
	await expect(page.getByTestId('ledger-charts')).toBeHidden();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	// The bulletin of a quarter the build did not prerender needs the same file: it says so instead of waiting.
	await page.goto('/en/ledgers/bulletin/?q=2019Q2');
	await expect(error).toContainText('case_counts.arrow');
	await expect(page.getByTestId('unavailable')).toHaveText(en['data.unavailable']);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});
