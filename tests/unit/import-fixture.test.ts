/**
 * The messy fixture (scripts/import-fixture.ts) through the importer: every check's count equals
 * what the fixture's source records say was planted (computed here from source.json: the rows as
 * written and their tags), in every format and encoding.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, type CheckCode } from '../../src/lib/import/checks-spec';
import { detectEncoding } from '../../src/lib/import/decode';
import { parseMapping, type Mapping } from '../../src/lib/import/mapping';
import { applyMapping, readFiles, suggest, type ImportReport } from '../../src/lib/import/pipeline';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';
import { openImportDb, type NodeImportDb } from '../../src/lib/server/import-db';

const DIR = 'tests/fixtures/import';
interface SourceRow {
	written: Record<string, string | null>;
	tags: string[];
}
const source: Record<string, SourceRow[]> = JSON.parse(await readFile(join(DIR, 'source.json'), 'utf8'));
const ledgerMap = parseMapping(JSON.parse(await readFile(join(DIR, 'ledger.map.json'), 'utf8')));
const open311Map = parseMapping(JSON.parse(await readFile(join(DIR, 'open311.map.json'), 'utf8')));

/** Expected counts and drops from the source rows, with the checks' precedence and default actions. */
function expected(rows: SourceRow[], idHeader: string) {
	const count: Record<string, number> = Object.fromEntries(CHECKS.map((c) => [c.code, 0]));
	const seenRow = new Set<string>();
	const seenId = new Set<string>();
	let kept = 0;
	const dropped: Record<string, number> = Object.fromEntries(CHECKS.map((c) => [c.code, 0]));
	for (const r of rows) {
		const key = JSON.stringify(Object.entries(r.written));
		const flags = new Set(r.tags);
		if (seenRow.has(key)) flags.add('duplicate-row');
		else {
			seenRow.add(key);
			const id = r.written[idHeader]!;
			if (seenId.has(id)) flags.add('duplicate-id');
			seenId.add(id);
		}
		for (const f of flags) if (f in count) count[f]++;
		// Dropped under the first that drops: defaults drop these; fixes drop only an unusable receipt.
		const drops = (code: string) =>
			flags.has(code) &&
			(['duplicate-row', 'missing-required', 'unknown-place', 'cancelled', 'duplicate-id', 'closed-before-received'].includes(code) ||
				((code === 'unparseable-date' || code === 'sentinel-date') && flags.has('received-unusable')));
		const code = CHECKS.map((c) => c.code as string).find(drops);
		if (code) dropped[code]++;
		else kept++;
	}
	return { count, dropped, kept };
}

let db: NodeImportDb;
beforeAll(async () => {
	db = await openImportDb();
});
afterAll(() => db.close());

async function run(file: string, mapping: Mapping, absolute = false): Promise<ImportReport> {
	const raw = await readFiles(db, [{ name: file, bytes: new Uint8Array(await readFile(absolute ? file : join(DIR, file))) }]);
	return (await applyMapping(db, raw, mapping, { seed: DEFAULT_SEED })).report;
}

const REQUIRED: CheckCode[] = ['duplicate-row', 'duplicate-id', 'closed-before-received', 'unparseable-date', 'sentinel-date', 'cancelled', 'unknown-status'];

describe('the messy fixture', () => {
	it.each([
		['ledger-utf8-bom.csv', 'utf-8'],
		['ledger-gb18030.csv', 'gb18030'],
		['ledger-utf16.tsv', 'utf-16le'],
		['ledger.xlsx', undefined]
	])('%s: every count as planted, nothing dropped silently', async (file, encoding) => {
		const rows = source[file];
		const want = expected(rows, '编号');
		const report = await run(file, ledgerMap);
		expect(report.files[0].encoding).toBe(encoding);
		expect(report.rows).toBe(rows.length);
		for (const p of report.problems) {
			expect({ code: p.code, count: p.count, dropped: p.dropped }).toEqual({ code: p.code, count: want.count[p.code], dropped: want.dropped[p.code] });
			expect(p.examples.length).toBe(Math.min(5, p.count));
		}
		for (const code of REQUIRED) expect(want.count[code], code).toBeGreaterThan(0);
		expect(report.kept).toBe(want.kept);
		expect(report.kept).toBe(report.rows - report.problems.reduce((s, p) => s + p.dropped, 0));
		const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
		expect(n).toBe(want.kept);
		// Ids like SQ-2021-0001 are not numbers: the cases are numbered in file order.
		expect(report.renumbered).toBe(true);
	});

	it('keeps quoted quotes, commas and line breaks inside fields, and reads every date form', async () => {
		const file = 'ledger-utf8-bom.csv';
		const raw = await readFiles(db, [{ name: file, bytes: new Uint8Array(await readFile(join(DIR, file))) }]);
		const col = raw.columns[raw.headers.indexOf('诉求内容')];
		const got = await db.query<{ v: string }>(`SELECT ${col} AS v FROM import_raw ORDER BY _row`);
		expect(got.map((r) => r.v)).toEqual(source[file].map((r) => r.written['诉求内容']));
		expect(got[0].v).toContain('"村道"');
		expect(got[0].v).toContain('\n');
		await applyMapping(db, raw, ledgerMap, { seed: DEFAULT_SEED });
		// Row 2 (the case with id …0002): received '2021/1/7 09:07', closed '2021年1月9日'.
		const [c] = await db.query<{ r: string; a: string }>(`SELECT strftime(received_at, '%Y-%m-%d %H:%M') AS r, strftime(archived_at, '%Y-%m-%d %H:%M') AS a FROM cases WHERE case_id = 2`);
		expect(c).toEqual({ r: '2021-01-07 09:07', a: '2021-01-09 00:00' });
	});

	it('counts a status spelt four ways as one: cancelled', async () => {
		const report = await run('ledger-utf8-bom.csv', ledgerMap);
		const cancelled = report.problems.find((p) => p.code === 'cancelled')!;
		const spellings = new Set(cancelled.examples.map((e) => e.values['状态']));
		expect(spellings.size).toBeGreaterThanOrEqual(4);
	});

	it('Open311 GeoReport v2 JSON: own places, every count as planted', async () => {
		const rows = source['open311.json'];
		const want = expected(rows, 'service_request_id');
		const report = await run('open311.json', open311Map);
		for (const p of report.problems) expect([p.code, p.count, p.dropped]).toEqual([p.code, want.count[p.code], want.dropped[p.code]]);
		expect(report.kept).toBe(want.kept);
		expect(report.places).toEqual({ mode: 'own', towns: new Set(rows.map((r) => r.written.zipcode)).size, villages: new Set(rows.map((r) => r.written.zipcode)).size });
		// Closed requests close at their last update; the zone offset is dropped (the wall-clock time as written).
		const first = rows.find((r) => r.written.status === 'closed' && r.tags.length === 0)!;
		const [c] = await db.query<{ r: string; a: string }>(`SELECT strftime(received_at, '%Y-%m-%dT%H:%M:%S') AS r, strftime(archived_at, '%Y-%m-%dT%H:%M:%S') AS a FROM cases WHERE case_id = $1`, [Number(first.written.service_request_id)]);
		expect(c).toEqual({ r: first.written.requested_datetime!.slice(0, 19), a: first.written.updated_datetime!.slice(0, 19) });
	});

	it('suggests the mapping a person would write for the Chinese headers and for Open311', async () => {
		const raw = await readFiles(db, [{ name: 'x.csv', bytes: new Uint8Array(await readFile(join(DIR, 'ledger-gb18030.csv'))) }]);
		const { mapping } = await suggest(db, raw, { seed: DEFAULT_SEED });
		expect(mapping.fields).toEqual(ledgerMap.fields);
		expect(mapping.places.mode).toBe('county');
		expect(mapping.values.status?.['已撤销']).toBe('cancelled');
		const o = await readFiles(db, [{ name: 'o.json', bytes: new Uint8Array(await readFile(join(DIR, 'open311.json'))) }]);
		const s = (await suggest(db, o, { seed: DEFAULT_SEED })).mapping;
		const { town: _, ...fields } = open311Map.fields;
		expect(s.fields).toMatchObject(fields);
	});

	it('Parquet (the UTF-8 file\'s rows written by DuckDB): every count as planted', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-import-pq-'));
		try {
			const path = join(dir, 'ledger.parquet');
			await db.query(`COPY (SELECT * FROM read_csv('${join(DIR, 'ledger-utf8-bom.csv')}', header = true, all_varchar = true, quote = '"', escape = '"')) TO '${path}' (FORMAT parquet)`);
			const rows = source['ledger-utf8-bom.csv'];
			const want = expected(rows, '编号');
			const report = await run(path, ledgerMap, true);
			expect(report.files[0].format).toBe('parquet');
			for (const p of report.problems) expect([p.code, p.count, p.dropped]).toEqual([p.code, want.count[p.code], want.dropped[p.code]]);
			expect(report.kept).toBe(want.kept);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('detects encodings from the bytes', async () => {
		for (const [file, enc] of [['ledger-utf8-bom.csv', 'utf-8'], ['ledger-gb18030.csv', 'gb18030'], ['ledger-utf16.tsv', 'utf-16le']] as const) {
			expect(detectEncoding(new Uint8Array(await readFile(join(DIR, file)))).encoding).toBe(enc);
		}
	});
});
