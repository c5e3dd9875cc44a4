import type { Village } from '$lib/data/scope';
import { openNodeDb } from './node-db';

async function compute(): Promise<Village[]> {
	const db = await openNodeDb('static/data', ['units']);
	try {
		return await db.query<Village>(
			`SELECT unit_id::VARCHAR AS id, town_code AS town, name_zh AS zh, name_en AS en FROM units WHERE level = 'village' ORDER BY unit_id`
		);
	} finally {
		db.close();
	}
}

let cached: Promise<Village[]> | undefined;

/** The county's villages, read from the dataset at build time: pages that drill down to a village name and check it without the engine. */
export function villageList(): Promise<Village[]> {
	return (cached ??= compute());
}
