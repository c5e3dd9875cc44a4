import type { Levers, Preset, Structure } from '$sim/engine/modes';
import type { Verdict } from '$sim/engine/propositions';
import type { Outcome, Section } from './anchors';

/**
 * The words of the model card (`/model/`), one module per language (content-zh.ts,
 * content-en.ts) of this shape, so that neither can lack a text the other has. Paragraphs are
 * "rich" text (rich.ts): `name` marks a parameter (linked to its row) or code, and
 * [words](#id) a link to a place on the page.
 */
export type Block = { p: string } | { ul: string[] } | { ol: string[] } | { dl: [term: string, description: string][] };

export const ODD_PARTS = ['purpose', 'entities', 'process', 'design', 'init', 'submodels'] as const;
export type OddPart = (typeof ODD_PARTS)[number];

export interface ModelCardContent {
	title: string;
	lead: string;
	contents: string;
	sections: Record<Section, string>;
	plain: {
		whatTitle: string;
		what: string[];
		whatNotTitle: string;
		whatNot: string[];
		/** Said after "what it is not", by whether a calibration report is stored. */
		notCalibrated: string;
		calibrated: string;
		leversTitle: string;
		leversIntro: string;
		levers: Record<keyof Levers, { title: string; body: string }>;
		modesTitle: string;
		modesIntro: string;
		modes: Record<Preset, string>;
		custom: string;
		structureTitle: string;
		structureIntro: string;
		/** "In the presets: …" before the list of presets that have a part of the structure. */
		inPresets: string;
		/** The same for top-down pressure, before each preset's value. */
		valuesInPresets: string;
		outcomesTitle: string;
		outcomesIntro: string;
		outcomes: Record<Outcome, { title: string; body: string }>;
	};
	odd: {
		intro: string;
		parts: Record<OddPart, { title: string; blocks: Block[] }>;
	};
	parameters: {
		intro: string;
		caption: string;
		name: string;
		group: string;
		meaning: string;
		unit: string;
		default: string;
		range: string;
		source: string;
		whole: string;
		calibrated: string;
		groups: string;
	};
	presets: {
		intro: string;
		caption: string;
		row: string;
		source: string;
		structure: string;
		lever: string;
		yes: string;
		no: string;
	};
	calibration: {
		intro: string;
		missing: string;
		otherVersion: (version: string, current: string) => string;
		summary: (r: { method: string; households: string; replicates: string; points: string; accepted: string; tolerance: string; seed: string; checkReplicates: string; version: string }) => string;
		methods: Record<string, string>;
		freeCaption: string;
		freeIntro: string;
		parameter: string;
		prior: string;
		chosen: string;
		accepted: string;
		why: string;
		defaultDiffers: (value: string) => string;
		targetsCaption: string;
		targetsIntro: string;
		target: string;
		published: string;
		model: string;
		interval: string;
		tolerance: string;
		fit: string;
		within: string;
		outside: string;
		atLeast: (value: string) => string;
		withinCount: (k: number, n: number) => string;
		targets: Record<string, string>;
		notes: Record<string, string>;
		tradeOffsTitle: string;
		tradeOffsIntro: string;
		tradeOffsNone: string;
		notIdentifiedTitle: string;
		notIdentifiedIntro: string;
		notIdentifiedNone: string;
	};
	propositions: {
		intro: string;
		missing: string;
		otherVersion: (version: string, current: string) => string;
		settings: (r: { households: string; replicates: string; weeks: string; seed: string; version: string }) => string;
		caption: string;
		id: string;
		claim: string;
		comparison: string;
		measure: string;
		mme: string;
		effect: string;
		interval: string;
		above: string;
		verdict: string;
		also: string;
		agreeCount: (k: number, n: number) => string;
		verdicts: Record<Verdict, string>;
		verdictsExplained: string;
		noise: string;
		/** The study's propositions, by id without its letter (P1 … P6) and by full id (P1a …). */
		claims: Record<string, string>;
		/** Chinese wording of the report's English comparisons and measures (empty in English: the report's own words are shown). */
		comparisons: Record<string, string>;
		measures: Record<string, string>;
	};
}
