import type { Table } from 'apache-arrow';

/**
 * A result's rows as plain objects, read column by column (several times faster than a row proxy
 * per row): integer and float columns without nulls through their typed arrays, others value by
 * value; 64-bit integers become numbers (every count here is far below 2^53), as plainRow does.
 */
export function rowsOf<T>(table: Table): T[] {
	const n = table.numRows;
	const rows = Array.from({ length: n }, () => ({}) as Record<string, unknown>);
	table.schema.fields.forEach((field, c) => {
		const column = table.getChildAt(c)!;
		const numeric = /^(Ui|I)nt\d+$|^Float\d+$/.test(String(field.type));
		const values: ArrayLike<unknown> = numeric && column.nullCount === 0 ? column.toArray() : Array.from({ length: n }, (_, i) => column.get(i));
		for (let i = 0; i < n; i++) {
			const v = values[i];
			rows[i][field.name] = typeof v === 'bigint' ? Number(v) : v;
		}
	});
	return rows as T[];
}

