import { readFileSync } from 'node:fs';
import { IMPORTED_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';

/**
 * The site built on another place's data (scripts/build-imported.ts: the importer's Open311
 * fixture, with one published figure supplied): its pages list the file's own places, offer its
 * own period, say which fields it lacks, and show no Shiquan title or published card. Expected
 * values come from the fixture itself (places, months) and the importer's report (the Node
 * pipeline's count of kept cases), never from the pages' code.
 */
const base = `http://127.0.0.1:${IMPORTED_PORT}`;
const fixture = JSON.parse(readFileSync('tests/fixtures/import/open311.json', 'utf8')) as Record<string, string>[];
const supplied = JSON.parse(readFileSync('tests/fixtures/import/open311.published.json', 'utf8'));
const report = JSON.parse(readFileSync('.cache/imported-site/report.json', 'utf8')) as { kept: number };

const places = [...new Set(fixture.map((r) => r.zipcode))].sort();
// Months of receipt, sentinel dates aside (the importer drops those rows: 1900-01-01, 1899-12-30, 1970-01-01, years before 1901 or from 2100).
const sentinel = (d: string) => /^(1900-01-01|1899-12-30|1970-01-01)/.test(d) || d < '1901' || d >= '2100';
const months = [...new Set(fixture.map((r) => r.requested_datetime).filter((d) => !sentinel(d)).map((d) => d.slice(0, 7)))].sort();
const quarter = (m: string) => `${m.slice(0, 4)}Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`;
const quarters: string[] = [];
for (let y = Number(months[0].slice(0, 4)), q = Number(quarter(months[0]).slice(5)); `${y}Q${q}` <= quarter(months[months.length - 1]); q === 4 ? (y++, (q = 1)) : q++) quarters.push(`${y}Q${q}`);
const en = (n: number) => n.toLocaleString('en');

test('the overview names the file’s area and places, counts its kept cases, and shows only the published figure supplied', async ({ watched: page }) => {
	await page.goto(`${base}/`);
	await expect(page.locator('h1')).toContainText(supplied.area.zh);
	await expect(page.getByTestId('own-notice')).toBeVisible();
	await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
	// The file's own places, as a grid of buttons (no schematic map of Shiquan) and in the filter.
	await expect(page.getByTestId('place-grid').getByRole('button')).toHaveText(places);
	await expect(page.getByTestId('town-filter').locator('option')).toHaveCount(places.length + 1);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(en(report.kept));
	// Only the supplied figure, with its own source; no card for what the file lacks.
	await expect(page.locator('[data-testid^="published-"]')).toHaveCount(1);
	await expect(page.getByTestId('published-ledgerCases')).toHaveText(en(supplied.figures.ledgerCases.value));
	await expect(page.getByTestId('card-ledgerCases')).toContainText(supplied.figures.ledgerCases.source);
	for (const lacking of ['satisfaction', 'grids', 'households', 'liaisons', 'tasks', 'villages']) await expect(page.getByTestId(`card-${lacking}`)).toHaveCount(0);
	await expect(page.getByTestId('gap-town-satisfaction')).toBeVisible();
	// The monthly chart spans the file's months; the town chart ranks its places.
	await page.getByTestId('chart-monthly').getByRole('button', { name: '以表格查看' }).click();
	await expect(page.getByTestId('chart-monthly').locator('tbody tr')).toHaveCount(months.length);
	await expect(page.getByTestId('chart-towns').locator('[data-key]')).toHaveCount(places.length);
	expect(await page.locator('body').innerText()).not.toMatch(/石泉|Shiquan/);
	// Choosing a place filters the page (its prepared answer): the places' counts add up to the kept cases.
	let sum = 0;
	for (const p of places) {
		await page.getByTestId('place-grid').getByRole('button', { name: p }).click();
		await expect(page.getByTestId('scope')).toContainText(p);
		await expect(page.getByTestId('value-ledgerCases')).not.toHaveText('…');
		sum += Number((await page.getByTestId('value-ledgerCases').innerText()).replace(/,/g, ''));
	}
	expect(sum).toBe(report.kept);
	// Phone width: nothing scrolls sideways.
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the ledger page and the bulletin offer the file’s own period and places and say which fields it lacks', async ({ watched: page }) => {
	await page.goto(`${base}/en/ledgers/`);
	await expect(page.locator('h1')).toContainText(supplied.area.en);
	await expect(page.getByTestId('ledger-from').locator('option')).toHaveCount(quarters.length);
	await expect(page.getByTestId('ledger-town').locator('option')).toHaveText(['Every place', ...places]);
	// No ledger type, step times, level or channel in the file: no such filter, and the charts say so.
	await expect(page.getByTestId('ledger-type')).toHaveCount(0);
	for (const gap of ['gap-steps', 'gap-by-level', 'gap-by-channel']) await expect(page.getByTestId(gap)).toContainText('This data has no');
	await expect(page.getByTestId('chart-by-category').locator('[data-key]').first()).toBeVisible();
	await page.getByTestId('ledger-town').selectOption(places[0]);
	await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', `town=${await page.getByTestId('ledger-town').inputValue()}`);
	// No village in the file: no village drill-down.
	await expect(page.getByTestId('ledger-village')).toHaveCount(0);
	await expect(page.getByTestId('gap-by-village')).toBeVisible();

	await page.goto(`${base}/en/ledgers/bulletin/`);
	await expect(page.locator('h1')).toContainText(supplied.area.en);
	await expect(page.getByTestId('bulletin-quarter').locator('option')).toHaveCount(quarters.length);
	await expect(page.getByTestId('bulletin').locator('tbody tr')).toHaveCount(places.length);
	expect(await page.locator('body').innerText()).not.toMatch(/石泉|Shiquan/);
});

test('the integration and "321" pages say the data has no tasks or households; methods describes the import', async ({ watched: page }) => {
	await page.goto(`${base}/integration/`);
	await expect(page.getByTestId('gap-no-tasks')).toBeVisible();
	await page.goto(`${base}/en/grid/`);
	await expect(page.getByTestId('gap-no-households')).toBeVisible();
	await page.goto(`${base}/en/methods/`);
	await expect(page.getByTestId('own-kept')).toHaveText(en(report.kept));
	await expect(page.getByTestId('own-places')).toHaveText(places.join(', '));
	await expect(page.getByTestId('own-published')).toContainText(supplied.figures.ledgerCases.source);
});

test.describe('engine', () => {
	// The withheld prepared answer is logged by the browser.
	test.use({ allowConsoleErrors: true });
	test('a place whose prepared answer is missing is answered by DuckDB-WASM on the imported tables, as DuckDB in Node did at build time', async ({ watched: page }) => {
		// The engine's start (download, compile, tables) on a busy 2-core machine.
		test.setTimeout(120_000);
		const code = (JSON.parse(readFileSync('build-imported/data/meta.json', 'utf8')).profile.towns as { code: string; zh: string }[]).find((t) => t.zh === places[2])!.code;
		const node = JSON.parse(readFileSync(`build-imported/data/prepared/overview/${code}.json`, 'utf8')).headline;
		await page.context().route('**/data/prepared/**', (route) => route.fulfill({ status: 404, body: '' }));
		await page.goto(`${base}/en/`);
		await page.getByTestId('place-grid').getByRole('button', { name: places[2] }).click();
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'browser', { timeout: 60_000 });
		await expect(page.getByTestId('value-ledgerCases')).toHaveText(en(node.cases));
		await expect(page.getByTestId('value-ledgerClosed')).toHaveText(en(node.closed));
		expect(node.cases).toBeGreaterThan(0);
	});
});
