/**
 * SQL helpers (macros) the importer creates in its database: the same text in DuckDB in Node and in
 * DuckDB-WASM. Values from the file are never spliced into SQL: they are read from tables.
 */

/** Characters trimmed from a value: blanks, tabs, line breaks and the ideographic space. */
const BLANK = ' \t\n\r\u3000\u00a0';

/** US-style month-first date-times (311 exports): tried before the ISO forms. */
const US_FORMATS = ['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y'];
const COMPACT_FORMATS = ['%Y%m%d%H%M%S', '%Y%m%d'];

export const MACROS = [
	// A value trimmed, blank → NULL.
	// (Trimmed only when it has a blank at either end: most values have none, and trim costs. The
	// ends are tested by the first code point and byte-wise suffixes, half the time of a regular
	// expression, which the checks' pass spent most of its time in.)
	`CREATE OR REPLACE TEMP MACRO import_txt(x) AS CASE WHEN ord(x) IN (${[...BLANK].map((b) => b.codePointAt(0)).join(', ')}) OR ${[...BLANK].map((b) => `ends_with(x, '${b}')`).join(' OR ')} THEN nullif(trim(x, '${BLANK}'), '') ELSE nullif(x, '') END`,
	// (x trimmed) ISO and Chinese forms normalised: 2021/3/4, 2021.3.4, 2021年3月4日 → 2021-3-4; 'T' → ' '; a zone suffix dropped (the wall-clock time as written is kept).
	`CREATE OR REPLACE TEMP MACRO import_iso(x) AS regexp_replace(replace(regexp_replace(x, '^(\\d{4})[年/.-](\\d{1,2})[月/.-](\\d{1,2})日?', '\\1-\\2-\\3'), 'T', ' '), '(\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?)\\s*(Z|UTC|[+-]\\d\\d(:?\\d\\d)?)$', '\\1')`,
	// A date-time as written in the file (trimmed, see import_txt), or NULL when it cannot be read. ISO first (most files; coalesce stops at the first value).
	`CREATE OR REPLACE TEMP MACRO import_ts(t) AS coalesce(
		try_cast(t AS TIMESTAMP),
		CASE WHEN t LIKE '%/%/%' THEN try_strptime(t, [${US_FORMATS.map((f) => `'${f}'`).join(', ')}]) END,
		try_cast(import_iso(t) AS TIMESTAMP),
		CASE WHEN regexp_full_match(t, '\\d{8}(\\d{6})?') THEN try_strptime(t, [${COMPACT_FORMATS.map((f) => `'${f}'`).join(', ')}]) END)`,
	// With a format the user gave (strptime syntax).
	`CREATE OR REPLACE TEMP MACRO import_ts_as(t, f) AS try_strptime(t, f)`,
	// Placeholder dates of systems that have no value: 1900-01-01, 1899-12-30 (Excel's zero), 1970-01-01 (the Unix epoch), 9999-… and anything before 1901 or from 2100.
	`CREATE OR REPLACE TEMP MACRO import_sentinel(t) AS coalesce(year(t) < 1901 OR year(t) >= 2100 OR t::DATE = DATE '1970-01-01', false)`
];
