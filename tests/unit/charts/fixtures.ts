import type { ColourCount } from '$lib/data/grid-queries';
import type { QuarterRates, Stall, StepTime } from '$lib/data/ledger-queries';
import type { TownRow } from '$lib/data/overview-queries';
import type { ShownScenario } from '$lib/sim/replicate-stats';
import { TOWN_BLOCK_WEEKS } from '$lib/sim/sim-types';
import { TOWNS } from '$sim/county/towns';

/** Fixed data for the chart snapshots: small, round numbers, so a reader can check a drawing by eye. */

export const WEEKS = 104;

/** A weekly series rising from `from` to `to`, with a wave so lines are not straight. */
export const wave = (from: number, to: number, length = WEEKS) =>
	Float64Array.from({ length }, (_, k) => from + ((to - from) * k) / (length - 1) + 0.02 * Math.sin(k / 8));

export const monthly = {
	months: ['2019-11', '2019-12', '2020-01', '2020-02', '2020-03', '2020-04'],
	series: [
		{ key: 'a', label: 'Alpha', colour: '#0072b2' },
		{ key: 'b', label: 'Beta', colour: '#e69f00' }
	],
	values: new Map([
		['2019-11|a', 10],
		['2019-11|b', 5],
		['2019-12|a', 20],
		['2020-01|a', 30],
		['2020-01|b', 10],
		['2020-02|b', 40],
		['2020-03|a', 15],
		['2020-04|a', 5],
		['2020-04|b', 5]
	]),
	markers: [{ month: '2020-01', label: 'Pilot' }],
	label: 'Cases by month'
};

export const bars = [
	{ key: 'visit', label: 'Visit', value: 400, note: '97.5%' },
	{ key: 'phone', label: 'Phone', value: 300, note: '98.0%' },
	{ key: 'letter', label: 'Letter & note', value: 100 }
];

export const towns: TownRow[] = [
	{ townCode: TOWNS[0].code, cases: 1200, closed: 1180, surveyed: 1000, satisfied: 990 },
	{ townCode: TOWNS[1].code, cases: 600, closed: 590, surveyed: 500, satisfied: 480 },
	{ townCode: TOWNS[2].code, cases: 300, closed: 300, surveyed: 250, satisfied: 250 }
];

export const dots = {
	rows: ['Farmers', 'Migrants', 'Elderly'],
	series: [
		{ key: 'a', label: 'One-way', colour: '#7f7f7f', shape: 'square' as const, values: [0.5, 0.6, 0.7] },
		{ key: 'yours', label: 'Yours', colour: '#0072b2', shape: 'circle' as const, values: [0.55, NaN, 0.9] }
	],
	label: 'Satisfaction by household type'
};

export const bands = [
	{ key: 'a', label: 'One-way', colour: '#7f7f7f', dash: '5 3', mean: wave(0.4, 0.5), low: wave(0.35, 0.45), high: wave(0.45, 0.55) },
	{ key: 'yours', label: 'Yours', colour: '#0072b2', mean: wave(0.4, 0.8), low: wave(0.38, 0.7), high: wave(0.42, 0.9) }
];

export const shares = [
	{ key: 'green', label: 'Green', colour: '#009e73', values: wave(70, 80) },
	{ key: 'yellow', label: 'Yellow', colour: '#f0e442', values: wave(20, 15) },
	{ key: 'red', label: 'Red', colour: '#d55e00', values: wave(10, 5) }
];

export const icicle = [
	{ id: 'county', parent: null, label: 'County', value: 0 },
	{ id: 't1', parent: 'county', label: 'Town one', value: 0 },
	{ id: 't2', parent: 'county', label: 'Town two', value: 0 },
	{ id: 'v1', parent: 't1', label: 'Village one', value: 300 },
	{ id: 'v2', parent: 't1', label: 'Village two', value: 100 },
	{ id: 'v3', parent: 't2', label: 'Village three', value: 200 }
];

export const quarters: QuarterRates[] = ['2017Q3', '2017Q4', '2018Q1', '2018Q2', '2018Q3', '2018Q4'].map((quarter, i) => ({
	quarter,
	received: 200 + 10 * i,
	closed: 190 + 10 * i,
	surveyed: 150,
	satisfied: 140 + i,
	handled: 100,
	onTime: 80 + 2 * i
}));

export const steps: StepTime[] = [
	{ step: 'registered', cases: 500, medianDays: 0.5, p90Days: 1 },
	{ step: 'reviewed', cases: 500, medianDays: 1, p90Days: 2.5 },
	{ step: 'handled', cases: 480, medianDays: 5, p90Days: 12 }
];
export const stalls: Stall[] = [{ step: 'handled', cases: 20 }];

export const colours: ColourCount[] = ['2021Q3', '2021Q4'].flatMap((quarter, i) => [
	{ quarter, colour: 'green', households: 700 - 50 * i },
	{ quarter, colour: 'yellow', households: 200 + 25 * i },
	{ quarter, colour: 'red', households: 100 + 25 * i }
]);

const blocks = Math.ceil(WEEKS / TOWN_BLOCK_WEEKS);
const townSeries = (base: number) => ({
	orderIndex: Float64Array.from({ length: TOWNS.length * blocks }, (_, j) => base + 0.01 * (j % blocks) + 0.02 * Math.floor(j / blocks)),
	redShare: Float64Array.from({ length: TOWNS.length * blocks }, (_, j) => 0.1 - 0.001 * (j % blocks))
});
/** Two compared scenarios with only what the town multiples read. */
export const shownTowns = [
	{ key: 'a', label: 'One-way', colour: '#7f7f7f', dash: '5 3', stats: { townSeries: townSeries(0.3) } },
	{ key: 'yours', label: 'Yours', colour: '#0072b2', stats: { townSeries: townSeries(0.4) } }
] as unknown as ShownScenario[];

/** A waterfall from 40% to 55%: two levers add, one takes away. */
export const waterfall = [
	{ key: 'start', label: 'Start', from: 0, to: 0.4, value: 0.4, level: true },
	{ key: 'sinking', label: 'Sinking', from: 0.4, to: 0.5, value: 0.1 },
	{ key: 'coordination', label: 'Coordination', from: 0.5, to: 0.47, value: -0.03 },
	{ key: 'participation', label: 'Participation', from: 0.47, to: 0.55, value: 0.08 },
	{ key: 'end', label: 'End', from: 0, to: 0.55, value: 0.55, level: true }
];
