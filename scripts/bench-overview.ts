/**
 * `npm run bench` — measures the built overview page in headless Chromium (cold cache, median
 * of 5 runs) and prints:
 *   - first chart: navigation start → the monthly chart is in the page with data and painted
 *   - first click answered: a town chosen 200 ms after the first chart was painted (once the page
 *     is interactive) → its figures on screen (a prepared answer: no engine), and from navigation start
 *   - engine requests before that answer (wasm, its worker, Arrow tables: there should be none)
 *   - bytes transferred (compressed, as the server sent them) before each
 *   - initial JS: gzip size of the JavaScript loaded for the first view (DuckDB-WASM excluded: it
 *     loads after first paint)
 * Builds the site first if build/ is missing. Serves it with scripts/serve.js (gzip, like a host).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';

const RUNS = 5;
if (!existsSync('build/index.html')) execSync('npm run build', { stdio: 'inherit' });

const server = await serve({ dir: 'build', port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

interface Run {
	marks: Record<string, number>;
	firstChart: number;
	bytesFirstChart: number;
	engineAnswer: number;
	bytesEngine: number;
	clickToAnswer: number;
	engineRequests: number;
	initialJs: string[];
}

async function once(): Promise<Run> {
	const context = await browser.newContext();
	const page = await context.newPage();
	// Every response, the engine worker's included (a page's resource timing misses those).
	const responses: Promise<{ path: string; start: number; end: number; bytes: number }>[] = [];
	context.on('requestfinished', (request) =>
		responses.push(
			request.sizes().then((sizes) => {
				const t = request.timing();
				return {
					path: new URL(request.url()).pathname,
					start: t.startTime,
					end: t.startTime + t.responseEnd,
					bytes: sizes.responseBodySize + sizes.responseHeadersSize
				};
			})
			// A request still under way when the run ends (a read-ahead) counts for nothing.
			.catch(() => ({ path: '', start: Infinity, end: Infinity, bytes: 0 }))
		)
	);
	// Records when the monthly chart's bars first exist, then waits two frames for them to be painted.
	// (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
	await page.addInitScript(`
		const observer = new MutationObserver(() => {
			if (!document.querySelector('[data-testid=chart-monthly] svg rect')) return;
			observer.disconnect();
			requestAnimationFrame(() => requestAnimationFrame(() => (window.__chartPainted = performance.now())));
		});
		observer.observe(document, { childList: true, subtree: true });
		// When the town is chosen, and when the status line says its figures are not the build's any more.
		document.addEventListener('change', (e) => { if (e.target.id === 'town-filter') window.__clicked = performance.now(); }, true);
		const answered = new MutationObserver(() => {
			const s = document.querySelector('[data-testid=engine-status]');
			if (window.__clicked !== undefined && s && s.dataset.computed !== 'build') { window.__answered = performance.now(); answered.disconnect(); }
		});
		answered.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-computed'] });
	`);
	await page.goto(`${origin}/`, { waitUntil: 'commit' });
	await page.waitForFunction(() => (window as unknown as { __chartPainted?: number }).__chartPainted !== undefined);
	await page.waitForFunction(() => document.querySelector('#town-filter') !== null && 'navigation' in performance);
	// The page is interactive once hydrated: the filter then changes the URL.
	await page.waitForSelector('html[data-hydrated]');
	await page.waitForFunction(() => performance.now() >= (window as unknown as { __chartPainted: number }).__chartPainted + 200);
	await page.selectOption('#town-filter', '610922101');
	await page.waitForSelector('[data-testid=engine-status]:not([data-computed=build])', { timeout: 60_000 });
	await page.waitForFunction(() => (window as unknown as { __answered?: number }).__answered !== undefined);
	const { engineAnswer, clickToAnswer } = await page.evaluate(() => {
		const w = window as unknown as { __answered: number; __clicked: number };
		return { engineAnswer: w.__answered, clickToAnswer: w.__answered - w.__clicked };
	});
	const { chart, origin: t0, marks } = await page.evaluate(() => ({
		chart: (window as unknown as { __chartPainted: number }).__chartPainted,
		origin: performance.timeOrigin,
		marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
	}));
	const all = await Promise.all(responses);
	const bytesUntil = (t: number) => all.filter((r) => r.end - t0 <= t).reduce((sum, r) => sum + r.bytes, 0);
	const result: Run = {
		marks,
		firstChart: chart,
		bytesFirstChart: bytesUntil(chart),
		engineAnswer,
		bytesEngine: bytesUntil(engineAnswer),
		clickToAnswer,
		engineRequests: all.filter((r) => r.start - t0 <= engineAnswer && /\.wasm$|duckdb-browser-.*worker|\.arrow$/.test(r.path)).length,
		initialJs: all.filter((r) => r.start - t0 <= chart && r.path.endsWith('.js')).map((r) => r.path)
	};
	await context.close();
	return result;
}

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

let jsGzip = 0;
const jsFiles = [...new Set(runs[0].initialJs)];
for (const path of jsFiles) jsGzip += gzipSync(await readFile(`build${path}`), { level: 9 }).length;

console.log(`overview benchmark — built site, headless Chromium, cold cache, median of ${RUNS}`);
console.log(`first chart drawn with data   ${median(runs.map((r) => r.firstChart)).toFixed(0)} ms   (target ≤ 1000 ms)`);
console.log(`  bytes transferred before    ${kb(median(runs.map((r) => r.bytesFirstChart)))}`);
console.log(`first click answered          ${median(runs.map((r) => r.clickToAnswer)).toFixed(0)} ms after the click (target ≤ 100 ms; town chosen 200 ms after first paint)`);
console.log(`  from navigation start       ${median(runs.map((r) => r.engineAnswer)).toFixed(0)} ms`);
console.log(`  bytes transferred before    ${kb(median(runs.map((r) => r.bytesEngine)))}   (target ≤ 1 MB)`);
console.log(`  engine requests before      ${Math.max(...runs.map((r) => r.engineRequests))}   (wasm, engine worker, Arrow tables; max over runs)`);
console.log(`initial JS (gzip, ${jsFiles.length} files)     ${kb(jsGzip)}   (target ≤ 150 KiB; DuckDB-WASM excluded, it loads after first paint)`);
const phase = (from: string, to: string) =>
	median(runs.map((r) => (r.marks[to] ?? NaN) - (r.marks[from] ?? NaN))).toFixed(0);
// The engine is not started for the first click any more (only in the background once idle, or for a view that needs it).
if (runs.every((r) => r.marks['engine:import'] !== undefined)) console.log(
	`engine phases (median ms): page → engine import ${median(runs.map((r) => r.marks['engine:import'])).toFixed(0)}, ` +
		`import → start ${phase('engine:import', 'engine:start')}, start → wasm instantiated ${phase('engine:start', 'engine:instantiated')}, ` +
		`instantiated → cases table loaded ${phase('engine:instantiated', 'engine:loaded:cases')}, then the first query`
);
console.log(`runs (first chart / click → answer ms): ${runs.map((r) => `${r.firstChart.toFixed(0)}/${r.clickToAnswer.toFixed(0)}`).join(', ')}`);

await browser.close();
server.close();
