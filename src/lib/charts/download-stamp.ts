import { getContext, setContext } from 'svelte';
import type { TableColumn, TableRow } from './csv-download';

/**
 * Columns that every CSV download inside part of a page carries, with one value for every row: the
 * sandbox stamps its tables with the model version and seed that made them, so a downloaded file
 * says what it came from (pictures carry the same in their source line).
 */
export interface StampColumn {
	label: string;
	value: string | number;
}

const KEY = Symbol('download-stamp');

/** Stamps the CSV downloads of the charts inside this component; `get` is read at each download. */
export function setDownloadStamp(get: () => readonly StampColumn[]): void {
	setContext(KEY, get);
}

export function getDownloadStamp(): (() => readonly StampColumn[]) | undefined {
	return getContext<(() => readonly StampColumn[]) | undefined>(KEY);
}

/** A table with the stamp's columns after its own (keys that cannot clash with the table's). */
export function stampedTable(columns: readonly TableColumn[], rows: readonly TableRow[], stamp: readonly StampColumn[]): { columns: TableColumn[]; rows: TableRow[] } {
	if (!stamp.length) return { columns: [...columns], rows: [...rows] };
	const key = (i: number) => `\u0000stamp${i}`;
	const values = Object.fromEntries(stamp.map((s, i) => [key(i), s.value]));
	return {
		columns: [...columns, ...stamp.map((s, i) => ({ key: key(i), label: s.label, numeric: typeof s.value === 'number' }))],
		rows: rows.map((r) => ({ ...r, ...values }))
	};
}
