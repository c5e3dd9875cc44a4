/**
 * Writes the importer's messy fixture (tests/fixtures/import/): the same ledger records, in the
 * spirit of real county exports, as a UTF-8 CSV with a byte order mark, a GB18030 CSV, a UTF-16 TSV
 * an .xlsx workbook (Chinese headers, dates in several forms) and a Parquet file, plus an Open311 GeoReport v2 JSON
 * export of a city's requests. Defects are planted on purpose — sentinel dates, exact duplicates,
 * one id with different content, statuses spelt several ways, closures before receipt and years
 * late, unreadable dates, a missing receipt, an unknown town, status and category, quoted quotes
 * and line breaks inside fields — and `source.json` records every row as written with the defects
 * planted in it, so the tests compute the expected counts from it, not from the importer.
 *   tsx scripts/import-fixture.ts   (deterministic: same bytes every run)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { buildCounty } from '../sim/county/build-county';
import { COUNTY_SEED } from '../sim/county/published';
import { csvText } from '../sim/dataset/csv';
import { datasetTables } from '../sim/dataset/tables';
import { emptyMapping, type Mapping } from '../src/lib/import/mapping';
import { gb18030 } from './gb18030';
import { openImportDb } from '../src/lib/server/import-db';

const DIR = 'tests/fixtures/import';
export const CN_HEADERS = ['编号', '受理时间', '办结时间', '状态', '乡镇', '村(社区)', '问题类别', '台账类型', '满意度', '诉求内容'] as const;

type Row = Record<string, string | null>;
interface SourceRow {
	written: Row;
	/** Defects planted in the row (codes of the importer's checks). */
	tags: string[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const DAY = 86_400_000;

/** Towns and villages of the county, from the county's own units (names as the dataset writes them). */
function places(): { town: string; village: string; short: string }[] {
	const units = [...datasetTables(buildCounty({ seed: COUNTY_SEED }), { seed: COUNTY_SEED }).units()];
	const towns = new Map(units.filter((u) => u[1] === 'town').map((u) => [String(u[3]), String(u[5])]));
	const out: { town: string; village: string; short: string }[] = [];
	for (const [code, town] of towns) {
		const vs = units.filter((u) => u[1] === 'village' && u[3] === code).slice(0, 2);
		for (const v of vs) out.push({ town, village: String(v[5]), short: String(v[5]).slice(town.length) });
	}
	return out;
}

/** Dates written as county staff write them: ISO, slashes, Chinese. */
function written(ms: number, i: number): string {
	const d = new Date(ms);
	const [y, m, day, h, min] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
	switch (i % 3) {
		case 0:
			return wall(ms);
		case 1:
			return `${y}/${m}/${day} ${pad(h)}:${pad(min)}`;
		default:
			return `${y}年${m}月${day}日`;
	}
}

const CLOSED = ['已办结', '办结', '已完成', 'closed', '已销号'];
const CANCELLED: Record<number, string> = { 5: '已撤销', 11: '撤销', 17: '取消', 23: 'Cancelled' };
const CATEGORY = ['基础设施', '土地房屋', '社会保障', '生态环境', '矛盾纠纷', '产业增收', '教育医疗'];
const LEDGER = ['意见建议', '利益诉求', '投诉举报'];
const SATISFACTION = ['满意', '基本满意', '满意', '不满意', ''];

/** The ledger records of the Chinese exports, with their planted defects. */
export function ledgerRows(prefix: string): SourceRow[] {
	const where = places();
	const rows: SourceRow[] = [];
	const start = Date.UTC(2021, 0, 4, 8, 30);
	for (let i = 0; i < 40; i++) {
		const tags: string[] = [];
		const received = start + i * 3 * DAY + ((i * 37) % 600) * 60_000;
		const open = i % 7 === 0;
		let status = open ? '办理中' : (CANCELLED[i] ?? CLOSED[i % CLOSED.length]);
		if (CANCELLED[i]) tags.push('cancelled');
		let closedMs: number | null = open ? null : received + (1 + (i % 20)) * DAY + 3_600_000;
		let receivedText: string | null = written(received, i);
		let closedText: string | null = null;
		const p = where[(i * 5) % where.length];
		let town = p.town;
		let category = CATEGORY[i % CATEGORY.length];
		let note = i % 4 === 0 ? `反映"村道"破损，\n雨天积水, 请尽快处理（第${i}件）` : `群众诉求${i}`;
		if (i === 6 || i === 8) (closedMs = received - 2 * DAY), tags.push('closed-before-received');
		if (i === 9) (closedMs = received + 800 * DAY), tags.push('closed-late');
		if (i === 10) (closedMs = received + 3 * 366 * DAY), tags.push('closed-late');
		if (closedMs !== null) closedText = written(closedMs, i + 1);
		if (i === 2) (closedText = '1900-01-01'), tags.push('sentinel-date');
		if (i === 3) (receivedText = '1970-01-01 08:00:00'), tags.push('sentinel-date', 'received-unusable');
		if (i === 4) (closedText = '9999-12-31 00:00:00'), tags.push('sentinel-date');
		if (i === 12) (receivedText = 'N/A'), tags.push('unparseable-date', 'received-unusable');
		if (i === 13) (closedText = '2021-13-45'), tags.push('unparseable-date');
		if (i === 14) (receivedText = null), tags.push('missing-required');
		if (i === 15) (town = '火星镇'), tags.push('unknown-place');
		if (i === 16 || i === 18) (status = i === 16 ? '挂起' : '待核实'), tags.push('unknown-status');
		if (i === 19) (category = '天气'), tags.push('unknown-category');
		rows.push({
			written: {
				编号: `${prefix}-2021-${pad(i + 1, 4)}`,
				受理时间: receivedText,
				办结时间: closedText,
				状态: status,
				乡镇: town,
				'村(社区)': i % 2 ? p.village : p.short,
				问题类别: category,
				台账类型: LEDGER[i % 3],
				满意度: open || CANCELLED[i] ? '' : SATISFACTION[i % SATISFACTION.length],
				诉求内容: note
			},
			tags
		});
	}
	// Exact copies (one of them twice, one of a cancelled case), and two ids given twice with different content.
	for (const i of [20, 20, 21, 5]) rows.push({ written: { ...rows[i].written }, tags: [...rows[i].tags] });
	rows.push({ written: { ...rows[22].written, 诉求内容: '同一编号，另一内容' }, tags: [] });
	rows.push({ written: { ...rows[24].written, 状态: '办理中', 办结时间: null }, tags: [] });
	return rows;
}

const STATUS_311 = ['closed', 'open', 'Closed', 'closed', 'open'];
const SERVICES = ['Pothole', 'Streetlight out', 'Noise complaint', 'Graffiti'];

/** A city's Open311 GeoReport v2 requests (times with a zone offset), with planted defects. */
export function open311Rows(): SourceRow[] {
	const rows: SourceRow[] = [];
	const start = Date.UTC(2022, 4, 2, 9, 0);
	for (let i = 0; i < 24; i++) {
		const tags: string[] = [];
		const requested = start + i * 2 * DAY + i * 7 * 60_000;
		let status = STATUS_311[i % STATUS_311.length];
		if (i === 7 || i === 15) (status = i === 7 ? 'canceled' : 'cancelled'), tags.push('cancelled');
		if (i === 11) (status = 'archived'), tags.push('unknown-status');
		let updated = requested + (2 + (i % 9)) * DAY;
		if (i === 4 + 5) (updated = requested - DAY), status = 'closed', tags.push('closed-before-received');
		const iso = (ms: number) => `${wall(ms).replace(' ', 'T')}-05:00`;
		let requestedText = iso(requested);
		if (i === 13) (requestedText = '1970-01-01T00:00:00Z'), tags.push('sentinel-date', 'received-unusable');
		rows.push({
			written: {
				service_request_id: String(638344 + i),
				status,
				status_notes: i % 5 === 0 ? 'Crew said: "done, see photo"' : null,
				service_name: SERVICES[i % SERVICES.length],
				service_code: String(4 + (i % SERVICES.length)),
				description: i % 6 === 0 ? 'Large pothole,\nnear the "old" school' : `Request ${i}`,
				agency_responsible: i % 2 ? 'Public Works' : 'Transportation',
				requested_datetime: requestedText,
				updated_datetime: iso(updated),
				expected_datetime: iso(requested + 10 * DAY),
				address: `${100 + i} Main St`,
				zipcode: ['02110', '02111', '02113'][i % 3],
				lat: String(42.35 + i / 1000),
				long: String(-71.06 - i / 1000)
			},
			tags
		});
	}
	rows.push({ written: { ...rows[3].written }, tags: [...rows[3].tags] });
	return rows;
}

function utf16le(text: string): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out.set([0xff, 0xfe]);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 + 2 * i] = c & 0xff;
		out[3 + 2 * i] = c >> 8;
	}
	return out;
}

/** A workbook whose parsable dates are real date cells (serial numbers with a date format), the rest text. */
function workbook(rows: SourceRow[]): Uint8Array {
	const aoa: unknown[][] = [[...CN_HEADERS], ...rows.map((r) => CN_HEADERS.map((h) => r.written[h]))];
	const ws = XLSX.utils.aoa_to_sheet(aoa);
	rows.forEach((r, k) => {
		for (const [c, h] of [[1, '受理时间'], [2, '办结时间']] as const) {
			const text = r.written[h];
			if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || text.startsWith('1970') || text.startsWith('9999')) continue;
			const serial = Date.parse(`${text.replace(' ', 'T')}Z`) / DAY + 25569;
			ws[XLSX.utils.encode_cell({ r: k + 1, c })] = { t: 'n', v: serial, z: 'yyyy-mm-dd hh:mm:ss' };
		}
	});
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, ws, '三本账');
	wb.Props = { CreatedDate: new Date(Date.UTC(2022, 0, 1)) };
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const csvOf = (headers: readonly string[], rows: SourceRow[]) => csvText([headers, ...rows.map((r) => headers.map((h) => r.written[h]))]);

async function main() {
	await mkdir(DIR, { recursive: true });
	const files: Record<string, SourceRow[]> = {
		'ledger-utf8-bom.csv': ledgerRows('SQ'),
		'ledger-gb18030.csv': ledgerRows('GB'),
		'ledger-utf16.tsv': ledgerRows('UT'),
		'ledger.xlsx': ledgerRows('XL'),
		'open311.json': open311Rows()
	};
	const tsv = (rows: SourceRow[]) =>
		[CN_HEADERS.join('\t'), ...rows.map((r) => CN_HEADERS.map((h) => { const v = r.written[h] ?? ''; return /[\t\n"]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v; }).join('\t'))].join('\r\n') + '\r\n';
	await writeFile(join(DIR, 'ledger-utf8-bom.csv'), '\uFEFF' + csvOf(CN_HEADERS, files['ledger-utf8-bom.csv']));
	await writeFile(join(DIR, 'ledger-gb18030.csv'), gb18030(csvOf(CN_HEADERS, files['ledger-gb18030.csv'])));
	await writeFile(join(DIR, 'ledger-utf16.tsv'), utf16le(tsv(files['ledger-utf16.tsv'])));
	await writeFile(join(DIR, 'ledger.xlsx'), workbook(files['ledger.xlsx']));
	await writeFile(join(DIR, 'open311.json'), JSON.stringify(files['open311.json'].map((r) => r.written), null, 1) + '\n');
	await writeParquet(join(DIR, 'ledger-utf8-bom.csv'), join(DIR, 'ledger.parquet'));
	const ledgerMap: Mapping = {
		...emptyMapping(CN_HEADERS),
		fields: { case_id: '编号', received_at: '受理时间', archived_at: '办结时间', status: '状态', town: '乡镇', village: '村(社区)', category: '问题类别', ledger: '台账类型', satisfaction: '满意度' }
	};
	const o311 = Object.keys(files['open311.json'][0].written);
	const open311Map: Mapping = {
		...emptyMapping(o311),
		fields: { case_id: 'service_request_id', status: 'status', received_at: 'requested_datetime', updated_at: 'updated_datetime', due_at: 'expected_datetime', category: 'service_name', lead_dept: 'agency_responsible', town: 'zipcode' },
		values: { category: { Pothole: 'infrastructure', 'Streetlight out': 'infrastructure', 'Noise complaint': 'disputes', Graffiti: 'environment' }, lead_dept: { 'Public Works': 'transport', Transportation: 'transport' } },
		places: { mode: 'own', name: 'Example City' }
	};
	await writeFile(join(DIR, 'ledger.map.json'), JSON.stringify(ledgerMap, null, '\t') + '\n');
	await writeFile(join(DIR, 'open311.map.json'), JSON.stringify(open311Map, null, '\t') + '\n');
	await writeFile(join(DIR, 'source.json'), JSON.stringify(files, null, 1) + '\n');
	console.log(`import-fixture: wrote ${Object.keys(files).length} files and source.json to ${DIR}`);
}

/**
 * The UTF-8 ledger as a zstd-compressed Parquet file with the types a database export has: the
 * received time a TIMESTAMP (an unreadable one NULL), the closing time left as text, and extra
 * typed columns (a row number, a flag, a date, an amount, a 64-bit number) that the importer reads
 * as text. Written by DuckDB; the browser reads it with another reader (hyparquet).
 */
async function writeParquet(csv: string, out: string) {
	const db = await openImportDb();
	try {
		await db.query(`COPY (
			SELECT 编号, try_cast(受理时间 AS TIMESTAMP) AS 受理时间, 办结时间, 状态, 乡镇, "村(社区)", 问题类别, 台账类型, 满意度, 诉求内容,
				n::INTEGER AS 序号, n % 3 = 0 AS 已回访, try_cast(受理时间 AS DATE) AS 登记日期, n * 1.5::DOUBLE AS 金额, (n * 10000000000)::BIGINT AS 大号
			FROM (SELECT *, row_number() OVER () AS n FROM read_csv('${csv}', header = true, all_varchar = true, parallel = false))
			ORDER BY n
		) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
	} finally {
		db.close();
	}
}

await main();
