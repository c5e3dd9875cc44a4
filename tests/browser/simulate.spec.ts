import { expect, test } from './fixtures';

const status = (page: import('@playwright/test').Page) => page.getByTestId('sim-status');
const cell = (page: import('@playwright/test').Page, scenario: string, measure: string) =>
	page.locator(`[data-testid=sim-summary-table] td[data-scenario="${scenario}"][data-measure="${measure}"] strong`);

test('the three-mode comparison renders with 90% bands and refines to the full county', async ({ watched: page }) => {
	await page.goto('/simulate/');
	const chart = page.getByTestId('chart-sim-orderIndex');
	for (const key of ['one-way', 'two-way', 'yours']) {
		await expect(chart.locator(`path[data-band="${key}"]`)).toHaveAttribute('d', /^M/);
		await expect(chart.locator(`path[data-line="${key}"]`)).toHaveAttribute('d', /^M/);
	}
	await expect(status(page)).toHaveAttribute('data-scale', '1', { timeout: 40_000 });
	await expect(cell(page, 'yours', 'orderIndex')).toHaveText(/%$/);
	// Multi-dimensional governance (the default) beats one-way on order in every paired run.
	await expect(page.locator('[data-testid=sim-summary-table] tbody tr').first().locator('td').last()).toHaveText('100%');
});

test('moving a lever changes the charts and the address', async ({ watched: page }) => {
	await page.goto('/simulate/');
	await expect(status(page)).toHaveAttribute('data-phase', /full|done/);
	const before = await cell(page, 'yours', 'orderIndex').textContent();
	const line = page.getByTestId('chart-sim-orderIndex').locator('path[data-line="yours"]');
	const path = await line.getAttribute('d');
	const lever = page.getByTestId('lever-participation');
	await lever.focus();
	for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/mode=custom/);
	await expect(page).toHaveURL(/participation=0(&|$)/);
	await expect(line).not.toHaveAttribute('d', path!);
	await expect(cell(page, 'yours', 'orderIndex')).not.toHaveText(before!);
	await expect(page.locator('[data-mode=custom]')).toHaveAttribute('aria-pressed', 'true');
});

test('a shared address reproduces identical numbers', async ({ watched: page }) => {
	const url = '/en/simulate/?mode=custom&sinking=0.3&coordination=0.9&participation=0.2&budget=1.2&seed=7&version=1';
	await page.goto(url);
	await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 50_000 });
	const first = await page.getByTestId('sim-summary-table').textContent();
	await page.reload();
	await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 50_000 });
	expect(await page.getByTestId('sim-summary-table').textContent()).toBe(first);
	await expect(page.getByTestId('lever-coordination')).toHaveValue('0.9');
	await expect(page.locator('h1')).toContainText('Simulation sandbox');
});

test('invalid settings in the address fall back to defaults with a notice', async ({ watched: page }) => {
	await page.goto('/simulate/?mode=sideways&sinking=7&budget=1.5');
	await expect(page.getByTestId('bad-param')).toContainText('mode=sideways');
	await expect(page.getByTestId('bad-param')).toContainText('sinking=7');
	await expect(page.getByTestId('context-budget')).toHaveValue('1.5');
	await expect(page.locator('[data-mode=multi]')).toHaveAttribute('aria-pressed', 'true');
});

test.describe('with a failing worker', () => {
	test.use({ allowConsoleErrors: true });

	test('a worker that throws shows an error, and the page recovers', async ({ watched: page }) => {
		await page.route('**/sim.worker-*.js', (route) =>
			route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker exploded")' })
		);
		await page.goto('/en/simulate/');
		await expect(page.getByTestId('sim-error')).toContainText('The simulation could not finish');
		await page.unroute('**/sim.worker-*.js');
		await page.getByRole('button', { name: 'Run again' }).click();
		await expect(page.getByTestId('sim-error')).toHaveCount(0);
		await expect(page.getByTestId('chart-sim-orderIndex').locator('path[data-line="yours"]')).toHaveAttribute('d', /^M/);
	});
});
