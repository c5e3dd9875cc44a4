import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/**
 * Issue #14, initial JS on a village phone: the scripts a prerendered first view names up front
 * (its module preloads and the start script) weigh at most 80 KiB compressed, in each language; and
 * what only an imported dataset needs (the store in OPFS / IndexedDB) is not fetched on a visit
 * without one, while "cite this page" still comes once the page is idle.
 * Sizes are the built files' own, compressed here with gzip -9 and counted in KiB, as `npm run bench`
 * counts them (the issue's "93 KB" and its 80 KB target are that benchmark's figures).
 */
const BUILD = 'build';

/** The built scripts a page's HTML names before any script runs. */
function namedScripts(html: string): string[] {
	const urls = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /href="([^"]+\.js)"/.exec(tag)?.[1];
		if (href && tag.includes('rel="modulepreload"')) urls.add(href);
	}
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) urls.add(m[1]);
	return [...urls].map((u) => u.slice(u.indexOf('/_app/')));
}

/** The built scripts holding `text`, by their address on the site. */
function builtScriptsWith(text: string): string[] {
	const dir = `${BUILD}/_app/immutable`;
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js') && readFileSync(`${dir}/${f}`, 'utf8').includes(text))
		.map((f) => `/_app/immutable/${f}`);
}

// A string only the import store's module holds (its saved description's format name), read from its source.
const STORE_MARK = /STORED_FORMAT = '([^']+)'/.exec(readFileSync('src/lib/import/browser/store.ts', 'utf8'))![1];

for (const path of ['/', '/en/']) {
	test(`${path}: the first view's scripts weigh at most 80 KiB compressed`, async ({ watched: page }) => {
		const html = await (await page.request.get(path)).text();
		const files = namedScripts(html);
		// The control: the page names the app's start and its own route's code.
		expect(files.some((f) => f.includes('/entry/start.'))).toBe(true);
		expect(files.some((f) => f.includes('/nodes/'))).toBe(true);
		const bytes = files.map((f) => gzipSync(readFileSync(`${BUILD}${f}`), { level: 9 }).length).reduce((a, b) => a + b, 0);
		expect(bytes, `${files.length} files`).toBeLessThanOrEqual(80 * 1024);
	});
}

test('a visit without a kept import does not fetch the import store; the cite block comes when idle', async ({ watched: page }) => {
	// The control: the store's code is in the build, under its own name (the search can find it).
	const store = builtScriptsWith(STORE_MARK).filter((f) => !f.includes('/workers/'));
	expect(store.length).toBeGreaterThan(0);
	const requested: string[] = [];
	// The page's own requests (its workers' included); the service worker's install fetches the whole build.
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	await page.goto('/');
	await expect(page.getByTestId('cite-text')).toContainText('http');
	// A town chosen (its prepared answer shown) loads nothing of the store either.
	const card = page.getByTestId('value-ledgerCases');
	const county = (await card.textContent()) ?? '';
	await page.getByTestId('town-filter').selectOption({ index: 2 });
	await expect(card).not.toHaveText(county);
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	expect(requested.some((p) => p.includes('/entry/start.')), 'the search sees the page\'s scripts').toBe(true);
	expect(requested.filter((p) => store.includes(p))).toEqual([]);
});
