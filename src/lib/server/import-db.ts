import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { QueryParam } from '$lib/data/query-runner';
import { openMemoryDb } from './dataset';
import type { ImportDb } from '$lib/import/types';

export interface NodeImportDb extends ImportDb {
	/** A result as one array per column. */
	columns(sql: string, params?: readonly QueryParam[]): Promise<unknown[][]>;
	close(): void;
}

/** The importer's database in Node: DuckDB in memory; registered files are written to a private temporary folder. */
export async function openImportDb(): Promise<NodeImportDb> {
	const db = await openMemoryDb();
	const dir = mkdtempSync(join(tmpdir(), 'ggs-import-'));
	let n = 0;
	return {
		query: db.query,
		columns: db.columns,
		async registerFile(name, bytes) {
			const path = join(dir, `${n++}-${basename(name).replace(/[^\w.-]/g, '_')}`);
			await writeFile(path, bytes);
			return path;
		},
		async dropFile(path) {
			await rm(path, { force: true });
		},
		close() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
