import type { LedgerFilters, LedgerSlice } from './ledger-queries';
import type { Scope } from './scope';

/**
 * Publish-time answers ("prepared answers"): what the dashboard pages show for every place they
 * can show, computed at build time by DuckDB in Node with the same query functions the browser
 * engine runs (src/lib/server/prepared-writer.ts), written as small JSON files and read by the
 * pages instead of starting the engine. Each answer has a name (its file, without `.json`, under
 * the dataset's prepared folder); this module is what the writer and the pages agree on.
 */

const place = (s: { town: string | null; village: string | null }) => s.village ?? s.town ?? 'county';

/** Names of the prepared answers, per page and state. */
export const preparedName = {
	overview: (town: string | null) => `overview/${town ?? 'county'}`,
	/** A ledger slice (the period is summed in the browser from it). */
	ledgers: (f: Pick<LedgerFilters, 'town' | 'village' | 'ledger'>) => `ledgers/${place(f)}-${f.ledger ?? 'all'}`,
	bulletin: (quarter: string) => `bulletin/${quarter}`,
	/** The towns' close-time histograms under a ledger type (ranking-queries.ts; the period is summed in the browser). */
	ranking: (ledger: string | null) => `ranking/${ledger ?? 'all'}`,
	grid: (s: Scope) => `grid/${place(s)}-${s.colour ?? 'all'}`,
	integration: (s: Scope) => `integration/${place(s)}`
};

/** `prepared/index.json`: the names of a dataset's prepared answers (the service worker reads it). */
export interface PreparedIndex {
	/** The county's and the towns' (small: installed with the app). */
	core: string[];
	/** The villages' (kept later, once the page is idle on a fast connection). */
	villages: string[];
}

/** The fields of a slice's count rows, in the order an encoded slice keeps them as columns. */
const ROW_FIELDS = ['part', 'dim', 'key', 'month', 'cases', 'closed', 'closedLocally', 'escalated', 'surveyed', 'satisfied', 'handled', 'onTime', 'repeats'] as const;
const DAY_FIELDS = ['quarter', 'step', 'bin', 'n'] as const;

/** A ledger slice as columns (one array per field): a third of the bytes of rows of objects. */
export interface EncodedSlice {
	filters: LedgerFilters;
	rows: Record<(typeof ROW_FIELDS)[number], (string | number)[]>;
	days: Record<(typeof DAY_FIELDS)[number], number[]>;
}

function columns<F extends string>(rows: readonly Record<F, unknown>[], fields: readonly F[]): Record<F, never[]> {
	return Object.fromEntries(fields.map((f) => [f, rows.map((r) => r[f])])) as Record<F, never[]>;
}

function fromColumns<F extends string>(cols: Record<F, unknown[]>, fields: readonly F[]): Record<F, unknown>[] {
	const n = cols[fields[0]]?.length ?? 0;
	if (!fields.every((f) => Array.isArray(cols[f]) && cols[f].length === n)) throw new Error('columns of unequal length or missing');
	return Array.from({ length: n }, (_, i) => Object.fromEntries(fields.map((f) => [f, cols[f][i]])) as Record<F, unknown>);
}

export function encodeSlice(slice: LedgerSlice): EncodedSlice {
	return { filters: slice.filters, rows: columns(slice.rows, ROW_FIELDS), days: columns(slice.days, DAY_FIELDS) };
}

/** The slice an encoded one stands for; throws on a malformed file (reported as damaged). */
export function decodeSlice(json: unknown): LedgerSlice {
	const e = json as EncodedSlice;
	if (!e || typeof e !== 'object' || !e.filters || !e.rows || !e.days) throw new Error('not a ledger slice');
	return { filters: e.filters, rows: fromColumns(e.rows, ROW_FIELDS) as unknown as LedgerSlice['rows'], days: fromColumns(e.days, DAY_FIELDS) as LedgerSlice['days'] };
}
