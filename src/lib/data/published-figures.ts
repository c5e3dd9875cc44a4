/**
 * Published figures a page sets beside the dataset's own: the synthetic county's come from
 * sim/county/published.ts; an imported dataset has only those its owner supplies in an optional
 * `published.json` in the dataset folder (`npm run import -- … --published FILE` copies it in):
 *
 *   { "format": "ggs-published", "version": 1,
 *     "area": { "zh": "某某区", "en": "Some District" },            (optional)
 *     "figures": { "ledgerCases": { "value": 1234, "kind": "exact",  (or "at-least")
 *                                   "period": { "from": "2022-01-01", "to": "2022-12-31" },
 *                                   "source": "2022 annual report" }, … } }
 *
 * Figures are keyed as the overview's cards (CARD_KEYS); `source` is the text shown as it is.
 */
import { PUBLISHED, type PublishedFigure } from '$sim/county/published';

export const PUBLISHED_FORMAT = 'ggs-published';

/** The overview's cards that can carry a published figure. */
export const CARD_KEYS = ['ledgerCases', 'ledgerClosed', 'satisfaction', 'grids', 'liaisons', 'households', 'tasks', 'stationedCadres', 'followingLeaders', 'villages', 'towns', 'population', 'areaKm2'] as const;
export type CardKey = (typeof CARD_KEYS)[number];

/** A figure as a card shows it: the county's sources are named by code ('study', 'nbs'), a supplied one by its text. */
export interface ShownFigure extends Omit<PublishedFigure, 'source'> {
	source: { code: PublishedFigure['source'] } | { text: string };
}
export type Figures = Partial<Record<CardKey, ShownFigure>>;

/** The synthetic county's published figures (all of them). */
export function countyFigures(): Figures {
	return Object.fromEntries(CARD_KEYS.map((k) => [k, { ...PUBLISHED[k], source: { code: PUBLISHED[k].source } }])) as Figures;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export class PublishedError extends Error {}

/** Checks a published.json document (parsed JSON): its figures and area, or a one-line message. */
export function parsePublished(doc: unknown): { figures: Figures; area: { zh?: string; en?: string } | null } {
	const bad = (m: string): never => {
		throw new PublishedError(`published figures: ${m}`);
	};
	if (!isRecord(doc) || doc.format !== PUBLISHED_FORMAT) bad(`"format" must be "${PUBLISHED_FORMAT}"`);
	const d = doc as Record<string, unknown>;
	if (d.version !== 1) bad(`version ${JSON.stringify(d.version)} is not supported (version 1 is)`);
	let area: { zh?: string; en?: string } | null = null;
	if (d.area !== undefined) {
		if (!isRecord(d.area) || !Object.entries(d.area).every(([k, v]) => (k === 'zh' || k === 'en') && typeof v === 'string' && v.trim() !== '')) bad('"area" must be { "zh": text, "en": text } (either may be left out)');
		area = d.area as { zh?: string; en?: string };
	}
	if (!isRecord(d.figures)) bad('"figures" must be an object of figures by card');
	const figures: Figures = {};
	for (const [key, f] of Object.entries(d.figures as Record<string, unknown>)) {
		if (!(CARD_KEYS as readonly string[]).includes(key)) bad(`unknown figure "${key}" (figures: ${CARD_KEYS.join(', ')})`);
		if (!isRecord(f)) bad(`${key} must be an object`);
		const fig = f as Record<string, unknown>;
		if (typeof fig.value !== 'number' || !Number.isFinite(fig.value) || fig.value < 0) bad(`${key}.value must be a number ≥ 0`);
		if (key === 'satisfaction' && (fig.value as number) > 1) bad('satisfaction.value is a share between 0 and 1');
		const kind = fig.kind ?? 'exact';
		if (kind !== 'exact' && kind !== 'at-least') bad(`${key}.kind must be "exact" or "at-least"`);
		const period = fig.period;
		if (!isRecord(period) || typeof period.to !== 'string' || !DATE.test(period.to)) bad(`${key}.period.to must be a date YYYY-MM-DD`);
		const p = period as Record<string, unknown>;
		if (p.from !== undefined && (typeof p.from !== 'string' || !DATE.test(p.from) || p.from > (p.to as string))) bad(`${key}.period.from must be a date YYYY-MM-DD before period.to`);
		if (typeof fig.source !== 'string' || fig.source.trim() === '') bad(`${key}.source must say where the figure was published`);
		figures[key as CardKey] = {
			value: fig.value as number,
			kind: kind as ShownFigure['kind'],
			period: { ...(p.from !== undefined && { from: p.from as string }), to: p.to as string },
			source: { text: (fig.source as string).trim() }
		};
	}
	return { figures, area };
}
