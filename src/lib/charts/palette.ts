/**
 * Every colour the charts draw with, in one place. Series colours come from Okabe and Ito's
 * palette, chosen to stay distinct for readers with any common colour-vision deficiency
 * (M. Okabe & K. Ito, "Color Universal Design", 2008: https://jfly.uni-koeln.de/color/). Where
 * colour tells series apart, something else does too: a dash, a shape or a label.
 */
export const OKABE_ITO = {
	orange: '#e69f00',
	skyBlue: '#56b4e9',
	bluishGreen: '#009e73',
	yellow: '#f0e442',
	blue: '#0072b2',
	vermillion: '#d55e00',
	reddishPurple: '#cc79a7'
} as const;

/** For what is not one of the things compared: a baseline, a total. */
export const GREY = '#7f7f7f';

/** The page's text, quiet text and accent colours (`--ink`, `--muted`, `--accent` in app.css), for pictures drawn without its CSS. */
export const INK = '#1b2430';
export const MUTED = '#5a6575';
export const ACCENT = '#1f4e79';

/** Colours for categories that have none of their own, in this order. */
export const CATEGORICAL = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue] as const;

/** The three ledgers (as `--ledger-*` in app.css). */
export const LEDGER_COLOURS = { suggestion: OKABE_ITO.blue, demand: OKABE_ITO.orange, complaint: OKABE_ITO.reddishPurple } as const;

/**
 * The "321" model's household colours, in the order they stack (green at the bottom), with the
 * ink that reads on each and the message key of each one's name.
 */
export const HOUSEHOLD_COLOURS = [
	{ key: 'green', fill: OKABE_ITO.bluishGreen, ink: '#fff', label: 'colour.green' },
	{ key: 'yellow', fill: OKABE_ITO.yellow, ink: INK, label: 'colour.yellow' },
	{ key: 'red', fill: OKABE_ITO.vermillion, ink: '#fff', label: 'colour.red' }
] as const;

export type Shape = 'circle' | 'square' | 'diamond';

/**
 * The sandbox's compared scenarios by place: the baseline (grey and dashed), the second
 * comparison, and the user's own scenario; each with a shape for charts drawn as dots.
 */
export const COMPARISON = [
	{ colour: GREY, dash: '5 3', shape: 'square' },
	{ colour: OKABE_ITO.orange, dash: undefined, shape: 'diamond' },
	{ colour: OKABE_ITO.blue, dash: undefined, shape: 'circle' }
] as const satisfies readonly { colour: string; dash: string | undefined; shape: Shape }[];

/** A waterfall's steps: a gain, a loss, and the levels it starts and ends at. */
export const CHANGE_COLOURS = { gain: OKABE_ITO.blue, loss: OKABE_ITO.vermillion, level: GREY } as const;

/** The accent blue from dark to pale, by depth in a hierarchy (the icicle's levels). */
export const DEPTH_BLUES = ['#1f4e79', '#3a6ea5', '#6b9bd1', '#a8c5e8', '#d3e3f4', '#e9f1fa'] as const;
