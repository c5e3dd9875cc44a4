import { ledgerData, NO_FILTERS } from '$lib/data/ledger-queries';
import { openNodeDb } from './node-db';

async function compute() {
	const db = await openNodeDb('static/data', ['cases']);
	try {
		return await ledgerData(db, NO_FILTERS);
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

/** The ledger page without filters, computed at build time by the same SQL the browser runs. */
export function prerenderedLedgers(): ReturnType<typeof compute> {
	return (cached ??= compute());
}
