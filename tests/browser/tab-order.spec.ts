import { expect, test } from './fixtures';

/**
 * The phone header's menu by keyboard, and the header without scripts. The Tab walk through every
 * control of six main pages is in tab-walk.ts, run in the same visit as each page's width and axe
 * checks (widths-axe.spec.ts).
 */

test('on a phone the header folds its links behind a menu button that opens by keyboard and closes with Escape', async ({ watched: page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto('/en/grid/');
	const button = page.getByTestId('menu-button');
	const links = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Three ledgers' });
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(links).toBeHidden();
	// The header is one row of brand, language switch and button: far less than the three rows of links it was.
	expect(await page.locator('header').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(150);
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await expect(links).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Overview' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();
	await expect(links).toBeHidden();
	// Opened and followed: the next page starts with the menu closed.
	await page.keyboard.press('Enter');
	await links.click();
	await expect(page).toHaveURL(/\/en\/ledgers\/$/);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('without scripts every header link shows on a phone, and no menu button', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
	const page = await context.newPage();
	await page.goto('/ledgers/');
	await expect(page.getByTestId('menu-button')).toBeHidden();
	await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveCount(11); // ten pages and the language switch
	for (const link of await page.getByRole('navigation', { name: '主导航' }).getByRole('link').all()) await expect(link).toBeVisible();
	await context.close();
});
