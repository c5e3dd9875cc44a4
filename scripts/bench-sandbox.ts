/**
 * `npm run bench:sandbox` — the simulation sandbox in headless Chromium on the built site:
 *   - slider release → first updated chart (the "this scenario" line of the order chart changes),
 *     p50 / p95 over 15 releases, each made once the previous full-scale pass has started
 *   - release → full-county replicates finished
 * Builds the site first if build/ is missing.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';

const RELEASES = 15;
if (!existsSync('build/simulate/index.html')) execSync('npm run build', { stdio: 'inherit' });
const server = await serve({ dir: 'build', port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(`${origin}/simulate/`);
await page.waitForSelector('[data-testid=sim-status][data-phase=done]', { timeout: 120_000 });

// (Strings, not functions: tsx would wrap named functions in a helper the page lacks.)
const release = (value: number) =>
	page.evaluate(`new Promise((resolve) => {
		const line = () => document.querySelector('[data-testid=chart-sim-orderIndex] path[data-line=yours]');
		const before = line().getAttribute('d');
		const input = document.querySelector('[data-testid=lever-participation]');
		const t0 = performance.now();
		const observer = new MutationObserver(() => {
			const now = line();
			if (now && now.getAttribute('d') !== before) {
				observer.disconnect();
				resolve(performance.now() - t0);
			}
		});
		observer.observe(document.querySelector('[data-testid=chart-sim-orderIndex]'), { subtree: true, attributes: true, childList: true });
		input.value = String(${value});
		input.dispatchEvent(new Event('input', { bubbles: true }));
		input.dispatchEvent(new Event('change', { bubbles: true }));
	})`) as Promise<number>;

const latencies: number[] = [];
const computeMs: number[] = [];
const fullTimes: number[] = [];
for (let i = 0; i < RELEASES; i++) {
	const value = i % 2 === 0 ? 0.2 + (i % 5) * 0.1 : 0.75 - (i % 4) * 0.1;
	const t0 = Date.now();
	latencies.push(await release(Number(value.toFixed(2))));
	// The page reports how long the runner took to its first result (the rest is drawing).
	const status = (await page.getByTestId('sim-status').textContent()) ?? '';
	const first = /first result in ([\d,]+) ms/.exec(status) ?? /首个结果用时 ([\d,]+) 毫秒/.exec(status);
	if (first) computeMs.push(Number(first[1].replace(/,/g, '')));
	if (i % 5 === 4) {
		// Every fifth release, wait for the full-county replicates to finish.
		await page.waitForSelector('[data-testid=sim-status][data-phase=done]', { timeout: 120_000 });
		fullTimes.push(Date.now() - t0);
	} else {
		await page.waitForSelector('[data-testid=sim-status][data-scale="1"]', { timeout: 60_000 });
	}
}
const quantile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};
const q = (p: number) => quantile(latencies, p);
// A release whose runner answered in ≤ 5 ms found its scenario cached (a value visited before).
const computed = latencies.filter((_, i) => computeMs[i] > 5);
console.log(`sandbox benchmark — built site, headless Chromium, ${RELEASES} slider releases`);
console.log(`slider release → first updated chart: p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms   (target p95 ≤ 100 ms; quick pass at 1/32 of the county)`);
if (computed.length) console.log(`  of which releases that ran the model (${computed.length}): p50 ${quantile(computed, 0.5).toFixed(0)} ms, p95 ${quantile(computed, 0.95).toFixed(0)} ms`);
console.log(`release → full-county replicates done (10 per scenario × 3 scenarios): ${fullTimes.map((t) => (t / 1000).toFixed(1)).join(', ')} s`);
console.log(`all latencies (ms): ${latencies.map((l) => l.toFixed(0)).join(', ')}`);
console.log(`of which the runner's time to its first result (ms): ${computeMs.join(', ')}; the rest is Svelte updating and the browser drawing the charts`);
await browser.close();
server.close();
