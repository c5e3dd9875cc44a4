import { SCHEMAS, TABLE_NAMES, type TableName } from '$sim/dataset/schema';
import type { DatasetMeta, TableMeta } from '$lib/server/dataset';
import type { LoadedImport, StoredImport } from '$lib/import/browser/store';
import { DataEngine } from './data-engine.svelte';
import type { Dataset } from './dataset';
import { datasetProfile, type DatasetProfile } from './profile';

/** `generator` of a dataset imported in the browser. */
export const BROWSER_IMPORT_GENERATOR = 'import-browser-1';

/** The meta.json an imported dataset would have: its tables' rows, no prepared answers, what it was made from. */
export function importedMeta(stored: StoredImport, seed: number): DatasetMeta {
	const tables = Object.fromEntries(
		TABLE_NAMES.map((t): [TableName, TableMeta] => {
			const { rows, bytes } = stored.tables[t];
			const file = `${t}.arrow`;
			return [t, { file, rows, bytes, sha256: '', arrow: { file, bytes, sha256: '' } }];
		})
	) as Record<TableName, TableMeta>;
	return {
		generator: BROWSER_IMPORT_GENERATOR,
		seed,
		synthetic: false,
		imported: { files: stored.files, rows: stored.rows, kept: stored.kept, at: stored.at, places: stored.places },
		tables,
		...(stored.profile && { profile: stored.profile }),
		villageCases: { dir: '', files: 0, rows: 0, bytes: 0, sha256: '' },
		prepared: undefined
	};
}

/** The profile with the area named by the published figures (each language falls back to the other), as importArea does. */
function withArea(profile: DatasetProfile, area: { zh?: string; en?: string } | null): DatasetProfile {
	if (!area?.zh && !area?.en) return profile;
	return { ...profile, area: { zh: area.zh ?? area.en!, en: area.en ?? area.zh! } };
}

/**
 * The dataset imported in this browser (kept by src/lib/import/browser/store.ts) as the pages'
 * Dataset: engine-only (no prerendered or prepared answer is about it), its tables loaded from
 * the kept Arrow files through object URLs (nothing is fetched from the network), the whole
 * `cases` table loaded when a view drills down to a village. `close()` frees the URLs.
 */
export function importedDataset({ stored, blobs, published }: LoadedImport, seed: number): Dataset & { stored: StoredImport; close(): void } {
	const urls = Object.fromEntries(TABLE_NAMES.map((t) => [t, URL.createObjectURL(blobs[t])])) as Record<TableName, string>;
	const engine = new DataEngine({
		table: (name) => {
			const t = name as TableName;
			return { url: urls[t], file: `${t}.arrow`, rows: stored.tables[t].rows, columns: SCHEMAS[t].columns };
		}
	});
	return {
		meta: importedMeta(stored, seed),
		seed,
		villages: stored.villages,
		// Its places, period and fields (profile.ts), kept with it (an import kept before they were:
		// the county's); the area named by the published figures supplied with it, as the command
		// line names it; only those figures (none if none were supplied).
		profile: withArea(datasetProfile(stored), published?.area ?? null),
		published: published?.figures ?? {},
		engine,
		engineOnly: true,
		stored,
		prepared: () => null,
		preparedUrl: () => null,
		fileUrl: (file) => urls[file.replace(/\.(csv|arrow)$/, '') as TableName] ?? '#',
		withVillageCases: (tables) => engine.ready([...tables, 'cases']),
		close() {
			for (const u of Object.values(urls)) URL.revokeObjectURL(u);
		}
	};
}
