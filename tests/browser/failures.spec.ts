import { expect, test } from './fixtures';

test.use({ allowConsoleErrors: true });

test('a missing data file shows a clear message naming the file', async ({ watched: page }) => {
	await page.route('**/data/case_counts.arrow*', (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.goto('/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-missing');
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
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt');
	await expect(error).toContainText('cases/610922109203.arrow');
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', 'town=610922109');
});

test('a corrupt data file shows a clear message in English on the English page', async ({ watched: page }) => {
	await page.route('**/data/units.arrow*', (route) =>
		route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'unit_id,level\nnot an arrow stream\n' })
	);
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'file-corrupt');
	await expect(error).toContainText('The data file units.arrow is damaged');
});

test('an engine that cannot start says so instead of spinning', async ({ watched: page }) => {
	await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
	await page.goto('/en/?town=610922101');
	const error = page.getByTestId('data-error');
	await expect(error).toHaveAttribute('data-kind', 'engine');
	await expect(error).toContainText('could not start');
});
