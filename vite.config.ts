import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// duckdb-wasm ships prebuilt workers; pre-bundling it breaks their ?url imports.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	ssr: { external: ['@duckdb/node-api'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/unit/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
