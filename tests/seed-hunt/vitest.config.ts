import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vite.config';

/**
 * The seed hunt: the unit tests with every fast-check property on a fresh random seed and more runs
 * (tests/seed-hunt/fast-check.ts). Not part of `npm test`; run it after changing a property:
 *   FC_MULT=10 FC_LOG=.cache/seeds.log npx vitest run -c tests/seed-hunt/vitest.config.ts $(grep -rl "fc.assert" tests/unit)
 * With FC_MULT above 1 a test that states its exact number of runs (`expect(runs).toBe(200)`) fails
 * by design; FC_MULT=1 in a loop checks that the deep-stage floors hold whatever the seed.
 */
export default mergeConfig(
	base,
	defineConfig({
		resolve: { alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./fast-check.ts', import.meta.url)) }] },
		test: { testTimeout: 1_200_000, hookTimeout: 600_000 }
	})
);
