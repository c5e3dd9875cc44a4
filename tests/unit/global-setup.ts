import { DEFAULT_SEED, SITE_DATA_DIR, writeDataset } from '../../scripts/dataset-writer';

/** Unit tests read the site's dataset: generate it once, as `npm run data` would. */
export default async function setup(): Promise<void> {
	await writeDataset({ seed: DEFAULT_SEED, dir: SITE_DATA_DIR });
}
