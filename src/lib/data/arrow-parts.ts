/**
 * An Arrow IPC stream cut into smaller complete streams of whole record batches, so the engine
 * can take a large table a few megabytes at a time. DuckDB-WASM copies a stream into its wasm
 * heap and holds it until the table is built from it; the heap never shrinks, so inserting a
 * 66 MB file in one piece leaves the heap about twice the table's size (measured: 206 MiB for
 * the 1M-case dataset's ledger tables). Parts of `partBytes` keep that peak near the table's own size.
 */
import { RecordBatchReader, Table, tableFromIPC, tableToIPC, type RecordBatch } from 'apache-arrow';

/** About this many bytes of batches per part (a part holds at least one batch). */
export const PART_BYTES = 4 << 20;

/**
 * The stream's batches regrouped into streams of about `partBytes` each (the file itself when it
 * is that small). Throws on bytes that are not a complete Arrow stream.
 */
export function arrowParts(bytes: Uint8Array, partBytes = PART_BYTES): Uint8Array[] {
	if (bytes.byteLength <= partBytes) return [bytes];
	const reader = RecordBatchReader.from(bytes);
	const parts: Uint8Array[] = [];
	let group: RecordBatch[] = [];
	let size = 0;
	const flush = () => {
		if (group.length) parts.push(tableToIPC(new Table(group), 'stream'));
		group = [];
		size = 0;
	};
	for (const batch of reader) {
		group.push(batch);
		size += batch.data.children.reduce((sum, c) => sum + c.byteLength, 0);
		if (size >= partBytes) flush();
	}
	flush();
	if (parts.length === 0) throw new Error('no record batch in the Arrow stream');
	return parts;
}

/**
 * The column names of a complete Arrow stream that holds no rows (an imported dataset's empty
 * tables: DuckDB-WASM creates no table from a stream without batches), or null when the bytes are
 * not such a stream.
 */
export function emptyStreamColumns(bytes: Uint8Array): string[] | null {
	try {
		const table = tableFromIPC(bytes);
		return table.numRows === 0 ? table.schema.fields.map((f) => f.name) : null;
	} catch {
		return null;
	}
}
