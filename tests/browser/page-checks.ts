import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Checks any page can take: nothing wider than the window, axe-core's findings, Chinese inside
 * English text. Each returns what it found (an empty list when all is well), so a failing test
 * names the elements at fault.
 */

/**
 * Nothing wider than the window: neither the page nor any element outside a box that scrolls
 * or clips on its own (an ellipsis); and a box that scrolls sideways shows that it does (the
 * scroll-hint attachment marks it `data-overflows`, which draws the fade and the hint).
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} px wide`);
		const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;
		const scrolls = (el: Element | null): boolean => {
			for (let e = el?.parentElement; e; e = e.parentElement) if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX)) return true;
			return false;
		};
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width && (r.right > innerWidth + 0.5 || r.left < -0.5) && !scrolls(el) && !el.closest('.visually-hidden, .skip')) {
				out.push(`${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
			}
			const style = getComputedStyle(el);
			if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute('data-overflows')) {
				out.push(`${name(el)} scrolls sideways (${el.scrollWidth} in ${el.clientWidth} px) without showing it`);
			}
		}
		return out.slice(0, 12);
	});
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** axe-core's serious and critical findings on the page as it is, one line per element. */
export async function axeFindings(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { resultTypes: ['violations'] });
		return (result.violations as { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[]).map((v) => ({
			id: v.id,
			impact: v.impact,
			nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary }))
		}));
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.impact} ${v.id}: ${n.target} — ${n.summary.replace(/\s+/g, ' ').slice(0, 240)}`));
}

/**
 * Chinese characters in an English page's text that are not inside an element marked as
 * Chinese (`lang="zh…"`: a term taught on purpose, or the language switch).
 */
export async function unmarkedChinese(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = n.textContent ?? '';
			if (!/\p{Script=Han}/u.test(text)) continue;
			const el = n.parentElement;
			if (el?.closest('[lang^="zh"], script, style')) continue;
			out.push(`${el?.tagName.toLowerCase()}: ${text.trim().slice(0, 80)}`);
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
			for (const attr of ['aria-label', 'title', 'alt']) {
				const v = el.getAttribute(attr);
				if (v && /\p{Script=Han}/u.test(v) && !el.closest('[lang^="zh"]')) out.push(`${el.tagName.toLowerCase()}[${attr}]: ${v.slice(0, 80)}`);
			}
		}
		return [...new Set(out)].slice(0, 12);
	});
}

/**
 * Every page of the site without a parameter in its path, from src/routes (a new page is
 * checked once it exists): '/', '/ledgers/', '/ledgers/bulletin/', … Pages whose path has a
 * parameter (`[chart]`) are listed by the tests that know an example of it.
 */
export function staticRoutes(dir = 'src/routes/[[lang=lang]]', prefix = '/'): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => e.name === '+page.svelte') ? [prefix] : [];
	const below = entries
		.filter((e) => e.isDirectory() && !e.name.includes('[') && !e.name.startsWith('('))
		.flatMap((e) => staticRoutes(join(dir, e.name), `${prefix}${e.name}/`));
	return [...here, ...below].sort();
}
