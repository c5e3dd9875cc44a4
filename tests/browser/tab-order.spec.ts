import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { drawn, SANDBOX_TIMEOUT } from './sandbox-helpers';

/**
 * Keyboard through every control (issue #15 item 10): on each main page, Tab from the top until the
 * focus comes back round; every control that shows was reached, each focused element shows a focus
 * ring (an outline or a box shadow, not none), and the focus never lands on something hidden.
 * One load per page, the languages alternating, so both are covered in six loads.
 */
const PAGES: { path: string; ready?: (page: Page) => Promise<void> }[] = [
	{ path: '/' },
	{ path: '/en/ledgers/' },
	{ path: '/simulate/', ready: drawn },
	{ path: '/en/import/' },
	{ path: '/learn/' },
	{ path: '/en/methods/' }
];

/** What Tab can reach: a visible control that is not disabled, not in a closed or inert part, with no negative tabindex. */
function markTabbable(): number {
	const selector = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
	const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
		if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
		if (!el.checkVisibility({ visibilityProperty: true })) return false;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) return false;
		// Of a group of radio buttons only one is in the tab order (the checked one, else the first).
		if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
			const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
			return (group.find((g) => g.checked) ?? group[0]) === el;
		}
		return true;
	});
	candidates.forEach((el, i) => (el.dataset.tabMark = String(i)));
	return candidates.length;
}

/**
 * The focused element: its mark, a name to report it by, whether it shows, and whether it shows a
 * focus ring — its outline or box shadow; for a mark in a chart (SVG draws no outline), the focus
 * colour stroked in its chart (a cell's ring drawn over the map, the brush's frame); for a control
 * hidden under its label (a file input), the label's ring.
 */
function focused() {
	const el = document.activeElement as HTMLElement | null;
	if (!el || el === document.body || el === document.documentElement) return null;
	const ringOf = (e: Element) => {
		const style = getComputedStyle(e);
		return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
	};
	const showsBox = (e: Element) => {
		const r = e.getBoundingClientRect();
		return e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth + scrollX;
	};
	const FOCUS = 'rgb(245, 166, 35)';
	const svg = el instanceof SVGElement ? (el.ownerSVGElement ?? el) : null;
	const stroked = svg !== null && [el, ...svg.querySelectorAll('*')].some((n) => getComputedStyle(n).stroke === FOCUS && parseFloat(getComputedStyle(n).strokeWidth) > 0);
	const label = el.closest('label');
	const underLabel = !showsBox(el) && label !== null && showsBox(label) && ringOf(label);
	return {
		mark: el.dataset.tabMark ?? null,
		name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
		shows: showsBox(el) || underLabel,
		ring: ringOf(el) || stroked || underLabel
	};
}

for (const { path, ready } of PAGES) {
	test(`${path}: Tab reaches every control, each with a visible focus ring, never a hidden one`, async ({ watched: page }) => {
		test.setTimeout(path.includes('simulate') ? SANDBOX_TIMEOUT : 90_000);
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(path);
		await (ready ?? ((p: Page) => expect(p.locator('main h1').first()).toBeVisible()))(page);
		await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
		const count = await page.evaluate(markTabbable);
		expect(count).toBeGreaterThan(10);

		const reached = new Set<string>();
		const noRing: string[] = [];
		const hidden: string[] = [];
		let first: string | null = null;
		// Up to twice the controls (and the browser's own stop after the last one), until the first comes round again.
		for (let i = 0; i < count * 2 + 20; i++) {
			await page.keyboard.press('Tab');
			const f = await page.evaluate(focused);
			if (!f) continue;
			const key = f.mark ?? f.name;
			if (key === first) break;
			first ??= key;
			if (f.mark) reached.add(f.mark);
			if (!f.shows) hidden.push(f.name);
			else if (!f.ring) noRing.push(f.name);
		}
		const missed = await page.evaluate(
			(got) =>
				[...document.querySelectorAll<HTMLElement>('[data-tab-mark]')]
					// A control can vanish while tabbing (a notice that went): only those still shown count.
					.filter((el) => !got.includes(el.dataset.tabMark!) && el.checkVisibility())
					.map((el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
			[...reached]
		);
		const soft = expect.configure({ soft: true });
		soft(missed, 'controls Tab never reached').toEqual([]);
		soft(hidden, 'focus on something hidden').toEqual([]);
		soft(noRing, 'focused without a visible focus ring').toEqual([]);
		// The loop went round: the reached set is not an accident of a short walk.
		expect(reached.size).toBeGreaterThan(count * 0.9);
	});
}

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
