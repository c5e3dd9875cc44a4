import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as arrow from 'apache-arrow';
import type { CsvValue } from '../sim/dataset/csv';
import { SCHEMAS, type ColumnType, type TableName } from '../sim/dataset/schema';

/**
 * Arrow types that DuckDB maps back to exactly the declared column types (Arrow Timestamp in
 * microseconds is DuckDB TIMESTAMP, Date32 is DATE, and so on), so the browser's tables match the
 * ones DuckDB in Node reads from the CSV files.
 */
const ARROW_TYPES: Record<ColumnType, () => arrow.DataType> = {
	INTEGER: () => new arrow.Int32(),
	BIGINT: () => new arrow.Int64(),
	DOUBLE: () => new arrow.Float64(),
	VARCHAR: () => new arrow.Utf8(),
	BOOLEAN: () => new arrow.Bool(),
	DATE: () => new arrow.DateDay(),
	TIMESTAMP: () => new arrow.TimestampMicrosecond()
};

/** Converts a CSV-ready value to what apache-arrow's builder of the column's type takes. */
function arrowValue(type: ColumnType, v: CsvValue): unknown {
	if (v === null || v === undefined || v === '') return null;
	switch (type) {
		case 'BIGINT':
			return BigInt(v as number);
		case 'DATE':
			return Date.parse(`${v}T00:00:00Z`);
		case 'TIMESTAMP':
			return Date.parse(`${String(v).replace(' ', 'T')}Z`);
		default:
			return v;
	}
}

const BATCH_ROWS = 65_536;

/**
 * Writes rows as an Arrow IPC stream in record batches of 64k rows (memory stays bounded for
 * scaled datasets). The browser engine inserts such a stream without parsing text; the bytes are
 * a pure function of the rows, so the file is deterministic.
 */
export function writeArrowStream(path: string, table: TableName, rows: Iterable<CsvValue[]>): Promise<{ bytes: number; sha256: string }> {
	const columns = SCHEMAS[table].columns;
	function* batches() {
		let batch: unknown[][] = columns.map(() => []);
		let count = 0;
		for (const row of rows) {
			columns.forEach(([, type], c) => batch[c].push(arrowValue(type, row[c])));
			if (++count === BATCH_ROWS) {
				yield batch;
				batch = columns.map(() => []);
				count = 0;
			}
		}
		if (count > 0) yield batch;
	}
	return writeArrowColumns(path, table, batches());
}

/**
 * Writes batches of columns (one array per column of the table, values as apache-arrow's builders
 * take them: BIGINT as bigint, TIMESTAMP as epoch milliseconds, DATE as epoch milliseconds,
 * null for missing) as an Arrow IPC stream, in record batches of at most 64k rows.
 */
export async function writeArrowColumns(path: string, table: TableName, batches: Iterable<unknown[][]>): Promise<{ bytes: number; sha256: string }> {
	const columns = SCHEMAS[table].columns;
	// One fixed schema (every column nullable) for every batch: a writer given batches whose
	// schemas differ starts a new stream.
	const schema = new arrow.Schema(columns.map(([name, type]) => new arrow.Field(name, ARROW_TYPES[type](), true)));
	const writer = new arrow.RecordBatchStreamWriter();
	const done = pipeline(Readable.from(writer), createWriteStream(path));
	const write = (batch: unknown[][], from: number, to: number) => {
		const children = schema.fields.map((field, c) => {
			const vector = arrow.vectorFromArray(batch[c].slice(from, to), field.type);
			if (vector.data.length !== 1) throw new Error(`column ${field.name} built in ${vector.data.length} chunks`);
			return vector.data[0];
		});
		const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length: to - from, nullCount: 0, children });
		writer.write(new arrow.RecordBatch(schema, struct));
	};
	let written = 0;
	for (const batch of batches) {
		const n = batch[0]?.length ?? 0;
		for (let from = 0; from < n; from += BATCH_ROWS) write(batch, from, Math.min(n, from + BATCH_ROWS));
		written += n;
	}
	// A table without rows (an import's liaisons, say) is still a stream with its schema: one empty
	// batch (the writer writes nothing at all without a batch, which no reader takes for a table).
	if (written === 0) write(columns.map(() => []), 0, 0);
	writer.finish();
	await done;
	const content = await readFile(path);
	return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
