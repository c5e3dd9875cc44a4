import type { Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { expect, test } from './fixtures';

/**
 * Each page downloads only its own language's messages (issue #14: the initial JS of a village
 * phone). A message found in one catalogue and not the other tells which catalogues a script holds;
 * finding the page's own is the control that the search can see the catalogue at all.
 */
const MARK = { zh: zh['synthetic.notice'], en: en['synthetic.notice'] };

/** Collects the text of every script the page loads from now on. */
function scripts(page: Page): () => Promise<string[]> {
	const bodies: Promise<string>[] = [];
	page.on('response', (r) => {
		if (new URL(r.url()).pathname.endsWith('.js')) bodies.push(r.text().catch(() => ''));
	});
	return () => Promise.all(bodies);
}

for (const [path, lang, other] of [
	['/', 'zh', 'en'],
	['/en/', 'en', 'zh'],
	['/ledgers/', 'zh', 'en'],
	['/en/model/', 'en', 'zh']
] as const) {
	test(`${path} loads the ${lang} messages and not the ${other}`, async ({ watched: page }) => {
		const loaded = scripts(page);
		await page.goto(path);
		await page.waitForLoadState('load');
		await expect(page.getByTestId('synthetic-notice')).toContainText(MARK[lang].slice(0, 8));
		const js = await loaded();
		expect(js.some((s) => s.includes(MARK[lang])), `a script with the ${lang} catalogue`).toBe(true);
		expect(js.filter((s) => s.includes(MARK[other])), `scripts with the ${other} catalogue`).toEqual([]);
	});
}

test('the language switch loads the other catalogue before showing the page in it', async ({ watched: page }) => {
	const loaded = scripts(page);
	await page.goto('/');
	await page.waitForLoadState('load');
	expect((await loaded()).some((s) => s.includes(MARK.en))).toBe(false);
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\/$/);
	await expect(page.getByTestId('synthetic-notice')).toHaveText(new RegExp(`^${MARK.en.slice(0, 20)}`));
	await expect(page.locator('footer')).toHaveText(en['footer.text']);
	expect((await loaded()).some((s) => s.includes(MARK.en))).toBe(true);
});
