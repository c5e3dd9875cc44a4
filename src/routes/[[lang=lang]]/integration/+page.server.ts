import { integrationData, INTEGRATION_TABLES } from '$lib/data/integration-queries';
import { COUNTY } from '$lib/data/scope';
import { openNodeDb } from '$lib/server/node-db';
import { villageList } from '$lib/server/villages';
import type { PageServerLoad } from './$types';

async function compute() {
	const db = await openNodeDb('static/data', INTEGRATION_TABLES);
	try {
		return await integrationData(db, COUNTY);
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

/** The county view, computed at build time by the same SQL the browser runs for a town or a village. */
export const load: PageServerLoad = async () => ({ integration: await (cached ??= compute()), villages: await villageList() });
