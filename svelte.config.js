import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Relative asset paths let one build run from any folder of any plain static server
		// (a government site may host it at /sandbox/); BASE_PATH is only needed for the dev server.
		paths: { base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''), relative: true },
		alias: { $sim: 'sim' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*', '/en/', '/en/embed/overview/monthly/', '/en/embed/overview/towns/', '/en/embed/ledgers/rates/', '/en/methods/', '/en/model/', '/en/simulate/', '/en/ledgers/', '/en/integration/', '/en/grid/'] }
	}
};

export default config;
