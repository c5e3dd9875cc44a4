import type { TableRow } from './csv-download';

/** One month of a stacked monthly chart: each series' count and their total. */
export interface MonthRow {
	month: string;
	counts: Record<string, number>;
	total: number;
}

/** The months of a stacked monthly chart, each with every series' count (zero where `values` has none). */
export function monthRows({ months, series, values }: { months: readonly string[]; series: readonly { key: string }[]; values: ReadonlyMap<string, number> }): MonthRow[] {
	return months.map((month) => {
		const counts = Object.fromEntries(series.map((s) => [s.key, values.get(`${month}|${s.key}`) ?? 0]));
		return { month, counts, total: series.reduce((sum, s) => sum + counts[s.key], 0) };
	});
}

/** The same months as table rows (the table view and CSV): month, a column per series, and the total if asked. */
export function monthTableRows(rows: readonly MonthRow[], { total = true } = {}): TableRow[] {
	return rows.map((r) => ({ month: r.month, ...r.counts, ...(total ? { total: r.total } : {}) }));
}

/** `count` months 'YYYY-MM' from `first` on. */
export function monthSpan(first: string, count: number): string[] {
	const [y, m] = first.split('-').map(Number);
	return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7));
}
