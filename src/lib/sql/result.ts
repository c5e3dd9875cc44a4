/**
 * The console's results: how a query is wrapped to count its rows, limit them and bring every
 * value as a number, text or true/false; and which quick chart fits a result. DOM-free.
 */
export type ColumnRole = 'number' | 'date' | 'text' | 'boolean';

export interface ResultColumn {
	/** Key in the result rows: c0, c1, … (names in a result may repeat). */
	key: string;
	/** The column's name as the query gives it. */
	name: string;
	/** DuckDB's type. */
	type: string;
	role: ColumnRole;
}

export type Cell = string | number | boolean | null;
export type ResultRow = Record<string, Cell>;

/** Rows shown on the page; the total is always counted and said. */
export const SHOWN_ROWS = 1000;
/** Rows in a CSV download at most. */
export const CSV_ROWS = 100_000;

/** What a column of this DuckDB type is for the console: numbers (as doubles), dates and times (as ISO text), true/false, or text. */
export function columnRole(type: string): ColumnRole {
	const t = type.toUpperCase();
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)\b/.test(t)) return 'number';
	if (/^(DATE|TIMESTAMP)/.test(t)) return 'date';
	if (t === 'BOOLEAN') return 'boolean';
	return 'text';
}

/** A name written as a DuckDB identifier. */
export function quoteName(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** The body as a subquery whose columns are c0, c1, … (the user's text on lines of its own: a trailing comment cannot swallow the wrapper). */
function source(body: string, columns: readonly ResultColumn[]): string {
	return `(\n${body}\n) AS console_result(${columns.map((c) => c.key).join(', ')})`;
}

/** Lines the wrappers put before the user's text (an error's LINE n maps back by this). */
export const WRAP_LINES = 1;

/** The statement giving the columns and types of the query's result (nothing is run). */
export function describeSql(body: string): string {
	return `DESCRIBE SELECT * FROM (\n${body}\n)`;
}

/** The statement counting the result's rows. */
export function countSql(body: string): string {
	return `SELECT count(*)::DOUBLE AS n FROM (\n${body}\n)`;
}

/**
 * The statement reading up to `limit` rows: numbers as doubles (64- and 128-bit integers and
 * decimals arrive in other forms otherwise), dates and times as ISO text, nested and other
 * values as their text.
 */
export function rowsSql(body: string, columns: readonly ResultColumn[], limit: number): string {
	const list = columns.map((c) => {
		if (c.role === 'number') return `${c.key}::DOUBLE AS ${c.key}`;
		if (c.role === 'boolean') return c.key;
		if (c.role === 'date') return `strftime(${c.key}, ${/^DATE$/i.test(c.type) ? "'%Y-%m-%d'" : "'%Y-%m-%d %H:%M:%S'"}) AS ${c.key}`;
		return /^VARCHAR$/i.test(c.type) ? c.key : `${c.key}::VARCHAR AS ${c.key}`;
	});
	return `SELECT ${list.join(', ') || '*'} FROM ${source(body, columns)} LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/** Columns from DuckDB's DESCRIBE rows. */
export function resultColumns(described: readonly { column_name: string; column_type: string }[]): ResultColumn[] {
	return described.map((d, i) => ({ key: `c${i}`, name: d.column_name, type: d.column_type, role: columnRole(d.column_type) }));
}

/** A value of a result run as written (EXPLAIN, PIVOT) as a cell. */
export function plainCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.toISOString();
	return String(v);
}

/** Columns and rows of a result run as written, keyed c0, c1, … by the order of the first row's fields. */
export function plainResult(rows: readonly Record<string, unknown>[]): { columns: ResultColumn[]; rows: ResultRow[] } {
	const names = rows.length ? Object.keys(rows[0]) : [];
	const cells = rows.map((r) => Object.fromEntries(names.map((n, i) => [`c${i}`, plainCell(r[n])])) as ResultRow);
	const columns = names.map((name, i) => {
		const values = cells.map((r) => r[`c${i}`]).filter((v) => v !== null);
		const role: ColumnRole = values.length && values.every((v) => typeof v === 'number') ? 'number' : values.length && values.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
		return { key: `c${i}`, name, type: role === 'number' ? 'DOUBLE' : role === 'boolean' ? 'BOOLEAN' : 'VARCHAR', role };
	});
	return { columns, rows: cells };
}

/** Most bars a quick bar chart draws (more are not readable as bars). */
export const MAX_BARS = 40;

export type ChartChoice =
	| { kind: 'bars' | 'line'; label: ResultColumn; value: ResultColumn }
	| { kind: 'none'; why: 'no-number' | 'no-label' | 'too-many' | 'repeated' | 'empty' };

const MONTH_OR_DATE = /^\d{4}-\d{2}(-\d{2}( \d{2}:\d{2}(:\d{2})?)?)?$/;

/**
 * The quick chart for a result: a line when a column holds dates or months ('YYYY-MM…') and
 * another numbers, one point per date; bars when a text column labels a numeric one, at most
 * MAX_BARS rows (all rows must be shown, `total` is the result's count); otherwise none, and why.
 * The first suitable columns are used.
 */
export function chooseChart(columns: readonly ResultColumn[], rows: readonly ResultRow[], total: number): ChartChoice {
	if (total === 0 || rows.length === 0) return { kind: 'none', why: 'empty' };
	const value = columns.find((c) => c.role === 'number');
	if (!value) return { kind: 'none', why: 'no-number' };
	const isDate = (c: ResultColumn) =>
		c !== value && (c.role === 'date' || (c.role === 'text' && rows.every((r) => r[c.key] === null || (typeof r[c.key] === 'string' && MONTH_OR_DATE.test(r[c.key] as string)))));
	const date = columns.find(isDate);
	const label = date ?? columns.find((c) => c !== value && c.role === 'text');
	if (!label) return { kind: 'none', why: 'no-label' };
	if (rows.length < total) return { kind: 'none', why: 'too-many' };
	const keys = rows.map((r) => r[label.key]);
	if (new Set(keys).size !== keys.length) return { kind: 'none', why: 'repeated' };
	if (date) return { kind: 'line', label, value };
	if (rows.length > MAX_BARS) return { kind: 'none', why: 'too-many' };
	return { kind: 'bars', label, value };
}

/** Longest query kept in the address (longer ones are not put in a link). */
export const MAX_URL_QUERY = 8000;

/** The query in an address's `q`, or why it is not used. */
export function queryFromSearch(search: string): { sql: string | null; tooLong: boolean } {
	const q = new URLSearchParams(search).get('q');
	if (q === null || q.trim() === '') return { sql: null, tooLong: false };
	if (q.length > MAX_URL_QUERY) return { sql: null, tooLong: true };
	return { sql: q, tooLong: false };
}
