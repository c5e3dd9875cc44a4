import { sveltekit } from '@sveltejs/kit/vite';
import { statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { townMapCells } from './src/lib/components/town-map-geometry.ts';

/** The engine's wasm sizes on disk: the page shows its download in bytes (duckdb-browser.ts). */
const wasmBytes = (variant: string) => statSync(`node_modules/@duckdb/duckdb-wasm/dist/duckdb-${variant}.wasm`).size;

export default defineConfig({
	plugins: [sveltekit()],
	define: {
		__DUCKDB_WASM_BYTES__: JSON.stringify({ eh: wasmBytes('eh'), mvp: wasmBytes('mvp') }),
		// The schematic town map's cells, computed here once: the pages carry no d3-delaunay.
		__TOWN_MAP_CELLS__: JSON.stringify(townMapCells())
	},
	// duckdb-wasm ships prebuilt workers; pre-bundling it breaks their ?url imports.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	ssr: { external: ['@duckdb/node-api'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/unit/global-setup.ts'],
		// Room for a busy machine (the CLI tests start tsx and DuckDB: 28 s at a load average of 13
		// on 2 cores); a timeout costs nothing while tests pass and only fails a slow machine's run.
		testTimeout: 180_000,
		hookTimeout: 180_000
	}
});
