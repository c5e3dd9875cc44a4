/**
 * A short fingerprint of an English text (FNV-1a, 32 bits, as 8 hex digits). A translation keeps
 * the fingerprint of the English it was made from: when the English changes, a unit test names
 * the texts whose translation must be looked at again.
 */
export function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}
