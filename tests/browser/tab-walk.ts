import { expect, type Page } from '@playwright/test';

/**
 * Keyboard through every control (issue #15 item 10): Tab from the top until the focus comes back
 * round; every control that shows was reached, each focused element shows a focus ring (an outline
 * or a box shadow, not none), and the focus never lands on something hidden. Run on six main pages,
 * the languages alternating, in the same visit as their width and axe checks (widths-axe.spec.ts).
 */

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

/** Tabs through the page as it is (desktop width, nothing focused yet) and checks what it reached. */
export async function tabWalk(page: Page): Promise<void> {
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
}
