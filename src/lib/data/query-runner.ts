/** A value bound to a query parameter ($1, $2, …). Never spliced into SQL text. */
export type QueryParam = string | number | boolean | null;

/** Runs SQL against the dataset's tables. The browser (DuckDB-WASM) and the build (DuckDB in Node) both implement it. */
export interface QueryRunner {
	query<T extends object>(sql: string, params?: readonly QueryParam[]): Promise<T[]>;
}

/**
 * Makes a result row plain: 64-bit integers arrive as bigint from both engines and become
 * numbers (every count in this dataset is far below 2^53).
 */
export function plainRow<T>(row: Record<string, unknown>): T {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
	return out as T;
}
