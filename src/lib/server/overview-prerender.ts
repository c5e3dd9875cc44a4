import { byTown, overviewData, OVERVIEW_TABLES } from '$lib/data/overview-queries';
import { openNodeDb } from './node-db';

/**
 * The county-wide overview, computed at build time by DuckDB in Node with the same SQL the
 * browser runs, so pages show real numbers before the in-browser engine has started. Computed
 * once per build and shared by every prerendered page that shows it.
 */
async function compute() {
	const db = await openNodeDb('static/data', OVERVIEW_TABLES);
	try {
		const [overview, towns] = await Promise.all([overviewData(db, null), byTown(db)]);
		return { overview, towns };
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

export function prerenderedOverview(): ReturnType<typeof compute> {
	return (cached ??= compute());
}
