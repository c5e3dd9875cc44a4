import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { PUBLISHED } from '../../sim/county/published';
import { expect, test } from './fixtures';

test('the integration page drills down from the county to a town’s villages and back', async ({ watched: page }) => {
	await page.goto('/en/integration/');
	await expect(page.getByTestId('chart-tasks').locator('svg rect').first()).toBeVisible();
	await expect(page.getByTestId('chart-units').locator('[data-key]')).toHaveCount(11);
	await page.getByTestId('chart-units').locator('[data-key="610922109"]').click();
	await expect(page).toHaveURL(/town=610922109/);
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi');
	await expect(page.getByTestId('chart-units').locator('[data-key]')).toHaveCount(12);
	await expect(page.getByTestId('chart-units')).toContainText('Zhongchi village');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Whole county' }).click();
	await expect(page).not.toHaveURL(/town=/);
	await expect(page.getByTestId('chart-units').locator('[data-key]')).toHaveCount(11);
	await expect(page.getByTestId('periods-table')).toContainText('Pilot');
});

test('the integration page in Chinese shows the published totals in its table view', async ({ watched: page }) => {
	await page.goto('/integration/');
	const units = page.getByTestId('chart-units');
	await units.getByRole('button', { name: '以表格查看' }).click();
	const cells = await units.locator('tbody tr td:nth-child(2)').allTextContents();
	expect(cells.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0)).toBe(PUBLISHED.tasks.value);
});

test('the integration page drills down to a village: its own tasks among its neighbours, and back to the town', async ({ watched: page }) => {
	const own = csvParse(await readFile('build/data/tasks.csv', 'utf8')).filter((t) => t.village_id === '610922109203');
	await page.goto('/en/integration/?town=610922109');
	const units = page.getByTestId('chart-units');
	await units.locator('[data-key="610922109203"]').click();
	await expect(page).toHaveURL(/town=610922109&village=610922109203/);
	await expect(page.getByTestId('integration-charts')).toHaveAttribute('data-scope', 'town=610922109&village=610922109203');
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi village 04');
	await expect(units.locator('[data-key="610922109203"]')).toHaveAttribute('aria-pressed', 'true');
	const tasks = await page.getByTestId('periods-table').locator('tbody tr td:nth-child(2)').allTextContents();
	expect(tasks.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0)).toBe(own.length);
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(page.getByTestId('integration-charts')).toHaveAttribute('data-scope', 'town=610922109');
});
