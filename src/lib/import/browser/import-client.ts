/**
 * The page's side of the import worker: one worker at a time, its calls with progress, and
 * cancel (the worker — and its DuckDB — terminated; a new one starts on the next call).
 */
import * as Comlink from 'comlink';
import type { Encoding } from '../decode';
import type { Mapping } from '../mapping';
import type { FileKind } from '../table-vocabulary';
import type { ImportReport } from '../pipeline';
import type { ImportProgress, ImportWorkerApi, Outcome, ReadResult } from './import.worker';
import type { StoredImport } from './store';

export type { ImportProgress, ReadResult };

/** The worker was terminated (cancel) while a call was under way. */
export class ImportCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'ImportCancelled';
	}
}

export class ImportClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<ImportWorkerApi> | null = null;
	#cancel: (() => void) | null = null;

	#remote(): Comlink.Remote<ImportWorkerApi> {
		if (!this.#api) {
			this.#worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
			this.#api = Comlink.wrap<ImportWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	async #call<T>(f: (api: Comlink.Remote<ImportWorkerApi>, progress: (p: ImportProgress) => void) => Promise<Outcome<T>>, onProgress: (p: ImportProgress) => void): Promise<Outcome<T>> {
		const api = this.#remote();
		const worker = this.#worker!;
		const cancelled = new Promise<never>((_, reject) => (this.#cancel = () => reject(new ImportCancelled())));
		const failed = new Promise<never>((_, reject) =>
			worker.addEventListener('error', (e) => {
				e.preventDefault();
				reject(new Error(e.message || 'the import worker stopped'));
			})
		);
		try {
			return await Promise.race([f(api, Comlink.proxy(onProgress)), cancelled, failed]);
		} finally {
			this.#cancel = null;
		}
	}

	/** `kinds`: what each file holds, as the user chose (default: as its headers suggest). */
	read(files: { file: File; encoding?: Encoding }[], onProgress: (p: ImportProgress) => void, kinds?: FileKind[]): Promise<Outcome<ReadResult>> {
		return this.#call((api, p) => api.read(files, p, kinds), onProgress);
	}

	check(mapping: Mapping, onProgress: (p: ImportProgress) => void): Promise<Outcome<ImportReport>> {
		return this.#call((api, p) => api.check(mapping, p), onProgress);
	}

	use(onProgress: (p: ImportProgress) => void): Promise<Outcome<StoredImport>> {
		return this.#call((api, p) => api.use(p), onProgress);
	}

	/** Starts the worker and its DuckDB ahead of the first file (the same self-hosted engine files as the dashboard's). */
	warm(): void {
		void this.#remote()
			.warm()
			.catch(() => {});
	}

	parseMapping(text: string): Promise<Outcome<Mapping>> {
		return this.#remote().parseMapping(text);
	}

	knownStatuses(values: string[]): Promise<Record<string, string>> {
		return this.#remote().knownStatuses(values);
	}

	/** Stops whatever the worker does: it is terminated with its DuckDB (the files read are gone from it). */
	cancel(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
		this.#cancel?.();
	}

	close(): void {
		this.cancel();
	}
}
