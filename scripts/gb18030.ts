/**
 * GB18030 bytes of a text (the encoder built by inverting the platform's decoder over the two-byte
 * range; the platform has no GB18030 encoder). For the importer's fixture and tests.
 */
let codes: Map<string, number[]> | null = null;

function twoByteCodes(): Map<string, number[]> {
	if (codes) return codes;
	codes = new Map();
	const decoder = new TextDecoder('gb18030');
	for (let a = 0x81; a <= 0xfe; a++)
		for (let b = 0x40; b <= 0xfe; b++) {
			if (b === 0x7f) continue;
			const ch = decoder.decode(new Uint8Array([a, b]));
			if (ch.length === 1 && ch !== '\ufffd' && !codes.has(ch)) codes.set(ch, [a, b]);
		}
	return codes;
}

export function gb18030(text: string): Uint8Array {
	const table = twoByteCodes();
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code < 0x80) out.push(code);
		else {
			const bytes = table.get(ch);
			if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
			out.push(...bytes);
		}
	}
	return new Uint8Array(out);
}
