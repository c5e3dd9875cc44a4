import { isParameterName } from '$sim/engine/parameters';
import { anchor } from './anchors';

/** A piece of a model card paragraph: text, a parameter (linked to its row), code, or a link on the page. */
export type RichPart = { kind: 'text'; text: string } | { kind: 'param'; name: string; href: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string };

const TOKEN = /`([^`]+)`|\[([^\]]+)\]\((#[\w-]+)\)/g;

/** Splits a paragraph of the model card's content: `name` is a parameter or code, [words](#id) a link to a place on the page. */
export function richParts(text: string): RichPart[] {
	const parts: RichPart[] = [];
	let at = 0;
	for (const m of text.matchAll(TOKEN)) {
		if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
		if (m[1] !== undefined) parts.push(isParameterName(m[1]) ? { kind: 'param', name: m[1], href: `#${anchor.param(m[1])}` } : { kind: 'code', text: m[1] });
		else parts.push({ kind: 'link', text: m[2], href: m[3] });
		at = m.index + m[0].length;
	}
	if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
	return parts;
}
