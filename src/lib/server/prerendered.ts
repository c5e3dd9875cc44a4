import type { TableName } from '$sim/dataset/schema';
import { Cache } from '../cache';
import { gridData, GRID_TABLES } from '../data/grid-queries';
import { integrationData, INTEGRATION_TABLES } from '../data/integration-queries';
import { bulletin, LEDGER_TABLES, ledgerData, ledgerQuarters, noFilters } from '../data/ledger-queries';
import { byTown, overviewData, OVERVIEW_TABLES } from '../data/overview-queries';
import type { QueryRunner } from '../data/query-runner';
import { rankingSlice, townRanking } from '../data/ranking-queries';
import { COUNTY, type Village } from '../data/scope';
import { datasetProfile, type DatasetProfile } from '../data/profile';
import { openNodeDb, readDatasetMeta, SITE_DATA_DIR } from './dataset';

const answers = new Cache<string, Promise<unknown>>();

/**
 * An answer computed at build time by DuckDB in Node over the site's dataset, with the same SQL
 * the browser runs later: the pages show real numbers before the in-browser engine has started.
 * Computed once per build (`name` keys it) and shared by every page that shows it.
 */
export function prerendered<T>({
	name,
	tables,
	compute
}: {
	name: string;
	tables: readonly TableName[];
	/** The answer from DuckDB over the dataset, whose profile (places, period: profile.ts) it is given. */
	compute: (db: QueryRunner, profile: DatasetProfile) => Promise<T>;
}): () => Promise<T> {
	return () =>
		answers.getOrMake(name, async () => {
			const profile = datasetProfile(await readDatasetMeta(SITE_DATA_DIR));
			const db = await openNodeDb(SITE_DATA_DIR, tables);
			try {
				return await compute(db, profile);
			} finally {
				db.close();
			}
		}) as Promise<T>;
}

/** The county-wide overview (the overview and methods pages). */
export const prerenderedOverview = prerendered({
	name: 'overview',
	tables: OVERVIEW_TABLES,
	compute: async (db, profile) => {
		const [overview, towns] = await Promise.all([overviewData(db, null, profile), byTown(db, profile)]);
		return { overview, towns };
	}
});

/** The ledger page without filters (its town ranking too) and the latest quarter's bulletin. */
export const prerenderedLedgers = prerendered({
	name: 'ledgers',
	tables: LEDGER_TABLES,
	compute: async (db, profile) => {
		const quarters = ledgerQuarters(profile);
		const quarter = quarters[quarters.length - 1];
		const none = noFilters(profile);
		return {
			ledgers: await ledgerData(db, none),
			ranking: townRanking(await rankingSlice(db, null), none.from, none.to),
			bulletin: { quarter, rows: await bulletin(db, quarter) }
		};
	}
});

/** The ledger page filtered to the dataset's first town: the default view of the embed of a town's villages (src/lib/embed/registry.ts). */
export const prerenderedTownLedgers = prerendered({
	name: 'ledgers-first-town',
	tables: LEDGER_TABLES,
	compute: (db, profile) => ledgerData(db, { ...noFilters(profile), town: profile.towns[0]?.code ?? null })
});

/** The "321" page's county view. */
export const prerenderedGrid = prerendered({ name: 'grid', tables: GRID_TABLES, compute: (db) => gridData(db, COUNTY) });

/** The integration page's county view. */
export const prerenderedIntegration = prerendered({ name: 'integration', tables: INTEGRATION_TABLES, compute: (db) => integrationData(db, COUNTY) });

/** The county's villages: pages that drill down to a village name and check it without the engine. */
export const villageList = prerendered({
	name: 'villages',
	tables: ['units'],
	compute: (db) =>
		db.query<Village>(`SELECT unit_id::VARCHAR AS id, town_code AS town, name_zh AS zh, name_en AS en FROM units WHERE level = 'village' ORDER BY unit_id`)
});
