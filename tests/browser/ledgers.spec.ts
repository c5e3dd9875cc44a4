import { readFile } from 'node:fs/promises';
import { BULLETIN_QUARTERS, LEDGER_TABLES, ledgerData, NO_FILTERS } from '../../src/lib/data/ledger-queries';
import { openNodeDb } from '../../src/lib/server/dataset';
import { zh } from '../../src/lib/i18n/zh';
import { expect, test } from './fixtures';

async function nodeLedgers(town: string | null, ledger: string | null, period: { from: string; to: string } = NO_FILTERS, village: string | null = null) {
	const db = await openNodeDb('build/data', [...LEDGER_TABLES, 'cases']);
	try {
		return await ledgerData(db, { town, village, ledger, from: period.from, to: period.to });
	} finally {
		db.close();
	}
}

test('the ledger page shows the nine steps and the rates, prerendered', async ({ watched: page }) => {
	await page.goto('/ledgers/');
	await expect(page.getByTestId('chart-steps').locator('rect[data-step]')).toHaveCount(9);
	await expect(page.getByTestId('chart-rates').locator('path[data-rate]')).toHaveCount(3);
	await expect(page.getByTestId('chart-steps')).toContainText('严格督查');
});

test('filtering by town and ledger updates every chart, shows chips and keeps the state in the address', async ({ watched: page }) => {
	const expected = await nodeLedgers('610922104', 'complaint');
	await page.goto('/en/ledgers/');
	await page.getByTestId('ledger-town').selectOption('610922104');
	await page.getByTestId('ledger-type').selectOption('complaint');
	await expect(page).toHaveURL(/town=610922104&ledger=complaint/);
	await expect(page.getByTestId('chips')).toContainText('Chihe');
	await expect(page.getByTestId('chips')).toContainText('Complaints and reports');
	const channel = page.getByTestId('chart-by-channel');
	const visit = expected.byChannel.find((r) => r.key === 'visit')!;
	await expect(channel.locator('[data-key="visit"]')).toContainText(new Intl.NumberFormat('en-GB').format(visit.cases));
	await page.getByTestId('chart-steps').getByRole('button', { name: 'Show as table' }).click();
	const handled = expected.steps.find((s) => s.step === 'handled')!;
	await expect(page.getByTestId('chart-steps').locator('tbody tr').nth(4)).toContainText(new Intl.NumberFormat('en-GB').format(handled.cases));
	// Reloading the address gives the same view; removing a chip removes the filter.
	await page.reload();
	await expect(page.getByTestId('ledger-type')).toHaveValue('complaint');
	await page.getByRole('button', { name: 'Remove filter: Complaints and reports' }).click();
	await expect(page).toHaveURL(/town=610922104$/);
});

test('the period brush works by keyboard on the chart itself, announced, with a visible focus ring', async ({ watched: page }) => {
	await page.goto('/ledgers/');
	const charts = page.getByTestId('ledger-charts');
	const quarters = await page.getByTestId('ledger-from').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	const n = quarters.length;
	/** The filters' key as the page writes it: a bound at its default is left out. */
	const picked = (a: number, b: number) => [a > 0 ? `from=${quarters[a]}` : '', b < n - 1 ? `to=${quarters[b]}` : ''].filter(Boolean).join('&');
	const brush = page.getByTestId('rates-brush');
	await brush.focus();
	await page.keyboard.press('ArrowRight');
	await expect(charts).toHaveAttribute('data-filters', picked(0, 0));
	// The ring drawn around the brushed area (an SVG group has no outline of its own).
	expect(await brush.locator('.overlay').evaluate((e) => getComputedStyle(e).stroke)).toBe('rgb(245, 166, 35)');
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowRight');
	await expect(charts).toHaveAttribute('data-filters', picked(0, 2));
	await page.keyboard.press('ArrowRight');
	await expect(charts).toHaveAttribute('data-filters', picked(1, 3));
	await expect(page.getByTestId('ledger-from')).toHaveValue(quarters[1]);
	const [year, q] = [quarters[1].slice(0, 4), quarters[1].slice(5)];
	await expect(page.getByTestId('rates-brush-status')).toContainText(`${year}年第${q}季度`);
	await page.keyboard.press('End');
	await expect(charts).toHaveAttribute('data-filters', picked(n - 3, n - 1));
	await page.keyboard.press('Escape');
	await expect(charts).toHaveAttribute('data-filters', '');
	await expect(page.getByTestId('rates-brush-status')).toHaveText(zh['a11y.brush.all']);
	await expect(brush).toBeFocused();
});

test('brushing across the quarterly chart picks a period that filters every other chart', async ({ watched: page }) => {
	await page.goto('/en/ledgers/');
	const charts = page.getByTestId('ledger-charts');
	await expect(charts).toHaveAttribute('data-filters', '');
	const brush = page.getByTestId('rates-brush').locator('.overlay');
	await brush.scrollIntoViewIfNeeded();
	const box = (await brush.boundingBox())!;
	// Drag over the middle third of the chart.
	await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + (box.width * 2) / 3, box.y + box.height / 2, { steps: 5 });
	// Live: the charts follow the drag before the button is released.
	await expect(charts).toHaveAttribute('data-filters', /^from=\d{4}Q\d&to=\d{4}Q\d$/);
	await page.mouse.up();
	await expect(page).toHaveURL(/from=\d{4}Q\d&to=\d{4}Q\d/);
	const url = new URL(page.url());
	const period = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
	await expect(charts).toHaveAttribute('data-filters', `from=${period.from}&to=${period.to}`);
	await expect(page.getByTestId('rates-period')).toBeVisible();
	await expect(page.getByTestId('ledger-from')).toHaveValue(period.from);
	// Every other chart now counts only the picked quarters; the quarterly chart still shows them all.
	const expected = await nodeLedgers(null, null, period);
	const escalated = page.getByTestId('chart-key').locator('[data-key="escalated"] .detail');
	await expect(escalated).toContainText(`/${new Intl.NumberFormat('en-GB').format(expected.key.received)})`);
	await expect(page.getByTestId('chart-rates').locator('path[data-rate]').first()).toBeVisible();
	// A click on the chart clears the period; Back brings it back (each filter is a history entry).
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await expect(charts).toHaveAttribute('data-filters', '');
	await page.goBack();
	await expect(charts).toHaveAttribute('data-filters', `from=${period.from}&to=${period.to}`);
	await expect(page.getByTestId('ledger-from')).toHaveValue(period.from);
	// The whole drag was one history entry: one more Back is the page before it.
	await page.goBack();
	await expect(charts).toHaveAttribute('data-filters', '');
});

test('clicking a town bar filters the page', async ({ watched: page }) => {
	await page.goto('/ledgers/');
	await page.getByTestId('chart-by-town').locator('[data-key="610922109"]').click();
	await expect(page).toHaveURL(/town=610922109/);
	await expect(page.getByTestId('chart-by-town').locator('[data-key="610922109"]')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
});

test('the ledger page drills down county → town → village: a village’s own cases fill every chart, with a breadcrumb', async ({ watched: page }) => {
	const village = '610922109203';
	const expected = await nodeLedgers('610922109', null, NO_FILTERS, village);
	await page.goto('/en/ledgers/');
	const charts = page.getByTestId('ledger-charts');
	await page.getByTestId('chart-by-town').locator('[data-key="610922109"]').click();
	await expect(charts).toHaveAttribute('data-filters', 'town=610922109');
	// The town's villages to pick from, by mouse (or the Village select).
	await page.getByTestId('chart-by-village').locator(`[data-key="${village}"]`).click();
	await expect(page).toHaveURL(new RegExp(`town=610922109&village=${village}`));
	await expect(charts).toHaveAttribute('data-filters', `town=610922109&village=${village}`);
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi village 04');
	await expect(page.getByTestId('ledger-village')).toHaveValue(village);
	const n = new Intl.NumberFormat('en-GB').format;
	await expect(page.getByTestId('chart-key').locator('[data-key="escalated"] .detail')).toContainText(`(${n(expected.key.escalated)}/${n(expected.key.received)})`);
	await page.getByTestId('chart-steps').getByRole('button', { name: 'Show as table' }).click();
	const handled = expected.steps.find((s) => s.step === 'handled')!;
	await expect(page.getByTestId('chart-steps').locator('tbody tr').nth(4)).toContainText(n(handled.cases));
	// A link to the village reproduces it; the breadcrumb goes back up to the town, Back comes down again.
	await page.reload();
	await expect(charts).toHaveAttribute('data-filters', `town=610922109&village=${village}`);
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(charts).toHaveAttribute('data-filters', 'town=610922109');
	await page.goBack();
	await expect(charts).toHaveAttribute('data-filters', `town=610922109&village=${village}`);
});

test('Back shows the view its address names, after another page or a reload, and every view is in the address as it shows', async ({ watched: page }) => {
	// Every view the charts show, with the address at that moment (a Back pressed then acts on it),
	// kept across the reload; the prerendered view ('') is the page's attribute before any change.
	await page.addInitScript(() => {
		const record = (filters: string) => {
			const seen = JSON.parse(sessionStorage.getItem('views') ?? '[]');
			sessionStorage.setItem('views', JSON.stringify([...seen, { filters, address: location.search.slice(1) }]));
		};
		new MutationObserver((changes) => {
			for (const c of changes) record((c.target as Element).getAttribute('data-filters') ?? '?');
		}).observe(document, { subtree: true, attributeFilter: ['data-filters'] });
	});
	const town = 'town=610922109';
	const village = `${town}&village=610922109203`;
	await page.goto('/en/ledgers/');
	const charts = page.getByTestId('ledger-charts');
	await page.getByTestId('chart-by-town').locator('[data-key="610922109"]').click();
	await expect(charts).toHaveAttribute('data-filters', town);
	await page.getByTestId('chart-by-village').locator('[data-key="610922109203"]').click();
	await expect(charts).toHaveAttribute('data-filters', village);
	// Up to the town (its slice is kept: shown in the same task as the click), and Back down.
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(charts).toHaveAttribute('data-filters', town);
	await page.goBack();
	await expect(charts).toHaveAttribute('data-filters', village);
	// Another page, then Back: SvelteKit returns to the URL the page was loaded with (the county's);
	// the view must be the address's, the village.
	await page.getByTestId('bulletin-link').click();
	await expect(page).toHaveURL(/\/ledgers\/bulletin\/$/);
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`\\?${village}$`));
	await expect(charts).toHaveAttribute('data-filters', village);
	await expect(page.getByTestId('ledger-village')).toHaveValue('610922109203');
	// After a reload, Back to an entry written before it: the town, not the county.
	await page.reload();
	await expect(charts).toHaveAttribute('data-filters', village);
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`\\?${town}$`));
	await expect(charts).toHaveAttribute('data-filters', town);
	await expect(page.getByTestId('ledger-town')).toHaveValue('610922109');
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi');
	const views: { filters: string; address: string }[] = await page.evaluate(() => JSON.parse(sessionStorage.getItem('views') ?? '[]'));
	// Each view reached (town, village, town, village, village after the bulletin, after the reload, town) was recorded.
	expect(views.length).toBeGreaterThanOrEqual(7);
	expect(views.filter((v) => v.filters !== v.address)).toEqual([]);
});

test('garbage in the address falls back to a valid view with a notice', async ({ watched: page }) => {
	await page.goto('/en/ledgers/?town=nowhere&from=2020&to=2017&ledger=%3Cscript%3E');
	await expect(page.getByTestId('bad-param')).toContainText('town=nowhere');
	await expect(page.getByTestId('bad-param')).toContainText('from=2020Q1 > to=2017Q4');
	await expect(page.getByTestId('chart-steps').locator('rect[data-step]')).toHaveCount(9);
});

test('the quarterly bulletin ranks towns for a chosen quarter and prints cleanly', async ({ watched: page }) => {
	await page.goto('/ledgers/');
	await page.getByTestId('bulletin-link').click();
	await expect(page).toHaveURL(/\/ledgers\/bulletin\/$/);
	await expect(page.locator('h1')).toContainText('2021年第4季度');
	await expect(page.getByTestId('bulletin').locator('tbody tr')).toHaveCount(11);
	await page.getByTestId('bulletin-quarter').selectOption('2019Q2');
	await expect(page).toHaveURL(/q=2019Q2/);
	const db = await (await import('../../src/lib/server/dataset')).openNodeDb('build/data', LEDGER_TABLES);
	const rows = await (await import('../../src/lib/data/ledger-queries')).bulletin(db, '2019Q2');
	db.close();
	const total = rows.reduce((s, r) => s + r.received, 0);
	await expect(page.getByTestId('bulletin-total')).toHaveText(new Intl.NumberFormat('zh-CN').format(total));
	// The quarter is a history entry: Back returns to the latest quarter, Forward to the chosen one.
	await page.goBack();
	await expect(page).toHaveURL(/\/ledgers\/bulletin\/$/);
	await expect(page.locator('h1')).toContainText('2021年第4季度');
	await expect(page.getByTestId('bulletin-quarter')).toHaveValue('2021Q4');
	await page.goForward();
	await expect(page.getByTestId('bulletin-total')).toHaveText(new Intl.NumberFormat('zh-CN').format(total));
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\/ledgers\/bulletin\/\?q=2019Q2$/);
	await expect(page.locator('h1')).toContainText('Q2 2019');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('bulletin-quarter')).toBeHidden();
	await expect(page.locator('nav')).toBeHidden();
	await expect(page.getByTestId('bulletin').locator('tbody tr')).toHaveCount(11);
});

test('a huge quarter in the bulletin’s address is named briefly, and the page does not scroll sideways', async ({ watched: page }) => {
	const huge = 'x'.repeat(100_000);
	// Longer than the test server takes in a request line: the browser gets the built page without asking it.
	const html = await readFile('build/en/ledgers/bulletin/index.html');
	await page.route((url) => url.pathname === '/en/ledgers/bulletin/' && url.search.length > 1000, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
	await page.goto(`/en/ledgers/bulletin/?q=${huge}`);
	const notice = page.getByTestId('bad-param');
	await expect(notice).toContainText(`“${huge.slice(0, 20)}…”`);
	expect((await notice.textContent())!.length).toBeLessThan(200);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expect(page.getByTestId('bulletin-quarter')).toHaveValue(BULLETIN_QUARTERS[BULLETIN_QUARTERS.length - 1]);
});
