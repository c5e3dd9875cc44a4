import { gridData, GRID_TABLES } from '$lib/data/grid-queries';
import { COUNTY } from '$lib/data/scope';
import { openNodeDb } from '$lib/server/node-db';
import { villageList } from '$lib/server/villages';
import type { PageServerLoad } from './$types';

async function compute() {
	const db = await openNodeDb('static/data', GRID_TABLES);
	try {
		return await gridData(db, COUNTY);
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

/** The county view, computed at build time by the same SQL the browser runs for a town, a village or a colour. */
export const load: PageServerLoad = async () => ({ grid: await (cached ??= compute()), villages: await villageList() });
