import { getContext, setContext } from 'svelte';
import { Cache } from '$lib/cache';
import type { DatasetMeta } from '$lib/server/dataset';
import { ALL } from '$sim/dataset/case-cubes';
import { SCHEMAS, type BrowserTable } from '$sim/dataset/schema';
import { DataEngine } from './data-engine.svelte';
import { DataError, fetchDataFile } from './data-error';
import type { TableFile } from './duckdb-browser';
import type { QueryRunner } from './query-runner';
import { datasetProfile, type DatasetProfile } from './profile';
import type { Figures } from './published-figures';
import type { Village } from './scope';

/**
 * The dataset the dashboard pages show, one object in the layout's context: what it is (meta.json),
 * its villages, its table files (for the engine), its prepared answers, and the engine over it.
 * Pages never build data URLs themselves: switching to another dataset (an imported one, #13) is
 * building another Dataset here.
 */
export interface Dataset {
	meta: DatasetMeta;
	seed: number;
	villages: readonly Village[];
	/** Whose data it is, its towns (`profile.towns`), period and fields (profile.ts; from meta.json). */
	profile: DatasetProfile;
	/** Published figures supplied for it (the synthetic county's; an import's published.json; else none). */
	published: Figures;
	/** The DuckDB-WASM engine over this dataset's tables (started when a view needs it). */
	engine: DataEngine;
	/**
	 * The prepared answer `name` (see prepared.ts) as parsed JSON, or null when the dataset has no
	 * prepared answers (the page then asks the engine). Rejects with a DataError (missing, damaged).
	 */
	prepared(name: string): Promise<unknown> | null;
	/** The address of one of the dataset's files (a CSV download, say: `units.csv`). */
	fileUrl(file: string): string;
	/** The address of a prepared answer (the service worker keeps them; tests and benchmarks watch them). */
	preparedUrl(name: string): string | null;
	/** The engine with `tables` loaded and one village's cases appended to the `cases` table. */
	withVillageCases(tables: readonly BrowserTable[], village: string): Promise<QueryRunner>;
	/**
	 * Data imported in this browser (src/lib/data/imported-dataset.ts): no prerendered or prepared
	 * answer is about it, so every view, the first included, asks the engine.
	 */
	engineOnly?: boolean;
}

async function fetchJson(url: string, file: string): Promise<unknown> {
	const response = await fetchDataFile(url, file);
	try {
		return await response.json();
	} catch (e) {
		throw new DataError({ kind: 'file-corrupt', file, detail: e instanceof Error ? e.message : String(e) });
	}
}

/**
 * The site's own dataset (static/data, written by `npm run data`), its files under `dataUrl(path)`
 * (the site's /data/), each versioned by its hash in meta.json.
 */
export function siteDataset({
	meta,
	villages,
	published,
	dataUrl
}: {
	meta: DatasetMeta;
	villages: readonly Village[];
	published: Figures;
	dataUrl: (path: string) => string;
}): Dataset {
	const table = (name: string): TableFile => {
		const t = meta.tables[name as BrowserTable];
		if (!t?.arrow) throw new DataError({ kind: 'file-missing', file: `${name}.arrow`, status: 0 });
		return { url: `${dataUrl(t.arrow.file)}?v=${t.arrow.sha256.slice(0, 12)}`, file: t.arrow.file, rows: t.rows, columns: SCHEMAS[name as BrowserTable].columns };
	};
	const engine = new DataEngine({ table });
	const answers = new Cache<string, Promise<unknown>>({ limit: 64 });
	const preparedUrl = (name: string) => (meta.prepared ? `${dataUrl(`${meta.prepared.dir}/${name}.json`)}?v=${meta.prepared.sha256.slice(0, 12)}` : null);
	return {
		meta,
		seed: meta.seed,
		villages,
		profile: datasetProfile(meta),
		published,
		engine,
		preparedUrl,
		fileUrl: dataUrl,
		prepared(name) {
			const url = preparedUrl(name);
			if (url === null) return null;
			return answers.getOrMake(name, () => fetchJson(url, `${meta.prepared!.dir}/${name}.json`));
		},
		withVillageCases(tables, village) {
			const { dir, sha256 } = meta.villageCases;
			return engine.withAppended([...tables, 'case_villages'], 'cases', village, async () => {
				// case_villages says how many cases the village's file must hold.
				const db = await engine.ready(['case_villages']);
				const [{ n }] = await db.query<{ n: number }>(
					`SELECT coalesce(sum(cases), 0)::INTEGER AS n FROM case_villages WHERE village_id = $1::VARCHAR AND ledger = '${ALL}'`,
					[village]
				);
				const file = `${dir}/${village}.arrow`;
				return { url: `${dataUrl(file)}?v=${sha256.slice(0, 12)}`, file, rows: n, columns: SCHEMAS.cases.columns };
			});
		}
	};
}

const KEY = Symbol('dataset');

/** Sets the pages' dataset; a function gives the current one (the layout switches to imported data and back). */
export function setDataset<D extends Dataset | (() => Dataset)>(dataset: D): D {
	return setContext(KEY, dataset);
}

export function getDataset(): Dataset {
	const dataset = getContext<Dataset | (() => Dataset) | undefined>(KEY);
	if (!dataset) throw new Error('getDataset() needs a Dataset set by the layout');
	return typeof dataset === 'function' ? dataset() : dataset;
}
