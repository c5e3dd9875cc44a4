import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readDatasetMeta } from '../src/lib/server/dataset';
import { TABLE_NAMES } from '../sim/dataset/schema';

/**
 * Makes the site serve a dataset written elsewhere (by `npm run import`): checks that DIR holds a
 * dataset (meta.json naming every table, the files present) and copies it to the site's folder.
 * Returns a one-line problem, or null when it was copied.
 */
export async function useDataset(dir: string, siteDir: string): Promise<string | null> {
	let meta;
	try {
		meta = await readDatasetMeta(dir);
	} catch {
		return `DATASET=${dir} holds no readable meta.json (write one with npm run import -- … --out ${dir})`;
	}
	for (const t of TABLE_NAMES) {
		const file = meta.tables?.[t]?.file;
		if (!file) return `DATASET=${dir}: meta.json names no ${t} table`;
		if (!(await stat(resolve(dir, file)).catch(() => null))) return `DATASET=${dir}: ${file} is missing`;
	}
	if (resolve(dir) === resolve(siteDir)) return null;
	await rm(siteDir, { recursive: true, force: true });
	await mkdir(siteDir, { recursive: true });
	await cp(dir, siteDir, { recursive: true, filter: (src) => !src.endsWith('report.json') });
	return null;
}
