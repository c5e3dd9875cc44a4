import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The engine's wasm comes from the network here, throttled or held back: the service worker
// (whose own fetches no page throttle or route reaches) is blocked.
// The withheld prepared answers (see `needsEngine`) are logged by the browser as a 404.
test.use({ serviceWorkers: 'block', expectedConsoleError: /the server responded with a status of 404/ });

/** A village view, with its prepared answers withheld (see `needsEngine`): only the engine answers it. */
const VILLAGE = '/en/ledgers/?village=610922109203';

/** Withholds the village's prepared answers, so that its view needs the engine. */
async function needsEngine(page: Page): Promise<void> {
	await page.route('**/data/prepared/ledgers/610922109203-*', (route) => route.fulfill({ status: 404, body: 'withheld by the test' }));
}

/** Throttles the engine's wasm only (CDP), to `bytesPerSecond` with `latencyMs` round trips. */
async function throttleWasm(page: Page, bytesPerSecond: number, latencyMs: number): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditionsByRule' as 'Network.emulateNetworkConditions', {
		offline: false,
		matchedNetworkConditions: [{ urlPattern: '*://*/*.wasm', latency: latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond }]
	} as never);
}

test('on a slow link the engine shows its download in bytes, then starts and answers', async ({ watched: page }) => {
	// About 7.7 MB compressed at 2 MB/s: a few seconds of progress.
	await throttleWasm(page, 2_000_000, 150);
	await needsEngine(page);
	const tables: string[] = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (path.endsWith('.arrow')) tables.push(path.replace(/^.*\/data\//, ''));
	});
	await page.goto(VILLAGE);
	const progress = page.getByTestId('engine-progress');
	await expect(progress).toContainText(/\d+(\.\d)? of \d+(\.\d)? MB downloaded/);
	const total = Number(await progress.getAttribute('data-total'));
	expect(total).toBeGreaterThan(1_000_000);
	await expect(progress.locator('progress')).toHaveAttribute('max', String(total));
	// The figure moves as bytes arrive (or the download ends, and the progress goes: first may have
	// been read at its last figure).
	const first = Number(await progress.getAttribute('data-received'));
	await expect.poll(async () => Number((await progress.getAttribute('data-received', { timeout: 1000 }).catch(() => null)) ?? Infinity), { timeout: 45_000 }).toBeGreaterThan(first);
	// The engine starts, and the village's figures are computed in the browser.
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-computed', 'browser', { timeout: 45_000 });
	await expect(progress).toHaveCount(0);
	await expect(page.getByTestId('data-error')).toHaveCount(0);
	// The village's towns and villages come from its town's prepared slice: the engine loads the
	// village counts (to check the village's file) and the village's cases, not case_counts or case_days.
	expect(tables.sort()).toEqual(['case_villages.arrow', 'cases/610922109203.arrow']);
});

test.describe('a download that stalls', () => {
	test.use({ allowConsoleErrors: true });
	test('is called a slow or interrupted network, not an old browser, in both languages', async ({ watched: page }) => {
		// Two stalls of 20 s each, after two page loads: on a busy 2-core machine the loads and the
		// engine's worker start take their time too.
		test.setTimeout(150_000);
		// The wasm never comes: the link stalls before its first byte.
		await page.route('**/*.wasm', () => {});
		await needsEngine(page);
		await page.goto(VILLAGE);
		const error = page.getByTestId('data-error');
		await expect(error).toHaveAttribute('data-kind', 'engine-stalled', { timeout: 60_000 });
		await expect(error).toContainText('The query engine’s download has stalled');
		await expect(error).toContainText('The network is slow or interrupted');
		await expect(error).not.toContainText('too old');
		await expect(error.getByRole('button', { name: 'Retry' })).toBeVisible();
		await page.goto(VILLAGE.replace('/en', ''));
		await expect(error).toHaveAttribute('data-kind', 'engine-stalled', { timeout: 60_000 });
		await expect(error).toContainText('查询引擎的下载停滞了');
	});
});
