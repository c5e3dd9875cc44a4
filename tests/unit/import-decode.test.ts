import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHeaders, detectEncoding, readHeader, toUtf8 } from '../../src/lib/import/decode';
import { parseMapping, emptyMapping, mappingKey } from '../../src/lib/import/mapping';
import { ImportError } from '../../src/lib/import/types';

const utf16 = (text: string, be: boolean, bom: boolean) => {
	const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out.push(...(be ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
	}
	return new Uint8Array(out);
};

describe('encodings', () => {
	it('round-trips any text through UTF-8 (with or without BOM) and UTF-16 (either order, with or without BOM)', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '中', '文', '镇', '1', ' ', 'é') , minLength: 1, maxLength: 60 }), fc.constantFrom('utf8', 'bom', 'le', 'be', 'le-bom', 'be-bom'), (text, form) => {
				// Without a BOM, UTF-16 is recognised by its zero bytes: give it mostly ASCII, as headers are.
				const t = form === 'le' || form === 'be' ? `id,time,${text}` : text;
				const bytes =
					form === 'utf8' ? new TextEncoder().encode(t) : form === 'bom' ? new TextEncoder().encode('\uFEFF' + t) : utf16(t, form.startsWith('be'), form.endsWith('bom'));
				const want = form === 'utf8' || form === 'bom' ? 'utf-8' : form.startsWith('be') ? 'utf-16be' : 'utf-16le';
				if (form === 'le' || form === 'be') {
					// Only when zero bytes are frequent enough (mostly ASCII) is BOM-less UTF-16 claimed.
					const ascii = [...t].filter((c) => c.charCodeAt(0) < 256).length;
					if (ascii * 8 < t.length * 8 * 0.6) return;
				}
				expect(detectEncoding(bytes).encoding).toBe(want);
				expect(new TextDecoder().decode(toUtf8(bytes).bytes)).toBe(t);
			})
		);
	});

	it('reads GB18030 that is not valid UTF-8, and honours an override', () => {
		const gbk = new Uint8Array([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd7, 0xb4, 0xcc, 0xac]); // 编号,状态
		expect(detectEncoding(gbk).encoding).toBe('gb18030');
		expect(new TextDecoder().decode(toUtf8(gbk).bytes)).toBe('编号,状态');
		expect(() => toUtf8(gbk, 'utf-8')).toThrow(ImportError);
	});
});

describe('headers', () => {
	it('reads a quoted header with the separator, doubled quotes and a line break; guesses the separator', () => {
		expect(readHeader('"a,""b""\nc";d;e\n1;2;3')).toEqual({ header: ['a,"b"\nc', 'd', 'e'], delimiter: ';' });
		expect(readHeader('x\ty\tz\r\n').delimiter).toBe('\t');
		expect(() => readHeader('"open,b\n')).toThrow(ImportError);
	});
	it('names blank headers and numbers repeated ones, never two alike', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('', ' ', 'a', 'a (2)', 'b', 'column 2'), { maxLength: 8 }), (h) => {
				const c = cleanHeaders(h);
				expect(new Set(c).size).toBe(c.length);
			})
		);
	});
});

describe('mapping documents', () => {
	it('are keyed by their set of headers and survive JSON', () => {
		const m = emptyMapping(['b', 'a', 'b']);
		m.fields.received_at = 'a';
		expect(parseMapping(JSON.parse(JSON.stringify(m)))).toMatchObject({ headers: ['a', 'b'], fields: { received_at: 'a' } });
		expect(mappingKey(['b', 'a'])).toBe(mappingKey(['a', 'b', 'a']));
	});
	it.each([
		[{}, /not a mapping/],
		[{ ...emptyMapping(['a']), version: 2 }, /version 2 is not supported/],
		[{ ...emptyMapping(['a']), fields: { when: 'a' } }, /unknown field "when"/],
		[{ ...emptyMapping(['a']), values: { status: { x: 'finished' } } }, /not one of open, closed, cancelled, other/],
		[{ ...emptyMapping(['a']), actions: { 'duplicate-row': 'fix' } }, /actions.duplicate-row must be one of drop, keep/],
		[{ ...emptyMapping(['a']), places: { mode: 'planet' } }, /places.mode/]
	])('refuses %j with a message', (doc, message) => {
		expect(() => parseMapping(doc)).toThrow(message);
	});
});
