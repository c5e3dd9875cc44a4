/**
 * `npm run screenshots` — captures the built site's pages in zh and en at desktop and phone width
 * into .cache/screens/, for a person to look at. Serves build/ itself.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';

const pages = (process.argv[2] ?? '/,/methods/').split(',');
// SCREENS_BUILD=build-imported takes another build (the site on an imported dataset: scripts/build-imported.ts).
const server = await serve({ dir: process.env.SCREENS_BUILD ?? 'build', port: 0 });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
await mkdir('.cache/screens', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [device, viewport] of [
	['desktop', { width: 1280, height: 900 }],
	['phone', { width: 390, height: 844 }]
] as const) {
	const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
	const page = await context.newPage();
	for (const lang of ['zh', 'en']) {
		for (const p of pages) {
			const url = `${base}${lang === 'en' ? '/en' : ''}${p}`;
			await page.goto(url, { waitUntil: 'networkidle' });
			// Let the in-browser engine answer (or fail) before the picture is taken.
			await page
				.waitForFunction(
					() => !document.querySelector('[aria-busy=true]') || document.querySelector('[data-testid=data-error]'),
					undefined,
					{ timeout: 15_000 }
				)
				.catch(() => {});
			await page.waitForTimeout(300);
			const name = `.cache/screens/${device}-${lang}${p.replaceAll('/', '_').replaceAll('?', '_').replaceAll('=', '-')}.png`;
			await page.screenshot({ path: name, fullPage: true });
			console.log(name);
		}
	}
	await context.close();
}
await browser.close();
server.close();
