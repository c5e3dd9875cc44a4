import { readFileSync } from 'node:fs';
import { tableFromIPC, tableFromArrays, tableToIPC, RecordBatchReader } from 'apache-arrow';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { arrowParts, emptyStreamColumns } from '../../src/lib/data/arrow-parts';

/** The site's largest table (in the dataset the unit tests' setup writes, as `npm run data` does). */
const CASE_DAYS = readFileSync(join(inject('dataDir'), 'case_days.arrow'));

describe('an Arrow stream cut into parts', () => {
	it('keeps every row, in order, in parts of about the size asked for, each a complete stream', () => {
		const whole = tableFromIPC(CASE_DAYS);
		const batches = [...RecordBatchReader.from(CASE_DAYS)].length;
		expect(batches).toBeGreaterThan(2); // otherwise there is nothing to cut
		const parts = arrowParts(new Uint8Array(CASE_DAYS), 1 << 20);
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.length).toBeLessThanOrEqual(batches);
		const tables = parts.map((p) => tableFromIPC(p));
		expect(tables.reduce((n, t) => n + t.numRows, 0)).toBe(whole.numRows);
		for (const t of tables) expect(t.schema.fields.map((f) => `${f.name} ${f.type}`)).toEqual(whole.schema.fields.map((f) => `${f.name} ${f.type}`));
		// Rows compared column by column against the file read whole (first, a middle and the last row of each part).
		let offset = 0;
		for (const t of tables) {
			for (const i of [0, t.numRows >> 1, t.numRows - 1]) expect(t.get(i)?.toJSON()).toEqual(whole.get(offset + i)?.toJSON());
			offset += t.numRows;
		}
	});

	it('leaves a small stream as it is', () => {
		const small = tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2, 3]) }), 'stream');
		expect(arrowParts(small)).toEqual([small]);
	});

	it('refuses bytes that are not an Arrow stream, so the file is reported damaged', () => {
		expect(() => arrowParts(new Uint8Array(8 << 20).fill(7), 1 << 20)).toThrow();
	});
});

describe('an empty table', () => {
	it('is a complete stream with its columns and no rows; bytes cut inside the schema or not Arrow are not', async () => {
		const { writeArrowStream } = await import('../../scripts/arrow-table');
		const { SCHEMAS } = await import('../../sim/dataset/schema');
		const { mkdtemp, readFile, rm } = await import('node:fs/promises');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const dir = await mkdtemp(join(tmpdir(), 'ggs-empty-arrow-'));
		try {
			const path = join(dir, 'liaisons.arrow');
			await writeArrowStream(path, 'liaisons', []);
			const bytes = new Uint8Array(await readFile(path));
			expect(emptyStreamColumns(bytes)).toEqual(SCHEMAS.liaisons.columns.map(([n]) => n));
			// Cut inside its schema: not a stream (cut after the schema it is the same empty table, which the loader only takes for a table declared empty).
			expect(emptyStreamColumns(bytes.subarray(0, 12))).toBeNull();
			expect(emptyStreamColumns(new Uint8Array(64).fill(7))).toBeNull();
			// A stream with rows is not an empty one.
			expect(emptyStreamColumns(tableToIPC(tableFromArrays({ a: Int32Array.from([1]) }), 'stream'))).toBeNull();
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
