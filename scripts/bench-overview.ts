/**
 * `npm run bench` — the built overview page in headless Chromium, cold cache, median of 5 runs,
 * measured as a user sees it:
 *   - first chart: navigation start → the monthly chart is in the page with data and painted
 *   - first click answered: a town chosen 200 ms after first paint → the headline cards show
 *     the town's own figure (whatever answers it: prepared slices or the engine)
 *   - bytes the network carried (compressed, as sent) before each, the engine worker's included
 *   - initial JS: gzip size of the JavaScript loaded for the first view
 *   - the same under CDP profiles 1.6 Mbps / 150 ms and 400 kbps / 400 ms (one run each)
 * Builds the site first if build/ is missing. Serves it with scripts/serve.js (gzip, like a host).
 * Usage: tsx scripts/bench-overview.ts [--runs 5] [--no-profiles] [--build DIR]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBenchBrowser, median, paintedScript, throttle, PROFILES, type ProfileName } from './bench-browser';
import { serve } from './serve.js';

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, 'no-profiles': { type: 'boolean' }, build: { type: 'string' } } });
const RUNS = Number(flags.runs ?? 5);
const BUILD = flags.build ?? 'build';
const TOWN = '610922101';
if (!existsSync(`${BUILD}/index.html`)) execSync('npm run build', { stdio: 'inherit' });

const server = await serve({ dir: BUILD, port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const { browser } = await launchBenchBrowser();

interface Run {
	firstChart: number;
	bytesFirstChart: number;
	firstAnswer: number;
	clickToAnswer: number;
	bytesAnswer: number;
	/** Requests for the engine (its wasm, worker) or its Arrow tables finished before the first answer: prepared answers need none. */
	engineRequests: number;
	initialJs: string[];
}

async function once(profile?: ProfileName): Promise<Run> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	if (profile) await throttle(page, profile);
	// Every response, the engine worker's included (a page's resource timing misses those).
	const responses: Promise<{ path: string; start: number; end: number; bytes: number }>[] = [];
	context.on('requestfinished', (request) =>
		responses.push(
			request
				.sizes()
				.then((sizes) => {
					const t = request.timing();
					return { path: new URL(request.url()).pathname, start: t.startTime, end: t.startTime + t.responseEnd, bytes: sizes.responseBodySize + sizes.responseHeadersSize };
				})
				// A request that ends as its context closes (the engine's files fetched ahead) has no sizes: after every answer.
				.catch(() => ({ path: new URL(request.url()).pathname, start: Infinity, end: Infinity, bytes: 0 }))
		)
	);
	await page.addInitScript(paintedScript('[data-testid=chart-monthly] svg rect', '__chartPainted'));
	await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: 120_000 });
	await page.waitForFunction(`window.__chartPainted !== undefined`, null, { timeout: 120_000 });
	const chart = (await page.evaluate(`window.__chartPainted`)) as number;
	// A town chosen 200 ms after first paint (after hydration if the page is slower: a choice on
	// markup not yet hydrated would be lost); answered when the headline card shows another figure.
	await page.waitForTimeout(200);
	await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
	const result = (await page.evaluate(`new Promise((resolve) => {
		const card = () => document.querySelector('[data-testid=value-ledgerCases]')?.textContent?.trim() ?? '';
		const county = card();
		const t0 = performance.now();
		const done = () => {
			const now = card();
			if (!/\\d/.test(now) || now === county) return false;
			requestAnimationFrame(() => setTimeout(() => resolve([t0, performance.now()]), 0));
			return true;
		};
		const observer = new MutationObserver(() => done() && observer.disconnect());
		observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
		setTimeout(() => resolve('the card still shows ' + card()), 300000);
		const select = document.querySelector('#town-filter');
		select.value = '${TOWN}';
		select.dispatchEvent(new Event('change', { bubbles: true }));
	})`)) as [number, number] | string;
	if (typeof result === 'string') throw new Error(`first click: ${result}`);
	const [clicked, answered] = result;
	const t0 = (await page.evaluate(`performance.timeOrigin`)) as number;
	const all = await Promise.all(responses);
	const bytesUntil = (t: number) => all.filter((r) => r.end - t0 <= t).reduce((sum, r) => sum + r.bytes, 0);
	const run: Run = {
		firstChart: chart,
		bytesFirstChart: bytesUntil(chart),
		firstAnswer: answered,
		clickToAnswer: answered - clicked,
		bytesAnswer: bytesUntil(answered),
		engineRequests: all.filter((r) => r.end - t0 <= answered && /duckdb|\.wasm$|\.arrow$/.test(r.path)).length,
		initialJs: all.filter((r) => r.start - t0 <= chart && r.path.endsWith('.js')).map((r) => r.path)
	};
	await context.close();
	return run;
}

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const med = (f: (r: Run) => number) => median(runs.map(f));

let jsGzip = 0;
const jsFiles = [...new Set(runs[0].initialJs)];
for (const path of jsFiles) jsGzip += gzipSync(await readFile(`${BUILD}${path}`), { level: 9 }).length;

const rows: [string, string, string][] = [
	['cold load → first chart', `${med((r) => r.firstChart).toFixed(0)} ms`, '≤ 500 ms'],
	['  bytes before it', kb(med((r) => r.bytesFirstChart)), ''],
	['first click answered (town 200 ms after first paint): click → cards', `${med((r) => r.clickToAnswer).toFixed(0)} ms (at ${med((r) => r.firstAnswer).toFixed(0)} ms)`, '≤ 100 ms'],
	['bytes before the first answer', kb(med((r) => r.bytesAnswer)), '≤ 1 MB'],
	['engine requests before the first answer', String(med((r) => r.engineRequests)), '0 (prepared answers)'],
	[`initial JS (gzip, ${jsFiles.length} files)`, kb(jsGzip), '≤ 80 KB']
];
if (!flags['no-profiles']) {
	for (const profile of Object.keys(PROFILES) as ProfileName[]) {
		const r = await once(profile);
		rows.push([`${profile}: first chart`, `${(r.firstChart / 1000).toFixed(2)} s`, profile.startsWith('400') ? '≤ 3 s' : '']);
		rows.push([`${profile}: first click answered`, `${(r.clickToAnswer / 1000).toFixed(2)} s after the click (at ${(r.firstAnswer / 1000).toFixed(2)} s); ${kb(r.bytesAnswer)} before it`, 'filters work without waiting']);
	}
}
console.log(`overview benchmark — built site (${BUILD}), headless Chromium, cold cache, median of ${RUNS} (profiles: one run each)`);
console.log('\n| measure | value | target (issue #14) |\n|---|---|---|');
for (const [m, v, t] of rows) console.log(`| ${m} | ${v} | ${t} |`);
console.log(`\nruns (first chart / first answer ms): ${runs.map((r) => `${r.firstChart.toFixed(0)}/${r.firstAnswer.toFixed(0)}`).join(', ')}`);

await browser.close();
server.close();
