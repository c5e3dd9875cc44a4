import { readDatasetMeta, readPublished, SITE_DATA_DIR } from '$lib/server/dataset';
import { villageList } from '$lib/server/prerendered';
import { buildInfo } from '$lib/server/build-info';
import type { LayoutServerLoad } from './$types';

/**
 * The dataset as every page knows it, read at build time: meta.json (row counts, hashes: they
 * version the file URLs; the prepared answers) and its villages (a link's `village=` is checked
 * without the engine), the published figures supplied with it. The layout makes the page's Dataset
 * from it. And the build's version and date, which every page's "cite this page" block names.
 */
export const load: LayoutServerLoad = async () => {
	const meta = await readDatasetMeta(SITE_DATA_DIR);
	return { meta, villages: await villageList(), published: await readPublished(SITE_DATA_DIR, meta), build: buildInfo() };
};
