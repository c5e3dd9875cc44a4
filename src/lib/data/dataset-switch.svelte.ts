import { getContext, setContext } from 'svelte';
import type { StoredImport } from '$lib/import/browser/store';
import { STORE_DIR, STORE_META } from '$lib/import/browser/store-names';
import type { Dataset } from './dataset';
import type { importedDataset } from './imported-dataset';

/** Set when the user went back to the default dataset (the kept import stays until forgotten). */
const USE_DEFAULT = 'ggs-import-use-default';

type Imported = ReturnType<typeof importedDataset>;

// The store and the imported dataset (a few kB with the importer's types and checks) are loaded
// only when a kept import may exist or the user acts on one: the first view of the default
// dataset does not carry them (issue #14's initial JS).
const store = () => import('$lib/import/browser/store');
const imported = () => import('./imported-dataset');


/**
 * Whether an import may be kept in this browser, without loading the store: false only when
 * neither OPFS holds its description nor IndexedDB has its database (when the browser cannot
 * list databases, it may). store.ts finds one only in those places, so a false here is never wrong.
 */
export async function keptImportMayExist(): Promise<boolean> {
	try {
		const root = await navigator.storage?.getDirectory?.();
		if (root) {
			const dir = await root.getDirectoryHandle(STORE_DIR).catch(() => null);
			if (dir && (await dir.getFileHandle(STORE_META).then(() => true, () => false))) return true;
		}
	} catch {
		// no OPFS here: the store uses IndexedDB
	}
	if (typeof indexedDB === 'undefined') return false;
	if (typeof indexedDB.databases !== 'function') return true;
	try {
		return (await indexedDB.databases()).some((d) => d.name === STORE_DIR);
	} catch {
		return true;
	}
}

/**
 * Which dataset the pages show: the site's own, or the one imported in this browser (kept in
 * OPFS / IndexedDB). The layout holds one; its banner and the import page switch it.
 */
export class DatasetSwitch {
	/** The dataset every page shows now. */
	current = $state.raw<Dataset>(null!);
	/** The kept import, shown or not (null: none). */
	kept = $state.raw<StoredImport | null>(null);
	/** Why the kept import could not be used (it was left alone; the default dataset is shown). */
	damaged = $state<string | null>(null);
	/** Whether the kept data has been looked for. */
	checked = $state(false);
	readonly site: Dataset;
	readonly #seed: number;
	#imported: Imported | null = null;

	constructor(site: Dataset) {
		this.site = site;
		this.current = site;
		this.#seed = site.seed;
	}

	get showingImport(): boolean {
		return this.current !== this.site;
	}

	/** Looks for a kept import and shows it unless the user chose the default dataset. */
	async restore(): Promise<void> {
		if (!(await keptImportMayExist())) {
			this.checked = true;
			return;
		}
		const [{ loadImport }, { importedDataset }] = await Promise.all([store(), imported()]);
		const found = await loadImport();
		this.checked = true;
		if (found === null) return;
		if ('damaged' in found) {
			this.damaged = found.damaged;
			return;
		}
		this.kept = found.stored;
		if (localStorage.getItem(USE_DEFAULT) === found.stored.generation) return;
		this.#show(importedDataset(found, this.#seed));
	}

	/** Shows the kept import (after an import, or again after going back to the default). */
	async useImport(): Promise<boolean> {
		localStorage.removeItem(USE_DEFAULT);
		const [{ loadImport }, { importedDataset }] = await Promise.all([store(), imported()]);
		const found = await loadImport();
		if (found === null) return false;
		if ('damaged' in found) {
			this.damaged = found.damaged;
			return false;
		}
		this.damaged = null;
		this.kept = found.stored;
		this.#show(importedDataset(found, this.#seed));
		return true;
	}

	/** Back to the site's dataset; the kept import stays (and is not shown on the next visit). */
	useDefault(): void {
		if (this.kept) localStorage.setItem(USE_DEFAULT, this.kept.generation);
		this.#show(null);
	}

	/** Forgets the kept import (or a damaged store) and shows the site's dataset. */
	async forget(): Promise<void> {
		// Gone from the store before the page says so (a reload right after must not find it).
		await (await store()).forgetImport();
		this.#show(null);
		localStorage.removeItem(USE_DEFAULT);
		this.kept = null;
		this.damaged = null;
	}

	#show(d: Imported | null): void {
		const old = this.#imported;
		this.#imported = d;
		this.current = d ?? this.site;
		// The old engine's tables are object URLs of the kept files: freed once it is no longer shown.
		old?.close();
	}
}

const KEY = Symbol('dataset-switch');

export function setDatasetSwitch(s: DatasetSwitch): DatasetSwitch {
	return setContext(KEY, s);
}

export function getDatasetSwitch(): DatasetSwitch {
	const s = getContext<DatasetSwitch | undefined>(KEY);
	if (!s) throw new Error('getDatasetSwitch() needs the layout');
	return s;
}
