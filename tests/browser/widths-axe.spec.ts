import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeFindings, sidewaysOverflow, staticRoutes, unmarkedChinese } from './page-checks';
import { drawn, SANDBOX_TIMEOUT } from './sandbox-helpers';
import { tabWalk } from './tab-walk';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';

/**
 * Every page in both languages, one visit each (issue #15 items 1, 9, 10): at 390 and 360 px
 * nothing scrolls sideways (a wide table scrolls in a box that shows it does, or becomes cards);
 * at desktop width axe-core finds nothing serious or critical; an English page has no Chinese
 * outside a term marked as Chinese; every page but the overview names itself in the browser's tab
 * ("name · site"); on six of them Tab reaches every control (tab-walk.ts).
 */

/** What shows once a page's content is there (default: its heading); pages with a parameter are added here with an example path. */
const READY: Record<string, (page: Page) => Promise<void>> = {
	'/simulate/': drawn
};
// Embeds: one chart of each dashboard page (every chart has one: src/lib/embed/registry.ts; one each keeps the run short).
const EXTRA_ROUTES: string[] = ['/embed/overview/monthly/', '/embed/ledgers/rates/', '/embed/bulletin/ranking/', '/embed/integration/units/', '/embed/grid/hierarchy/'];
const ROUTES = [...staticRoutes(), ...EXTRA_ROUTES];
/** Pages also walked with Tab at desktop width (tab-walk.ts), the languages alternating: both covered, one visit each. */
const TAB_WALK = ['/', '/en/ledgers/', '/simulate/', '/en/import/', '/learn/', '/en/methods/'];

test('the route list finds every page', () => {
	// A control that the discovery reads src/routes at all: these pages are known to exist.
	for (const r of ['/', '/ledgers/', '/ledgers/bulletin/', '/grid/', '/integration/', '/methods/', '/model/', '/simulate/', '/sql/']) {
		expect(ROUTES).toContain(r);
	}
});

for (const route of ROUTES) {
	for (const lang of ['zh', 'en'] as const) {
		const path = lang === 'en' ? `/en${route}` : route;
		const walk = TAB_WALK.includes(path);
		test(`${path}: fits 390 and 360 px, no serious axe findings${lang === 'en' ? ', no unmarked Chinese' : ''}${walk ? '; Tab reaches every control, each with a visible focus ring, never a hidden one' : ''}`, async ({ watched: page }) => {
			test.setTimeout(route === '/simulate/' ? SANDBOX_TIMEOUT : walk ? 90_000 : 60_000);
			await page.setViewportSize({ width: 390, height: 844 });
			await page.goto(path);
			// A page is ready when its heading shows; an embed (a chart alone, no page heading) when its chart's title does.
			const heading = route.startsWith('/embed/') ? 'figure h2' : 'main h1';
			await (READY[route] ?? ((p: Page) => expect(p.locator(heading).first()).toBeVisible()))(page);
			// Every check reports what it finds even when an earlier one failed.
			const soft = expect.configure({ soft: true });
			for (const width of [390, 360]) {
				await page.setViewportSize({ width, height: 800 });
				// Charts measure their box after a resize: wait until the layout has settled.
				await soft.poll(() => sidewaysOverflow(page), { message: `at ${width} px` }).toEqual([]);
			}
			await page.setViewportSize({ width: 1366, height: 900 });
			await soft.poll(() => axeFindings(page), { message: 'axe: serious or critical' }).toEqual([]);
			if (lang === 'en') soft(await unmarkedChinese(page), 'Chinese in English text, not marked lang="zh"').toEqual([]);
			const site = (lang === 'en' ? en : zh)['app.title'];
			const title = await page.title();
			if (route === '/') soft(title).toBe(site);
			else soft(title, 'the tab names the page').toMatch(new RegExp(`^.+ · ${site}$`));
			// At desktop width, nothing focused yet: Tab from the top until the focus comes round.
			if (walk) await tabWalk(page);
		});
	}
}
