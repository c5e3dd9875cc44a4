import { csvText, formatTimestamp } from '$sim/dataset/csv';
import { cleanHeaders, readHeader, toUtf8, type Encoding } from './decode';
import { ImportError, sqlIdent, sqlString, type ArrowImportDb, type ImportDb } from './types';
import { untimed, type Timed } from './stages';

export const FORMATS = ['csv', 'tsv', 'xlsx', 'parquet', 'json'] as const;
export type SourceFormat = (typeof FORMATS)[number];

/** One file given to the importer. `format` and `encoding` override what is detected. */
export interface SourceFile {
	name: string;
	bytes: Uint8Array;
	/**
	 * The whole file, for a database that reads Blobs itself (registerBlob): given only for a
	 * delimited text already found to be valid UTF-8, which is then registered as it is, never
	 * copied; `bytes` holds just its start (the header, the format).
	 */
	blob?: Blob;
	format?: SourceFormat;
	encoding?: Encoding;
}

export interface ReadFile {
	name: string;
	format: SourceFormat;
	/** The text encoding (delimited text only). */
	encoding?: Encoding;
	rows: number;
	headers: string[];
}

/**
 * The raw rows of every file in one table of text columns: `_file` (index of the file), `_row`
 * (1-based data row within its file) and one VARCHAR column per distinct header (`columns[i]`
 * holds `headers[i]`; files are matched by header name, a header a file lacks is NULL there).
 */
export interface RawTable {
	table: typeof RAW_TABLE;
	headers: string[];
	columns: string[];
	files: ReadFile[];
	rows: number;
}

export const RAW_TABLE = 'import_raw';

/** The format of a file by its name, else by its first bytes. */
export function formatOf(name: string, bytes: Uint8Array): SourceFormat {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (ext === 'csv' || ext === 'txt') return 'csv';
	if (ext === 'tsv' || ext === 'tab') return 'tsv';
	if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
	if (ext === 'parquet' || ext === 'pq') return 'parquet';
	if (ext === 'json' || ext === 'geojson') return 'json';
	const magic = String.fromCharCode(...bytes.subarray(0, 4));
	if (magic === 'PAR1') return 'parquet';
	if (magic === 'PK\x03\x04') return 'xlsx';
	const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
	return head.startsWith('[') || head.startsWith('{') ? 'json' : 'csv';
}

/** Reads every file into the raw table (replacing it). */
export async function readSources(db: ImportDb, sources: readonly SourceFile[], timed: Timed = untimed): Promise<RawTable> {
	if (sources.length === 0) throw new ImportError('no file given');
	await db.query(`DROP VIEW IF EXISTS ${RAW_TABLE}`);
	for (const { name } of await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'import_file_%'`)) await db.query(`DROP TABLE ${name}`);
	const files: ReadFile[] = [];
	for (const [i, source] of sources.entries()) {
		try {
			files.push(await readOne(db, source, `import_file_${i}`, timed));
		} catch (e) {
			if (e instanceof ImportError) throw new ImportError(`${source.name}: ${e.message}`);
			throw e;
		}
	}
	const headers: string[] = [];
	for (const f of files) for (const h of f.headers) if (!headers.includes(h)) headers.push(h);
	const columns = headers.map((_, i) => `f${i + 1}`);
	const selects = files.map((f, i) => {
		const cols = headers.map((h, k) => {
			const at = f.headers.indexOf(h);
			return `${at < 0 ? 'NULL::VARCHAR' : `c${at + 1}`} AS ${columns[k]}`;
		});
		return `SELECT ${i}::INTEGER AS _file, _row, ${[...cols].join(', ')} FROM import_file_${i}`;
	});
	// A view: the rows stay in the files' tables, never copied.
	await db.query(`CREATE OR REPLACE VIEW ${RAW_TABLE} AS ${selects.join(' UNION ALL ')}`);
	return { table: RAW_TABLE, headers, columns, files, rows: files.reduce((s, f) => s + f.rows, 0) };
}

async function readOne(db: ImportDb, source: SourceFile, table: string, timed: Timed): Promise<ReadFile> {
	const format = source.format ?? formatOf(source.name, source.bytes);
	switch (format) {
		case 'csv':
		case 'tsv':
			return readDelimited(db, source, table, format, timed);
		case 'json':
			return readText(db, source.name, table, 'json', await timed('json → rows', () => openReportRows(source.bytes)), timed);
		case 'xlsx':
			return readText(db, source.name, table, 'xlsx', await timed('xlsx → rows', () => xlsxRows(source.bytes)), timed);
		case 'parquet':
			return timed('parquet → table', () => readParquet(db, source, table));
	}
}

/** Rows produced in JavaScript (a sheet, a JSON list) go through the CSV reader too: one path into DuckDB. */
async function readText(db: ImportDb, name: string, table: string, format: SourceFormat, rows: unknown[][], timed: Timed): Promise<ReadFile> {
	if (rows.length === 0) throw new ImportError('no rows (not even a header)');
	const text = csvText(rows.map((r) => r.map((v) => (v === null || v === undefined ? null : String(v)))));
	const file = await readDelimited(db, { name, bytes: new TextEncoder().encode(text), encoding: 'utf-8' }, table, 'csv', timed);
	return { ...file, format, encoding: undefined };
}

async function readDelimited(db: ImportDb, source: SourceFile, table: string, format: 'csv' | 'tsv', timed: Timed): Promise<ReadFile> {
	// A valid UTF-8 file the database reads as a Blob: its start is enough here (DuckDB's reader skips a byte order mark).
	const whole = source.blob && db.registerBlob ? { blob: source.blob, register: db.registerBlob.bind(db) } : null;
	const { bytes, encoding } = whole ? { bytes: source.bytes.subarray(source.bytes[0] === 0xef && source.bytes[1] === 0xbb && source.bytes[2] === 0xbf ? 3 : 0), encoding: 'utf-8' as const } : await timed('decode (encoding → UTF-8)', () => toUtf8(source.bytes, source.encoding));
	const start = new TextDecoder().decode(bytes.subarray(0, 1 << 20));
	if (start.trim() === '') throw new ImportError('the file is empty');
	const { header, delimiter } = readHeader(start, format === 'tsv' ? '\t' : undefined);
	const headers = cleanHeaders(header);
	const path = await timed('register file', () => (whole ? whole.register(`${table}.csv`, whole.blob) : db.registerFile(`${table}.csv`, bytes)));
	const columns = headers.map((_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ');
	try {
		await timed('parse CSV → staged table', () => db.query(
			`CREATE OR REPLACE TABLE ${table} AS SELECT row_number() OVER ()::BIGINT AS _row, * FROM read_csv(${sqlString(path)}, header = true, auto_detect = false, columns = {${columns}}, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', null_padding = true, parallel = false, max_line_size = 16777216)`
		));
	} catch (e) {
		throw new ImportError(csvErrorMessage((e as Error).message));
	} finally {
		await db.dropFile(path);
	}
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	return { name: source.name, format, encoding, rows: n, headers };
}

/** DuckDB's CSV error in one line: where, and what. */
function csvErrorMessage(message: string): string {
	const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
	const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (line && columns) return `line ${line} has ${columns[2]} fields, the header has ${columns[1]}`;
	if (line && /quote/i.test(message)) return `line ${line}: a quoted field is not closed`;
	const first = message.split('\n').find((l) => l.trim()) ?? message;
	return `cannot be read as delimited text (${line ? `line ${line}: ` : ''}${first.replace(/^[A-Za-z ]+Error: /, '').slice(0, 200)})`;
}

async function readParquet(db: ImportDb, source: SourceFile, table: string): Promise<ReadFile> {
	// DuckDB-WASM (offline, no Parquet extension): the file is decoded in JavaScript (loaded only now).
	if (db.insertArrow) {
		const { readParquetJs } = await import('./parquet-js');
		const { headers, rows } = await readParquetJs(db as ArrowImportDb, source.bytes, table);
		return { name: source.name, format: 'parquet', rows, headers };
	}
	const path = await db.registerFile(`${table}.parquet`, source.bytes);
	try {
		let names: string[];
		try {
			names = (await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`)).map((r) => r.column_name);
		} catch (e) {
			throw new ImportError(`not a readable Parquet file (${(e as Error).message.split('\n')[0].slice(0, 200)})`);
		}
		const headers = cleanHeaders(names);
		const cols = names.map((n, i) => `${sqlIdent(n)}::VARCHAR AS c${i + 1}`).join(', ');
		await db.query(`CREATE OR REPLACE TABLE ${table} AS SELECT row_number() OVER ()::BIGINT AS _row, ${cols} FROM read_parquet(${sqlString(path)})`);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
		return { name: source.name, format: 'parquet', rows: n, headers };
	} finally {
		await db.dropFile(path);
	}
}

/**
 * Open311 GeoReport v2 requests (a JSON list of objects, or an object holding one under
 * `service_requests`, `requests`, `data` or `records`) as rows: the union of the keys is the
 * header; nested values are kept as JSON text.
 */
export function openReportRows(bytes: Uint8Array): unknown[][] {
	let doc: unknown;
	try {
		doc = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new ImportError(`not valid JSON (${(e as Error).message.slice(0, 120)})`);
	}
	if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
		const o = doc as Record<string, unknown>;
		doc = o.service_requests ?? o.requests ?? o.data ?? o.records;
	}
	if (!Array.isArray(doc)) throw new ImportError('expected a JSON list of requests (Open311 GeoReport v2)');
	const keys: string[] = [];
	const seen = new Set<string>();
	for (const item of doc) {
		if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ImportError('every request must be a JSON object');
		for (const k of Object.keys(item)) if (!seen.has(k)) seen.add(k), keys.push(k);
	}
	if (keys.length === 0) throw new ImportError('the list holds no requests');
	const cell = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
	return [keys, ...doc.map((item: Record<string, unknown>) => keys.map((k) => cell(item[k])))];
}

/**
 * The first non-empty sheet of an .xlsx workbook as rows of text. Dates (cells with a date
 * format) become 'YYYY-MM-DD HH:MM:SS' from their serial number: the wall-clock time as typed,
 * independent of the reader's time zone. The library is loaded only here, when a workbook is read.
 */
export async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
	const XLSX = await import('@e965/xlsx');
	let wb;
	try {
		wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true, WTF: false });
	} catch (e) {
		throw new ImportError(`not a readable .xlsx workbook (${String((e as Error).message).slice(0, 120)})`);
	}
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	for (const name of wb.SheetNames) {
		const ws = wb.Sheets[name];
		const data = (ws as { '!data'?: ({ t: string; v?: unknown; z?: string | number; w?: string } | undefined)[][] })['!data'];
		if (!ws['!ref'] || !data?.length) continue;
		const range = XLSX.utils.decode_range(ws['!ref']);
		const rows: unknown[][] = [];
		for (let r = range.s.r; r <= range.e.r; r++) {
			const line = data[r] ?? [];
			const row: unknown[] = [];
			for (let c = range.s.c; c <= range.e.c; c++) {
				const cell = line[c];
				if (!cell || cell.v === undefined || cell.t === 'z' || cell.t === 'e') row.push(null);
				else if (cell.t === 'n' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) row.push(serialToText(Number(cell.v), date1904));
				else if (cell.t === 'd') row.push(formatTimestamp(Math.round((cell.v as Date).getTime() / 1000)));
				else row.push(cell.v);
			}
			if (row.some((v) => v !== null && v !== '')) rows.push(row);
		}
		if (rows.length) return rows;
	}
	throw new ImportError('the workbook has no rows');
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01) as a naive date-time. */
function serialToText(serial: number, date1904: boolean): string {
	const seconds = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400);
	return formatTimestamp(seconds);
}
