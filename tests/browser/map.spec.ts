import { expect, test } from './fixtures';
import { fmt, nodeHeadline } from './expected';

test('the schematic map filters the overview, and says it is schematic', async ({ watched: page }) => {
	const expected = await nodeHeadline('610922107');
	await page.goto('/en/');
	await expect(page.locator('figure.map figcaption')).toContainText('Schematic');
	await page.locator('[data-map-town="610922107"]').click();
	await expect(page).toHaveURL(/town=610922107/);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await expect(page.locator('[data-map-town="610922107"]')).toHaveAttribute('aria-pressed', 'true');
});

test('the map works from the keyboard on the ledger page', async ({ watched: page }) => {
	await page.goto('/ledgers/');
	await page.locator('[data-map-town="610922102"]').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/town=610922102/);
	await expect(page.getByTestId('chips')).toContainText('两河镇');
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/town=/);
	// Tab to the next town: its focus ring is one outline of its whole cell, drawn over the neighbours.
	await page.keyboard.press('Tab');
	const next = page.locator('figure.map g.cell:focus');
	await expect(next).toHaveCount(1);
	const ring = page.getByTestId('map-focus-ring');
	await expect(ring).toHaveAttribute('d', (await next.locator('path').getAttribute('d'))!);
	expect(await ring.evaluate((e) => e === e.parentElement!.lastElementChild)).toBe(true);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Shift+Tab');
	await expect(ring).toHaveAttribute('d', (await next.locator('path').getAttribute('d'))!);
	await page.locator('h1').click();
	await expect(ring).toHaveCount(0);
});
