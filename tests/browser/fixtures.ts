import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test runs under two watches: no console error or uncaught exception, and no
 * request to any origin but the site's own (nothing from a CDN, no extension downloads).
 * A test that expects an error opts out with `allowConsoleErrors`.
 */
export const test = base.extend<{ allowConsoleErrors: boolean; watched: Page }>({
	allowConsoleErrors: [false, { option: true }],
	watched: async ({ page, allowConsoleErrors }, use) => {
		const errors: string[] = [];
		const foreign: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
				foreign.push(r.url());
			}
		});
		await use(page);
		expect(foreign, 'requests left the site').toEqual([]);
		if (!allowConsoleErrors) expect(errors, 'console errors').toEqual([]);
	}
});

export { expect };
