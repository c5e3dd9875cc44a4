/**
 * Chinese terms inside English text. The model card and its parameter tables teach the study's
 * own words on purpose, each beside its translation ("Resource sinking (integrated governance,
 * 集成式治理)"): they are marked as Chinese (`lang="zh-CN"`), so a screen reader says them in
 * Chinese and a reader sees they are quoted. The catalogue's English (en.ts) has none (a unit test
 * checks it).
 */
export interface Run {
	text: string;
	zh: boolean;
}

/** Han characters, with the middle dot that joins the parts of a name (网格·联络). */
const HAN = /\p{Script=Han}+(?:·\p{Script=Han}+)*/gu;

/** Splits a text into runs of Chinese and the rest, in order; their texts join to the whole. */
export function scriptRuns(text: string): Run[] {
	const runs: Run[] = [];
	let at = 0;
	for (const m of text.matchAll(HAN)) {
		if (m.index > at) runs.push({ text: text.slice(at, m.index), zh: false });
		runs.push({ text: m[0], zh: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) runs.push({ text: text.slice(at), zh: false });
	return runs;
}
