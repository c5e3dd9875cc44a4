import { readDatasetMeta, SITE_DATA_DIR } from '$lib/server/dataset';
import type { LayoutServerLoad } from './$types';

/** The dataset's meta.json (row counts, hashes), read at build time; hashes version the file URLs. */
export const load: LayoutServerLoad = async () => ({ meta: await readDatasetMeta(SITE_DATA_DIR) });
