import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import type { MessageKey } from '../../src/lib/i18n/messages';
import { expect, test } from './fixtures';
import { drawn, SANDBOX_TIMEOUT } from './sandbox-helpers';
import { PORT, SUBPATH_PORT } from '../../playwright.config';
import type { BrowserContext, Page } from '@playwright/test';

/** Every page, by the header's message key (bulletin: reached from the ledger page), and its heading's key. */
const PAGES: { path: string; nav?: MessageKey; title?: MessageKey }[] = [
	{ path: '', nav: 'nav.overview', title: 'overview.title' },
	{ path: 'ledgers/', nav: 'nav.ledgers', title: 'ledgers.title' },
	{ path: 'ledgers/bulletin/' },
	{ path: 'integration/', nav: 'nav.integration', title: 'integration.title' },
	{ path: 'grid/', nav: 'nav.grid', title: 'grid.title' },
	{ path: 'simulate/', nav: 'nav.simulate', title: 'sim.title' },
	{ path: 'model/', nav: 'nav.model' },
	{ path: 'methods/', nav: 'nav.methods', title: 'methods.title' }
];

/** Resolves once a service worker controls the page (its install, the precache, is then done). */
const controlled = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				if (navigator.serviceWorker.controller) return resolve();
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
			})
	);

/** Resolves once the worker holds the engine the page used (wasm and worker). */
async function engineKept(context: BrowserContext) {
	const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	await expect
		.poll(() => sw.evaluate(async () => (await (await caches.open('ggs-engine')).keys()).map((r) => r.url.replace(/.*\//, ''))), { timeout: 30_000 })
		.toEqual(expect.arrayContaining([expect.stringMatching(/\.wasm$/), expect.stringMatching(/worker.*\.js$/)]));
}

async function heading(page: Page, title: string | undefined) {
	const h1 = page.locator('h1');
	if (title) await expect(h1).toHaveText(title);
	else await expect(h1).not.toBeEmpty();
	await expect(h1).not.toHaveText(/500/);
	await expect(page.locator('body')).not.toContainText('Internal Error');
}

test.describe('offline after one visit', () => {
	test.describe.configure({ timeout: SANDBOX_TIMEOUT });

	for (const lang of ['zh', 'en'] as const) {
		const m = lang === 'en' ? en : zh;
		const prefix = lang === 'en' ? '/en/' : '/';
		test(`every page (${lang}) renders offline by header link and by address; Back works`, async ({ watched: page, context }) => {
			// One visit: a town's figures read from its prepared answer, the worker installed.
			await page.goto(`${prefix}?town=610922109`);
			await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
			await controlled(page);
			await context.setOffline(true);
			// Really offline: an address in no cache fails (asked by the worker: the page's console stays clean).
			expect(await context.serviceWorkers()[0].evaluate(() => fetch('data/units.csv?probe').then(() => 'answered', () => 'failed'))).toBe('failed');

			const nav = page.getByRole('navigation', { name: m['nav.main'] });
			for (const { path, nav: key, title } of PAGES) {
				if (key) await nav.getByRole('link', { name: m[key], exact: true }).click();
				else await page.getByTestId('bulletin-link').click();
				await expect(page).toHaveURL(new RegExp(`${prefix}${path}$`));
				await heading(page, title && m[title]);
			}
			// Back through the pages visited, to the ledger page.
			await page.goBack();
			await expect(page).toHaveURL(new RegExp(`${prefix}model/$`));
			await heading(page, undefined);
			await page.goBack();
			await expect(page).toHaveURL(new RegExp(`${prefix}simulate/$`));
			await heading(page, m['sim.title']);

			// Typed addresses (full loads from the cache), the other language included, and a query.
			for (const l of ['zh', 'en'] as const) {
				const mm = l === 'en' ? en : zh;
				for (const { path, title } of PAGES) {
					await page.goto(`${l === 'en' ? '/en/' : '/'}${path}`);
					await heading(page, title && mm[title]);
				}
			}
			await page.goto(`${prefix}?town=610922109`);
			await heading(page, m['overview.title']);
			// The town's figures, from the prepared answer the worker installed.
			await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
			await page.goBack();
			await expect(page).toHaveURL(/\/methods\/$/);
			await heading(page, en['methods.title']);
		});
	}

	test('the sandbox runs its comparison offline, its workers from the cache', async ({ watched: page, context }) => {
		await page.goto('/en/methods/');
		await controlled(page);
		await context.setOffline(true);
		await page.goto('/en/simulate/');
		await heading(page, en['sim.title']);
		await drawn(page);
		await expect(page.getByTestId('sim-error')).toHaveCount(0);
	});
});

/**
 * The built site behind a proxy on its own origin whose service-worker.js can be swapped for a
 * "new version" (the same file, another `version`): what a deployment does.
 */
async function versionedSite(): Promise<{ origin: string; release: () => void; close: () => Promise<void>; old: string; next: string }> {
	const old = JSON.parse(await readFile('build/_app/version.json', 'utf8')).version as string;
	const next = `${old}1`;
	const original = await readFile('build/service-worker.js', 'utf8');
	expect(original).toContain(old);
	let sw = original;
	const server: Server = createServer(async (req, res) => {
		if (req.url === '/service-worker.js') {
			res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
			return res.end(sw);
		}
		const upstream = await fetch(`http://127.0.0.1:${PORT}${req.url}`, { redirect: 'manual' });
		const headers: Record<string, string> = {};
		for (const name of ['content-type', 'location', 'cache-control']) {
			const value = upstream.headers.get(name);
			if (value) headers[name] = value;
		}
		res.writeHead(upstream.status, headers);
		res.end(Buffer.from(await upstream.arrayBuffer()));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		release: () => (sw = original.replaceAll(old, next)),
		close: () => new Promise((resolve) => server.close(() => resolve())),
		old,
		next
	};
}

test.describe('a new version', () => {
	// The old page, idle on a fast connection, may start the engine in the background just as the
	// new version replaces the old one's files: the browser then logs the old worker's failed
	// load (the page itself forgets that start quietly).
	test.use({ expectedConsoleError: /duckdb|ErrorEvent/ });
	for (const lang of ['zh', 'en'] as const) {
		const m = lang === 'en' ? en : zh;
		const prefix = lang === 'en' ? '/en/' : '/';
		test(`replaces the old cache and says so quietly (${lang}); the next page is the new version's`, async ({ watched: page }) => {
			const site = await versionedSite();
			try {
				await page.goto(`${site.origin}${prefix}ledgers/`);
				await controlled(page);
				const keys = () => page.evaluate(() => caches.keys());
				expect(await keys()).toContain(`ggs-shell-${site.old}`);
				await expect(page.getByTestId('update-notice')).toHaveCount(0);

				site.release();
				await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
				const notice = page.getByTestId('update-notice');
				await expect(notice).toHaveText(new RegExp(m['update.loaded']));
				await expect(notice).toHaveAttribute('role', 'status');
				await expect.poll(keys).toEqual(expect.arrayContaining([`ggs-shell-${site.next}`, 'ggs-data']));
				await expect.poll(keys).not.toContain(`ggs-shell-${site.old}`);

				// Wide last: the header's links then show without the phone's menu.
				for (const width of [390, 1366]) {
					await page.setViewportSize({ width, height: width > 1000 ? 800 : 844 });
					await page.screenshot({ path: `.cache/scratch/update-notice-${lang}-${width}.png` });
					const box = (await notice.boundingBox())!;
					expect(box.x).toBeGreaterThanOrEqual(0);
					expect(box.x + box.width).toBeLessThanOrEqual(width);
				}

				// The page's code is the old version's: a header link loads the next page in full.
				await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
				await page.getByRole('navigation', { name: m['nav.main'] }).getByRole('link', { name: m['nav.methods'], exact: true }).click();
				await expect(page).toHaveURL(`${site.origin}${prefix}methods/`);
				await expect(page.locator('h1')).toHaveText(m['methods.title']);
				await expect.poll(() => page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage ?? false)).toBe(false);
				await expect(notice).toHaveCount(0);
			} finally {
				await site.close();
			}
		});
	}

	test('the dismiss button hides the notice', async ({ watched: page }) => {
		const site = await versionedSite();
		try {
			await page.goto(`${site.origin}/en/`);
			await controlled(page);
			site.release();
			await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
			await page.getByTestId('update-notice').getByRole('button', { name: en['update.dismiss'] }).click();
			await expect(page.getByTestId('update-notice')).toHaveCount(0);
		} finally {
			await site.close();
		}
	});
});

test('under a sub-path (/sandbox/) the worker caches and answers the sub-path’s addresses offline', async ({ watched: page, context }) => {
	const root = `http://127.0.0.1:${SUBPATH_PORT}/sandbox`;
	await page.goto(`${root}/en/?town=610922109`);
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
	await controlled(page);
	// Idle on a fast connection, the page starts the engine in the background: the worker keeps it.
	await engineKept(context);
	const keys = await page.evaluate(async () => {
		const name = (await caches.keys()).find((k) => k.startsWith('ggs-shell-'))!;
		return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
	});
	expect(keys).toContain('/sandbox/en/grid/');
	expect(keys).toContain('/sandbox/data/meta.json');
	expect(keys.every((k) => k.startsWith('/sandbox/'))).toBe(true);
	await context.setOffline(true);
	await page.getByRole('navigation', { name: en['nav.main'] }).getByRole('link', { name: en['nav.grid'], exact: true }).click();
	await expect(page).toHaveURL(`${root}/en/grid/`);
	await heading(page, en['grid.title']);
	// The "321" page's filters offline, without the engine: a town from the installed answers.
	await page.getByTestId('chart-hierarchy').locator('g[data-node="610922109"]').click();
	await expect(page.getByTestId('grid-charts')).toHaveAttribute('data-scope', 'town=610922109');
	await page.goto(`${root}/ledgers/`);
	await heading(page, zh['ledgers.title']);
});

test('offline after one visit, every page’s filters work from the kept prepared answers, villages included, without the engine', async ({ watched: page, context }) => {
	await page.goto('/en/');
	await controlled(page);
	// Idle on a fast connection, the page asks the worker to keep the villages' answers too.
	await expect(page.locator('html')).toHaveAttribute('data-idle-precache', 'started', { timeout: 30_000 });
	const index = JSON.parse(await readFile('build/data/prepared/index.json', 'utf8')) as { core: string[]; villages: string[] };
	const kept = () => page.evaluate(async () => (await (await caches.open('ggs-data')).keys()).filter((r) => r.url.includes('/data/prepared/')).length);
	await expect.poll(kept, { timeout: 60_000 }).toBe(index.core.length + index.villages.length + 1);
	// The engine may have started in the background meanwhile: its cached copy goes, so none of this can use it.
	await page.evaluate(() => caches.delete('ggs-engine'));
	await context.setOffline(true);
	await page.goto('/en/grid/?town=610922109&colour=red');
	await expect(page.getByTestId('grid-charts')).toHaveAttribute('data-scope', 'town=610922109&colour=red');
	await page.getByTestId('chart-hierarchy').locator('g[data-node="610922109203"]').click();
	await expect(page.getByTestId('grid-charts')).toHaveAttribute('data-scope', 'town=610922109&village=610922109203&colour=red');
	await page.goto('/en/ledgers/?village=610922109203&ledger=demand');
	await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', 'town=610922109&village=610922109203&ledger=demand');
	await page.goto('/en/integration/?village=610922109203');
	await expect(page.getByTestId('integration-charts')).toHaveAttribute('data-scope', 'town=610922109&village=610922109203');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'prepared');
	await page.goto('/en/ledgers/bulletin/?q=2018Q3');
	await expect(page.getByTestId('bulletin').locator('tbody tr')).toHaveCount(11);
	await expect(page.getByTestId('data-error')).toHaveCount(0);
});

test.describe('online, the network wins', () => {
	test.use({ allowConsoleErrors: true });

	test('a damaged file on the network is seen as damaged, not hidden by a cached copy', async ({ watched: page, context }) => {
		// Without the village's prepared answer the engine derives it from the village's cases file.
		await context.route('**/data/prepared/ledgers/610922109203-all.json*', (route) => route.fulfill({ status: 404, body: '' }));
		await page.goto('/en/ledgers/?village=610922109203');
		await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', /village=610922109203/);
		await controlled(page);
		// A load the worker answers: it keeps the village's file.
		await page.reload();
		await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', /village=610922109203/);
		await expect
			.poll(() => page.evaluate(async () => (await (await caches.open('ggs-data')).keys()).some((r) => r.url.includes('/data/cases/610922109203.arrow'))))
			.toBe(true);
		// context.route also sees the worker's own fetches (Chromium).
		await context.route('**/data/cases/610922109203.arrow*', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'garbage' }));
		await page.reload();
		const error = page.getByTestId('data-error');
		await expect(error).toHaveAttribute('data-kind', 'file-corrupt');
		await expect(error).toContainText('cases/610922109203.arrow');
	});
});
