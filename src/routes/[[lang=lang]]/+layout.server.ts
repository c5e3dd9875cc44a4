import { readFile } from 'node:fs/promises';
import type { DatasetMeta } from '../../../scripts/dataset-writer';
import type { LayoutServerLoad } from './$types';

/** The dataset's meta.json (row counts, hashes), read at build time; hashes version the file URLs. */
export const load: LayoutServerLoad = async () => {
	const meta = JSON.parse(await readFile('static/data/meta.json', 'utf8')) as DatasetMeta;
	return { meta };
};
