import type { QueryRunner } from '$lib/data/query-runner';
import { classifySql, type Accepted, type QueryKind, type Refusal } from './classify';
import { parseEngineError, type EngineError } from './engine-error';
import { countSql, describeSql, plainResult, resultColumns, rowsSql, SHOWN_ROWS, WRAP_LINES, type ResultColumn, type ResultRow } from './result';

/**
 * One run of the console, on any QueryRunner (DuckDB-WASM in the page, DuckDB in Node in the
 * tests): the two read-only checks, then the result's columns, its row count and its first rows.
 * DOM-free.
 */
export type ConsoleOutcome =
	| { kind: 'refused'; refusal: Refusal; index: number | null }
	| { kind: 'error'; error: EngineError }
	| { kind: 'result'; query: QueryKind; body: string; columns: ResultColumn[]; rows: ResultRow[]; total: number };

/** The engine's words of a failed call (the page's engine wraps them in a DataError). */
export function errorText(e: unknown): string {
	const info = (e as { info?: { detail?: unknown } } | null)?.info;
	if (info && typeof info.detail === 'string') return info.detail;
	return e instanceof Error ? e.message : String(e);
}

export type Checked =
	| Extract<ConsoleOutcome, { kind: 'refused' | 'error' }>
	| { kind: 'accepted'; accepted: Accepted; columns: { column_name: string; column_type: string }[] };

/**
 * Whether `sql` is a query the console runs. First without the engine (classifySql); then the
 * engine's parser and binder read it only as a subquery of DESCRIBE, which runs nothing: a
 * statement that is not a query is a syntax error there, an unknown name a binder error, each
 * with its position.
 */
export async function checkConsoleSql(db: QueryRunner, sql: string): Promise<Checked> {
	const shallow = classifySql(sql);
	if (!shallow.ok) {
		const { ok: _, ...refusal } = shallow;
		return { kind: 'refused', refusal: refusal as Refusal, index: 'position' in refusal ? refusal.position : null };
	}
	try {
		const columns = await db.query<{ column_name: string; column_type: string }>(describeSql(shallow.check));
		return { kind: 'accepted', accepted: shallow, columns };
	} catch (e) {
		return { kind: 'error', error: parseEngineError(errorText(e), shallow.check, WRAP_LINES, shallow.checkOffset) };
	}
}

export async function runConsoleSql(db: QueryRunner, sql: string, limit = SHOWN_ROWS): Promise<ConsoleOutcome> {
	const checked = await checkConsoleSql(db, sql);
	if (checked.kind !== 'accepted') return checked;
	const { kind, body, offset } = checked.accepted;
	try {
		if (kind === 'explain') {
			// EXPLAIN cannot be a subquery: run as written (its query passed both checks), the rows cut here.
			const { columns, rows } = plainResult(await db.query<Record<string, unknown>>(body));
			return { kind: 'result', query: kind, body, columns, rows: rows.slice(0, limit), total: rows.length };
		}
		const columns = resultColumns(checked.columns);
		const [{ n }] = await db.query<{ n: number }>(countSql(body));
		const rows = await db.query<ResultRow>(rowsSql(body, columns, limit));
		return { kind: 'result', query: kind, body, columns, rows, total: n };
	} catch (e) {
		return { kind: 'error', error: parseEngineError(errorText(e), body, kind === 'select' ? WRAP_LINES : 0, offset) };
	}
}

/** Every row of an accepted query's result up to `limit` (the CSV download). */
export async function allRows(db: QueryRunner, body: string, columns: readonly ResultColumn[], kind: QueryKind, limit: number): Promise<ResultRow[]> {
	if (kind === 'explain') return plainResult(await db.query<Record<string, unknown>>(body)).rows.slice(0, limit);
	return db.query<ResultRow>(rowsSql(body, columns, limit));
}
