import { downloadBlob } from '../download';
import { csvText } from '$sim/dataset/csv';

export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
	/**
	 * A fraction shown as a percentage with this many decimals: the CSV gives the percentage as
	 * shown (`label (%)`) and the raw fraction beside it (see `exportTable`).
	 */
	percent?: number;
	/** Decimals a number is shown with: the CSV rounds it the same way. */
	digits?: number;
}

export type TableRow = Record<string, string | number | null>;

/** The CSV text of a table: a header of column labels, then the rows' values as given. */
export function tableCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
	return csvText([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => r[c.key]))]);
}

const formats = new Map<string, Intl.NumberFormat>();
function plainFormat(style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
	const key = `${style}:${digits}`;
	let f = formats.get(key);
	if (!f) formats.set(key, (f = new Intl.NumberFormat('en-US', { style, minimumFractionDigits: 0, maximumFractionDigits: digits, useGrouping: false })));
	return f;
}

/**
 * `x` rounded to `digits` decimals exactly as Intl.NumberFormat shows it (the page's numbers):
 * Intl rounds the number's shortest decimal form half away from zero, which arithmetic on the
 * binary value does not always do (0.2385 × 100 is 23.849999…, yet 0.2385 shows as 23.9%).
 */
export function roundAsShown(x: number, digits: number): number {
	return Number(plainFormat('decimal', digits).format(x));
}

/** The fraction `x` as the percentage the page shows with `digits` decimals (0.2385, 1 → 23.9). */
export function percentAsShown(x: number, digits: number): number {
	return Number(plainFormat('percent', digits).format(x).replace('%', ''));
}

/** The headers of a percentage column in the CSV, in the page's language. */
export interface PercentHeaders {
	percent: (label: string) => string;
	raw: (label: string) => string;
}

/**
 * The table as it is downloaded: numbers rounded as shown; a percentage column becomes the
 * percentage as shown plus the raw fraction (so a spreadsheet shows 97.8, and nothing is lost).
 */
export function exportTable(columns: readonly TableColumn[], rows: readonly TableRow[], headers: PercentHeaders): { columns: TableColumn[]; rows: TableRow[] } {
	const raw = (key: string) => `\u0000raw:${key}`;
	const out = columns.flatMap((c): TableColumn[] =>
		c.percent === undefined
			? [c]
			: [
					{ key: c.key, label: headers.percent(c.label), numeric: true },
					{ key: raw(c.key), label: headers.raw(c.label), numeric: true }
				]
	);
	const shown = rows.map((r) => {
		const row: TableRow = { ...r };
		for (const c of columns) {
			const v = r[c.key];
			if (typeof v !== 'number' || !Number.isFinite(v)) continue;
			if (c.percent !== undefined) {
				row[c.key] = percentAsShown(v, c.percent);
				row[raw(c.key)] = v;
			} else if (c.digits !== undefined) row[c.key] = roundAsShown(v, c.digits);
		}
		return row;
	});
	return { columns: out, rows: shown };
}

/** What a downloaded table is: the words its sidecar carries. */
export interface CsvDescription {
	title: string;
	/** Place · period · levels. */
	subtitle?: string;
	units: string;
	source: string;
	/** The synthetic-data line (or the imported dataset's name). */
	notes: readonly string[];
	language: string;
}

/**
 * The CSV's sidecar, `<file>.csv-metadata.json` (W3C CSV on the Web, the name CSVW readers look
 * for beside a CSV): title, scope, units, source and the synthetic-data line, and each column's
 * header and type. The CSV itself stays a plain table (one header row, no comment lines), which
 * Excel opens and pandas/R/DuckDB read with no options.
 */
export function csvSidecar(csvName: string, columns: readonly TableColumn[], about: CsvDescription): string {
	const doc = {
		'@context': ['http://www.w3.org/ns/csvw', { '@language': about.language }],
		url: csvName,
		'dc:title': about.title,
		...(about.subtitle ? { 'dc:coverage': about.subtitle } : {}),
		'dc:description': [about.units, ...about.notes].join(' — '),
		'dc:source': about.source,
		notes: about.notes,
		dialect: { encoding: 'utf-8', header: true, delimiter: ',' },
		tableSchema: { columns: columns.map((c) => ({ titles: c.label, datatype: c.numeric ? 'number' : 'string' })) }
	};
	return JSON.stringify(doc, null, '\t') + '\n';
}

/** The CSV bytes as downloaded: a byte-order mark (spreadsheet programs then read Chinese text as UTF-8), then the table. */
export function csvBlob(columns: readonly TableColumn[], rows: readonly TableRow[]): Blob {
	return new Blob(['\ufeff', tableCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
}

/** Offers the table as a CSV download, and with `about` its sidecar description beside it. */
export function downloadCsv(filename: string, columns: readonly TableColumn[], rows: readonly TableRow[], about?: CsvDescription): void {
	downloadBlob(csvBlob(columns, rows), filename);
	if (about) downloadBlob(new Blob([csvSidecar(filename, columns, about)], { type: 'application/csvm+json' }), `${filename}-metadata.json`);
}
