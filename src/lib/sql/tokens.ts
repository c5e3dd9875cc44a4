/**
 * A tokenizer for DuckDB's SQL, enough to see statements the way the engine will: comments
 * (`--`, nested `/* *\/`), strings ('…' with '' inside, E'…' with backslash escapes, $tag$…$tag$),
 * quoted identifiers ("…"), words, numbers, parameters and punctuation. DOM-free.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
	kind: TokenKind;
	/** The token's text as written (a string's or quoted identifier's with its quotes). */
	text: string;
	/** A word in upper case; a quoted identifier's or string's content. */
	value: string;
	/** Index of the first character in the SQL text, and one past the last. */
	start: number;
	end: number;
}

export type TokenizeResult =
	| { ok: true; tokens: Token[] }
	| { ok: false; problem: 'unterminated-string' | 'unterminated-identifier' | 'unterminated-comment'; position: number };

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;

export function tokenize(sql: string): TokenizeResult {
	const tokens: Token[] = [];
	let i = 0;
	const n = sql.length;
	const push = (kind: TokenKind, start: number, end: number, value: string) => tokens.push({ kind, text: sql.slice(start, end), value, start, end });
	while (i < n) {
		const c = sql[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '-' && sql[i + 1] === '-') {
			while (i < n && sql[i] !== '\n') i++;
		} else if (c === '/' && sql[i + 1] === '*') {
			// Block comments nest, as in PostgreSQL and DuckDB.
			const start = i;
			let depth = 0;
			while (i < n) {
				if (sql[i] === '/' && sql[i + 1] === '*') {
					depth++;
					i += 2;
				} else if (sql[i] === '*' && sql[i + 1] === '/') {
					depth--;
					i += 2;
					if (depth === 0) break;
				} else i++;
			}
			if (depth !== 0) return { ok: false, problem: 'unterminated-comment', position: start };
		} else if (c === "'") {
			const end = quoted(sql, i, "'", false);
			if (end < 0) return { ok: false, problem: 'unterminated-string', position: i };
			push('string', i, end, sql.slice(i + 1, end - 1).replaceAll("''", "'"));
			i = end;
		} else if (c === '"') {
			const end = quoted(sql, i, '"', false);
			if (end < 0) return { ok: false, problem: 'unterminated-identifier', position: i };
			push('quoted', i, end, sql.slice(i + 1, end - 1).replaceAll('""', '"'));
			i = end;
		} else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
			let j = i + 1;
			while (j < n && /[0-9]/.test(sql[j])) j++;
			push('param', i, j, sql.slice(i, j));
			i = j;
		} else if (c === '$') {
			// Dollar quoting: $$…$$ or $tag$…$tag$.
			const m = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i));
			if (!m) {
				push('punct', i, i + 1, c);
				i++;
				continue;
			}
			const close = sql.indexOf(m[0], i + m[0].length);
			if (close < 0) return { ok: false, problem: 'unterminated-string', position: i };
			push('string', i, close + m[0].length, sql.slice(i + m[0].length, close));
			i = close + m[0].length;
		} else if (WORD_START.test(c)) {
			let j = i + 1;
			while (j < n && WORD_PART.test(sql[j])) j++;
			// E'…' (and e'…'): a string with backslash escapes.
			if (j === i + 1 && (c === 'E' || c === 'e') && sql[j] === "'") {
				const end = quoted(sql, j, "'", true);
				if (end < 0) return { ok: false, problem: 'unterminated-string', position: i };
				push('string', i, end, sql.slice(j + 1, end - 1));
				i = end;
				continue;
			}
			push('word', i, j, sql.slice(i, j).toUpperCase());
			i = j;
		} else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
			let j = i + 1;
			while (j < n && /[0-9._eE]/.test(sql[j])) j++;
			push('number', i, j, sql.slice(i, j));
			i = j;
		} else {
			push('punct', i, i + 1, c);
			i++;
		}
	}
	return { ok: true, tokens };
}

/** The index after the closing quote of a quoted run starting at `start`, or -1 if it never closes. */
function quoted(sql: string, start: number, q: string, backslash: boolean): number {
	let i = start + 1;
	while (i < sql.length) {
		const c = sql[i];
		if (backslash && c === '\\') i += 2;
		else if (c === q && sql[i + 1] === q) i += 2;
		else if (c === q) return i + 1;
		else i++;
	}
	return -1;
}

/** The statements of a token list: runs between semicolons, empty ones dropped. */
export function statements(tokens: readonly Token[]): Token[][] {
	const out: Token[][] = [[]];
	for (const t of tokens) {
		if (t.kind === 'punct' && t.value === ';') out.push([]);
		else out[out.length - 1].push(t);
	}
	return out.filter((s) => s.length > 0);
}
