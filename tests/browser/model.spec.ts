import { expect, test } from './fixtures';
import { LEVER_NAMES } from '../../sim/engine/modes';
import { PARAMETER_NAMES } from '../../sim/engine/parameters';
import { SECTIONS } from '../../src/lib/model-card/anchors';
import { CONTENT } from '../../src/lib/model-card/text';

for (const lang of ['zh', 'en'] as const) {
	const prefix = lang === 'en' ? '/en' : '';
	const c = CONTENT[lang];

	test(`the model card renders its sections in ${lang}, one anchored row per parameter`, async ({ watched: page }) => {
		await page.goto(`${prefix}/model/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
		for (const s of SECTIONS) {
			await expect(page.locator(`section#${s}`).getByRole('heading', { level: 2 })).toHaveText(c.sections[s]);
			// The table of contents leads to each section.
			await expect(page.getByRole('navigation', { name: c.contents }).getByRole('link', { name: c.sections[s] })).toHaveAttribute('href', `#${s}`);
		}
		for (const k of LEVER_NAMES) await expect(page.locator(`#lever-${k} h4`)).toHaveText(c.plain.levers[k].title);
		await expect(page.locator('#outcome-order dt')).toHaveText(c.plain.outcomes.order.title);
		// Every parameter has its row, anchored by name, in the table generated from the code.
		const table = page.getByTestId('parameter-table');
		await expect(table.locator('caption')).toContainText(String(PARAMETER_NAMES.length));
		await expect(table.locator('tr[id^="param-"]')).toHaveCount(PARAMETER_NAMES.length);
		const ids = await table.locator('tr[id^="param-"]').evaluateAll((rows) => rows.map((r) => r.id));
		expect(ids.sort()).toEqual(PARAMETER_NAMES.map((n) => `param-${n}`).sort());
		await expect(page.locator('#param-budget td').first()).not.toBeEmpty();
		await expect(page.getByTestId('preset-table').locator('tbody tr')).toHaveCount(10);
		// The reports: shown when the build found them, else a notice saying they are not there yet.
		await expect(page.getByTestId('calibration-missing').or(page.getByTestId('calibration-targets'))).toBeVisible();
		await expect(page.getByTestId('propositions-missing').or(page.getByTestId('propositions-table'))).toBeVisible();
		if (await page.getByTestId('propositions-table').isVisible()) await expect(page.locator('tr[data-proposition="P1a"]')).toHaveCount(1);
	});

	test(`a lever’s link in the sandbox (${lang}) is reached by keyboard and lands on its place on the card`, async ({ watched: page }) => {
		await page.goto(`${prefix}/simulate/`);
		await page.getByTestId('lever-coordination').focus();
		await page.keyboard.press('Tab');
		const link = page.getByTestId('about-lever-coordination');
		await expect(link).toBeFocused();
		await expect(link).toHaveAccessibleName(lang === 'en' ? 'How it works: Coordination (model card)' : '如何起作用：“协同”（模型说明）');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${prefix}/model/#lever-coordination$`));
		await expect(page.locator('#lever-coordination h4')).toBeInViewport();
		// And a measure of the comparison table, a part of the structure and a context slider link to theirs.
		await page.goBack();
		await expect(page.getByTestId('about-structure-liaisons')).toHaveAttribute('href', /model\/#structure-liaisons$/);
		await expect(page.getByTestId('about-context-budget')).toHaveAttribute('href', /model\/#param-budget$/);
	});
}

test('the methods page links to the model card', async ({ watched: page }) => {
	await page.goto('/en/methods/');
	await page.getByTestId('methods-model-link').click();
	await expect(page).toHaveURL(/\/en\/model\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CONTENT.en.title);
});

test('on a 360 px phone the model card does not scroll sideways', async ({ watched: page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/model/', '/en/model/']) {
		await page.goto(path);
		await expect(page.getByTestId('parameter-table')).toBeVisible();
		const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
		expect(scroll, path).toBeLessThanOrEqual(client);
		// The tables become cards: a parameter's row is no wider than the screen.
		const box = await page.locator('#param-coordinationPaperworkCut').boundingBox();
		expect(box!.x + box!.width, path).toBeLessThanOrEqual(360);
	}
});
