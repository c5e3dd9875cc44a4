/**
 * `npm run bench:sandbox` — the simulation sandbox in headless Chromium on the built site:
 *   - slider release → first updated chart (the "this scenario" line of the order chart changes
 *     in the DOM), and → that chart painted (the frame after it), p50 / p95 over the releases;
 *     every release moves the participation lever to a value this page has not run yet (the
 *     runner computes it), each made once the previous release's full-county pass has started,
 *     as a user moves a lever while the results refine
 *   - of that, the runner's part (release → first result, as the page reports it)
 *   - layout shift while the results update (the sum of layout-shift scores, as CLS counts it)
 *   - release → full-county replicates finished (every fifth release)
 * Options: `--releases N` (default 30), `--runs N` page loads (default 1; with several, the
 * median of each figure over the runs is printed too), `--width PX` (default 1366), `--dir DIR`
 * the built site to serve (default build/, e.g. another version's build to compare with).
 * Prints the machine's load average before and after: the figures depend on it.
 * Builds the site first if build/ is missing.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { execSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';

const option = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isInteger(v) || v < 1) {
		console.error(`bench:sandbox: --${name} takes a whole number ≥ 1, got ${process.argv[i + 1]}`);
		process.exit(2);
	}
	return v;
};
const RELEASES = option('releases', 30);
const RUNS = option('runs', 1);
const WIDTH = option('width', 1366);
const dirAt = process.argv.indexOf('--dir');
const DIR = dirAt >= 0 ? process.argv[dirAt + 1] : 'build';

if (DIR === 'build' && !existsSync('build/simulate/index.html')) execSync('npm run build', { stdio: 'inherit' });
if (!existsSync(`${DIR}/simulate/index.html`)) {
	console.error(`bench:sandbox: no built site in ${DIR}/ (no simulate/index.html)`);
	process.exit(2);
}
const server = await serve({ dir: DIR, port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

const quantile = (values: readonly number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
};
const median = (values: readonly number[]) => {
	const s = [...values].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The participation values a run visits, none twice; after 19 the coordination lever moves (unmeasured), so the next 19 are new scenarios too. */
const PARTICIPATION = Array.from({ length: 19 }, (_, k) => Number((0.05 + ((k * 7) % 19) * 0.05).toFixed(2)));

interface RunFigures {
	dom: number[];
	painted: number[];
	runner: number[];
	shift: number;
	full: number[];
}

async function run(b: Browser): Promise<RunFigures> {
	const page = await b.newPage({ viewport: { width: WIDTH, height: 900 } });
	await page.goto(`${origin}/simulate/`);
	await page.waitForSelector('[data-testid=sim-status][data-phase=done]', { timeout: 180_000 });
	// Layout shifts from here on (programmatic input does not count as recent input, so all count).
	await page.evaluate(`(() => {
		window.__shift = 0;
		new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift' });
	})()`);
	// (Strings, not functions: tsx would wrap named functions in a helper the page lacks.)
	const move = (testid: string, value: number) =>
		page.evaluate(`new Promise((resolve) => {
			const line = () => document.querySelector('[data-testid=chart-sim-orderIndex] path[data-line=yours]');
			const before = line().getAttribute('d');
			const input = document.querySelector('[data-testid=${testid}]');
			const t0 = performance.now();
			const observer = new MutationObserver(() => {
				const now = line();
				if (now && now.getAttribute('d') !== before) {
					observer.disconnect();
					const dom = performance.now() - t0;
					// The frame that shows it: its animation-frame callbacks run before it is painted, a task queued from there runs after.
					requestAnimationFrame(() => {
						const channel = new MessageChannel();
						channel.port1.onmessage = () => resolve([dom, performance.now() - t0]);
						channel.port2.postMessage(null);
					});
				}
			});
			observer.observe(document.querySelector('[data-testid=chart-sim-orderIndex]'), { subtree: true, attributes: true, childList: true });
			input.value = String(${value});
			input.dispatchEvent(new Event('input', { bubbles: true }));
			input.dispatchEvent(new Event('change', { bubbles: true }));
		})`) as Promise<[number, number]>;
	const figures: RunFigures = { dom: [], painted: [], runner: [], shift: 0, full: [] };
	for (let i = 0; i < RELEASES; i++) {
		if (i > 0 && i % PARTICIPATION.length === 0) {
			await move('lever-coordination', Number((0.3 + (i / PARTICIPATION.length) * 0.05).toFixed(2)));
			await page.waitForSelector('[data-testid=sim-status][data-scale="1"]', { timeout: 60_000 });
		}
		const t0 = Date.now();
		const [dom, painted] = await move('lever-participation', PARTICIPATION[i % PARTICIPATION.length]);
		figures.dom.push(dom);
		figures.painted.push(painted);
		// The page reports how long the runner took to its first result (the rest is drawing).
		const status = page.getByTestId('sim-status');
		// (Builds before data-first-ms said it in the status text only.)
		const ms = (await status.getAttribute('data-first-ms')) ?? /(?:first result in|首个结果用时) ([\d,]+)/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, '');
		if (ms) figures.runner.push(Number(ms));
		if (i % 5 === 4) {
			await page.waitForSelector('[data-testid=sim-status][data-phase=done]', { timeout: 180_000 });
			figures.full.push(Date.now() - t0);
		} else {
			await page.waitForSelector('[data-testid=sim-status][data-scale="1"]', { timeout: 60_000 });
		}
	}
	figures.shift = (await page.evaluate('window.__shift')) as number;
	await page.close();
	return figures;
}

const ms = (v: number) => v.toFixed(0);
const load0 = loadavg();
console.log(`sandbox benchmark — built site (${DIR}/), headless Chromium at ${WIDTH} px, ${RUNS} run(s) × ${RELEASES} slider releases, each to a value not run before`);
console.log(`load average before: ${load0.map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`);
const runs: RunFigures[] = [];
for (let r = 0; r < RUNS; r++) {
	const f = await run(browser);
	runs.push(f);
	console.log(`run ${r + 1}:`);
	console.log(`  slider release → first updated chart (DOM): p50 ${ms(quantile(f.dom, 0.5))} ms, p95 ${ms(quantile(f.dom, 0.95))} ms   (target p95 ≤ 50 ms; quick pass at 1/32 of the county)`);
	console.log(`  slider release → that chart painted:        p50 ${ms(quantile(f.painted, 0.5))} ms, p95 ${ms(quantile(f.painted, 0.95))} ms`);
	if (f.runner.length) console.log(`  of which the runner's time to its first result: p50 ${ms(quantile(f.runner, 0.5))} ms, p95 ${ms(quantile(f.runner, 0.95))} ms (the rest is Svelte updating and the browser drawing)`);
	console.log(`  layout shift over the releases (sum of layout-shift scores): ${f.shift.toFixed(4)}`);
	console.log(`  release → full-county replicates done (10 per scenario × 3 scenarios): ${f.full.map((t) => (t / 1000).toFixed(1)).join(', ')} s`);
	console.log(`  all latencies to the DOM (ms): ${f.dom.map(ms).join(', ')}`);
}
if (RUNS > 1) {
	const over = (pick: (f: RunFigures) => number) => ms(median(runs.map(pick)));
	console.log(`median over ${RUNS} runs: release → chart (DOM) p50 ${over((f) => quantile(f.dom, 0.5))} ms, p95 ${over((f) => quantile(f.dom, 0.95))} ms; painted p50 ${over((f) => quantile(f.painted, 0.5))} ms, p95 ${over((f) => quantile(f.painted, 0.95))} ms; runner p50 ${over((f) => quantile(f.runner, 0.5))} ms, p95 ${over((f) => quantile(f.runner, 0.95))} ms`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await browser.close();
server.close();
