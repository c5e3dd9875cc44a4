/**
 * `npm run bench:dashboard` — the ledger page (the dashboard page with the most charts) in headless
 * Chromium on the built site, measured as a user sees it (charts showing the filters asked for,
 * `data-filters` on the charts), not by the page's internal marks:
 *   - cold: first chart painted; first click answered (a town chosen 200 ms after first paint,
 *     until every chart shows it); bytes the network carried before that answer; the longest
 *     main-thread task while loading
 *   - filters: filter change → every chart updated and painted, p50 / p95 over 24 changes (towns,
 *     ledger types, periods, combinations), once the page has settled; a town bar clicked after a
 *     300 ms hover
 *   - engine: "engine ready" forced by a village's view with its prepared answers withheld (only the engine then answers): from
 *     navigation to the village's charts, cold, and on a revisit with a warm cache (the service
 *     worker's, and the HTTP cache alone); the engine's own phases from its marks
 *   - throttle: the cold load, first click and engine under CDP profiles 1.6 Mbps / 150 ms and
 *     400 kbps / 400 ms (the site's dataset only)
 *   - memory: the browser's own processes after the filters (PSS, RSS), the page's renderer, and
 *     the engine's wasm heap
 *
 * Scaled datasets come from the generator (`npm run data -- --cases 1000000`, and 10000000): it
 * re-runs the county's case generation at N county+town cases and derives the pre-aggregated
 * tables from them, as for the site. The benchmark serves the built site with /data/ taken from
 * data-scaled/N/ and skips sizes that have not been generated.
 *
 * Usage: tsx scripts/bench-dashboard.ts [--sizes 0,1000000,10000000] [--parts cold,filters,engine,throttle,memory]
 *        [--slow-engine] (also wait for the engine at 400 kbps: about 3 minutes) [--build DIR] (another built site)
 *        [--profiles 1.6,400] (which throttled profiles)
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { SITE_DATA_DIR } from '../src/lib/server/dataset';
import { LEDGER_TYPES } from '../sim/dataset/case-vocabulary';
import { launchBenchBrowser, launchWithProfile, paintedScript, quantile, throttle, warmServer, PROFILES, type BenchBrowser, type ProfileName } from './bench-browser';
import { serve } from './serve.js';

const { values: flags } = parseArgs({
	options: { sizes: { type: 'string' }, parts: { type: 'string' }, 'slow-engine': { type: 'boolean' }, build: { type: 'string' }, profiles: { type: 'string' } }
});
const sizes = flags.sizes ? flags.sizes.split(',').map(Number) : [0, 1_000_000, 10_000_000];
const parts = new Set((flags.parts ?? 'cold,filters,engine,throttle,memory').split(','));
/** The built site to measure (another build, e.g. of an earlier commit, for a before/after). */
const BUILD = flags.build ?? 'build';
if (!existsSync(`${BUILD}/ledgers/index.html`)) execSync('npm run build', { stdio: 'inherit' });

const TOWN = '610922101';
const VILLAGE = '610922109203';
/** The filter changes, one control at a time as a user makes them: [control, value]. */
const TOWNS = ['610922100', '610922104', '610922109', '610922102', '610922107', '610922110'];
const CHANGES: [string, string][] = [];
for (const [i, town] of TOWNS.entries()) {
	CHANGES.push(['ledger-town', town]);
	CHANGES.push(['ledger-type', LEDGER_TYPES[i % LEDGER_TYPES.length]]);
	CHANGES.push(['ledger-from', `${2017 + (i % 3)}Q${(i % 4) + 1}`]);
	CHANGES.push(['ledger-to', `${2020 + (i % 2)}Q${((i + 2) % 4) + 1}`]);
}
const KEYS: Record<string, string> = { 'ledger-town': 'town', 'ledger-type': 'ledger', 'ledger-from': 'from', 'ledger-to': 'to' };
const DEFAULTS: Record<string, string> = { town: '', ledger: '', from: '2016Q3', to: '2021Q4' };
/** The query string the page's filters take after a change (as ledger-filters.ts writes it). */
function expectedAfter(state: Record<string, string>): string {
	const p = new URLSearchParams();
	for (const k of ['town', 'ledger', 'from', 'to']) if (state[k] !== DEFAULTS[k]) p.set(k, state[k]);
	return p.toString();
}

/**
 * In the page: runs `act` and resolves with the ms until the charts show `expected` (and the
 * browser painted them), or a string saying what they show after 60 s (or 300 s throttled).
 */
const untilCharts = (expected: string, act: string, limitMs = 60_000) => `new Promise((resolve) => {
	const t0 = performance.now();
	const done = () => {
		const failure = document.querySelector('[data-testid=data-error]');
		if (failure) return resolve('the page says: ' + failure.textContent.trim().slice(0, 200)), true;
		const el = document.querySelector('[data-testid=ledger-charts]');
		if (!el || el.getAttribute('data-filters') !== ${JSON.stringify(expected)}) return false;
		requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
		return true;
	};
	const observer = new MutationObserver(() => done() && observer.disconnect());
	observer.observe(document.body, { subtree: true, attributes: true, childList: true });
	setTimeout(() => resolve('charts still show ' + document.querySelector('[data-testid=ledger-charts]')?.getAttribute('data-filters')), ${limitMs});
	${act}
})`;
const changeControl = (control: string, value: string) =>
	`const select = document.querySelector('[data-testid=${control}]'); select.value = ${JSON.stringify(value)}; select.dispatchEvent(new Event('change', { bubbles: true }));`;

async function timed(page: Page, expected: string, act: string, what: string, limitMs?: number): Promise<number> {
	const ms = (await page.evaluate(untilCharts(expected, act, limitMs))) as number | string;
	if (typeof ms === 'string') throw new Error(`${what}: expected ${expected}, but ${ms}`);
	return ms;
}

/** Bytes (compressed, as sent) of every response the context received, by when it ended (epoch ms). */
function recordBytes(context: BrowserContext) {
	const responses: Promise<{ end: number; bytes: number }>[] = [];
	context.on('requestfinished', (request) =>
		responses.push(
			request
				.sizes()
				.then((s) => ({ end: request.timing().startTime + request.timing().responseEnd, bytes: s.responseBodySize + s.responseHeadersSize }))
				// A request that ends as its context closes (the engine's files fetched ahead) has no sizes: not before any answer.
				.catch(() => ({ end: Infinity, bytes: 0 }))
		)
	);
	return async (untilEpochMs: number) => (await Promise.all(responses)).filter((r) => r.end <= untilEpochMs).reduce((sum, r) => sum + r.bytes, 0);
}

/** A value written as the prerendered page writes its data (keys bare, strings quoted). */
function literal(v: unknown): string {
	if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}:${literal(x)}`).join(',')}}`;
	return JSON.stringify(v);
}

/**
 * A scaled dataset behind a site built for the site's data: the pages check every table against
 * the row counts and hashes of the meta.json they were built with (embedded in each prerendered
 * page), so the benchmark rewrites those entries in the pages it loads to the scaled meta.json's.
 * The prerendered first view still shows the site's figures; every answer after it is the scaled
 * data's. (Pages only: the benchmark loads each page directly, never through __data.json.)
 */
async function scaledPages(context: BrowserContext, siteMeta: Meta, scaled: Meta): Promise<void> {
	await context.route(
		(url) => !/\.[a-z]+$/.test(url.pathname) || url.pathname.endsWith('.html'),
		async (route) => {
			const response = await route.fetch();
			let body = await response.text();
			for (const [table, entry] of Object.entries(siteMeta.tables)) {
				const site = literal(entry);
				if (!body.includes(site)) throw new Error(`the page ${route.request().url()} does not hold ${table}'s meta entry as expected`);
				body = body.replace(site, literal(scaled.tables[table]));
			}
			await route.fulfill({ response, body });
		}
	);
}
interface Meta {
	tables: Record<string, { rows: number }>;
}

const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

/** Cold load: first chart, a town chosen 200 ms after it, and the bytes before that answer. */
/** The meta.json the pages were built with and the one served (they differ for a scaled dataset). */
let metas: { site: Meta; served: Meta } | null = null;
async function newContext(bb: BenchBrowser, serviceWorkers: 'block' | 'allow' = 'block'): Promise<BrowserContext> {
	const context = await bb.browser.newContext({ serviceWorkers });
	if (metas && metas.site !== metas.served) await scaledPages(context, metas.site, metas.served);
	return context;
}

async function cold(bb: BenchBrowser, origin: string, profile?: ProfileName) {
	const context = await newContext(bb);
	const bytesUntil = recordBytes(context);
	const page = await context.newPage();
	if (profile) await throttle(page, profile);
	await page.addInitScript(LONG_TASKS + paintedScript('[data-testid=chart-steps] svg', '__firstChart'));
	await page.goto(`${origin}/ledgers/`, { waitUntil: 'commit', timeout: 120_000 });
	await page.waitForFunction(`window.__firstChart !== undefined`, null, { timeout: 120_000 });
	const firstChart = (await page.evaluate(`window.__firstChart`)) as number;
	// 200 ms after first paint, as a user who knows what to click; a click on markup not yet
	// hydrated is lost, so it waits for hydration if the page is slower than that.
	await page.waitForTimeout(200);
	await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
	const clickedAt = (await page.evaluate(`performance.now()`)) as number;
	const answer = await timed(page, `town=${TOWN}`, changeControl('ledger-town', TOWN), 'first click', 300_000);
	const t0 = (await page.evaluate(`performance.timeOrigin`)) as number;
	const bytes = await bytesUntil(t0 + clickedAt + answer);
	const longTasks = (await page.evaluate(`window.__longTasks`)) as [number, number][];
	return { context, page, firstChart, clickedAt, answer, firstAnswer: clickedAt + answer, bytes, longest: Math.max(0, ...longTasks.map(([, d]) => d)) };
}

/**
 * Navigation → the village's charts, in `context`, with the village's prepared answers withheld
 * (for the whole context, the service worker's requests included) so that only the engine answers.
 */
async function engineReady(context: BrowserContext, origin: string, limitMs = 120_000, profile?: ProfileName) {
	await context.route(`**/data/prepared/ledgers/${VILLAGE}-*`, (route) => route.fulfill({ status: 404, body: 'withheld by the benchmark' }));
	const page = await context.newPage();
	if (profile) await throttle(page, profile);
	await page.addInitScript(`
		const village = () => (document.querySelector('[data-testid=ledger-charts]')?.getAttribute('data-filters') ?? '').includes('village=${VILLAGE}');
		const observer = new MutationObserver(() => { if (village()) { observer.disconnect(); requestAnimationFrame(() => setTimeout(() => (window.__villageShown = performance.now()))); } });
		observer.observe(document, { subtree: true, childList: true, attributes: true });
	`);
	await page.goto(`${origin}/ledgers/?village=${VILLAGE}`, { timeout: limitMs });
	const error = page.getByTestId('data-error');
	const shown = await Promise.race([
		page.waitForFunction(`window.__villageShown`, null, { timeout: limitMs }).then(() => page.evaluate(`window.__villageShown`) as Promise<number>),
		error.waitFor({ timeout: limitMs }).then(async () => `error: ${await error.textContent()}`)
	]);
	const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine:')).map((m) => [m.name, Math.round(m.startTime)]))`)) as Record<string, number>;
	if (typeof shown === 'number') marks['engine:shown'] = Math.round(shown);
	return { page, shown, marks };
}

/**
 * The engine's phases from its marks (ms), when there are (they may move: only for the note):
 * the module's import, the wasm's response and download (compiled while streaming: instantiated
 * follows at once), DuckDB opened and connected (its first calls run code compiled lazily), each
 * table's file in hand and loaded (they overlap), the first query answered, the charts shown.
 */
function phases(m: Record<string, number>): string {
	const d = (a: string, b: string) => (m[a] !== undefined && m[b] !== undefined ? `${m[b] - m[a]}` : '?');
	const tables = Object.keys(m)
		.filter((k) => k.startsWith('engine:loaded:'))
		.map((k) => k.slice('engine:loaded:'.length))
		.map((t) => `${t} fetched ${d('engine:start', `engine:fetched:${t}`)}, loaded ${d('engine:start', `engine:loaded:${t}`)}`);
	return (
		`import at ${m['engine:import'] ?? '?'} ms, start at ${m['engine:start'] ?? '?'}; from start: wasm response ${d('engine:start', 'engine:wasm-response')}, downloaded+compiled ${d('engine:start', 'engine:wasm-downloaded')}, instantiated ${d('engine:start', 'engine:instantiated')}, connected ${d('engine:start', 'engine:connected')}` +
		(tables.length ? `; ${tables.join('; ')}` : '') +
		`; first query answered ${d('engine:start', 'engine:first-query')}` +
		(m['engine:shown'] !== undefined ? `; shown ${d('engine:start', 'engine:shown')} ms` : ' ms')
	);
}

/** The engine worker's wasm heap in MiB (engine-worker.ts keeps it in sight), or null without an engine. */
async function wasmHeap(page: Page): Promise<number | null> {
	for (const w of page.workers()) {
		const bytes = (await w.evaluate(`typeof __engineHeapBytes === 'function' ? __engineHeapBytes() : -1`).catch(() => -1)) as number;
		if (bytes >= 0) return bytes / 2 ** 20;
	}
	return null;
}

const rows: [string, string, string][] = [];
/** Each figure with the machine's load average when it was taken (a busy machine moves them). */
const row = (measure: string, scale: string, measured: string) => {
	const value = `${measured} (load ${loadavg()[0].toFixed(1)})`;
	rows.push([measure, scale, value]);
	console.log(`  ${measure} [${scale}]: ${value}`);
};
const ms = (x: number | string) => (typeof x === 'number' ? `${x.toFixed(0)} ms` : x);
const s = (x: number | string) => (typeof x === 'number' ? `${(x / 1000).toFixed(2)} s` : x);
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

async function measure(size: number) {
	const dataDir = size ? `data-scaled/${size}` : SITE_DATA_DIR;
	const meta = JSON.parse(readFileSync(`${dataDir}/meta.json`, 'utf8'));
	const siteMeta = JSON.parse(readFileSync(`${BUILD}/data/meta.json`, 'utf8'));
	metas = { site: siteMeta, served: size ? meta : siteMeta };
	const scale = size ? `${(size / 1e6).toFixed(0)}M` : 'site';
	console.log(`\n${size ? `${size.toLocaleString('en')} county+town cases` : 'site dataset (8,812 county+town cases)'}: ${meta.tables.cases.rows.toLocaleString('en')} cases in all; pre-aggregated tables ${(meta.tables.case_counts.rows + meta.tables.case_days.rows).toLocaleString('en')} rows`);
	const server = await serve({ dir: BUILD, port: 0, dataDir });
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	await warmServer(origin, BUILD, dataDir);
	const bb = await launchBenchBrowser();
	const blank = await bb.browser.newPage();
	await blank.goto('about:blank');
	const memBefore = bb.memory();
	try {
		if (parts.has('cold') || parts.has('filters') || parts.has('memory')) {
			const c = await cold(bb, origin);
			row('cold load → first chart painted', scale, ms(c.firstChart));
			row('first click answered (town 200 ms after first paint; click → charts)', scale, `${ms(c.answer)} (at ${ms(c.firstAnswer)} from navigation)`);
			row('bytes before the first answer', scale, kib(c.bytes));
			row('longest main-thread task while loading', scale, ms(c.longest));
			const page = c.page;
			if (parts.has('filters')) {
				// Settled: the engine (if it started) is no longer starting and the network is quiet.
				await page.waitForFunction(`document.querySelector('[data-testid=engine-status]')?.getAttribute('data-status') !== 'starting'`, null, { timeout: 300_000 });
				await page.waitForLoadState('networkidle');
				const state: Record<string, string> = { ...DEFAULTS, town: TOWN };
				await timed(page, expectedAfter({ ...state, town: '' }), changeControl('ledger-town', ''), 'back to the county');
				state.town = '';
				const latencies: number[] = [];
				for (const [control, value] of CHANGES) {
					state[KEYS[control]] = value;
					latencies.push(await timed(page, expectedAfter(state), changeControl(control, value), `${control} = ${value}`));
				}
				row('filter change → all charts updated', scale, `p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))} over ${latencies.length} (${latencies.map((l) => l.toFixed(0)).join(' ')})`);
				const hovered: number[] = [];
				for (const town of ['610922101', '610922103', '610922105', '610922106', '610922108', '610922109', '610922110', '610922100']) {
					state.town = town;
					const act = `const bar = document.querySelector('[data-testid=chart-by-town] button[data-key="${town}"]'); bar.dispatchEvent(new PointerEvent('pointerenter')); setTimeout(() => bar.click(), 300);`;
					hovered.push((await timed(page, expectedAfter(state), act, `hover + click ${town}`)) - 300);
				}
				row('town bar clicked after a 300 ms hover', scale, `p50 ${ms(quantile(hovered, 0.5))}, p95 ${ms(quantile(hovered, 0.95))} over ${hovered.length}`);
			}
			if (parts.has('memory')) {
				const m = bb.memory();
				const heap = await wasmHeap(page);
				row('browser memory after loading the ledger page (and the filters)', scale, `+${(m.pss - memBefore.pss).toFixed(0)} MiB PSS, +${(m.rss - memBefore.rss).toFixed(0)} MiB RSS; page renderer ${m.largestRenderer.toFixed(0)} MiB PSS; engine wasm heap ${heap === null ? 'none (engine not started)' : `${heap.toFixed(0)} MiB`}`);
			}
			await c.context.close();
		}
		if (parts.has('engine')) {
			// Cold: a fresh context, no cache.
			const fresh = await newContext(bb);
			const first = await engineReady(fresh, origin);
			row('engine ready, cold (navigation → village charts)', scale, `${s(first.shown)}; ${phases(first.marks)}`);
			const m = bb.memory();
			row('browser memory with the engine (village view)', scale, `+${(m.pss - memBefore.pss).toFixed(0)} MiB PSS; page renderer ${m.largestRenderer.toFixed(0)} MiB PSS; engine wasm heap ${((await wasmHeap(first.page)) ?? 0).toFixed(0)} MiB`);
			await first.page.close();
			await fresh.close();
			// A revisit from the HTTP cache: a browser with a profile on disk (a fresh context's
			// in-memory cache does not keep a file as large as the engine's wasm). V8 keeps a wasm
			// module's compiled code with the cached response only once enough of it has been
			// optimised (--wasm-caching-threshold, 1 MB of top-tier code by default, then 2 s without
			// new code): a visit that runs a few queries optimises less, so the revisit compiles the
			// 34 MB again. The second run shows what a revisit costs when the code was kept (caching
			// from the first optimised byte: a diagnosis of the cause, not a setting a site can make).
			for (const [what, args] of [
				['', []],
				[', code cached (V8 caching at any optimised code: diagnosis)', ['--js-flags=--wasm-caching-threshold=1 --wasm-caching-hard-threshold=1 --wasm-caching-timeout-ms=0']]
			] as [string, string[]][]) {
				const profile = await launchWithProfile(args);
				if (metas && metas.site !== metas.served) await scaledPages(profile.context, metas.site, metas.served);
				const visit = await engineReady(profile.context, origin);
				// Time for the compiled code to be written to the disk cache before the next visit.
				await visit.page.waitForTimeout(3000);
				await visit.page.close();
				const http = await engineReady(profile.context, origin);
				row(`engine ready, revisit, HTTP cache (profile on disk${what})`, scale, `${s(http.shown)}; ${phases(http.marks)}`);
				await profile.close();
			}
			// With the service worker: a first visit, then the engine kept in its cache. (Site data
			// only: the worker's own fetches of pages would not be rewritten for a scaled dataset.)
			if (size) return;
			const sw = await newContext(bb, 'allow');
			const visit = await engineReady(sw, origin);
			await visit.page.waitForFunction(`caches.open('ggs-engine').then((c) => c.keys()).then((k) => k.some((r) => r.url.endsWith('.wasm')))`, null, { timeout: 60_000 }).catch(() => {});
			await visit.page.close();
			const again = await engineReady(sw, origin);
			row('engine ready, revisit, service worker cache', scale, `${s(again.shown)}; ${phases(again.marks)}`);
			await sw.close();
		}
		if (parts.has('throttle') && size === 0) {
			const chosen = (Object.keys(PROFILES) as ProfileName[]).filter((p) => !flags.profiles || flags.profiles.split(',').some((f) => p.startsWith(f)));
			for (const profile of chosen) {
				const c = await cold(bb, origin, profile).catch((e: Error) => e);
				if (c instanceof Error) {
					row(`${profile}: first click`, scale, c.message.split('\n')[0]);
					continue;
				}
				row(`${profile}: first chart painted`, scale, s(c.firstChart));
				row(`${profile}: first click answered`, scale, `${s(c.answer)} after the click (at ${s(c.firstAnswer)}); ${kib(c.bytes)} before it`);
				if (profile.startsWith('1.6') || flags['slow-engine']) {
					const e = await engineReady(c.context, origin, 400_000, profile).catch((e: Error) => ({ shown: e.message.split('\n')[0], marks: {} }));
					row(`${profile}: engine ready (village view, same visit)`, scale, s(e.shown));
				}
				await c.context.close();
			}
		}
	} finally {
		await bb.browser.close();
		server.close();
	}
}

console.log('dashboard benchmark — the ledger page, built site, headless Chromium (one run of each; a busy machine moves them)');
for (const size of sizes) {
	const dir = size ? `data-scaled/${size}` : SITE_DATA_DIR;
	if (!existsSync(`${dir}/meta.json`)) {
		console.log(`\n${size.toLocaleString('en')} cases: not generated (npm run data -- --cases ${size})`);
		continue;
	}
	await measure(size);
}
console.log('\n| measure | scale | value |\n|---|---|---|');
for (const [m, sc, v] of rows) console.log(`| ${m} | ${sc} | ${v} |`);
