import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SITE_STATIC and SITE_BUILD move the static folder (with its data/) and the output: a second
		// site on another dataset can be built beside the default one (tests: scripts/build-imported.ts).
		adapter: adapter({ pages: process.env.SITE_BUILD ?? 'build', assets: process.env.SITE_BUILD ?? 'build', fallback: undefined, strict: true }),
		files: { assets: process.env.SITE_STATIC ?? 'static' },
		// Relative asset paths let one build run from any folder of any plain static server
		// (a government site may host it at /sandbox/); BASE_PATH is only needed for the dev server.
		paths: { base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''), relative: true },
		alias: { $sim: 'sim' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*', '/en/', '/en/methods/', '/en/model/', '/en/simulate/', '/en/ledgers/', '/en/integration/', '/en/grid/'] }
	}
};

export default config;
