import { downloadBlob } from '../download';
import { csvText } from '$sim/dataset/csv';

export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
}

export type TableRow = Record<string, string | number | null>;

/** The CSV text of a table: a header of column labels, then the rows' values (raw, unformatted numbers). */
export function tableCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
	return csvText([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => r[c.key]))]);
}

/** Offers the table as a CSV download. The byte-order mark lets spreadsheet programs read Chinese text. */
export function downloadCsv(filename: string, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
	downloadBlob(new Blob(['\ufeff', tableCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}
