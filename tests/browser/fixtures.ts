import { test as base, expect, type Page } from '@playwright/test';

/**
 * Waits, after each full page load, until the page is interactive (the app marks
 * `html[data-hydrated]` once it has hydrated): on a busy machine a click on the prerendered
 * markup before that would be lost.
 */
function waitForHydration(page: Page): void {
	const hydrated = () => page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	for (const method of ['goto', 'reload'] as const) {
		const original = page[method].bind(page) as (...args: unknown[]) => Promise<unknown>;
		(page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
			const response = await original(...args);
			await hydrated();
			return response;
		};
	}
}

/**
 * Every browser test runs under two watches: no console error or uncaught exception, and no
 * request to any origin but the site's own (nothing from a CDN, no extension downloads).
 * A test that expects an error opts out with `allowConsoleErrors`, or names the one error it
 * expects with `expectedConsoleError` (every other error still fails it).
 */
export const test = base.extend<{ allowConsoleErrors: boolean; expectedConsoleError: RegExp | null; watched: Page }>({
	allowConsoleErrors: [false, { option: true }],
	expectedConsoleError: [null, { option: true }],
	watched: async ({ page, allowConsoleErrors, expectedConsoleError }, use) => {
		const errors: string[] = [];
		const foreign: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		waitForHydration(page);
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
				foreign.push(r.url());
			}
		});
		await use(page);
		expect(foreign, 'requests left the site').toEqual([]);
		if (!allowConsoleErrors) expect(errors.filter((e) => !expectedConsoleError?.test(e)), 'console errors').toEqual([]);
	}
});

export { expect };
