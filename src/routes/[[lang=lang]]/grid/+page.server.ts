import { gridData, GRID_TABLES } from '$lib/data/grid-queries';
import { openNodeDb } from '$lib/server/node-db';
import type { PageServerLoad } from './$types';

async function compute() {
	const db = await openNodeDb('static/data', GRID_TABLES);
	try {
		return await gridData(db, null);
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

/** The county view, computed at build time by the same SQL the browser runs for a town. */
export const load: PageServerLoad = async () => ({ grid: await (cached ??= compute()) });
