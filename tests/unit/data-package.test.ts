import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeDataPackage, type DataPackage } from '../../scripts/data-package';
import { FIELD_GUIDE } from '../../sim/dataset/field-guide';
import { SCHEMAS, TABLE_NAMES } from '../../sim/dataset/schema';
import { openMemoryDb } from '../../src/lib/server/dataset';
import { precacheList } from '../../src/lib/sw/strategy';

// The data package written into a copy of the site's dataset (the global setup's), read back as a
// user would: files from their paths, types from the files themselves with DuckDB.
let dir: string;
let pkg: DataPackage;
let onDisk: DataPackage;
let db: Awaited<ReturnType<typeof openMemoryDb>>;

/** The DuckDB types a Frictionless type may be read as (the test's own table, not the writer's). */
const PARQUET_TYPES: Record<string, string[]> = {
	integer: ['INTEGER', 'BIGINT'],
	number: ['DOUBLE'],
	string: ['VARCHAR'],
	boolean: ['BOOLEAN'],
	date: ['DATE'],
	datetime: ['TIMESTAMP']
};
const CAST: Record<string, string> = { integer: 'BIGINT', number: 'DOUBLE', string: 'VARCHAR', boolean: 'BOOLEAN', date: 'DATE', datetime: 'TIMESTAMP' };
const q = (path: string) => `'${path.replaceAll("'", "''")}'`;

beforeAll(async () => {
	const source = inject('dataDir');
	dir = await mkdtemp(join(tmpdir(), 'ggs-pkg-'));
	for (const f of await readdir(source)) if (f.endsWith('.csv') || f === 'meta.json') await copyFile(join(source, f), join(dir, f));
	pkg = await writeDataPackage(dir);
	onDisk = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'));
	db = await openMemoryDb();
}, 120_000);

afterAll(async () => {
	db?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the data package', () => {
	it('is a Frictionless tabular data package: names, licence, sources, one CSV and one Parquet resource per table', () => {
		expect(onDisk).toEqual(pkg);
		expect(onDisk.name).toMatch(/^[a-z0-9._-]+$/);
		expect(onDisk.profile).toBe('tabular-data-package');
		expect(onDisk.title.length).toBeGreaterThan(10);
		expect(onDisk.licenses.length).toBeGreaterThan(0);
		for (const l of onDisk.licenses) expect(l.name && l.path).toBeTruthy();
		expect(onDisk.sources.length).toBeGreaterThan(0);
		const names = onDisk.resources.map((r) => r.name);
		expect(new Set(names).size).toBe(names.length);
		for (const n of names) expect(n).toMatch(/^[a-z0-9._-]+$/);
		const paths = onDisk.resources.map((r) => r.path).sort();
		expect(paths).toEqual(TABLE_NAMES.flatMap((t) => [`${t}.csv`, `${t}.parquet`]).sort());
		for (const r of onDisk.resources) expect(r.mediatype).toBe(r.format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet');
	});

	it('lists files that exist with their bytes and sha256', async () => {
		for (const r of onDisk.resources) {
			const content = await readFile(join(dir, r.path));
			expect((await stat(join(dir, r.path))).size, r.path).toBe(r.bytes);
			expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`);
		}
	});

	it('describes every column of every table in both languages, with the file\'s own column names', async () => {
		let described = 0;
		for (const r of onDisk.resources) {
			const cols = await db.query<{ column_name: string }>(
				`DESCRIBE SELECT * FROM ${r.format === 'csv' ? `read_csv(${q(join(dir, r.path))}, all_varchar = true)` : `read_parquet(${q(join(dir, r.path))})`}`
			);
			expect(r.schema.fields.map((f) => f.name), r.path).toEqual(cols.map((c) => c.column_name));
			for (const f of r.schema.fields) {
				expect(f.description.length, `${r.path} ${f.name}`).toBeGreaterThan(2);
				expect(f['description:zh'], `${r.path} ${f.name}`).toMatch(/[\u4e00-\u9fff]/);
				expect(f.description, `${r.path} ${f.name}: English description`).not.toMatch(/^[\u4e00-\u9fff]/);
				described++;
			}
		}
		const columns = TABLE_NAMES.reduce((n, t) => n + SCHEMAS[t].columns.length, 0);
		expect(described).toBe(2 * columns);
		// The guide describes nothing that is not a column.
		for (const t of TABLE_NAMES) expect(Object.keys(FIELD_GUIDE[t].fields).sort()).toEqual(SCHEMAS[t].columns.map(([c]) => c).sort());
	});

	it('declares types the files hold: Parquet column types, and every CSV value readable as its type', async () => {
		let checkedValues = 0;
		for (const r of onDisk.resources) {
			const path = q(join(dir, r.path));
			if (r.format === 'parquet') {
				const cols = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet(${path})`);
				cols.forEach((c, i) => expect(PARQUET_TYPES[r.schema.fields[i].type], `${r.path} ${c.column_name} ${c.column_type}`).toContain(c.column_type));
				continue;
			}
			// Read as text; a non-empty value that does not cast to the declared type is a mismatch.
			const checks = r.schema.fields.map(
				(f) => `count(*) FILTER (WHERE "${f.name}" <> '' AND TRY_CAST("${f.name}" AS ${CAST[f.type]}) IS NULL) AS "${f.name}"`
			);
			const [bad] = await db.query<Record<string, number>>(`SELECT count(*) AS _rows, ${checks.join(', ')} FROM read_csv(${path}, all_varchar = true, header = true)`);
			const { _rows, ...perColumn } = bad;
			for (const [c, n] of Object.entries(perColumn)) expect(Number(n), `${r.path} ${c}`).toBe(0);
			checkedValues += Number(_rows) * r.schema.fields.length;
		}
		expect(checkedValues).toBeGreaterThan(1_000_000);
	});

	it('holds the same rows in the Parquet file as in the CSV file of each table', async () => {
		for (const t of TABLE_NAMES) {
			const csvRes = onDisk.resources.find((r) => r.path === `${t}.csv`)!;
			const columns = csvRes.schema.fields.map((f) => `'${f.name}': '${CAST[f.type]}'`).join(', ');
			const csv = `read_csv(${q(join(dir, `${t}.csv`))}, header = true, columns = {${columns}}, auto_detect = false)`;
			const parquet = `read_parquet(${q(join(dir, `${t}.parquet`))})`;
			const [n] = await db.query<{ a: number; b: number; diff: number }>(
				`SELECT (SELECT count(*) FROM ${csv}) AS a, (SELECT count(*) FROM ${parquet}) AS b,
					(SELECT count(*) FROM (SELECT * FROM ${csv} EXCEPT ALL SELECT * FROM ${parquet})) AS diff`
			);
			expect(Number(n.a), t).toBeGreaterThan(0);
			expect(Number(n.b), t).toBe(Number(n.a));
			expect(Number(n.diff), t).toBe(0);
		}
	});

	it('stays out of the service worker\'s precache (the shell keeps only data/meta.json)', () => {
		const files = ['/favicon.svg', '/data/meta.json', ...onDisk.resources.map((r) => `/data/${r.path}`), '/data/datapackage.json'];
		expect(precacheList({ build: [], files, prerendered: [], base: '' })).toEqual(['/favicon.svg', '/data/meta.json']);
	});
});
