import { expect, test } from './fixtures';
import { PUBLISHED } from '../../sim/county/published';
import { fmt, nodeHeadline, pct } from './expected';

const RAOFENG = '610922101';

test('the overview shows the dataset’s 8,812 / 8,597 / satisfaction beside the published figures', async ({ watched: page }) => {
	const expected = await nodeHeadline(null);
	await page.goto('/');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
	await expect(page.getByTestId('value-ledgerClosed')).toHaveText('8,597');
	await expect(page.getByTestId('value-satisfaction')).toHaveText(pct(expected.satisfied / expected.surveyed));
	await expect(page.getByTestId('published-satisfaction')).toHaveText('≥ 98.5%');
	await expect(page.getByTestId('value-grids')).toHaveText('2,893');
	await expect(page.getByTestId('card-ledgerCases')).toContainText('✓');
	await expect(page.getByTestId('synthetic-notice')).toContainText('合成数据');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	// The monthly chart is drawn from the prerendered data: 65 months × 3 ledgers.
	await expect(page.getByTestId('chart-monthly').locator('svg rect')).toHaveCount(65 * 3);
});

test('the first view is in the prerendered HTML, before any script runs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
	await expect(page.getByTestId('chart-monthly').locator('svg rect')).toHaveCount(65 * 3);
	await context.close();
});

for (const prepared of [true, false]) {
	test.describe(prepared ? 'prepared' : 'engine', () => {
		// The missing file is logged by the browser.
		test.use({ allowConsoleErrors: !prepared });
		test(`choosing a town shows that town’s figures, ${prepared ? 'from its prepared answer' : 'computed by DuckDB-WASM in the browser when its prepared answer is missing'}`, async ({ watched: page }) => {
			const expected = await nodeHeadline(RAOFENG);
			// A missing prepared answer is computed by the engine (context.route sees the service worker's fetches too).
			if (!prepared) await page.context().route('**/data/prepared/**', (route) => route.fulfill({ status: 404, body: '' }));
			await page.goto('/');
			await page.getByTestId('town-filter').selectOption(RAOFENG);
			await expect(page).toHaveURL(/\?town=610922101$/);
			await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', prepared ? 'prepared' : 'browser');
			await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
			await expect(page.getByTestId('value-ledgerClosed')).toHaveText(fmt(expected.closed));
			await expect(page.getByTestId('value-satisfaction')).toHaveText(pct(expected.satisfied / expected.surveyed));
			await expect(page.getByTestId('value-households')).toHaveText(fmt(expected.households));
			await expect(page.getByTestId('value-liaisons')).toHaveText(fmt(expected.liaisons));
			await expect(page.getByTestId('scope')).toContainText('饶峰镇');
			expect(expected.cases).toBeLessThan(PUBLISHED.ledgerCases.value);
		});
	});
}

test('clicking a town’s bar filters the page, and clicking it again clears the filter', async ({ watched: page }) => {
	const expected = await nodeHeadline('610922104');
	await page.goto('/');
	const bar = page.getByTestId('chart-towns').locator('[data-key="610922104"]');
	await bar.click();
	await expect(bar).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await expect(page.getByTestId('town-filter')).toHaveValue('610922104');
	await bar.click();
	await expect(page).not.toHaveURL(/town=/);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
	// Back undoes the last choice.
	await page.goBack();
	await expect(page).toHaveURL(/town=610922104/);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
});

test('switching to English and back keeps the page and the chosen town', async ({ watched: page }) => {
	const expected = await nodeHeadline(RAOFENG);
	await page.goto(`/?town=${RAOFENG}`);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\/\?town=610922101$/);
	await expect(page.locator('h1')).toHaveText("Overview: Shiquan County's three governance systems");
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('scope')).toContainText('Raofeng');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await expect(page.getByTestId('synthetic-notice')).toContainText('synthetic');
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/\?town=610922101$/);
	await expect(page.locator('h1')).toContainText('概览');
	await expect(page.getByTestId('scope')).toContainText('饶峰镇');
});

test('an unknown town in the address falls back to the whole county with a notice', async ({ watched: page }) => {
	await page.goto('/?town=999');
	await expect(page.getByTestId('bad-param')).toContainText('999');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
	await expect(page.getByTestId('town-filter')).toHaveValue('');
});

// One visit of the English overview: its dates, the monthly chart by keyboard, its table and CSV; then the Chinese dates.
test('English dates follow English conventions; the monthly chart can be read with the keyboard; its table view and CSV download show the chart’s numbers', async ({ watched: page }) => {
	await page.goto('/en/');
	await expect(page.getByTestId('card-ledgerCases')).toContainText('1 Aug 2016 – 31 Dec 2021');
	const svg = page.getByTestId('chart-monthly').locator('svg');
	await svg.focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('chart-monthly').getByRole('status')).toContainText('Aug 2016');
	await page.keyboard.press('End');
	await expect(page.getByTestId('chart-monthly').getByRole('status')).toContainText('Dec 2021');
	const chart = page.getByTestId('chart-monthly');
	await chart.getByRole('button', { name: 'Show as table' }).click();
	const rows = chart.locator('tbody tr');
	await expect(rows).toHaveCount(65);
	await expect(rows.first().locator('td').first()).toHaveText('2016-08');
	const download = page.waitForEvent('download');
	await chart.getByRole('button', { name: 'Download CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('Shiquan-County_2016-08_2021-12_cases-by-month.csv');
	const text = (await (await file.createReadStream()).toArray()).join('');
	const lines = text.replace(/^\ufeff/, '').trim().split('\n');
	expect(lines[0]).toBe('Month,Suggestions,Interest demands,Complaints and reports,Total');
	expect(lines).toHaveLength(66);
	const total = lines.slice(1).reduce((s, l) => s + Number(l.split(',').at(-1)), 0);
	expect(total).toBe(PUBLISHED.ledgerCases.value);
	await page.goto('/');
	await expect(page.getByTestId('card-ledgerCases')).toContainText('2016年8月1日');
});

test('the data & methods page lists the files and the published figures', async ({ watched: page }) => {
	await page.goto('/en/methods/');
	await expect(page.locator('h1')).toHaveText('Data and methods');
	await expect(page.getByTestId('files-table')).toContainText('cases.csv');
	await expect(page.getByTestId('published-table')).toContainText('8,812');
	const href = await page.getByRole('link', { name: 'cases.csv' }).getAttribute('href');
	const response = await page.request.get(new URL(href!, page.url()).href);
	expect(response.status()).toBe(200);
});
