import { csvFormatRow } from 'd3-dsv';

/** A value as written to CSV: null, undefined and non-finite numbers become the empty field (NULL to DuckDB). */
export type CsvValue = string | number | boolean | null | undefined;

function fieldText(v: CsvValue): string {
	return v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v);
}

/**
 * One CSV line with its trailing newline, formatted by d3-dsv (RFC 4180: a field holding a comma,
 * quote or line break is quoted, its quotes doubled). The project's one CSV writer: the dataset
 * generator and the charts' downloads both write through it.
 */
export function csvLine(values: readonly CsvValue[]): string {
	return `${csvFormatRow(values.map(fieldText))}\n`;
}

/** A whole CSV text, one line per row (the first is usually the header). */
export function csvText(rows: Iterable<readonly CsvValue[]>): string {
	let text = '';
	for (const row of rows) text += csvLine(row);
	return text;
}

const dayCache = new Map<number, string>();

/**
 * Formats a time given in seconds since 1970 as 'YYYY-MM-DD HH:MM:SS' on the UTC clock. The
 * dataset stores local (China Standard) times as naive timestamps, so no zone is applied.
 * NaN gives the empty field. Day strings are cached: millions of rows share a few thousand days.
 */
export function formatTimestamp(seconds: number): string {
	if (Number.isNaN(seconds)) return '';
	const day = Math.floor(seconds / 86400);
	let date = dayCache.get(day);
	if (date === undefined) {
		date = new Date(day * 86400_000).toISOString().slice(0, 10);
		dayCache.set(day, date);
	}
	const s = seconds - day * 86400;
	const hh = Math.floor(s / 3600);
	const mm = Math.floor((s % 3600) / 60);
	const ss = Math.floor(s % 60);
	return `${date} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}

/** Formats a time in seconds since 1970 as 'YYYY-MM-DD' (UTC clock). */
export function formatDate(seconds: number): string {
	return Number.isNaN(seconds) ? '' : formatTimestamp(seconds).slice(0, 10);
}

/** Seconds since 1970 of an ISO date or naive date-time, read on the UTC clock. */
export function toSeconds(iso: string): number {
	return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso.replace(' ', 'T')}Z`) / 1000;
}

function pad(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}
