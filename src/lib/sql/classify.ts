import { statements, tokenize, type Token } from './tokens';

/**
 * Whether a text is one read-only query the console may run, decided in two stages before it
 * reaches the engine as a statement:
 *
 * 1. `classifySql` (here, no engine): the text is tokenized as DuckDB reads it (comments, strings,
 *    quoted names), must hold exactly one statement, and its leading keyword — after parentheses,
 *    a WITH list of CTEs, EXPLAIN [ANALYZE] — must start a query; names of functions that read
 *    files or the network, and strings or paths used as tables, are refused.
 * 2. `deepCheck` (on the engine's parser): DuckDB's `json_serialize_sql` parses the text (it only
 *    parses: nothing is bound, read or run), serializes only SELECT statements, and gives the
 *    syntax tree, in which every table is checked to be a plain name and every table function to
 *    be on a short list that reaches nothing outside the engine's memory.
 */

export type Refusal =
	| { reason: 'empty' }
	| { reason: 'several'; count: number; position: number }
	| { reason: 'write'; keyword: string; position: number }
	| { reason: 'not-query'; keyword: string; position: number }
	| { reason: 'outside'; name: string; position: number }
	| { reason: 'syntax'; problem: string; position: number };

export type QueryKind = 'select' | 'explain' | 'pivot';

export interface Accepted {
	/** select: may be wrapped as a subquery (row limit, count, types); explain and pivot run as written. */
	kind: QueryKind;
	/** The statement's text without the semicolon after it and what follows. */
	body: string;
	/** Where `body` starts in the text (an error's position in the body maps back by this). */
	offset: number;
	/** The text the deep check serializes (EXPLAIN's query), or null when DuckDB cannot serialize it (PIVOT statements). */
	deep: string | null;
	/** Where `deep` starts in the text. */
	deepOffset: number;
}

export type Classification = ({ ok: true } & Accepted) | ({ ok: false } & Refusal);

/** Keywords that start a statement which writes, changes settings or reaches outside. */
export const WRITE_KEYWORDS = new Set([
	'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'REPLACE', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'COMMENT',
	'COPY', 'EXPORT', 'IMPORT', 'ATTACH', 'DETACH', 'USE', 'INSTALL', 'LOAD', 'FORCE', 'UPDATE_EXTENSIONS',
	'SET', 'RESET', 'PRAGMA', 'CALL', 'CHECKPOINT', 'VACUUM', 'ANALYZE', 'BEGIN', 'START', 'COMMIT', 'END',
	'ROLLBACK', 'ABORT', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'GRANT', 'REVOKE', 'LISTEN', 'NOTIFY', 'UNLISTEN'
]);

/** Keywords that start a query. */
const QUERY_KEYWORDS = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'WITH', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW', 'EXPLAIN', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
/** Keywords that may start the main statement after a WITH list. */
const AFTER_WITH = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
const PIVOT_KEYWORDS = new Set(['PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);

/** Table functions that read only the engine's memory (generated rows, the catalogue, values given). */
export const SAFE_TABLE_FUNCTIONS = new Set([
	'range', 'generate_series', 'unnest', 'repeat_row', 'pragma_table_info', 'json_each', 'json_tree',
	'duckdb_tables', 'duckdb_columns', 'duckdb_views', 'duckdb_schemas', 'duckdb_databases', 'duckdb_types',
	'duckdb_functions', 'duckdb_keywords', 'duckdb_constraints', 'duckdb_indexes', 'duckdb_sequences'
]);

/** A function that reads files, the network or the environment, or runs SQL given as text. */
export function reachesOutside(name: string): boolean {
	const n = name.toLowerCase();
	return (
		n.startsWith('read_') ||
		n.endsWith('_scan') ||
		n.startsWith('parquet_') ||
		n.startsWith('iceberg_') ||
		n.startsWith('delta_') ||
		n.startsWith('sqlite_') ||
		n.startsWith('postgres_') ||
		n.startsWith('mysql_') ||
		['glob', 'sniff_csv', 'query', 'query_table', 'json_execute_serialized_sql', 'getenv', 'load_extension', 'st_read', 'httpfs'].includes(n)
	);
}

/** Schemas a console query may name (the tables themselves, and the catalogue's views). */
const SAFE_SCHEMAS = new Set(['', 'main', 'information_schema', 'pg_catalog']);
const SAFE_CATALOGS = new Set(['', 'memory', 'system', 'temp']);
/** A table's name that no replacement scan turns into a file or address (no dot, slash, colon…). */
const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_$]*$/u;

/** Words after which a string or a name is read as a table. */
const TABLE_POSITION = new Set(['FROM', 'JOIN', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW', 'TABLE', ...PIVOT_KEYWORDS]);

export function classifySql(sql: string): Classification {
	const lexed = tokenize(sql);
	if (!lexed.ok) return { ok: false, reason: 'syntax', problem: lexed.problem, position: lexed.position };
	const stmts = statements(lexed.tokens);
	if (stmts.length === 0) return { ok: false, reason: 'empty' };
	if (stmts.length > 1) return { ok: false, reason: 'several', count: stmts.length, position: stmts[1][0].start };
	const tokens = stmts[0];
	const outside = outsideReach(tokens);
	const verdict = leading(tokens, 0);
	if (!verdict.ok) return verdict;
	if (outside) return { ok: false, ...outside };
	const first = tokens[0].start;
	const last = tokens[tokens.length - 1].end;
	const deepStart = verdict.deepFrom === null ? null : tokens[verdict.deepFrom].start;
	return {
		ok: true,
		kind: verdict.kind,
		body: sql.slice(first, last),
		offset: first,
		deep: deepStart === null ? null : sql.slice(deepStart, last),
		deepOffset: deepStart ?? first
	};
}

type Leading = { ok: true; kind: QueryKind; deepFrom: number | null } | ({ ok: false } & Refusal);

/** What the statement starting at token `i` is, by its leading keywords. */
function leading(tokens: readonly Token[], i: number): Leading {
	const start = i;
	while (tokens[i]?.kind === 'punct' && tokens[i].value === '(') i++;
	const t = tokens[i];
	if (!t) return { ok: false, reason: 'empty' };
	if (t.kind !== 'word') return { ok: false, reason: 'not-query', keyword: t.text, position: t.start };
	const k = t.value;
	if (WRITE_KEYWORDS.has(k)) return { ok: false, reason: 'write', keyword: k, position: t.start };
	if (!QUERY_KEYWORDS.has(k)) return { ok: false, reason: 'not-query', keyword: t.text, position: t.start };
	if (k === 'EXPLAIN') {
		let j = i + 1;
		if (tokens[j]?.value === 'ANALYZE' || tokens[j]?.value === 'ANALYSE') j++;
		const inner = leading(tokens, j);
		return inner.ok ? { ok: true, kind: 'explain', deepFrom: inner.deepFrom } : inner;
	}
	if (k === 'WITH') {
		const main = afterWith(tokens, i + 1);
		if (main === null) return { ok: true, kind: 'select', deepFrom: start }; // malformed: the parser (deep check) says why
		const m = tokens[main];
		if (m.kind === 'word' && WRITE_KEYWORDS.has(m.value)) return { ok: false, reason: 'write', keyword: m.value, position: m.start };
		if (m.kind === 'word' && PIVOT_KEYWORDS.has(m.value)) return { ok: true, kind: 'pivot', deepFrom: null };
		if (!(m.kind === 'word' && AFTER_WITH.has(m.value)) && !(m.kind === 'punct' && m.value === '('))
			return { ok: false, reason: 'not-query', keyword: m.text, position: m.start };
		return { ok: true, kind: 'select', deepFrom: start };
	}
	if (PIVOT_KEYWORDS.has(k)) return { ok: true, kind: 'pivot', deepFrom: null };
	return { ok: true, kind: 'select', deepFrom: start };
}

/** The index of the main statement's first token after `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…), …`, or null if malformed. */
function afterWith(tokens: readonly Token[], i: number): number | null {
	if (tokens[i]?.value === 'RECURSIVE') i++;
	for (;;) {
		if (!tokens[i] || (tokens[i].kind !== 'word' && tokens[i].kind !== 'quoted')) return null;
		i++;
		if (tokens[i]?.value === '(') {
			const close = closing(tokens, i);
			if (close === null) return null;
			i = close + 1;
		}
		if (tokens[i]?.value !== 'AS') return null;
		i++;
		if (tokens[i]?.value === 'NOT') i++;
		if (tokens[i]?.value === 'MATERIALIZED') i++;
		if (tokens[i]?.value !== '(') return null;
		const close = closing(tokens, i);
		if (close === null) return null;
		i = close + 1;
		// USING KEY (…) of recursive CTEs.
		if (tokens[i]?.value === 'USING' && tokens[i + 1]?.value === 'KEY' && tokens[i + 2]?.value === '(') {
			const key = closing(tokens, i + 2);
			if (key === null) return null;
			i = key + 1;
		}
		if (tokens[i]?.kind === 'punct' && tokens[i].value === ',') {
			i++;
			continue;
		}
		return tokens[i] ? i : null;
	}
}

/** The index of the parenthesis closing the one at `open`. */
function closing(tokens: readonly Token[], open: number): number | null {
	let depth = 0;
	for (let j = open; j < tokens.length; j++) {
		const t = tokens[j];
		if (t.kind !== 'punct') continue;
		if (t.value === '(') depth++;
		else if (t.value === ')' && --depth === 0) return j;
	}
	return null;
}

/** A function call or table reference in the tokens that would reach files, the network or the environment. */
function outsideReach(tokens: readonly Token[]): { reason: 'outside'; name: string; position: number } | null {
	for (let j = 0; j < tokens.length; j++) {
		const t = tokens[j];
		const next = tokens[j + 1];
		const prev = tokens[j - 1];
		if ((t.kind === 'word' || t.kind === 'quoted') && next?.kind === 'punct' && next.value === '(' && reachesOutside(t.kind === 'word' ? t.text : t.value))
			return { reason: 'outside', name: t.kind === 'word' ? t.text : t.value, position: t.start };
		if (prev?.kind === 'word' && TABLE_POSITION.has(prev.value)) {
			if (t.kind === 'string') return { reason: 'outside', name: t.value, position: t.start };
			if (t.kind === 'quoted' && !PLAIN_NAME.test(t.value)) return { reason: 'outside', name: t.value, position: t.start };
		}
	}
	return null;
}

/** DuckDB's answer to `json_serialize_sql`: an error, or the statements' syntax trees. */
interface Serialized {
	error: boolean;
	error_type?: string;
	error_message?: string;
	position?: string | number;
	statements?: unknown[];
}

export type DeepVerdict = { ok: true } | ({ ok: false } & Refusal) | { ok: false; reason: 'parser'; message: string; position: number | null };

/**
 * Checks DuckDB's serialized syntax tree of the text (`json_serialize_sql`): one SELECT statement
 * (DESCRIBE, SHOW, SUMMARIZE, VALUES and FROM-first are SELECTs there), every table a plain name
 * in the engine's own schemas, every table function one of SAFE_TABLE_FUNCTIONS and no function
 * that reaches outside. `text` is what was serialized: positions are turned into indexes in it.
 */
export function deepCheck(json: string, text: string): DeepVerdict {
	let parsed: Serialized;
	try {
		parsed = JSON.parse(json) as Serialized;
	} catch {
		return { ok: false, reason: 'syntax', problem: 'unreadable', position: 0 };
	}
	if (parsed.error) {
		if (parsed.error_type === 'parser') {
			// The parser counts its position in characters (code points), the syntax tree in bytes.
			const at = parsed.position === undefined ? null : codePointToIndex(text, Number(parsed.position));
			return { ok: false, reason: 'parser', message: parsed.error_message ?? '', position: at };
		}
		// "Only SELECT statements can be serialized": a statement of another kind.
		const first = tokenize(text);
		const word = first.ok ? first.tokens.find((t) => t.kind === 'word') : undefined;
		return { ok: false, reason: 'not-query', keyword: word?.text ?? '', position: word?.start ?? 0 };
	}
	const stmts = parsed.statements ?? [];
	if (stmts.length !== 1) return stmts.length === 0 ? { ok: false, reason: 'empty' } : { ok: false, reason: 'several', count: stmts.length, position: 0 };
	const bad = findOutside(stmts[0]);
	if (bad) return { ok: false, reason: 'outside', name: bad.name, position: bad.at === null ? 0 : byteToIndex(text, bad.at) };
	return { ok: true };
}

const NO_LOCATION = 2 ** 63;

/** The first node of a syntax tree that names a file, an address or an outside-reaching function. */
function findOutside(node: unknown): { name: string; at: number | null } | null {
	if (Array.isArray(node)) {
		for (const child of node) {
			const bad = findOutside(child);
			if (bad) return bad;
		}
		return null;
	}
	if (!node || typeof node !== 'object') return null;
	const o = node as Record<string, unknown>;
	const at = typeof o.query_location === 'number' && o.query_location < NO_LOCATION - 1 ? o.query_location : null;
	const str = (v: unknown) => (typeof v === 'string' ? v : '');
	if (o.type === 'BASE_TABLE') {
		const name = str(o.table_name);
		if (!PLAIN_NAME.test(name) || !SAFE_SCHEMAS.has(str(o.schema_name).toLowerCase()) || !SAFE_CATALOGS.has(str(o.catalog_name).toLowerCase()))
			return { name: [o.catalog_name, o.schema_name, name].filter(Boolean).join('.'), at };
	}
	if (o.type === 'SHOW_REF') {
		const name = str(o.table_name).replace(/^"(.*)"$/, '$1');
		if (name && !/^[\p{L}_][\p{L}\p{N}_$ ]*$/u.test(name)) return { name, at };
	}
	if (o.type === 'TABLE_FUNCTION') {
		const f = (o.function ?? {}) as Record<string, unknown>;
		const name = str(f.function_name).toLowerCase();
		if (!SAFE_TABLE_FUNCTIONS.has(name) || str(f.schema) || str(f.catalog)) return { name: str(f.function_name), at };
	}
	if (o.class === 'FUNCTION' && reachesOutside(str(o.function_name))) return { name: str(o.function_name), at };
	for (const v of Object.values(o)) {
		const bad = findOutside(v);
		if (bad) return bad;
	}
	return null;
}

/** The string index of a UTF-8 byte offset into `text` (DuckDB counts positions in bytes). */
export function byteToIndex(text: string, bytes: number): number {
	let b = 0;
	let i = 0;
	for (const ch of text) {
		if (b >= bytes) return i;
		const cp = ch.codePointAt(0)!;
		b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		i += ch.length;
	}
	return i;
}

/** The string index of the `n`th code point of `text`. */
export function codePointToIndex(text: string, n: number): number {
	let i = 0;
	let k = 0;
	for (const ch of text) {
		if (k >= n) return i;
		i += ch.length;
		k++;
	}
	return i;
}

/** The statement that asks DuckDB's parser for the syntax tree (the text is a bound parameter, never run). */
export const SERIALIZE_SQL = 'SELECT json_serialize_sql($1::VARCHAR)::VARCHAR AS tree';
