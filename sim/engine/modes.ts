/**
 * Governance modes (SPEC §3) as two separate things: the **structure** — which channels, links and
 * rules exist — and the **levers** (0–1) — how strongly the multi-dimensional dimensions are
 * pursued within that structure. The three presets are named points of that space; a custom
 * scenario sets both. This file is the one source of the presets: the app and MODEL.md read them.
 */
export const PRESETS = ['one-way', 'two-way', 'multi'] as const;
export type Preset = (typeof PRESETS)[number];
export const MODES = [...PRESETS, 'custom'] as const;
export type Mode = (typeof MODES)[number];

export interface Levers {
	/** 集成式治理: share of the possible shift of cadre hours to stationed cadres in villages. */
	sinking: number;
	/** 协同化治理: co-located offices, secretary review, closed-loop supervision. */
	coordination: number;
	/** 参与式治理: how much the county draws on liaisons and villagers (training, allowances, recruitment). */
	participation: number;
}
export const LEVER_NAMES = ['sinking', 'coordination', 'participation'] as const satisfies readonly (keyof Levers)[];

export interface Structure {
	/** Reply and satisfaction survey after closure: households learn the outcome, trust updates fully. */
	feedback: boolean;
	/** Hotlines and online channels that accept reports from households. */
	responsiveChannels: boolean;
	/** Top-down: every issue is assigned down the hierarchy (one more hand-off); direct: the level that receives it handles it. */
	topDownAssignment: boolean;
	/** Stationed cadres can take cases in the villages (the hours come from sinking). */
	villageHandling: boolean;
	/** The "321" grids and liaison posts exist (how active they are comes from participation). */
	liaisons: boolean;
	/** Yellow and red households get more frequent liaison visits. */
	targetedService: boolean;
	/** Top-down pressure (0–1) that feeds formalism: inspections, reports, ranking. */
	topDownPressure: number;
}
export const STRUCTURE_FLAGS = ['feedback', 'responsiveChannels', 'topDownAssignment', 'villageHandling', 'liaisons', 'targetedService'] as const satisfies readonly (keyof Structure)[];
export const STRUCTURE_KEYS = [...STRUCTURE_FLAGS, 'topDownPressure'] as const;

export interface ModeSpec {
	structure: Structure;
	levers: Levers;
}

/** Which lever needs which part of the structure to have any effect (coordination acts on every hand-off). */
export const LEVER_NEEDS: Record<keyof Levers, keyof Structure | null> = {
	sinking: 'villageHandling',
	coordination: null,
	participation: 'liaisons'
};

/**
 * The presets. One-way (单向度): top-down assignment only — no reply or survey, no responsive
 * channels, no village handling, no liaisons; households can only report in person. Two-way
 * (双向互动): adds reply and survey after closure and responsive channels, and assigns directly.
 * Multi-dimensional (多维互动): adds village handling, liaisons and targeted service, and pursues
 * all three levers strongly.
 */
export const PRESET_SPECS: Record<Preset, ModeSpec> = {
	'one-way': {
		structure: { feedback: false, responsiveChannels: false, topDownAssignment: true, villageHandling: false, liaisons: false, targetedService: false, topDownPressure: 1 },
		levers: { sinking: 0, coordination: 0, participation: 0 }
	},
	'two-way': {
		structure: { feedback: true, responsiveChannels: true, topDownAssignment: false, villageHandling: false, liaisons: false, targetedService: false, topDownPressure: 0.6 },
		levers: { sinking: 0, coordination: 0, participation: 0 }
	},
	multi: {
		structure: { feedback: true, responsiveChannels: true, topDownAssignment: false, villageHandling: true, liaisons: true, targetedService: true, topDownPressure: 0.3 },
		levers: { sinking: 0.8, coordination: 0.8, participation: 0.8 }
	}
};

/** Where each preset value comes from (MODEL.md's preset table is generated from this). */
export const PRESET_SOURCES: Record<keyof Structure | keyof Levers, string> = {
	feedback: 'Study: two-way governance adds the reply and the satisfaction survey (回复征询) to the loop',
	responsiveChannels: 'Study: two-way governance opens channels for households to report (hotline, online)',
	topDownAssignment: 'Study: one-way governance assigns tasks down the hierarchy (单向度)',
	villageHandling: 'Study: integrated governance stations town cadres in villages (镇村工作一体化)',
	liaisons: 'Study: the "321" model’s three liaison lines and three-level grids',
	targetedService: 'Study: households managed green / yellow / red, red and yellow visited more often',
	topDownPressure: 'Assumption, ordinal: one-way is driven by targets and inspections (1), two-way eases them with feedback (0.6), multi-dimensional replaces ranking with closed-loop supervision (0.3)',
	sinking: 'Assumption: the multi-dimensional county pursues each dimension strongly but not fully (0.8); the other presets have no village handling',
	coordination: 'Assumption: 0.8 in the multi-dimensional preset (co-located offices, secretary review, supervision); none in the others',
	participation: 'Assumption: 0.8 in the multi-dimensional preset; the other presets have no liaison posts'
};

export const isPreset = (m: unknown): m is Preset => typeof m === 'string' && (PRESETS as readonly string[]).includes(m);
export const isMode = (m: unknown): m is Mode => typeof m === 'string' && (MODES as readonly string[]).includes(m);

/** A preset's structure and levers, copied (callers may change the copy). */
export function presetSpec(preset: Preset): ModeSpec {
	const s = PRESET_SPECS[preset];
	return { structure: { ...s.structure }, levers: { ...s.levers } };
}

/** Messages for a structure or levers that are not of the right shape (unknown keys, wrong types, out of range). */
export function specProblems(structure: Partial<Record<string, unknown>>, levers: Partial<Record<string, unknown>>): string[] {
	const problems: string[] = [];
	for (const [k, v] of Object.entries(structure)) {
		if (k === 'topDownPressure') {
			if (typeof v !== 'number' || !(v >= 0 && v <= 1)) problems.push(`structure ${k} must be a number in [0, 1], got ${String(v)}`);
		} else if (!(STRUCTURE_FLAGS as readonly string[]).includes(k)) problems.push(`unknown structure field "${k}"`);
		else if (typeof v !== 'boolean') problems.push(`structure ${k} must be true or false, got ${String(v)}`);
	}
	for (const [k, v] of Object.entries(levers)) {
		if (!(LEVER_NAMES as readonly string[]).includes(k)) problems.push(`unknown lever "${k}"`);
		else if (typeof v !== 'number' || !(v >= 0 && v <= 1)) problems.push(`lever ${k} must be a number in [0, 1], got ${String(v)}`);
	}
	return problems;
}

/**
 * The structure and levers of a run. A preset is what it is: changing its structure or levers
 * makes a custom scenario, so `overrides` with a preset is an error. A custom scenario starts from
 * `base` (default: the multi-dimensional preset) and takes the given structure and levers.
 */
export function resolveSpec(mode: Mode, overrides: { base?: Preset; structure?: Partial<Structure>; levers?: Partial<Levers> } = {}): ModeSpec {
	const { base = 'multi', structure = {}, levers = {} } = overrides;
	if (mode !== 'custom') {
		const given = [...Object.keys(structure), ...Object.keys(levers)];
		if (given.length) throw new RangeError(`the ${mode} preset fixes its structure and levers (${given.join(', ')} given): use the custom mode with base ${mode}`);
		return presetSpec(mode);
	}
	const problems = specProblems(structure, levers);
	if (problems.length) throw new RangeError(problems.join('; '));
	const start = presetSpec(base);
	return { structure: { ...start.structure, ...structure }, levers: { ...start.levers, ...levers } };
}
