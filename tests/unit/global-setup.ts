import { writeDataset } from '../../scripts/dataset-writer';
import { DEFAULT_SEED, SITE_DATA_DIR } from '../../src/lib/server/dataset';

/** Unit tests read the site's dataset: generate it once, as `npm run data` would. */
export default async function setup(): Promise<void> {
	await writeDataset({ seed: DEFAULT_SEED, dir: SITE_DATA_DIR });
}
