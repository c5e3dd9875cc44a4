/**
 * Property tests of the importer: no file content crashes it (an input is either refused with an
 * ImportError or goes through mapping and checks, and most generated inputs get that far: counted
 * and floored), and any valid mapped file round-trips to the same cases, whatever its format,
 * encoding and header names.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_LEVELS, CATEGORIES, CHANNELS, DEPARTMENTS, LEDGER_TYPES, SATISFACTION } from '../../sim/dataset/case-vocabulary';
import { csvText, formatTimestamp } from '../../sim/dataset/csv';
import { SCHEMAS } from '../../sim/dataset/schema';
import { emptyMapping, type Mapping } from '../../src/lib/import/mapping';
import { applyMapping, readFiles, suggest } from '../../src/lib/import/pipeline';
import type { SourceFile } from '../../src/lib/import/read';
import { ImportError } from '../../src/lib/import/types';
import { countyUnits } from '../../src/lib/import/units';
import { HEADER_NAMES } from '../../src/lib/import/vocabulary';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';
import { openImportDb, type NodeImportDb } from '../../src/lib/server/import-db';
import { gb18030 } from '../../scripts/gb18030';

let db: NodeImportDb;
beforeAll(async () => {
	db = await openImportDb();
});
afterAll(() => db.close());

const options = { seed: DEFAULT_SEED };

function utf16(text: string, be: boolean): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
		out[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
	}
	return out;
}
const ENCODE = {
	utf8: (t: string) => new TextEncoder().encode(t),
	bom: (t: string) => new TextEncoder().encode('\uFEFF' + t),
	utf16le: (t: string) => utf16(t, false),
	utf16be: (t: string) => utf16(t, true)
};
/** Text files in GB18030 too (the Chinese office export; bytes that are not UTF-8 once any Chinese is in them). */
const TEXT_ENCODE = { ...ENCODE, gb18030 };

describe('no file content crashes the importer', () => {
	const cell = fc.oneof(
		fc.constantFrom('', '2021-03-04 10:22:00', '2021/3/4', '2021年3月4日', '1900-01-01', '9999-12-31', '03/04/2021 10:22:00 PM', 'N/A', '已办结', '已撤销', 'closed', 'open', '城关镇', '火星镇', '基础设施', '满意', 'SR-1', '17'),
		fc.string({ unit: fc.constantFrom('a', 'Z', '"', ',', '\n', '\r', '\t', ';', '中', '镇', ' ', '1', '-', '/', ':', '\u3000', '\\'), maxLength: 12 })
	);
	const header = fc.oneof(fc.constantFrom('编号', '受理时间', '办结时间', '状态', '乡镇', '村', 'requested_datetime', 'status', 'id', ''), cell);
	const table = fc.integer({ min: 1, max: 6 }).chain((w) => fc.tuple(fc.array(header, { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: 0, maxLength: w }), { maxLength: 25 })));
	const file = fc.record({
		table,
		form: fc.constantFrom('csv', 'naive', 'tsv', 'json', 'bytes'),
		encoding: fc.constantFrom('utf8', 'bom', 'utf16le', 'utf16be', 'gb18030') as fc.Arbitrary<keyof typeof TEXT_ENCODE>,
		bytes: fc.uint8Array({ maxLength: 300 })
	});
	const source = (f: typeof file extends fc.Arbitrary<infer T> ? T : never): SourceFile => {
		const [head, rows] = f.table;
		const all = [head, ...rows];
		switch (f.form) {
			case 'csv':
				return { name: 'x.csv', bytes: TEXT_ENCODE[f.encoding](csvText(all)) };
			case 'naive':
				return { name: 'x.csv', bytes: TEXT_ENCODE[f.encoding](all.map((r) => r.join(',')).join('\n')) };
			case 'tsv':
				return { name: 'x.tsv', bytes: TEXT_ENCODE[f.encoding](all.map((r) => r.join('\t')).join('\r\n')) };
			case 'json':
				return { name: 'x.json', bytes: ENCODE.utf8(JSON.stringify(rows.map((r) => Object.fromEntries(head.map((h, i) => [h || `k${i}`, r[i] ?? null]))))) };
			default:
				return { name: 'x.bin', bytes: f.bytes };
		}
	};

	it('refuses with a message or maps and checks; most inputs reach the checks', async () => {
		const reached = { runs: 0, read: 0, mapped: 0, checked: 0 };
		await fc.assert(
			fc.asyncProperty(file, async (f) => {
				reached.runs++;
				let raw;
				try {
					raw = await readFiles(db, [source(f)]);
				} catch (e) {
					if (e instanceof ImportError) return;
					throw e;
				}
				reached.read++;
				const { mapping, profiles } = await suggest(db, raw, options);
				expect(profiles.map((p) => p.header)).toEqual(raw.headers);
				reached.mapped++;
				// Reach the checks whatever was suggested: the first free column as the received time, the county's places off.
				const m: Mapping = { ...mapping, fields: { ...mapping.fields }, places: mapping.fields.town || mapping.fields.village ? mapping.places : { mode: 'own' } };
				if (!m.fields.received_at) {
					const free = raw.headers.find((h) => !Object.values(m.fields).includes(h));
					if (free) m.fields.received_at = free;
				}
				try {
					const { report } = await applyMapping(db, raw, m, options);
					reached.checked++;
					expect(report.rows).toBe(raw.rows);
					expect(report.kept + report.problems.reduce((s, p) => s + p.dropped, 0)).toBe(report.rows);
					const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
					expect(n).toBe(report.kept);
				} catch (e) {
					if (!(e instanceof ImportError)) throw e;
				}
			}),
			{ numRuns: 60, seed: 13 }
		);
		console.log(`importer property: ${JSON.stringify(reached)}`);
		expect(reached.checked).toBeGreaterThanOrEqual(reached.runs * 0.6);
	}, 300_000);
});

describe('a valid mapped file round-trips to the same cases', () => {
	const villages = countyUnits(DEFAULT_SEED).filter((u) => u[1] === 'village');
	const T0 = Date.UTC(2016, 7, 1) / 1000;
	const seconds = fc.integer({ min: 0, max: 6 * 365 * 86400 });
	const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
	const caseArb = fc.record({
		ledger: fc.constantFrom(...LEDGER_TYPES),
		level: fc.constantFrom(...CASE_LEVELS),
		village: fc.constantFrom(...villages),
		grid_id: maybe(fc.integer({ min: 1, max: 9_999_999 })),
		household_id: maybe(fc.integer({ min: 1, max: 64_000 })),
		category: fc.constantFrom(...CATEGORIES),
		channel: fc.constantFrom(...CHANNELS),
		received: seconds,
		steps: fc.array(maybe(fc.integer({ min: 0, max: 40 * 86400 })), { minLength: 10, maxLength: 10 }),
		lead_dept: maybe(fc.constantFrom(...DEPARTMENTS)),
		co_depts: fc.integer({ min: 0, max: 4 }),
		handoffs: fc.integer({ min: 0, max: 4 }),
		escalated: fc.boolean(),
		solved: maybe(fc.boolean()),
		satisfaction: maybe(fc.constantFrom(...SATISFACTION)),
		revisited: fc.boolean(),
		repeat: maybe(fc.nat())
	});
	const dataset = fc.record({
		cases: fc.array(caseArb, { minLength: 1, maxLength: 30 }),
		firstId: fc.integer({ min: 1, max: 1_000_000 }),
		form: fc.constantFrom('csv', 'tsv', 'json', 'xlsx', 'parquet'),
		encoding: fc.constantFrom('utf8', 'bom', 'utf16le', 'utf16be', 'gb18030') as fc.Arbitrary<keyof typeof TEXT_ENCODE>,
		chinese: fc.array(fc.boolean(), { minLength: 28, maxLength: 28 })
	});

	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'ggs-roundtrip-'));
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	/** The rows as a Parquet file of text columns, written by DuckDB from their CSV. */
	async function parquet(all: (string | null)[][], run: number): Promise<Uint8Array> {
		const csv = join(dir, `r${run}.csv`);
		const pq = join(dir, `r${run}.parquet`);
		await writeFile(csv, csvText(all));
		await db.query(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true, quote = '"', escape = '"')) TO '${pq}' (FORMAT parquet)`);
		return new Uint8Array(await readFile(pq));
	}

	// GB18030 text with Chinese header names, the floor's rarest kind (csv or tsv, then gb18030: 1 run
	// in 12), is the first run's: 40 random runs missed it for 3% of seeds (60 of 2,000), so the
	// floor held only for the pinned seed.
	const gb18030Example = { ...fc.sample(dataset, { seed: 1, numRuns: 1 })[0], form: 'csv' as const, encoding: 'gb18030' as const, chinese: Array<boolean>(28).fill(true) };

	it('in CSV, TSV (UTF-8, UTF-16, GB18030), JSON, .xlsx and Parquet, schema or Chinese header names', async () => {
		let runs = 0;
		const reached: Record<string, number> = {};
		await fc.assert(
			fc.asyncProperty(dataset, async (d) => {
				runs++;
				// The cases as the dataset's schema has them, as text (steps cumulative from receipt; a later step may be missing).
				const rows = d.cases.map((c, i) => {
					let t = T0 + c.received;
					const steps = c.steps.map((s) => (s === null ? null : formatTimestamp((t += s))));
					const id = d.firstId + i;
					const repeatOf = c.repeat !== null && i > 0 ? d.firstId + (c.repeat % i) : null;
					return [id, c.ledger, c.level, c.village[3], c.village[0], c.grid_id, c.household_id, c.category, c.channel, formatTimestamp(T0 + c.received), ...steps, c.lead_dept, c.co_depts, c.handoffs, c.escalated, c.solved, c.satisfaction, c.revisited, repeatOf].map((v) =>
						v === null ? null : String(v)
					);
				});
				const columns = SCHEMAS.cases.columns.map(([c]) => c);
				// Header names: the schema's, or a Chinese name the importer knows for that field.
				const field = (c: string) => (c === 'town_code' ? 'town' : c === 'village_id' ? 'village' : c);
				const headers = columns.map((c, i) => {
					const zh = HEADER_NAMES[field(c) as keyof typeof HEADER_NAMES]?.find((n) => /[\u4e00-\u9fff]/.test(n));
					return d.chinese[i] && zh ? zh : c;
				});
				const all = [headers, ...rows];
				let bytes: Uint8Array;
				if (d.form === 'csv') bytes = TEXT_ENCODE[d.encoding](csvText(all));
				else if (d.form === 'tsv') bytes = TEXT_ENCODE[d.encoding](all.map((r) => r.map((v) => v ?? '').join('\t')).join('\n'));
				else if (d.form === 'parquet') bytes = await parquet(all, runs);
				else if (d.form === 'json') bytes = ENCODE.utf8(JSON.stringify(rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])))));
				else {
					const wb = XLSX.utils.book_new();
					XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(all), 'cases');
					bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
				}
				const raw = await readFiles(db, [{ name: `cases.${d.form}`, bytes }]);
				const isText = d.form === 'csv' || d.form === 'tsv';
				// GB18030 of ASCII-only headers is UTF-8 too (and read as such).
				const chineseHeader = headers.some((h) => /[\u4e00-\u9fff]/.test(h));
				const encoding = { utf8: 'utf-8', bom: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', gb18030: chineseHeader ? 'gb18030' : 'utf-8' }[d.encoding];
				if (isText) expect(raw.files[0].encoding).toBe(encoding);
				const kind = isText ? `${d.form}/${encoding}` : d.form;
				const mapping: Mapping = { ...emptyMapping(raw.headers), fields: Object.fromEntries(columns.map((c, i) => [field(c), headers[i]])) };
				const { report } = await applyMapping(db, raw, mapping, options);
				expect(report.kept).toBe(rows.length);
				expect(report.renumbered).toBe(false);
				const text = SCHEMAS.cases.columns.map(([c, t]) => (t === 'TIMESTAMP' ? `strftime(${c}, '%Y-%m-%d %H:%M:%S')` : `${c}::VARCHAR`) + ` AS ${c}`);
				const got = await db.query<Record<string, string | null>>(`SELECT ${text.join(', ')} FROM cases ORDER BY cases.case_id`);
				expect(got.map((r) => columns.map((c) => r[c]))).toEqual(rows);
				reached[kind] = (reached[kind] ?? 0) + 1;
			}),
			{ numRuns: 40, seed: 7, examples: [[gb18030Example]] }
		);
		expect(runs).toBe(40);
		console.log(`round-trip property: ${JSON.stringify(reached)}`);
		// Every format, and GB18030 text with Chinese headers, went all the way through.
		for (const form of ['json', 'xlsx', 'parquet']) expect(reached[form], form).toBeGreaterThan(0);
		expect((reached['csv/gb18030'] ?? 0) + (reached['tsv/gb18030'] ?? 0)).toBeGreaterThan(0);
	}, 300_000);
});
