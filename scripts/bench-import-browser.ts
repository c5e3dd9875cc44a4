/**
 * The browser side of `npm run bench:import -- --browser`: each generated file imported on the
 * built site's /import/ page in headless Chromium, as a user would (file chosen, the suggested
 * mapping checked, "use this data", then the overview): time to the mapping, to the checks shown,
 * to the data kept, and to the overview answering on it; the browser's peak memory (PSS of its
 * own processes, sampled every 250 ms), the page's longest task and the worker's stage times.
 * One fresh browser per file.
 */
import type { AddressInfo } from 'node:net';
import { launchBenchBrowser } from './bench-browser';
import { serve } from './serve.js';
import type { StageTime } from '../src/lib/import/stages';

const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

export interface BrowserImportResult {
	mappingS: number;
	checksS: number;
	keptS: number;
	overviewS: number;
	rows: string;
	peakPssMiB: number;
	/** The page's longest main-thread task while importing (to the data kept), and while the overview answers. */
	longestTaskMs: { importing: number; overview: number };
	/** The worker's stages, as it reported them to the page. */
	stages: StageTime[];
	/** The browser's peak PSS (MiB) in each part of the import: the page's stages (its `import:` marks), then the overview. */
	peakByStage: { stage: string; peakPssMiB: number }[];
}

export async function benchBrowserImport(path: string, build = 'build'): Promise<BrowserImportResult> {
	const server = await serve({ dir: build, port: 0 });
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const bb = await launchBenchBrowser();
	let peak = 0;
	// Every sample with its time, so each stage's peak can be read off once the page's marks are known.
	const samples: [number, number][] = [];
	const sampler = setInterval(() => {
		const pss = bb.memory().pss;
		samples.push([performance.now(), pss]);
		peak = Math.max(peak, pss);
	}, 250);
	try {
		const page = await bb.browser.newPage();
		await page.addInitScript(LONG_TASKS);
		await page.goto(`${base}/en/import/`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const now = () => page.evaluate(() => performance.now());
		const p0 = await now();
		const t0 = performance.now();
		const s = () => (performance.now() - t0) / 1000;
		await page.getByTestId('file-input').setInputFiles(path);
		await page.getByTestId('mapping-table').waitFor({ timeout: 600_000 });
		const mappingS = s();
		await page.getByTestId('run-checks').click();
		await page.getByTestId('checks-table').or(page.getByTestId('checks-summary')).first().waitFor({ timeout: 600_000 });
		const checksS = s();
		const rows = (await page.getByTestId('checks-summary').textContent())?.trim().split(':')[0] ?? '';
		await page.getByTestId('use-data').click();
		await page.getByTestId('import-done').waitFor({ timeout: 600_000 });
		const keptS = s();
		const pKept = await now();
		const tKept = performance.now();
		await page.getByTestId('to-overview').click();
		await page.getByTestId('value-ledgerCases').filter({ hasText: /\d/ }).waitFor({ timeout: 600_000 });
		const overviewS = s();
		const tasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks ?? []);
		const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.startTime] as [string, number]));
		const stages = await page.evaluate(() =>
			performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import-time:')).map((m) => ({ stage: m.name.slice('import-time:'.length), ms: Number((m as PerformanceMark).detail) }))
		);
		const stageAt = (t: number) => marks.filter(([n, at]) => at <= t && !n.startsWith('import-time:')).pop()?.[0] ?? 'before';
		if (process.env.BENCH_VERBOSE) for (const [t, d] of tasks) if (d > 100) console.error(`long task ${d.toFixed(0)} ms at ${((t - p0) / 1000).toFixed(1)} s (${stageAt(t)})`);
		const longest = (from: number, to: number) => Math.max(0, ...tasks.filter(([t]) => t >= from && t < to).map(([, d]) => d));
		peak = Math.max(peak, bb.memory().pss);
		// The page's stage marks on this process's clock (p0 on the page is t0 here), then the overview after the data was kept.
		const bounds: [string, number][] = [['mapping', t0], ...marks.map(([n, at]) => [n.slice('import:'.length), t0 + (at - p0)] as [string, number]).filter(([, at]) => at >= t0 && at < tKept), ['overview', tKept]];
		const peakByStage: { stage: string; peakPssMiB: number }[] = [];
		bounds.forEach(([stage, from], i) => {
			const to = bounds[i + 1]?.[1] ?? Infinity;
			const inside = samples.filter(([t]) => t >= from && t < to).map(([, m]) => m);
			if (inside.length === 0) return;
			const had = peakByStage.find((p) => p.stage === stage);
			if (had) had.peakPssMiB = Math.max(had.peakPssMiB, ...inside);
			else peakByStage.push({ stage, peakPssMiB: Math.max(...inside) });
		});
		// Forget it: the next run starts from an empty store.
		await page.getByTestId('imported-banner').getByTestId('forget').click();
		return { mappingS, checksS, keptS, overviewS, rows, peakPssMiB: peak, longestTaskMs: { importing: longest(p0, pKept), overview: longest(pKept, Infinity) }, stages, peakByStage };
	} finally {
		clearInterval(sampler);
		await bb.browser.close();
		server.close();
	}
}
