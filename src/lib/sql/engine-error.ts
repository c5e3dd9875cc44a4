/**
 * DuckDB's error messages, read for the console: the kind ("Binder Error: …"), a name the message
 * is about, and the position DuckDB marks with `LINE n:` and a caret under the text. DOM-free.
 */
export type ErrorKind = 'parser' | 'catalog' | 'binder' | 'conversion' | 'outOfRange' | 'invalidInput' | 'notImplemented' | 'other';

export interface EngineError {
	kind: ErrorKind;
	/** A more precise case with its own sentence: a missing table, column or function; a PIVOT that needs an IN list. */
	detail: 'noTable' | 'noColumn' | 'noFunction' | 'pivotList' | null;
	/** The name a detail is about. */
	name: string;
	/** DuckDB's own words, without the LINE/caret lines. */
	message: string;
	/** The 0-based index in the text the error points at, or null. */
	index: number | null;
}

const KINDS: Record<string, ErrorKind> = {
	parser: 'parser',
	syntax: 'parser',
	catalog: 'catalog',
	binder: 'binder',
	conversion: 'conversion',
	'out of range': 'outOfRange',
	'invalid input': 'invalidInput',
	'not implemented': 'notImplemented'
};

/**
 * Reads an error `raw` (DuckDB's message) about `text` (what was run). `lineOffset` lines of the
 * run text came before the user's (a wrapper), `indexOffset` characters are added to the result
 * (where the run text starts in the editor); a position outside the user's text is dropped.
 */
export function parseEngineError(raw: string, text: string, lineOffset = 0, indexOffset = 0): EngineError {
	// "Binder Error: …", or after a prefix ("Failed to extract statements: Parser Error: …").
	const head = /(?:^|:\s)([A-Z][a-z]+(?: [A-Za-z]+)*?) Error: /.exec(raw);
	const kind = head ? (KINDS[head[1].toLowerCase()] ?? 'other') : 'other';
	const caret = /\n?LINE (\d+): ?(.*)\n( *)\^/.exec(raw);
	const message = (caret ? raw.slice(0, caret.index) : raw).trim();
	let index: number | null = null;
	if (caret) {
		const line = Number(caret[1]) - 1 - lineOffset;
		const lines = text.split('\n');
		// At the wrapper's closing line: the user's text ended too soon.
		if (line === lines.length) index = text.trimEnd().length + indexOffset;
		else if (line >= 0 && line < lines.length) {
			const col = caretColumn(lines[line], caret[2], caret[3].length - `LINE ${caret[1]}: `.length);
			if (col !== null) {
				index = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + col;
				// DuckDB's parser counts its position in characters, and the caret is drawn as if it
				// counted bytes: after Chinese text the caret stands too far left. The characters
				// up to the caret hold as many bytes as the parser's count (the wrappers are ASCII).
				if (kind === 'parser') index = codePointIndex(text, utf8Length(text.slice(0, index)));
				index += indexOffset;
			}
		}
	}
	// "syntax error at end of input" comes without a caret: the end of the user's text.
	if (!caret && kind === 'parser' && /at end of input/.test(message)) index = text.trimEnd().length + indexOffset;
	let detail: EngineError['detail'] = null;
	let name = '';
	let m: RegExpExecArray | null;
	if ((m = /Table with name (.+?) does not exist/.exec(message))) [detail, name] = ['noTable', m[1]];
	else if ((m = /Referenced column "(.+?)" not found/.exec(message)) || (m = /column "?(.+?)"? (?:not found|does not exist)/i.exec(message)))
		[detail, name] = ['noColumn', m[1]];
	else if ((m = /Function with name (.+?) does not exist/.exec(message))) [detail, name] = ['noFunction', m[1]];
	else if (/prepare multiple statements/.test(message)) detail = 'pivotList';
	return { kind, detail, name, message, index };
}

/**
 * The character index in `line` of DuckDB's caret: `shown` is the line as DuckDB printed it (long
 * lines cut, with "..." in front), `caret` its display column there, in which East Asian wide
 * characters count two.
 */
function caretColumn(line: string, shown: string, caret: number): number | null {
	let snippet = shown;
	let cut = 0;
	if (snippet.startsWith('...')) {
		snippet = snippet.slice(3);
		cut = 3;
	}
	if (snippet.endsWith('...')) snippet = snippet.slice(0, -3);
	const start = line.indexOf(snippet);
	if (start < 0) return null;
	let width = cut;
	let i = 0;
	for (const ch of snippet) {
		if (width >= caret) break;
		width += wide(ch.codePointAt(0)!) ? 2 : 1;
		i += ch.length;
	}
	return start + i;
}

function utf8Length(s: string): number {
	return new TextEncoder().encode(s).length;
}

/** The string index of the `n`th code point of `text`. */
function codePointIndex(text: string, n: number): number {
	let i = 0;
	let k = 0;
	for (const ch of text) {
		if (k >= n) return i;
		i += ch.length;
		k++;
	}
	return i;
}

/** East Asian wide and full-width characters (CJK, Hangul, full-width forms). */
function wide(cp: number): boolean {
	return (
		(cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x2e80 && cp <= 0xa4cf) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		(cp >= 0x20000 && cp <= 0x3fffd)
	);
}

/** Line and column (both from 1) of an index in a text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
	const before = text.slice(0, index).split('\n');
	return { line: before.length, column: before[before.length - 1].length + 1 };
}
