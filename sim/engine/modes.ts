/**
 * Governance modes as structure (SPEC §3): which channels, links and rules exist. Levers
 * (0–1) then set how strongly the multi-dimensional features are used.
 */
export const MODES = ['one-way', 'two-way', 'multi', 'custom'] as const;
export type Mode = (typeof MODES)[number];

export interface Levers {
	/** 集成式治理: share of the possible shift of cadres and budget to villages. */
	sinking: number;
	/** 协同化治理: co-located offices, secretary review, closed-loop supervision. */
	coordination: number;
	/** 参与式治理: liaisons, grids, villagers' self-governance. */
	participation: number;
}

export interface Structure {
	/** Reply and satisfaction survey after closure: households learn the outcome, trust updates fully. */
	feedback: boolean;
	/** Hotlines and online channels that accept reports from households. */
	responsiveChannels: boolean;
	/** Issues can be handled at village level (needs capacity there: sinking). */
	villageHandling: boolean;
	/** Liaisons and grid workers discover issues and settle minor ones (needs participation). */
	liaisons: boolean;
	/** Yellow and red households get more frequent service visits. */
	targetedService: boolean;
	/** Top-down pressure (0–1) that feeds formalism: inspections, reports, ranking. */
	topDownPressure: number;
}

export interface ModeSpec {
	structure: Structure;
	levers: Levers;
}

/**
 * One-way (单向度): top-down assignment only — no reply or survey, no responsive channels, no
 * village handling, no liaisons; households can only petition offline. Two-way (双向互动): adds
 * reply and survey after closure and responsive channels. Multi-dimensional (多维互动): adds
 * village handling with sunk resources, coordination, liaisons and targeted service.
 */
export const MODE_SPECS: Record<Exclude<Mode, 'custom'>, ModeSpec> = {
	'one-way': {
		structure: { feedback: false, responsiveChannels: false, villageHandling: false, liaisons: false, targetedService: false, topDownPressure: 1 },
		levers: { sinking: 0, coordination: 0, participation: 0 }
	},
	'two-way': {
		structure: { feedback: true, responsiveChannels: true, villageHandling: false, liaisons: false, targetedService: false, topDownPressure: 0.6 },
		levers: { sinking: 0, coordination: 0, participation: 0 }
	},
	multi: {
		structure: { feedback: true, responsiveChannels: true, villageHandling: true, liaisons: true, targetedService: true, topDownPressure: 0.3 },
		levers: { sinking: 0.8, coordination: 0.8, participation: 0.8 }
	}
};

/** The custom mode has every channel of the multi-dimensional mode and user-set levers. */
export function modeSpec(mode: Mode, levers?: Partial<Levers>): ModeSpec {
	if (mode === 'custom') {
		return {
			structure: MODE_SPECS.multi.structure,
			levers: { sinking: 0, coordination: 0, participation: 0, ...levers }
		};
	}
	const spec = MODE_SPECS[mode];
	return { structure: spec.structure, levers: { ...spec.levers, ...levers } };
}
