import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEDGER_TYPES } from '../../sim/dataset/case-vocabulary';
import { ledgerSlice, NO_FILTERS, VILLAGE_ALONE_TABLES, VILLAGE_LEDGER_TABLES, type LedgerFilters } from '../../src/lib/data/ledger-queries';
import { emptyTableSql } from '../../src/lib/data/table-loader';
import { openNodeDb, type NodeDb } from '../../src/lib/server/dataset';
import { openWasmDb } from './wasm-db';

// A village's view in the browser loads only what it reads (issue #14: engine start and memory):
// case_counts and case_villages, and the village's cases appended — not the 9 MB case_days; with
// its town's slice at hand (a prepared answer), case_villages alone. Its slices, derived in
// DuckDB-WASM from those alone, must be DuckDB in Node's with every table.
const dir = inject('dataDir');
let node: NodeDb;
let wasm: Awaited<ReturnType<typeof openWasmDb>>;
let bare: Awaited<ReturnType<typeof openWasmDb>>;
const VILLAGES: [string, string][] = [
	['610922109', '610922109203'],
	['610922100', '610922100001']
];

beforeAll(async () => {
	node = await openNodeDb(dir);
	wasm = await openWasmDb(dir, VILLAGE_ALONE_TABLES);
	bare = await openWasmDb(dir, VILLAGE_LEDGER_TABLES);
	for (const db of [wasm, bare]) {
		await db.conn.query(emptyTableSql('cases'));
		for (const [, v] of VILLAGES) await db.append('cases', `cases/${v}.arrow`);
	}
});
afterAll(() => node?.close());

/** Rows in one order, whatever order the engine gave them in. */
const sorted = <T>(rows: readonly T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('a village view without case_days', () => {
	it('is not given case_days', async () => {
		expect(VILLAGE_ALONE_TABLES).not.toContain('case_days');
		expect(VILLAGE_LEDGER_TABLES).not.toContain('case_days');
		expect(VILLAGE_LEDGER_TABLES).not.toContain('case_counts');
		const tables = (await wasm.runner.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables`)).map((t) => t.name);
		expect(tables).not.toContain('case_days');
	});

	for (const [town, village] of VILLAGES)
		for (const ledger of [null, LEDGER_TYPES[0]])
			it(`derives ${village} (${ledger ?? 'all types'}) as DuckDB in Node does with every table`, async () => {
				const f: LedgerFilters = { ...NO_FILTERS, town, village, ledger };
				const [browser, full] = [await ledgerSlice(wasm.runner, f), await ledgerSlice(node, f)];
				expect(browser.rows.length).toBeGreaterThan(0);
				expect(browser.days.length).toBeGreaterThan(0);
				expect(sorted(browser.rows)).toEqual(sorted(full.rows));
				expect(sorted(browser.days)).toEqual(sorted(full.days));
			});

	for (const [town, village] of VILLAGES)
		for (const ledger of [null, LEDGER_TYPES[1]])
			it(`derives ${village} (${ledger ?? 'all types'}) without case_counts, its town's slice given`, async () => {
				const f: LedgerFilters = { ...NO_FILTERS, town, village, ledger };
				const tables = (await bare.runner.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables`)).map((t) => t.name);
				expect(tables).not.toContain('case_counts');
				const townSlice = await ledgerSlice(node, { ...f, village: null });
				const [browser, full] = [await ledgerSlice(bare.runner, f, townSlice), await ledgerSlice(node, f)];
				expect(browser.rows.filter((r) => r.part === 'town').length).toBeGreaterThan(0);
				expect(browser.rows.filter((r) => r.part === 'village').length).toBeGreaterThan(0);
				expect(sorted(browser.rows)).toEqual(sorted(full.rows));
				expect(sorted(browser.days)).toEqual(sorted(full.days));
				await expect(ledgerSlice(bare.runner, f, await ledgerSlice(node, { ...f, village: null, ledger: ledger ? null : LEDGER_TYPES[0] }))).rejects.toThrow(/not the town's/);
			});
});
