import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEDGER_TYPES } from '../../sim/dataset/case-vocabulary';
import { ledgerSlice, NO_FILTERS, VILLAGE_LEDGER_TABLES, type LedgerFilters } from '../../src/lib/data/ledger-queries';
import { emptyTableSql } from '../../src/lib/data/table-loader';
import { openNodeDb, type NodeDb } from '../../src/lib/server/dataset';
import { openWasmDb } from './wasm-db';

// A village's view in the browser loads only what it reads (issue #14: engine start and memory):
// case_counts and case_villages, and the village's cases appended — not the 9 MB case_days. Its
// slices, derived in DuckDB-WASM from those alone, must be DuckDB in Node's with every table.
const dir = inject('dataDir');
let node: NodeDb;
let wasm: Awaited<ReturnType<typeof openWasmDb>>;
const VILLAGES: [string, string][] = [
	['610922109', '610922109203'],
	['610922100', '610922100001']
];

beforeAll(async () => {
	node = await openNodeDb(dir);
	wasm = await openWasmDb(dir, VILLAGE_LEDGER_TABLES);
	await wasm.conn.query(emptyTableSql('cases'));
	for (const [, v] of VILLAGES) await wasm.append('cases', `cases/${v}.arrow`);
});
afterAll(() => node?.close());

/** Rows in one order, whatever order the engine gave them in. */
const sorted = <T>(rows: readonly T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('a village view without case_days', () => {
	it('is not given case_days', async () => {
		expect(VILLAGE_LEDGER_TABLES).not.toContain('case_days');
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
});
