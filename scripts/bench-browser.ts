/**
 * What the benchmarks share about the browser: launching the system Chromium with a marker so
 * its own processes can be told apart from other browsers on the machine, their memory, the
 * network profiles (CDP throttling) and the observer that records when a chart is painted.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** A browser and the memory of its processes (only its own: the machine may run others). */
export interface BenchBrowser {
	browser: Browser;
	memory(): ProcessMemory;
}

/** Memory of a browser's processes in MiB: resident (RSS, shared pages counted in each) and proportional (PSS, shared pages split). */
export interface ProcessMemory {
	rss: number;
	pss: number;
	/** By process type (browser, renderer, gpu-process, utility…): PSS. */
	byType: Record<string, number>;
	/** The renderer with the most PSS (the page's, holding its workers) . */
	largestRenderer: number;
}

export async function launchBenchBrowser(extraArgs: string[] = []): Promise<BenchBrowser> {
	const marker = `--bench-marker=${process.pid}-${Math.random().toString(36).slice(2)}`;
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs, marker] });
	return { browser, memory: () => treeMemory(marker) };
}

/**
 * A browser with a profile on disk (a temporary folder), as a user's is: its HTTP cache keeps the
 * engine's 7.7 MB wasm across visits, which the in-memory cache of a fresh Playwright context does not.
 */
export async function launchWithProfile(extraArgs: string[] = []): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'ggs-bench-'));
	const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], serviceWorkers: 'block' });
	return { context, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** PSS and RSS (kB) of one process, from /proc (0 when it has gone). */
function rollup(pid: number): { rss: number; pss: number } {
	try {
		const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
		const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
		return { rss: field('Rss'), pss: field('Pss') };
	} catch {
		return { rss: 0, pss: 0 };
	}
}

function treeMemory(marker: string): ProcessMemory {
	const rows = execSync('ps -eo pid=,ppid=,args=', { maxBuffer: 64 << 20 })
		.toString()
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [pid, ppid, ...args] = line.trim().split(/\s+/);
			return { pid: Number(pid), ppid: Number(ppid), args: args.join(' ') };
		});
	const root = rows.find((r) => r.args.includes(marker) && !r.args.includes('--type='));
	const result: ProcessMemory = { rss: 0, pss: 0, byType: {}, largestRenderer: 0 };
	if (!root) return result;
	const tree = new Set([root.pid]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const r of rows) if (!tree.has(r.pid) && tree.has(r.ppid)) (tree.add(r.pid), (grew = true));
	}
	for (const r of rows.filter((r) => tree.has(r.pid))) {
		const { rss, pss } = rollup(r.pid);
		const type = /--type=(\S+)/.exec(r.args)?.[1] ?? 'browser';
		result.rss += rss / 1024;
		result.pss += pss / 1024;
		result.byType[type] = (result.byType[type] ?? 0) + pss / 1024;
		if (type === 'renderer') result.largestRenderer = Math.max(result.largestRenderer, pss / 1024);
	}
	return result;
}

/** Network profiles for CDP throttling: throughput in bytes per second, round trip in ms. */
export const PROFILES = {
	'1.6 Mbps / 150 ms': { downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8, latency: 150 },
	'400 kbps / 400 ms': { downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8, latency: 400 }
} as const;
export type ProfileName = keyof typeof PROFILES;

/** Throttles every request of the page (and its dedicated workers) to `profile`. */
export async function throttle(page: Page, profile: ProfileName): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
}

/**
 * An init script recording `window.<name>` = ms from navigation start when `selector` first
 * exists, after two animation frames (painted). A string, not a function: tsx would wrap named
 * functions in a helper the page lacks.
 */
export function paintedScript(selector: string, name: string): string {
	return `
		(() => {
			const observer = new MutationObserver(() => {
				if (!document.querySelector(${JSON.stringify(selector)})) return;
				observer.disconnect();
				requestAnimationFrame(() => requestAnimationFrame(() => (window[${JSON.stringify(name)}] = performance.now())));
			});
			observer.observe(document, { childList: true, subtree: true });
		})();
	`;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const quantile = (values: number[], p: number) => {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

/**
 * Requests the built site's large files (the engine's wasm, the Arrow tables) once, compressed, so
 * that the server under test (scripts/serve.js, which gzips each file on its first request and
 * keeps it) has them ready, as a host serving precompressed files does: a cold load then measures
 * the browser, not the test server compressing 34 MB while the page waits.
 */
export async function warmServer(origin: string, buildDir: string, dataDir: string): Promise<void> {
	const { readdirSync } = await import('node:fs');
	const files = readdirSync(`${buildDir}/_app/immutable`, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.wasm'))
		.map((f) => `/_app/immutable/${f}`)
		.concat(readdirSync(dataDir).filter((f) => f.endsWith('.arrow')).map((f) => `/data/${f}`));
	for (const path of files) await (await fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
}
