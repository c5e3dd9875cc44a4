import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

/** Ports of the two servers (root, sub-path): TEST_PORT moves both, so two checkouts can test at once. */
export const PORT = Number(process.env.TEST_PORT ?? 4173);
export const SUBPATH_PORT = PORT + 1;
/** The site built on the importer's Open311 fixture (scripts/build-imported.ts: built first when stale, ~30 s). */
export const IMPORTED_PORT = PORT + 2;

/**
 * Browser tests drive the built site (npm run build first) in the system Chromium, served by a
 * plain static file server twice: at the root and under a sub-path, as a government site might host it.
 */
export default defineConfig({
	testDir: 'tests/browser',
	fullyParallel: true,
	workers: 2,
	// No retry: a test that fails once fails the run. A retry hid a real defect (the ledger
	// drill-down's Back showed the county's view: a shallow history entry written a task after its
	// view, and Back after a reload went to the URL the page was loaded with; shallow-url.svelte.ts).
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure'
	},
	webServer: [
		{ command: `node scripts/serve.js build ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
		{ command: `node scripts/serve.js build ${SUBPATH_PORT} --prefix /sandbox`, url: `http://127.0.0.1:${SUBPATH_PORT}/sandbox/`, reuseExistingServer: false },
		{
			command: `node_modules/.bin/tsx scripts/build-imported.ts && node scripts/serve.js build-imported ${IMPORTED_PORT}`,
			url: `http://127.0.0.1:${IMPORTED_PORT}/`,
			reuseExistingServer: false,
			timeout: 300_000
		}
	]
});
