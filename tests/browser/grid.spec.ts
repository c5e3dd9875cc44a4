import { expect, test } from './fixtures';

test('the "321" page opens a town from the hierarchy, by mouse and by keyboard', async ({ watched: page }) => {
	await page.goto('/en/grid/');
	const chart = page.getByTestId('chart-hierarchy');
	await expect(chart.locator('g[data-node]')).toHaveCount(11);
	await chart.locator('g[data-node="610922109"]').click();
	await expect(page).toHaveURL(/town=610922109/);
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi');
	await expect(chart).toContainText('Zhongchi village 02');
	await expect(page.getByTestId('chart-lines')).toContainText('Party members');
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Whole county' }).click();
	await expect(page).not.toHaveURL(/town=/);
	await chart.locator('g[data-node="610922101"]').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/town=610922101/);
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'browser');
});

test('the colour chart’s table view gives every quarter’s households', async ({ watched: page }) => {
	await page.goto('/grid/');
	const chart = page.getByTestId('chart-colours');
	await chart.getByRole('button', { name: '以表格查看' }).click();
	const rows = chart.locator('tbody tr');
	await expect(rows).toHaveCount(4);
	const cells = (await rows.first().locator('td').allTextContents()).slice(1).map((c) => Number(c.replace(/,/g, '')));
	expect(cells.reduce((a, b) => a + b, 0)).toBe(63949);
});
