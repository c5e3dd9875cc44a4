import type { Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { expect, test } from './fixtures';

/**
 * Each page downloads only its own language's messages (issue #14: the initial JS of a village
 * phone): the ones its first view shows come in the page itself, its catalogue follows once the
 * page is idle. A message found in one catalogue and not the other tells which catalogues a script
 * holds; finding the page's own is the control that the search can see the catalogue at all.
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
		// The first view's messages are in the page as served, in its language only, and far
		// fewer than the catalogue's.
		const html = await (await page.request.get(path)).text();
		const carried = /<script type="application\/json" id="ggs-messages" data-lang="(\w+)">(.*?)<\/script>/s.exec(html);
		expect(carried?.[1]).toBe(lang);
		const messages = JSON.parse(carried![2]) as Record<string, string>;
		expect(messages['synthetic.notice']).toBe(MARK[lang]);
		expect(Object.keys(messages).length).toBeLessThan(Object.keys(lang === 'en' ? en : zh).length / 2);
		expect(html).not.toContain(MARK[other]);
		// Read at hydration, then gone from the page.
		await expect(page.locator('#ggs-messages')).toHaveCount(0);
		// The catalogue follows (when idle); the other language's never.
		await expect.poll(async () => (await loaded()).some((s) => s.includes(MARK[lang])), { message: `a script with the ${lang} catalogue`, timeout: 30_000 }).toBe(true);
		expect((await loaded()).filter((s) => s.includes(MARK[other])), `scripts with the ${other} catalogue`).toEqual([]);
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
