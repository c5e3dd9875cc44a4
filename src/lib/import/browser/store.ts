/**
 * The imported dataset kept in this browser: its tables as Arrow IPC streams (what the engine loads
 * without parsing; the cleaned cases and the derived tables, restored in the time a file takes to
 * read) and a small description, in the origin-private file system (OPFS), else in IndexedDB.
 * Works in a window and in a worker. Nothing leaves the browser.
 */
import type { Village } from '$lib/data/scope';
import { TABLE_NAMES, type TableName } from '$sim/dataset/schema';
import type { ImportReport } from '../pipeline';

export const STORED_FORMAT = 'ggs-imported-dataset';

import type { DatasetProfile } from '$lib/data/profile';
import { parsePublished } from '$lib/data/published-figures';
import { STORE_DIR, STORE_META } from './store-names';

export interface StoredImport {
	format: typeof STORED_FORMAT;
	version: 1;
	/** Names the tables' files of this save (an unfinished later save never mixes with it). */
	generation: string;
	files: string[];
	rows: number;
	kept: number;
	/** When it was imported (ISO time). */
	at: string;
	places: 'county' | 'own';
	/** The place's name, for the file's own places. */
	placeName?: string;
	villages: Village[];
	tables: Record<TableName, { rows: number; bytes: number }>;
	report: ImportReport;
	/** Its places, period and fields (src/lib/data/profile.ts), as the command line writes them into meta.json. */
	profile?: DatasetProfile;
}

/** A kept import; `published`: the figures supplied with it (a published.json, src/lib/data/published-figures.ts). */
export type LoadedImport = { stored: StoredImport; blobs: Record<TableName, Blob>; published?: Published };
type Published = ReturnType<typeof parsePublished>;

const DIR = STORE_DIR;
const META = STORE_META;
const fileName = (generation: string, table: string) => `${generation}-${table}.arrow`;
const publishedName = (generation: string) => `${generation}-published.json`;

async function opfsDir(): Promise<FileSystemDirectoryHandle | null> {
	try {
		if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
		const root = await navigator.storage.getDirectory();
		const dir = await root.getDirectoryHandle(DIR, { create: true });
		// createWritable is what this module writes with; without it (older Safari), IndexedDB.
		const probe = await dir.getFileHandle('.probe', { create: true });
		if (typeof (probe as FileSystemFileHandle & { createWritable?: unknown }).createWritable !== 'function') return null;
		return dir;
	} catch {
		return null;
	}
}

// IndexedDB: one object store of Blobs (and the description as text) by name.
function idb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(DIR, 1);
		open.onupgradeneeded = () => open.result.createObjectStore('files');
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
}
async function idbDo<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
	const db = await idb();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const tx = db.transaction('files', mode);
			const req = f(tx.objectStore('files'));
			tx.oncomplete = () => resolve(req ? req.result : undefined);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** Saves an import (replacing the one kept): the tables first, the description last. */
export async function saveImport(stored: StoredImport, tables: Record<TableName, Uint8Array>): Promise<'opfs' | 'indexeddb'> {
	const dir = await opfsDir();
	if (dir) {
		for (const t of TABLE_NAMES) {
			const w = await (await dir.getFileHandle(fileName(stored.generation, t), { create: true })).createWritable();
			await w.write(tables[t] as Uint8Array<ArrayBuffer>);
			await w.close();
		}
		const w = await (await dir.getFileHandle(META, { create: true })).createWritable();
		await w.write(JSON.stringify(stored));
		await w.close();
		// Files of earlier saves go (their tables and published figures).
		for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
			if ((name.endsWith('.arrow') || name.endsWith('-published.json')) && !name.startsWith(`${stored.generation}-`)) await dir.removeEntry(name).catch(() => {});
		}
		return 'opfs';
	}
	await idbDo('readwrite', (s) => {
		s.clear();
		for (const t of TABLE_NAMES) s.put(new Blob([tables[t] as Uint8Array<ArrayBuffer>]), fileName(stored.generation, t));
		s.put(JSON.stringify(stored), META);
	});
	return 'indexeddb';
}

/**
 * Keeps the published figures supplied with the kept import of `generation` (the text of its
 * published.json, already checked): they go with it when it is replaced or forgotten.
 */
export async function savePublished(generation: string, text: string): Promise<void> {
	const dir = await opfsDir();
	if (dir) {
		const w = await (await dir.getFileHandle(publishedName(generation), { create: true })).createWritable();
		await w.write(text);
		await w.close();
		return;
	}
	await idbDo('readwrite', (s) => {
		s.put(text, publishedName(generation));
	});
}

/** Why a kept description cannot be used, or null. */
export function storedProblem(doc: unknown): string | null {
	const s = doc as Partial<StoredImport> | null;
	if (!s || typeof s !== 'object' || s.format !== STORED_FORMAT || s.version !== 1) return 'not a kept import';
	if (typeof s.generation !== 'string' || !Array.isArray(s.files) || !Array.isArray(s.villages) || typeof s.kept !== 'number' || typeof s.at !== 'string') return 'its description is incomplete';
	if (!s.tables || TABLE_NAMES.some((t) => typeof s.tables![t]?.rows !== 'number' || typeof s.tables![t]?.bytes !== 'number')) return 'its tables are not all described';
	return null;
}

/**
 * The kept import: null when there is none; `{ damaged }` when what is kept cannot be used (a
 * description that does not parse, a table file missing or of the wrong size).
 */
export async function loadImport(): Promise<LoadedImport | { damaged: string } | null> {
	try {
		const dir = await opfsDir();
		let text: string | undefined;
		let blob: (name: string) => Promise<Blob | undefined>;
		let published: (name: string) => Promise<string | undefined>;
		if (dir) {
			text = await dir
				.getFileHandle(META)
				.then((h) => h.getFile())
				.then((f) => f.text())
				.catch(() => undefined);
			blob = (name) =>
				dir
					.getFileHandle(name)
					.then((h) => h.getFile())
					.catch(() => undefined);
			published = (name) => blob(name).then((b) => b?.text());
		} else {
			text = await idbDo<string>('readonly', (s) => s.get(META) as IDBRequest<string>);
			blob = (name) => idbDo<Blob>('readonly', (s) => s.get(name) as IDBRequest<Blob>);
			published = (name) => idbDo<string>('readonly', (s) => s.get(name) as IDBRequest<string>);
		}
		if (text === undefined) return null;
		let stored: StoredImport;
		try {
			stored = JSON.parse(text);
		} catch {
			return { damaged: 'its description is not JSON' };
		}
		const problem = storedProblem(stored);
		if (problem) return { damaged: problem };
		const blobs = {} as Record<TableName, Blob>;
		for (const t of TABLE_NAMES) {
			const b = await blob(fileName(stored.generation, t));
			if (!b) return { damaged: `the table ${t} is missing` };
			if (b.size !== stored.tables[t].bytes) return { damaged: `the table ${t} has ${b.size} bytes, not ${stored.tables[t].bytes}` };
			blobs[t] = b;
		}
		const figures = await published(publishedName(stored.generation));
		let supplied: Published | undefined;
		if (figures !== undefined) {
			try {
				supplied = parsePublished(JSON.parse(figures));
			} catch (e) {
				return { damaged: `its published figures cannot be read (${e instanceof Error ? e.message : String(e)})` };
			}
		}
		return { stored, blobs, ...(supplied && { published: supplied }) };
	} catch (e) {
		return { damaged: e instanceof Error ? e.message : String(e) };
	}
}

/** Forgets the kept import (both stores). */
export async function forgetImport(): Promise<void> {
	try {
		const root = await navigator.storage?.getDirectory?.();
		if (root) {
			// The description first: without it nothing is found, even if a table file cannot go yet.
			const dir = await root.getDirectoryHandle(DIR).catch(() => null);
			await dir?.removeEntry(META).catch(() => {});
			await root.removeEntry(DIR, { recursive: true }).catch(() => {});
		}
	} catch {
		// no OPFS
	}
	if (typeof indexedDB !== 'undefined') await idbDo('readwrite', (s) => s.clear()).catch(() => {});
}
