/**
 * `npm run bench:learn` — the lessons in headless Chromium on the built site: for every step of
 * every lesson, prediction → answer shown (the run on the page's worker pool, 1/16 of the county,
 * the lessons' paired replicates; a step whose scenarios an earlier step ran answers from memory).
 * Without throttling, and with the page's CPU slowed down `--cpu N` times (default 4, Chrome
 * DevTools' "mid-tier mobile" factor; `--no-cpu` skips it). CDP throttles the page's own thread,
 * not its workers: the figure shows the page's share of a phone's slowness, not the model's. Prints a table and the
 * machine's load average before and after: the figures depend on it. Builds the site if needed.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';

const cpuAt = process.argv.indexOf('--cpu');
const CPU = process.argv.includes('--no-cpu') ? 0 : cpuAt >= 0 ? Number(process.argv[cpuAt + 1]) : 4;
if (!(CPU === 0 || CPU >= 1)) {
	console.error(`bench:learn: --cpu takes a slow-down factor ≥ 1, got ${process.argv[cpuAt + 1]}`);
	process.exit(2);
}
if (!existsSync('build/learn/index.html')) execSync('npm run build', { stdio: 'inherit' });
const server = await serve({ dir: 'build', port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load average before: ${load()} (${(await import('node:os')).cpus().length} cores)`);

// The lessons as the index page lists them (the script cannot import the app's modules).
const index = await browser.newPage();
await index.goto(`${origin}/learn/`);
const lessons = await index.getByTestId('lesson-list').locator('h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
await index.close();

const rows: string[][] = [];
for (const factor of CPU ? [1, CPU] : [1]) {
	for (const path of lessons) {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		if (factor > 1) {
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: factor });
		}
		await page.goto(`${origin}${path}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const steps = await page.locator('nav ol.steps li').count();
		for (let i = 0; i < steps; i++) {
			const view = page.locator('[data-testid^="step-"]');
			const id = ((await view.getAttribute('data-testid')) ?? '').slice('step-'.length);
			await view.locator('input[type="radio"]').first().check();
			const t0 = Date.now();
			await view.getByTestId('run').click();
			await view.getByTestId('result').waitFor({ timeout: 300_000 });
			const ms = Date.now() - t0;
			console.error(`${path} step ${i + 1}: ${ms} ms`);
			rows.push([factor === 1 ? 'none' : `${factor}×`, path.split('/').filter(Boolean).pop()!, `${i + 1} ${id}`, String(ms)]);
			if (i < steps - 1) await page.getByTestId('next-step').click();
		}
		await page.close();
	}
}
await browser.close();
server.close();
const head = ['CPU slow-down', 'lesson', 'step', 'prediction → answer (ms)'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`load average after: ${load()}`);
