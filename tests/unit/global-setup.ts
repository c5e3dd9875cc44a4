import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeDataset } from '../../scripts/dataset-writer';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A temporary folder holding the site's dataset, as `npm run data` writes it (tests read `inject('dataDir')`). */
		dataDir: string;
	}
}

/**
 * Unit tests read the site's dataset: generated once into a temporary folder (never into
 * static/data, which the build and the dev server serve), removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const dir = await mkdtemp(join(tmpdir(), 'ggs-data-'));
	await writeDataset({ seed: DEFAULT_SEED, dir });
	project.provide('dataDir', dir);
	return () => rm(dir, { recursive: true, force: true });
}
