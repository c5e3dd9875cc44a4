import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sidewaysOverflow } from './page-checks';
import { cell, drawn, DRAWN, SANDBOX_TIMEOUT, status } from './sandbox-helpers';

test.describe.configure({ timeout: SANDBOX_TIMEOUT });

/** The element's box against the window: whether all of it is inside. */
async function inView(locator: Locator): Promise<boolean> {
	return locator.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return r.height > 0 && r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
	});
}

const strip = (page: Page) => page.getByTestId('results-strip');
const stripValue = (page: Page, scenario: string, measure: string) => strip(page).locator(`tr[data-scenario="${scenario}"] td[data-measure="${measure}"]`);
/** The number in a cell's text ("94.0%", "94%" → 94). */
const num = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

for (const lang of ['zh', 'en'] as const) {
	test(`phone (${lang}): the results strip stays in view and follows a lever as it moves; nothing scrolls sideways at 390 and 360 px`, async ({ watched: page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(lang === 'en' ? '/en/simulate/' : '/simulate/');
		await drawn(page);
		await expect(stripValue(page, 'yours', 'orderIndex')).toHaveText(/%$/, DRAWN);
		// The long note on where runs start shows its first lines; the rest on request.
		const note = page.getByTestId('sim-start');
		const folded = (await note.boundingBox())!.height;
		await page.getByTestId('start-toggle').click();
		await expect(page.getByTestId('start-toggle')).toHaveAttribute('aria-expanded', 'true');
		expect((await note.boundingBox())!.height).toBeGreaterThan(folded * 1.5);
		await page.getByTestId('start-toggle').click();
		// The controls beyond the presets and levers are folded away, and unfold by keyboard.
		const toggle = page.getByTestId('more-toggle');
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(page.getByTestId('structure-liaisons')).toBeHidden();
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByTestId('structure-liaisons')).toBeVisible();
		await expect(page.getByTestId('context-budget')).toBeVisible();
		// The unfolded settings and the charts lay themselves out again: wait until the layout has settled.
		await expect.poll(() => sidewaysOverflow(page), { message: 'at 390 px, settings unfolded' }).toEqual([]);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('structure-liaisons')).toBeHidden();

		// Move a lever: the strip stays in the window, above the lever (not over it), and shows the new result.
		await expect(status(page)).toHaveAttribute('data-scale', '1', DRAWN);
		const before = await stripValue(page, 'yours', 'vitalityIndex').textContent();
		const lever = page.getByTestId('lever-participation');
		await lever.focus();
		for (let i = 0; i < 10; i++) {
			await page.keyboard.press('ArrowLeft');
			expect(await inView(strip(page)), `strip in view after ${i + 1} steps`).toBe(true);
		}
		await expect(page).toHaveURL(/participation=0\.3(&|$)/);
		expect(await inView(lever), 'the lever is in view').toBe(true);
		const [stripBox, leverBox] = [await strip(page).boundingBox(), await lever.boundingBox()];
		expect(leverBox!.y, 'the strip does not cover the lever').toBeGreaterThanOrEqual(stripBox!.y + stripBox!.height - 1);
		await expect(stripValue(page, 'yours', 'vitalityIndex')).not.toHaveText(before!, DRAWN);
		// Once the page holds still, the strip says what the summary table says, for every compared scenario.
		await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 140_000 });
		for (const key of ['a', 'b', 'yours']) {
			for (const measure of ['orderIndex', 'vitalityIndex']) {
				// The strip rounds to whole per cents what the table shows to a tenth.
				const [shown, table] = [num(await stripValue(page, key, measure).textContent()), num(await cell(page, key, measure).textContent())];
				expect(Math.abs(shown - table), `${key} ${measure}: strip ${shown}, table ${table}`).toBeLessThanOrEqual(0.55);
			}
		}
		expect(await inView(strip(page))).toBe(true);

		// The summary table as cards: every scenario's value of a measure inside the window.
		const first = page.locator('[data-testid=sim-summary-table] tbody tr').first();
		await first.scrollIntoViewIfNeeded();
		for (const key of ['a', 'b', 'yours']) {
			const box = await first.locator(`td[data-scenario="${key}"]`).boundingBox();
			expect(box!.x, `${key} starts in the window`).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width, `${key} ends in the window`).toBeLessThanOrEqual(390);
		}
		await expect.poll(() => sidewaysOverflow(page), { message: 'at 390 px' }).toEqual([]);
		await page.setViewportSize({ width: 360, height: 740 });
		// Charts measure their box after a resize (a task later, longer on a busy machine): poll until the layout has settled.
		await page.getByTestId('chart-sim-towns').scrollIntoViewIfNeeded();
		await expect.poll(() => sidewaysOverflow(page), { message: 'at 360 px' }).toEqual([]);
		await expect.poll(() => inView(strip(page)), { message: 'strip in view at 360 px, scrolled to the towns' }).toBe(true);
	});
}

test('desktop: the lever panel stays in the window while the results scroll, and a lever moved there updates the strip', async ({ watched: page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await page.goto('/en/simulate/');
	await drawn(page);
	const panel = page.getByTestId('lever-panel');
	const lever = page.getByTestId('lever-participation');
	// Results beside the levers: the first chart starts within the first window.
	const chart = await page.getByTestId('chart-sim-orderIndex').boundingBox();
	expect(chart!.y, 'first chart within the first window').toBeLessThan(900);
	expect(chart!.x, 'beside the levers').toBeGreaterThan((await panel.boundingBox())!.x + 200);
	await expect(status(page)).toHaveAttribute('data-scale', '1', DRAWN);
	for (const id of ['chart-sim-summary', 'chart-sim-towns', 'chart-sim-by-town']) {
		await page.getByTestId(id).scrollIntoViewIfNeeded();
		expect(await page.evaluate(() => scrollY), `scrolled down to ${id}`).toBeGreaterThan(900);
		expect(await inView(lever), `lever in view beside ${id}`).toBe(true);
		expect(await inView(strip(page)), `strip in view beside ${id}`).toBe(true);
	}
	const where = page.getByTestId('chart-sim-by-town');
	const y = (await where.boundingBox())!.y;
	const before = await stripValue(page, 'yours', 'vitalityIndex').textContent();
	await lever.focus();
	for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/participation=0\.4(&|$)/);
	await expect(stripValue(page, 'yours', 'vitalityIndex')).not.toHaveText(before!, DRAWN);
	// Moving the lever did not move the results in view.
	expect(Math.abs((await where.boundingBox())!.y - y)).toBeLessThan(2);
	expect(await inView(lever)).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});
