import { BULLETIN_QUARTERS, bulletin, LEDGER_TABLES, ledgerData, NO_FILTERS } from '$lib/data/ledger-queries';
import { openNodeDb } from './node-db';

async function compute() {
	const db = await openNodeDb('static/data', LEDGER_TABLES);
	try {
		const quarter = BULLETIN_QUARTERS[BULLETIN_QUARTERS.length - 1];
		return { ledgers: await ledgerData(db, NO_FILTERS), bulletin: { quarter, rows: await bulletin(db, quarter) } };
	} finally {
		db.close();
	}
}

let cached: ReturnType<typeof compute> | undefined;

/** The ledger page without filters and the latest quarter's bulletin, computed at build time by the same SQL the browser runs. */
export function prerenderedLedgers(): ReturnType<typeof compute> {
	return (cached ??= compute());
}
