import { ImportError } from './types';

/** Text encodings the importer reads. GB18030 is a superset of GBK and GB2312 (Chinese office exports). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Detected {
	encoding: Encoding;
	/** Bytes of the byte order mark at the start (0 if none). */
	bom: number;
}

const CHUNK = 1 << 20;

/** Whether `bytes` is valid UTF-8 (checked in chunks, so a large file is never one string). */
export function isUtf8(bytes: Uint8Array): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		for (let i = 0; i < bytes.length; i += CHUNK) decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true });
		decoder.decode();
		return true;
	} catch {
		return false;
	}
}

/**
 * The encoding of a text file: a byte order mark decides; otherwise valid UTF-8 is UTF-8; text
 * with many zero bytes on one side is UTF-16 without a mark; anything else is read as GB18030
 * (the encoding of Chinese Excel and office exports, which decodes every byte sequence).
 */
export function detectEncoding(bytes: Uint8Array): Detected {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
	const n = Math.min(bytes.length, 4096) & ~1;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	if (n >= 4 && oddZeros > n / 8 && evenZeros === 0) return { encoding: 'utf-16le', bom: 0 };
	if (n >= 4 && evenZeros > n / 8 && oddZeros === 0) return { encoding: 'utf-16be', bom: 0 };
	if (isUtf8(bytes)) return { encoding: 'utf-8', bom: 0 };
	return { encoding: 'gb18030', bom: 0 };
}

/**
 * The file as UTF-8 bytes without a byte order mark (what DuckDB's CSV reader takes), in the
 * detected encoding or the user's override. UTF-8 input is passed through without copying.
 */
export function toUtf8(bytes: Uint8Array, override?: Encoding): { bytes: Uint8Array; encoding: Encoding } {
	const detected = detectEncoding(bytes);
	const encoding = override ?? detected.encoding;
	const bom = override && override !== detected.encoding ? 0 : detected.bom;
	const body = bytes.subarray(bom);
	if (encoding === 'utf-8') {
		if (override && !isUtf8(body)) throw new ImportError('the file is not valid UTF-8 (choose another encoding)');
		return { bytes: body, encoding };
	}
	const decoder = new TextDecoder(encoding);
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let length = 0;
	// Decoded in chunks (a large file never becomes one string); an odd UTF-16 chunk size is fine with stream.
	for (let i = 0; i < body.length; i += CHUNK) {
		const part = encoder.encode(decoder.decode(body.subarray(i, i + CHUNK), { stream: true }));
		parts.push(part);
		length += part.length;
	}
	const tail = encoder.encode(decoder.decode());
	parts.push(tail);
	length += tail.length;
	const out = new Uint8Array(length);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return { bytes: out, encoding };
}

/** Field separators the importer recognises, most likely first. */
const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The first record of a delimited text (its header), honouring quotes: a quoted field may hold the
 * separator, doubled quotes and line breaks. Also returns the separator when `delimiter` is not
 * given: the one that occurs most often outside quotes on the first line.
 */
export function readHeader(text: string, delimiter?: string): { header: string[]; delimiter: string } {
	const delim = delimiter ?? guessDelimiter(text);
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === delim) {
			fields.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') break;
		else field += ch;
	}
	if (quoted) throw new ImportError('the header line has an unclosed quote');
	fields.push(field);
	return { header: fields, delimiter: delim };
}

function guessDelimiter(text: string): string {
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
	}
	let best: string = ',';
	for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}

/**
 * Header names as the importer keeps them: trimmed, a blank one named by its position, a repeated
 * one numbered (the mapping refers to columns by these names).
 */
export function cleanHeaders(header: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return header.map((h, i) => {
		const base = h.replace(/^\uFEFF/, '').trim() || `column ${i + 1}`;
		let name = base;
		for (let n = 2; seen.has(name); n++) name = `${base} (${n})`;
		seen.set(name, 1);
		return name;
	});
}
