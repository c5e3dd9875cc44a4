import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { PUBLISHED } from '../../sim/county/published';
import { fmt } from './expected';
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
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
});

test('the colour chart’s table view gives every quarter’s households', async ({ watched: page }) => {
	await page.goto('/grid/');
	const chart = page.getByTestId('chart-colours');
	await chart.getByRole('button', { name: '以表格查看' }).click();
	const rows = chart.locator('tbody tr');
	await expect(rows).toHaveCount(4);
	const cells = (await rows.first().locator('td').allTextContents()).slice(1).map((c) => Number(c.replace(/,/g, '')));
	expect(cells.reduce((a, b) => a + b, 0)).toBe(PUBLISHED.households.value);
});

/** Households of each colour in the latest quarter, by the built site's CSV files (not the page's SQL). */
async function latestColours(filter: (h: Record<string, string>) => boolean = () => true) {
	const households = csvParse(await readFile('build/data/households.csv', 'utf8')).filter((h) => filter(h as Record<string, string>));
	const ids = new Set(households.map((h) => h.household_id));
	const status = csvParse(await readFile('build/data/household_status.csv', 'utf8')).filter((s) => s.quarter === '2022Q2' && ids.has(s.household_id));
	return { red: status.filter((s) => s.colour === 'red').length, yellow: status.filter((s) => s.colour === 'yellow').length };
}

test('picking a household colour filters every chart on the "321" page, as a chip and in the link', async ({ watched: page }) => {
	const { red } = await latestColours();
	await page.goto('/en/grid/');
	const charts = page.getByTestId('grid-charts');
	await expect(charts).toHaveAttribute('data-scope', '');
	// From the keyboard: the colour chart's legend buttons pick a colour.
	await page.getByTestId('chart-colours').locator('button[data-pick="red"]').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/colour=red/);
	await expect(charts).toHaveAttribute('data-scope', 'colour=red');
	await expect(page.getByTestId('chips')).toContainText('close care (red)');
	// With the towns as buttons inside, the icicle is a named group of them, not an image.
	await expect(page.getByTestId('chart-hierarchy').locator('svg[role=group]')).toHaveAttribute('aria-label', new RegExp(`: ${fmt(red)}$`));
	await expect(page.getByTestId('chart-clusters')).toContainText('Villages where close care (red) households cluster');
	const lines = page.getByTestId('chart-lines');
	await lines.getByRole('button', { name: 'Show as table' }).click();
	const households = await lines.locator('tbody tr td:nth-child(3)').allTextContents();
	expect(households.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0)).toBe(red);
	// The link reproduces the view.
	await page.reload();
	await expect(charts).toHaveAttribute('data-scope', 'colour=red');
	await expect(page.getByTestId('chart-colours').locator('button[data-pick="red"]')).toHaveAttribute('aria-pressed', 'true');
	await page.getByTestId('chips').getByRole('button').click();
	await expect(page).not.toHaveURL(/colour=/);
	await expect(charts).toHaveAttribute('data-scope', '');
});

test('the "321" page drills down county → town → village with a breadcrumb, keeping the colour; Back and bad links work', async ({ watched: page }) => {
	const { yellow } = await latestColours((h) => h.village_id === '610922109203');
	await page.goto('/en/grid/?colour=yellow');
	const charts = page.getByTestId('grid-charts');
	const hierarchy = page.getByTestId('chart-hierarchy');
	await hierarchy.locator('g[data-node="610922109"]').click();
	await expect(charts).toHaveAttribute('data-scope', 'town=610922109&colour=yellow');
	await hierarchy.locator('g[data-node="610922109203"]').click();
	await expect(page).toHaveURL(/village=610922109203/);
	await expect(charts).toHaveAttribute('data-scope', 'town=610922109&village=610922109203&colour=yellow');
	await expect(page.getByTestId('breadcrumb')).toContainText('Zhongchi village 04');
	await expect(hierarchy.locator('svg[role=img]')).toHaveAttribute('aria-label', new RegExp(`: ${fmt(yellow)}$`));
	await expect(page.getByTestId('chart-clusters')).toContainText('Villager groups where of concern (yellow) households cluster');
	await page.getByTestId('breadcrumb').getByRole('button', { name: 'Zhongchi', exact: true }).click();
	await expect(charts).toHaveAttribute('data-scope', 'town=610922109&colour=yellow');
	await page.goBack();
	await expect(charts).toHaveAttribute('data-scope', 'town=610922109&village=610922109203&colour=yellow');
	await page.goto('/en/grid/?village=123&colour=blue');
	await expect(page.getByTestId('bad-param')).toContainText('village=123');
	await expect(page.getByTestId('bad-param')).toContainText('colour=blue');
	await expect(page.getByTestId('breadcrumb')).toContainText('Whole county');
});

test('a bar list drawn as HTML exports as SVG and PNG with its labels and numbers', async ({ watched: page }) => {
	await page.goto('/en/grid/');
	const chart = page.getByTestId('chart-lines');
	const first = chart.locator('[data-key]').first();
	const label = (await first.locator('.label').textContent())!.trim();
	const value = (await first.locator('.num').textContent())!.trim();
	let download = page.waitForEvent('download');
	await chart.getByRole('button', { name: 'SVG' }).click();
	const svg = await download;
	expect(svg.suggestedFilename()).toBe('Shiquan-County_grid-liaison-lines.svg');
	const markup = (await (await svg.createReadStream()).toArray()).join('');
	expect(markup).toContain('<svg');
	expect(markup).toContain(label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
	expect(markup).toContain(value.replace(/\s*\(/, ' ('));
	expect(markup.match(/<rect/g)).toHaveLength(1 + 3);
	download = page.waitForEvent('download');
	await chart.getByRole('button', { name: 'PNG' }).click();
	const png = Buffer.concat(await (await (await download).createReadStream()).toArray());
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.length).toBeGreaterThan(2000);
});
