/** Text made safe for XML markup, in an element or an attribute (its own module: the embed code needs it on every page, the image export only on demand). */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
