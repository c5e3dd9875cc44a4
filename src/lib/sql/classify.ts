import { statements, tokenize, type Token } from './tokens';

/**
 * Whether a text is one read-only query the console may run, decided in two stages before the
 * engine runs anything of it:
 *
 * 1. `classifySql` (here, no engine): the text is tokenized as DuckDB reads it (comments, strings,
 *    quoted names), must hold exactly one statement, and its leading keyword — after parentheses,
 *    a WITH list of CTEs, EXPLAIN [ANALYZE] — must start a query. In table positions (after FROM,
 *    JOIN, a comma of a FROM list, DESCRIBE…) a string or a name with a dot or slash (which DuckDB
 *    would read as a file or address) is refused, and so is any table function not on a short
 *    list that reads only the engine's memory; functions that read files or the network, or run
 *    SQL given as text, are refused anywhere.
 * 2. On the engine (run.ts): the statement (EXPLAIN's query) is asked for its columns as a
 *    subquery, `DESCRIBE SELECT * FROM (…)`. DuckDB's parser accepts only a query there (INSERT,
 *    COPY, SET, … are syntax errors), DuckDB-WASM prepares a single statement only, and DESCRIBE
 *    binds without running; every later statement wraps the same subquery. (The self-hosted
 *    engine has no JSON extension, so `json_serialize_sql` cannot name the statement's type in
 *    the browser; the unit tests use it, in Node, as an independent oracle.)
 */

export type Refusal =
	| { reason: 'empty' }
	| { reason: 'several'; count: number; position: number }
	| { reason: 'write'; keyword: string; position: number }
	| { reason: 'not-query'; keyword: string; position: number }
	| { reason: 'outside'; name: string; position: number }
	| { reason: 'syntax'; problem: string; position: number };

export type QueryKind = 'select' | 'explain';

export interface Accepted {
	/** select: run as a subquery (row limit, count, types); explain: run as written, once its query passed. */
	kind: QueryKind;
	/** The statement's text without the semicolon after it and what follows. */
	body: string;
	/** Where `body` starts in the text (an error's position in the body maps back by this). */
	offset: number;
	/** The query the engine checks as a subquery: the body, or EXPLAIN's query. */
	check: string;
	/** Where `check` starts in the text. */
	checkOffset: number;
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
	const checkStart = tokens[verdict.from].start;
	return { ok: true, kind: verdict.kind, body: sql.slice(first, last), offset: first, check: sql.slice(checkStart, last), checkOffset: checkStart };
}

type Leading = { ok: true; kind: QueryKind; from: number } | ({ ok: false } & Refusal);

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
		return inner.ok ? { ok: true, kind: 'explain', from: inner.from } : inner;
	}
	if (k === 'WITH') {
		const main = afterWith(tokens, i + 1);
		if (main === null) return { ok: true, kind: 'select', from: start }; // malformed: the engine's parser says why
		const m = tokens[main];
		if (m.kind === 'word' && WRITE_KEYWORDS.has(m.value)) return { ok: false, reason: 'write', keyword: m.value, position: m.start };
		if (!(m.kind === 'word' && AFTER_WITH.has(m.value)) && !(m.kind === 'punct' && m.value === '('))
			return { ok: false, reason: 'not-query', keyword: m.text, position: m.start };
		return { ok: true, kind: 'select', from: start };
	}
	return { ok: true, kind: 'select', from: start };
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

/** Words that end a FROM list at their depth of parentheses. */
const END_OF_FROM = new Set(['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'SELECT']);

/**
 * A function call or table reference in the tokens that would reach files, the network or the
 * environment: a function that does anywhere; in a table position, a string, a quoted name that
 * is not a plain name, or a table function not in SAFE_TABLE_FUNCTIONS.
 */
function outsideReach(tokens: readonly Token[]): { reason: 'outside'; name: string; position: number } | null {
	// Whether each depth of parentheses is inside a FROM list (where a comma starts another table).
	const inFrom: boolean[] = [false];
	for (let j = 0; j < tokens.length; j++) {
		const t = tokens[j];
		const next = tokens[j + 1];
		const prev = tokens[j - 1];
		const depth = inFrom.length - 1;
		if (t.kind === 'punct' && t.value === '(') inFrom.push(false);
		else if (t.kind === 'punct' && t.value === ')') inFrom.length > 1 && inFrom.pop();
		else if (t.kind === 'word' && t.value === 'FROM') inFrom[depth] = true;
		else if (t.kind === 'word' && END_OF_FROM.has(t.value)) inFrom[depth] = false;
		const name = t.kind === 'word' ? t.text : t.value;
		const call = (t.kind === 'word' || t.kind === 'quoted') && next?.kind === 'punct' && next.value === '(';
		if (call && reachesOutside(name)) return { reason: 'outside', name, position: t.start };
		const tablePosition =
			(prev?.kind === 'word' && TABLE_POSITION.has(prev.value)) || (prev?.kind === 'punct' && prev.value === ',' && inFrom[inFrom.length - 1]) || (prev?.kind === 'word' && prev.value === 'LATERAL');
		if (!tablePosition) continue;
		if (t.kind === 'string') return { reason: 'outside', name: t.value, position: t.start };
		if (t.kind === 'quoted' && !PLAIN_NAME.test(t.value)) return { reason: 'outside', name: t.value, position: t.start };
		if (call && !SAFE_TABLE_FUNCTIONS.has(name.toLowerCase())) return { reason: 'outside', name, position: t.start };
		// schema.table(…) or catalog.schema.function(…): a function from elsewhere.
		if ((t.kind === 'word' || t.kind === 'quoted') && next?.value === '.') {
			let k = j;
			while (tokens[k + 1]?.value === '.' && tokens[k + 2]) k += 2;
			if (tokens[k + 1]?.value === '(') return { reason: 'outside', name: tokens.slice(j, k + 1).map((x) => x.text).join(''), position: t.start };
		}
	}
	return null;
}
