import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/lib/import/mapping';
import { applyMapping, readFiles, suggest } from '../../src/lib/import/pipeline';
import type { ImportDb } from '../../src/lib/import/types';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';
import { openImportDb } from '../../src/lib/server/import-db';
import { openWasmImportDb } from './wasm-db';

const PARQUET = 'tests/fixtures/import/ledger.parquet';
const MAP = 'tests/fixtures/import/ledger.map.json';

/** Everything the importer makes of the file: the staged text, the profiles, the checks' report and the cases. */
async function run(db: ImportDb) {
	const raw = await readFiles(db, [{ name: 'ledger.parquet', bytes: new Uint8Array(readFileSync(PARQUET)) }]);
	const staged = await db.query<Record<string, unknown>>(`SELECT * FROM import_raw ORDER BY _file, _row`);
	const { profiles } = await suggest(db, raw, { seed: DEFAULT_SEED });
	const { report } = await applyMapping(db, raw, parseMapping(JSON.parse(readFileSync(MAP, 'utf8'))), { seed: DEFAULT_SEED });
	// As text: the two engines hand timestamps and 64-bit numbers to JavaScript differently.
	const cases = await db.query<Record<string, unknown>>(`SELECT COLUMNS(*)::VARCHAR FROM cases ORDER BY case_id`);
	return { raw, staged, profiles, report, cases };
}

/**
 * Parquet in the browser: DuckDB-WASM offline cannot read it, so the worker decodes it with
 * hyparquet and inserts Arrow tables (parquet-js.ts). The same file read by DuckDB's own Parquet
 * reader in Node (the command line) is the independent computation: every staged value, profile,
 * check count and case must be the same.
 */
describe('Parquet read in JavaScript (the browser path)', () => {
	it('stages, profiles, checks and builds exactly what DuckDB in Node makes of the same file', async () => {
		const node = await openImportDb();
		const wasm = await openWasmImportDb();
		try {
			const want = await run(node);
			const got = await run(wasm);
			// The file is a real one: typed columns (text, timestamp, integer, flag, date, float, 64-bit) and planted problems.
			expect(want.raw.rows).toBeGreaterThan(40);
			expect(want.raw.headers).toContain('已回访');
			expect(want.report.problems.filter((p) => p.count > 0).length).toBeGreaterThanOrEqual(5);
			expect(got.raw.headers).toEqual(want.raw.headers);
			expect(got.raw.files).toEqual(want.raw.files);
			expect(got.staged).toEqual(want.staged);
			expect(got.profiles).toEqual(want.profiles);
			expect(got.report).toEqual(want.report);
			expect(got.cases).toEqual(want.cases);
		} finally {
			node.close();
			wasm.close();
		}
	}, 120_000);

	it('a file that is not Parquet gives one clear line', async () => {
		const wasm = await openWasmImportDb();
		try {
			await expect(readFiles(wasm, [{ name: 'broken.parquet', bytes: new TextEncoder().encode('PAR1 this is not a parquet file PAR1') }])).rejects.toThrow(/^broken\.parquet: not a readable Parquet file \(.+\)$/);
		} finally {
			wasm.close();
		}
	}, 60_000);
});
