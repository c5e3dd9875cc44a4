import type { County } from '../county/build-county';
import { weightedIndex } from '../random/distributions';
import { Xoshiro128 } from '../random/xoshiro128';

export const COLOURS = ['green', 'yellow', 'red'] as const;
/** Quarters of colour management since the "321" model went county-wide (Aug 2021). */
export const COLOUR_QUARTERS = ['2021Q3', '2021Q4', '2022Q1', '2022Q2'] as const;

/** Initial colour shares by household type (working, migrant, elderly, vulnerable): an assumption. */
const INITIAL = [
	[0.9, 0.08, 0.02],
	[0.86, 0.11, 0.03],
	[0.7, 0.23, 0.07],
	[0.45, 0.38, 0.17]
];
/**
 * Quarterly transitions (rows: from green, yellow, red): targeted service visits move yellow and
 * red households toward green, while new troubles turn a few green ones yellow.
 */
const TRANSITION = [
	[0.955, 0.04, 0.005],
	[0.3, 0.62, 0.08],
	[0.05, 0.4, 0.55]
];

/** Colour of every household in every quarter, as a flat array indexed [quarter × households + household]. */
export function generateColours(county: County, seed: number): Uint8Array {
	const rng = Xoshiro128.stream(seed, 4);
	const n = county.households.count;
	const colours = new Uint8Array(n * COLOUR_QUARTERS.length);
	for (let i = 0; i < n; i++) {
		let colour = weightedIndex(rng, INITIAL[county.households.type[i]]);
		for (let q = 0; q < COLOUR_QUARTERS.length; q++) {
			if (q > 0) colour = weightedIndex(rng, TRANSITION[colour]);
			colours[q * n + i] = colour;
		}
	}
	return colours;
}
