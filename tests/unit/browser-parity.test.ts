import { readFile } from 'node:fs/promises';
import type * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { byTown, overviewData, OVERVIEW_TABLES } from '../../src/lib/data/overview-queries';
import type { QueryRunner } from '../../src/lib/data/query-runner';
import { emptyTableSql, schemaMismatch } from '../../src/lib/data/table-loader';
import { openNodeDb } from '../../src/lib/server/dataset';
import { BROWSER_TABLES as TABLE_NAMES } from '../../sim/dataset/schema';
import { LEDGER_QUARTERS, ledgerData, bulletin, LEDGER_TABLES, NO_FILTERS } from '../../src/lib/data/ledger-queries';
import { openWasmDb } from './wasm-db';

// The browser's path — the DuckDB-WASM engine (its Node build) loading the Arrow files — must give
// the same tables and the same answers as DuckDB in Node reading the CSV files at build time.
const dir = inject('dataDir');
let wasm: duckdb.DuckDBConnection;
let wasmRunner: QueryRunner;
let node: Awaited<ReturnType<typeof openNodeDb>>;

beforeAll(async () => {
	({ conn: wasm, runner: wasmRunner } = await openWasmDb(dir, TABLE_NAMES));
	node = await openNodeDb(dir, [...TABLE_NAMES, 'cases']);
});

afterAll(() => node?.close());

describe('the browser engine on the Arrow files', () => {
	it.each(TABLE_NAMES)('loads %s with exactly the declared column types', (t) => {
		const columns = wasm
			.query(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`)
			.toArray()
			.map((r) => r.toJSON() as { name: string; type: string });
		expect(schemaMismatch(t, columns)).toBeNull();
	});

	it.each(TABLE_NAMES)('holds the same rows in %s as DuckDB in Node reads from the CSV', async (t) => {
		// A fingerprint of every value of every row, in a stable order.
		const sql = `SELECT count(*) AS n, md5(string_agg(${t}::VARCHAR, '|' ORDER BY ${t}::VARCHAR)) AS h FROM ${t}`;
		const [a] = await wasmRunner.query<Record<string, number>>(sql);
		const [b] = await node.query<Record<string, number>>(sql);
		expect(a).toEqual(b);
	});

	it('answers the overview queries exactly as the build did', async () => {
		for (const town of [null, '610922100', '610922109']) {
			expect(await overviewData(wasmRunner, town)).toEqual(await overviewData(node, town));
		}
		expect(await byTown(wasmRunner)).toEqual(await byTown(node));
		expect(OVERVIEW_TABLES.every((t) => TABLE_NAMES.includes(t))).toBe(true);
	});

	it('answers the ledger queries exactly as the build did', async () => {
		for (const f of [NO_FILTERS, { town: '610922104', village: null, ledger: 'complaint', from: '2018Q2', to: '2020Q1' }]) {
			expect(await ledgerData(wasmRunner, f)).toEqual(await ledgerData(node, f));
		}
		expect(await bulletin(wasmRunner, LEDGER_QUARTERS[10])).toEqual(await bulletin(node, LEDGER_QUARTERS[10]));
		// A village, as the browser drills down: its cases file appended to an empty declared table.
		wasm.query(emptyTableSql('cases'));
		for (const v of ['610922109203', '610922100001'])
			wasm.insertArrowFromIPCStream(new Uint8Array(await readFile(`${dir}/cases/${v}.arrow`)), { name: 'cases', create: false });
		const [appended] = await wasmRunner.query<{ n: number; h: string }>(`SELECT count(*) AS n, md5(string_agg(cases::VARCHAR, '|' ORDER BY case_id)) AS h FROM cases`);
		expect(appended).toEqual((await node.query(`SELECT count(*) AS n, md5(string_agg(cases::VARCHAR, '|' ORDER BY case_id)) AS h FROM cases WHERE village_id IN (610922109203, 610922100001)`))[0]);
		const village = { ...NO_FILTERS, town: '610922109', village: '610922109203' };
		expect(await ledgerData(wasmRunner, village)).toEqual(await ledgerData(node, village));
		expect(LEDGER_TABLES.every((t) => TABLE_NAMES.includes(t))).toBe(true);
	});
});
