/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after the first visit (issue #14). On install the app shell of this version — build
 * files, every prerendered page of both languages — goes into one cache, and the county's and
 * towns' prepared answers into the data cache (small); the villages' prepared answers when the
 * page, idle on a fast connection, asks for them; the DuckDB engine and any Arrow table when first
 * fetched (they are big, and only views the prepared answers do not cover need them). Paths come from $service-worker, whose `base` is
 * worked out from this file's own address, so a site under /sandbox/ caches /sandbox/….
 */
import { base, build, files, prerendered, version } from '$service-worker';
import {
	DATA_CACHE,
	ENGINE_CACHE,
	cacheKey,
	isCurrentData,
	precacheList,
	preparedUrl,
	shellCache,
	staleCaches,
	staleEngineEntries,
	strategyFor,
	type DataMeta
} from '$lib/sw/strategy';
import type { PreparedIndex } from '$lib/data/prepared';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = shellCache(version);
/** Prepared answers kept per request of the page (keep-offline.ts). */
const PREPARED_BATCH = 60;
/** A page or __data.json slower than this, with a copy in the cache, is answered from the cache. */
const PAGE_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL);
			// Pages, __data.json and meta.json skip the HTTP cache (`reload`): the shell must be this
			// version's. Hashed files (build, data tables asked for by ?v=<hash>) may come from it: the
			// page of the first visit has just fetched them, and a host's ETag spares a second download.
			const get = async (path: string) => {
				const hashed = path.includes('/_app/immutable/') || /\?v=/.test(path);
				const response = await fetch(new Request(path, { cache: hashed ? 'default' : 'reload' }));
				if (!response.ok) throw new Error(`precache ${path}: ${response.status}`);
				return response;
			};
			await Promise.all(precacheList({ build, files, prerendered, base }).map(async (path) => cache.put(path, await get(path))));
			// The county's and towns' prepared answers, so every page's filters work offline (an
			// answer whose hash did not change since the last version is already there).
			await keepPrepared((index) => index.core, get);
			// A new version takes over at once; the page shows a notice and loads the next page in full.
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys(), version).map((key) => caches.delete(key)));
			const engine = await caches.open(ENGINE_CACHE);
			const cached = (await engine.keys()).map((r) => new URL(r.url).pathname);
			await Promise.all(staleEngineEntries(cached, build).map((path) => engine.delete(path)));
			const shell = await caches.open(SHELL);
			const meta = (await (await shell.match(`${base}/data/meta.json`))!.json()) as DataMeta;
			const data = await caches.open(DATA_CACHE);
			for (const request of await data.keys()) {
				const url = new URL(request.url);
				if (!isCurrentData(url.pathname, url.search, meta, base)) await data.delete(request);
			}
			// The first visit's page is served by this worker from now on (its header links work offline).
			await sw.clients.claim();
		})()
	);
});

/** Fetches and keeps the prepared answers `pick` names from the index (those not kept already). */
async function keepPrepared(pick: (index: PreparedIndex) => string[], get: (url: string) => Promise<Response> = fetchOk): Promise<void> {
	const shell = await caches.open(SHELL);
	const meta = (await (await shell.match(`${base}/data/meta.json`))?.json()) as DataMeta | undefined;
	const indexUrl = meta && preparedUrl(meta, base, 'index');
	if (!meta || !indexUrl) return;
	const data = await caches.open(DATA_CACHE);
	let index = await data.match(indexUrl);
	if (!index) {
		await data.put(indexUrl, await get(indexUrl));
		index = (await data.match(indexUrl))!;
	}
	const urls = pick((await index.json()) as PreparedIndex).map((name) => preparedUrl(meta, base, name)!);
	// A few at a time: the page's own requests keep their share of the connection.
	let next = 0;
	const worker = async () => {
		while (next < urls.length) {
			const url = urls[next++];
			if (!(await data.match(url))) await data.put(url, await get(url));
		}
	};
	await Promise.all([worker(), worker(), worker()]);
}

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return response;
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown } | null;
	// The page, idle on a fast connection, asks to keep the villages' prepared answers, a batch at a time (keep-offline.ts).
	if (data?.type === 'keep-prepared') {
		const batch = Number((data as { batch?: unknown }).batch) || 0;
		let more = false;
		const kept = keepPrepared((index) => {
			more = (batch + 1) * PREPARED_BATCH < index.villages.length;
			return index.villages.slice(batch * PREPARED_BATCH, (batch + 1) * PREPARED_BATCH);
		});
		return event.waitUntil(kept.then(() => event.ports[0]?.postMessage({ more }), () => event.ports[0]?.postMessage({ more: false })));
	}
	// A page asks to keep engine files it fetched before this worker controlled it (keep-offline.ts).
	if (data?.type !== 'keep' || !Array.isArray(data.urls)) return;
	event.waitUntil(
		(async () => {
			const cache = await caches.open(ENGINE_CACHE);
			for (const href of data.urls as unknown[]) {
				if (typeof href !== 'string') continue;
				const url = new URL(href, sw.location.href);
				if (url.origin !== sw.location.origin || strategyFor(url.pathname, base) !== 'engine') continue;
				if (await cache.match(url.pathname)) continue;
				const response = await fetch(url.pathname).catch(() => null);
				if (response?.ok) await cache.put(url.pathname, response);
			}
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Partial requests are the network's (the cache holds whole files).
	if (request.headers.has('range')) return;
	const strategy = strategyFor(url.pathname, base);
	if (strategy === 'pass') return;
	// Storing a copy reads the whole body: the page gets its answer without waiting for that.
	// (After the answer is given — a slow page answered from the cache — the worker may not wait.)
	const keep = (work: Promise<unknown>) => {
		const quiet = work.catch(() => {});
		try {
			event.waitUntil(quiet);
		} catch {
			// no longer extendable: the copy is stored if the worker lives long enough
		}
	};
	if (strategy === 'immutable') event.respondWith(cacheFirst(request, SHELL, keep));
	else if (strategy === 'engine') event.respondWith(cacheFirst(request, ENGINE_CACHE, keep));
	else if (strategy === 'prepared') event.respondWith(preparedAnswer(request, keep));
	else if (strategy === 'data') event.respondWith(dataFile(request, url, keep));
	else event.respondWith(networkFirst(request, url, keep));
});

/** Hashed files: the cache's copy if it has one, else the network's (kept). */
type Keep = (work: Promise<unknown>) => void;

async function cacheFirst(request: Request, name: string, keep: Keep): Promise<Response> {
	const cache = await caches.open(name);
	const hit = await cache.match(request, { ignoreSearch: true });
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') keep(cache.put(new URL(request.url).pathname, response.clone()));
	return response;
}

/** A prepared answer: its address names its version, so the cached copy of exactly that address, else the network's (kept). */
async function preparedAnswer(request: Request, keep: Keep): Promise<Response> {
	const cache = await caches.open(DATA_CACHE);
	const hit = await cache.match(request.url);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic' && !response.redirected) keep(cache.put(request.url, response.clone()));
	return response;
}

/**
 * A data file: the network's answer when online (a changed or broken file is seen as it is),
 * kept under its full address; offline, the copy of exactly that address (a table of another
 * hash would not match this version's meta.json).
 */
async function dataFile(request: Request, url: URL, keep: Keep): Promise<Response> {
	const cache = await caches.open(DATA_CACHE);
	let response: Response;
	try {
		response = await fetch(request);
	} catch (error) {
		const hit = await cache.match(url.href);
		if (hit) return hit;
		throw error;
	}
	if (response.ok && response.type === 'basic' && !response.redirected) {
		const copy = response.clone();
		keep(
			(async () => {
				// One copy per file: an older hash of it goes.
				for (const old of await cache.keys(url.pathname, { ignoreSearch: true })) await cache.delete(old);
				await cache.put(url.href, copy);
			})()
		);
	}
	return response;
}

/**
 * Pages, __data.json and meta.json: the network's answer when it comes (online, a changed or broken file is seen
 * as it is), else the cached copy. A page taking longer than PAGE_TIMEOUT_MS is answered from the
 * cache when there is a copy (a slow village link), the network's answer still refreshing it.
 */
async function networkFirst(request: Request, url: URL, keep: Keep): Promise<Response> {
	const cache = await caches.open(SHELL);
	const key = cacheKey(url);
	const network = fetch(request).then((response) => {
		if (response.ok && response.type === 'basic' && !response.redirected) keep(cache.put(key, response.clone()));
		return response;
	});
	network.catch(() => {}); // a failure is handled below; a late one after a cached answer is nobody's
	const isPage = request.mode === 'navigate' || url.pathname.endsWith('/__data.json');
	try {
		if (!isPage) return await network;
		const timeout = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), PAGE_TIMEOUT_MS));
		const first = await Promise.race([network, timeout]);
		if (first !== 'slow') return first;
		const hit = await cache.match(key);
		return hit ?? (await network);
	} catch (error) {
		const hit = await cache.match(key);
		if (hit) return hit;
		throw error;
	}
}
