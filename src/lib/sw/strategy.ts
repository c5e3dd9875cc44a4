/**
 * The service worker's decisions, kept free of browser globals so unit tests can check them:
 * what to precache, which cache answers which request, and which caches a new version drops.
 */

/** Prefix of every cache this site owns (other sites on the same origin keep theirs). */
export const CACHE_PREFIX = 'ggs-';
/** The app shell of one version: build output, static files (data), prerendered pages. */
export const shellCache = (version: string): string => `${CACHE_PREFIX}shell-${version}`;
/**
 * The DuckDB engine (wasm and its workers), filled at run time when the page first fetches it:
 * only the one variant (eh or mvp) this browser uses is stored, never both. Shared across
 * versions; a new version keeps the entries whose hashed names it still uses.
 */
export const ENGINE_CACHE = `${CACHE_PREFIX}engine`;

/**
 * The data files (prepared answers, and once fetched the Arrow tables, per-village case files and
 * CSV downloads), by full address: the page asks for `file.arrow?v=<first 12 of its sha256>`, so an
 * unchanged file keeps its address across versions and is not downloaded again; a changed one
 * replaces the old copy.
 */
export const DATA_CACHE = `${CACHE_PREFIX}data`;

/** What the service worker reads of static/data/meta.json. */
export interface DataMeta {
	tables: Record<string, { arrow?: { file: string; sha256: string } }>;
	villageCases: { dir: string; sha256: string };
	prepared?: { dir: string; sha256: string };
}

/** The address of a prepared answer, or of their index (name `index`), as the pages ask for them (dataset.ts). */
export function preparedUrl(meta: DataMeta, base: string, name: string): string | null {
	return meta.prepared ? `${base}/data/${meta.prepared.dir}/${name}.json?v=${meta.prepared.sha256.slice(0, 12)}` : null;
}

/** The addresses the pages use for the dashboard's Arrow tables (as the layout builds them). */
export function dataTableUrls(meta: DataMeta, base: string): string[] {
	return Object.values(meta.tables).flatMap((t) => (t.arrow ? [`${base}/data/${t.arrow.file}?v=${t.arrow.sha256.slice(0, 12)}`] : []));
}

/** Whether a cached data address is still one this version's meta.json names (tables, village cases). */
export function isCurrentData(pathname: string, search: string, meta: DataMeta, base: string): boolean {
	if (dataTableUrls(meta, base).includes(pathname + search)) return true;
	if (meta.prepared && pathname.startsWith(`${base}/data/${meta.prepared.dir}/`)) return search === `?v=${meta.prepared.sha256.slice(0, 12)}`;
	const { dir, sha256 } = meta.villageCases;
	if (pathname.startsWith(`${base}/data/${dir}/`)) return search === `?v=${sha256.slice(0, 12)}`;
	// Other files (CSV downloads) are kept under their bare address, refreshed whenever fetched online.
	return search === '' && !pathname.endsWith('.arrow');
}

/** The DuckDB engine's files: the ~7 MB wasm and its prebuilt workers. */
export function isEngineFile(path: string): boolean {
	return /\.wasm$/.test(path) || /\/duckdb-browser-[^/]*\.worker[^/]*\.js$/.test(path);
}

/**
 * Build files only a few visitors use, kept once fetched instead of on install: the importer's
 * worker (about 1 MB with its Excel reader) serves the import page only.
 */
export function isOnUseFile(path: string): boolean {
	return /\/workers\/import\.worker-[^/]*\.js$/.test(path);
}

/**
 * The shell installed up front: every build file but the engine, every static file but the data
 * tables (meta.json stays: it names them), every prerendered page and its __data.json (both
 * languages) but the embed pages. Pages are stored under their trailing-slash address (the one the site links to),
 * so a cached page is never a redirect. The data files are not in it: the county's and towns'
 * prepared answers go to DATA_CACHE on install, the rest when fetched (or when the page asks).
 */
export function precacheList({ build, files, prerendered, base }: { build: string[]; files: string[]; prerendered: string[]; base: string }): string[] {
	// Embed pages (/embed/…, every chart × language) are another site's iframe, not this site's pages: fetched when shown.
	const pages = prerendered.filter((p) => !/^\/(en\/)?embed\//.test(p.slice(base.length))).map((p) => (/\/[^/.]+$/.test(p) ? `${p}/` : p));
	const shellFiles = files.filter((f) => !f.startsWith(`${base}/data/`) || f === `${base}/data/meta.json`);
	return [...new Set([...build.filter((f) => !isEngineFile(f) && !isOnUseFile(f)), ...shellFiles, ...pages])];
}

export type Strategy = 'immutable' | 'engine' | 'prepared' | 'data' | 'network-first' | 'pass';

/**
 * How a GET to `pathname` (same origin) is answered:
 * - `immutable`: hashed build files, cache first (their names change when their content does);
 * - `engine`: DuckDB files, cache first, stored on first fetch;
 * - `prepared`: prepared answers (static/data/prepared/*, versioned by `?v=<hash>`), cache first
 *   by full address in DATA_CACHE, stored on first fetch;
 * - `data`: static/data/* but meta.json — network first, kept in DATA_CACHE by full address;
 * - `network-first`: pages, __data.json, meta.json and anything else under the site — the
 *   network wins when it answers, the cache when it does not (offline);
 * - `pass`: outside the site (not under `base`), left to the browser.
 */
export function strategyFor(pathname: string, base: string): Strategy {
	if (!pathname.startsWith(`${base}/`)) return 'pass';
	const rest = pathname.slice(base.length);
	if (rest === '/service-worker.js') return 'pass';
	if (isEngineFile(rest)) return 'engine';
	if (rest.startsWith('/_app/immutable/')) return 'immutable';
	if (rest.startsWith('/data/prepared/')) return 'prepared';
	if (rest.startsWith('/data/') && rest !== '/data/meta.json') return 'data';
	return 'network-first';
}

/** Caches to delete when `version` activates: older shells (the engine and data caches are pruned, not dropped). */
export function staleCaches(keys: string[], version: string): string[] {
	return keys.filter((k) => k.startsWith(CACHE_PREFIX) && ![shellCache(version), ENGINE_CACHE, DATA_CACHE].includes(k));
}

/** Engine entries (by pathname) no longer named by the current build: a new engine replaced them. */
export function staleEngineEntries(cachedPaths: string[], build: string[]): string[] {
	const current = new Set(build);
	return cachedPaths.filter((p) => !current.has(p));
}

/** The shell's key for a page: its address without the query (`/?town=…` is the prerendered `/`). */
export function cacheKey(url: URL): string {
	return url.pathname;
}
