import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/**
 * What the console's design rests on about DuckDB-WASM's `enable_external_access` (README, the
 * SQL console): the site's own engine (the same wasm core, in Node through its blocking build)
 * still inserts Arrow streams once the setting is off, but then refuses every file, registered
 * buffers included, and the setting cannot be switched back on. Since the engine is shared by
 * every page of a session, the console does not switch it off.
 */
describe('DuckDB-WASM with enable_external_access = false', () => {
	it('loads Arrow tables, refuses files and addresses, and cannot be switched back', async () => {
		const require = createRequire(import.meta.url);
		const entry = require.resolve('@duckdb/duckdb-wasm/blocking');
		const duckdb = require(entry) as typeof import('@duckdb/duckdb-wasm/blocking');
		const dist = dirname(entry);
		const db = await duckdb.createDuckDB(
			{ mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate();
		const conn = db.connect();
		const count = (table: string) => Number(conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`).toArray()[0].toJSON().n);
		db.registerFileBuffer('registered.csv', new TextEncoder().encode('a,b\n1,2\n'));
		expect(count("read_csv('registered.csv')")).toBe(1);

		conn.query('SET enable_external_access = false');
		const meta = JSON.parse(await readFile(join(inject('dataDir'), 'meta.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
		// The pages' loading: each Arrow file inserted on a connection of its own.
		for (const table of ['units', 'tasks']) {
			const own = db.connect();
			own.insertArrowFromIPCStream(new Uint8Array(await readFile(join(inject('dataDir'), `${table}.arrow`))), { name: table, create: true });
			own.close();
			expect(count(table)).toBe(meta.tables[table].rows);
		}
		expect(() => conn.query("SELECT * FROM read_csv('registered.csv')")).toThrow(/Permission Error/);
		expect(() => conn.query("SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')")).toThrow(/Permission Error/);
		expect(() => conn.query('SET enable_external_access = true')).toThrow(/Cannot change enable_external_access/);
		conn.close();
	}, 60_000);
});
