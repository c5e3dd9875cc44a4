/**
 * Parquet read in JavaScript, for a DuckDB that cannot read it (DuckDB-WASM offline has no
 * Parquet extension): hyparquet (+ hyparquet-compressors for gzip, brotli, zstd, lz4, snappy)
 * decodes one row group at a time into columns; each group goes into DuckDB as an Arrow table with
 * the file's own types (integers, floats, booleans, dates, timestamps, text), and DuckDB then casts
 * every column to text exactly as read_parquet(…)::VARCHAR does in Node — so the staged table, and
 * every count after it, is the same as the command line's. Both libraries are loaded only here.
 */
import * as arrow from 'apache-arrow';
import type { SchemaTree } from 'hyparquet';
import { cleanHeaders } from './decode';
import { ImportError, sqlIdent, type ArrowImportDb } from './types';

/** The Arrow type a top-level Parquet column is given (null: carried as text). */
function arrowType(node: SchemaTree): arrow.DataType | null {
	const e = node.element;
	if (node.children.length > 0 || e.repetition_type === 'REPEATED') return null;
	const logical = e.logical_type;
	const converted = e.converted_type;
	if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC ? new arrow.TimestampMillisecond('UTC') : new arrow.TimestampMillisecond();
	if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || e.type === 'INT96') return new arrow.TimestampMillisecond();
	if (logical?.type === 'DATE' || converted === 'DATE') return new arrow.DateDay();
	if (logical || (converted && !/^INT_/.test(converted))) return null;
	switch (e.type) {
		case 'BOOLEAN':
			return new arrow.Bool();
		case 'INT32':
			return converted === 'INT_8' ? new arrow.Int8() : converted === 'INT_16' ? new arrow.Int16() : new arrow.Int32();
		case 'INT64':
			return new arrow.Int64();
		case 'FLOAT':
			return new arrow.Float32();
		case 'DOUBLE':
			return new arrow.Float64();
		default:
			return null;
	}
}

/** A value carried as text: strings as they are, anything else as JSON (dates as ISO text). */
function text(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return v;
	if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (v instanceof Uint8Array) return new TextDecoder().decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
}

/**
 * How hyparquet hands values over: timestamps as whole epoch milliseconds (bigint; truncated as
 * its own Date parsers truncate), dates as days, text as its bytes — what the Arrow buffers below
 * hold, so no Date or string object is made per value.
 */
const PARSERS = {
	timestampFromMilliseconds: (ms: bigint) => ms,
	timestampFromMicroseconds: (us: bigint) => us / 1000n,
	timestampFromNanoseconds: (ns: bigint) => ns / 1000000n,
	dateFromDays: (days: number) => days,
	stringFromBytes: (bytes: Uint8Array) => bytes
};

/** A column chunk as hyparquet gives it: values of rows from `rowStart` on. */
type Piece = { rowStart: number; data: ArrayLike<unknown> };

const utf8Valid = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Each cell of rows start … start + n − 1 that is not null, with its row within them, from the pieces that hold those rows. */
function eachCell(pieces: readonly Piece[], start: number, n: number, f: (v: unknown, i: number) => void): void {
	for (const { rowStart, data } of pieces) {
		const from = Math.max(0, start - rowStart);
		const to = Math.min(data.length, start + n - rowStart);
		for (let k = from; k < to; k++) {
			const v = data[k];
			if (v !== null && v !== undefined) f(v, rowStart - start + k);
		}
	}
}

/**
 * One column of a row group (`n` rows from `start`) as an Arrow vector, written straight into its
 * buffers (values, validity bitmap; for text, offsets and bytes): no array of boxed values and no
 * Arrow builder in between (they were most of the decode's time).
 */
function columnVector(pieces: readonly Piece[], start: number, n: number, type: arrow.DataType | null): arrow.Vector {
	const bitmap = new Uint8Array((n + 7) >> 3);
	let filled = 0;
	const each = (f: (v: unknown, i: number) => void) =>
		eachCell(pieces, start, n, (v, i) => {
			bitmap[i >> 3] |= 1 << (i & 7);
			filled++;
			f(v, i);
		});
	const make = (props: Record<string, unknown>) =>
		arrow.makeVector(arrow.makeData({ type, length: n, nullCount: n - filled, nullBitmap: filled === n ? undefined : bitmap, ...props } as never));
	if (type === null) return textVector(pieces, start, n);
	if (type instanceof arrow.Bool) {
		const bits = new Uint8Array((n + 7) >> 3);
		each((v, i) => {
			if (v) bits[i >> 3] |= 1 << (i & 7);
		});
		return make({ data: bits });
	}
	if (type instanceof arrow.Int64 || type instanceof arrow.Timestamp) {
		const values = new BigInt64Array(n);
		each((v, i) => (values[i] = typeof v === 'bigint' ? v : BigInt(v as number)));
		return make({ data: values });
	}
	const Values = (type as arrow.DataType & { ArrayType: new (n: number) => { [i: number]: number } }).ArrayType;
	const values = new Values(n);
	each((v, i) => (values[i] = Number(v)));
	return make({ data: values });
}

/** A column carried as text: its bytes as they are when they are UTF-8, anything else as text(). */
function textVector(pieces: readonly Piece[], start: number, n: number): arrow.Vector {
	const cells: (Uint8Array | null)[] = new Array(n).fill(null);
	let bytes = 0;
	eachCell(pieces, start, n, (v, i) => {
		const cell = v instanceof Uint8Array ? v : encoder.encode(text(v)!);
		cells[i] = cell;
		bytes += cell.byteLength;
	});
	const offsets = new Int32Array(n + 1);
	const out = new Uint8Array(bytes);
	const bitmap = new Uint8Array((n + 7) >> 3);
	let at = 0;
	let filled = 0;
	for (let i = 0; i < n; i++) {
		const cell = cells[i];
		if (cell) {
			out.set(cell, at);
			at += cell.byteLength;
			bitmap[i >> 3] |= 1 << (i & 7);
			filled++;
		}
		offsets[i + 1] = at;
	}
	try {
		utf8Valid.decode(out);
	} catch {
		// Bytes that are not UTF-8: decoded with replacement characters, as text() does.
		return arrow.vectorFromArray(
			cells.map((c) => (c ? new TextDecoder().decode(c) : null)),
			new arrow.Utf8()
		);
	}
	return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: n - filled, nullBitmap: filled === n ? undefined : bitmap, valueOffsets: offsets, data: out }));
}

/**
 * Reads the Parquet file in `bytes` into `table` (`_row`, then `c1…cN` as text); returns the
 * header names and the number of rows.
 */
export async function readParquetJs(db: ArrowImportDb, bytes: Uint8Array, table: string): Promise<{ headers: string[]; rows: number }> {
	const [{ parquetMetadata, parquetSchema, parquetRead }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
	const file = (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
	let metadata;
	try {
		metadata = parquetMetadata(file);
	} catch (e) {
		throw new ImportError(`not a readable Parquet file (${String((e as Error).message).split('\n')[0].slice(0, 200)})`);
	}
	const top = parquetSchema(metadata).children;
	if (top.length === 0) throw new ImportError('the Parquet file has no columns');
	const names = top.map((c) => c.element.name);
	const types = top.map(arrowType);
	const staged = `${table}_arrow`;
	const fields = names.map((_, i) => `p${i + 1}`);
	const cols = fields.map((f, i) => `${sqlIdent(f)}::VARCHAR AS c${i + 1}`).join(', ');
	let start = 0;
	let first = true;
	for (const group of metadata.row_groups.length ? metadata.row_groups : [{ num_rows: 0n }]) {
		const n = Number(group.num_rows);
		const pieces: { rowStart: number; data: ArrayLike<unknown> }[][] = names.map(() => []);
		try {
			await parquetRead({
				file,
				metadata,
				compressors,
				parsers: PARSERS,
				rowStart: start,
				rowEnd: start + n,
				onChunk: ({ columnName, columnData, rowStart }) => pieces[names.indexOf(columnName)].push({ rowStart, data: columnData })
			});
		} catch (e) {
			throw new ImportError(`not a readable Parquet file (${String((e as Error).message).split('\n')[0].slice(0, 200)})`);
		}
		const columns: Record<string, arrow.Vector> = { _row: arrow.makeVector(Int32Array.from({ length: n }, (_, i) => start + i + 1)) };
		names.forEach((_, i) => (columns[fields[i]] = columnVector(pieces[i], start, n, types[i])));
		// Each group cast to text as it comes and its typed rows dropped: the engine's memory (which
		// never shrinks) holds one group's typed rows at a time, not the whole file's beside its text.
		await db.query(`DROP TABLE IF EXISTS ${staged}`);
		await db.insertArrow(staged, arrow.tableToIPC(new arrow.Table(columns), 'stream'), true);
		const select = `SELECT _row::BIGINT AS _row, ${cols} FROM ${staged}`;
		await db.query(first ? `CREATE OR REPLACE TABLE ${table} AS ${select}` : `INSERT INTO ${table} ${select}`);
		await db.query(`DROP TABLE ${staged}`);
		first = false;
		start += n;
	}
	return { headers: cleanHeaders(names), rows: start };
}
