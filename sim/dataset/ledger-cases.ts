import type { County } from '../county/build-county';
import { PUBLISHED } from '../county/published';
import { Xoshiro128 } from '../random/xoshiro128';
import { logNormal, shuffle, weightedIndex, weightedSample } from '../random/distributions';
import { apportion } from '../county/apportion';
import { toSeconds } from './csv';
import {
	CATEGORY_WEIGHTS,
	DEPARTMENTS,
	LEAD_DEPT_WEIGHTS,
	LEDGER_SHARES,
	LEDGER_TYPES,
	STEPS,
	STEP_DAYS
} from './case-vocabulary';

/** Ledger cases as columns; entry i of each array is case i (case_id = i + 1, ordered by intake). */
export interface CaseColumns {
	count: number;
	ledger: Uint8Array;
	/** Index into CASE_LEVELS. */
	level: Uint8Array;
	household: Int32Array;
	category: Uint8Array;
	channel: Uint8Array;
	/** Intake time, seconds since 1970 on the naive local clock. */
	received: Float64Array;
	/** One array per step of STEPS, NaN where the case has not reached the step. */
	steps: Float64Array[];
	due: Float64Array;
	leadDept: Uint8Array;
	coDepts: Uint8Array;
	escalated: Uint8Array;
	/** 1 solved, 0 not solved, −1 not yet surveyed. */
	solved: Int8Array;
	/** Index into SATISFACTION, or −1 when not surveyed. */
	satisfaction: Int8Array;
	revisited: Uint8Array;
	/** case_id of the earlier case this one repeats, or 0. */
	repeatOf: Int32Array;
}

export interface CaseOptions {
	seed: number;
	/** County- and town-level cases over the published period (default: the published 8,812). */
	countyTownCases?: number;
}

const DAY = 86400;
export const PERIOD_START = '2016-08-01';
export const PERIOD_END = '2021-12-31';
const THREE_LEVELS = toSeconds('2018-01-01');
const INTEGRATION = toSeconds('2020-03-01');
const MODEL_321 = toSeconds('2021-08-01');

/** Relative intake by calendar month: a Spring Festival dip and a summer flood-season peak. */
const SEASON = [0.9, 0.65, 1, 1, 1.05, 1.1, 1.15, 1.15, 1.05, 1, 1, 0.95];
/** Relative issue rates by household type (working, migrant, elderly, vulnerable). */
const TYPE_RATE = [1, 0.8, 1.2, 1.8];
const MAX_TYPE_RATE = 1.8;
/** Probability of 0–3 co-handling departments by level (county, town, village). */
const CO_DEPTS = [
	[0.45, 0.3, 0.17, 0.08],
	[0.65, 0.22, 0.1, 0.03],
	[0.9, 0.08, 0.02, 0]
];
const ESCALATED = [0.25, 0.12, 0];
const HANDLING_MEDIAN_DAYS = [10, 7, 4];
const TIME_LIMIT_DAYS = [20, 15, 10];
const REVISIT = [0.4, 0.3, 0.15];
const REPEAT_SHARE = 0.03;
const REPEAT_WINDOW = 90 * DAY;
/** Target shares among surveyed cases: assumptions consistent with "satisfaction ≥ 98.5%". */
const DISSATISFIED_SHARE = 0.013;
const BASIC_SHARE = 0.11;
const VILLAGE_UNCLOSED_SHARE = 0.02;

interface Month {
	start: number;
	end: number;
	county: number;
	town: number;
	village: number;
}

/**
 * Monthly intake weights by level, a stated assumption of how the system spread: county-level
 * ledgers from Aug 2016, towns joining through 2017, all three levels from Jan 2018, slow growth
 * after (+4–5% a year), with a dip in Feb 2020 (epidemic controls) and the seasonal pattern.
 */
function monthlyWeights(): Month[] {
	const months: Month[] = [];
	for (let y = 2016, m = 7; y < 2022; m === 11 ? (y++, (m = 0)) : m++) {
		const start = Date.UTC(y, m, 1) / 1000;
		const end = Date.UTC(y, m + 1, 1) / 1000;
		const years = (start - THREE_LEVELS) / (365.25 * DAY);
		const season = SEASON[m] * (y === 2020 && m === 1 ? 0.7 : 1);
		const town = y === 2016 ? 8 : y === 2017 ? 8 + 4 * m : 95 * (1 + 0.05 * years);
		months.push({
			start,
			end,
			county: 22 * (1 + 0.04 * (years + 1.4)) * season,
			town: town * season,
			village: start >= THREE_LEVELS ? 80 * (1 + 0.05 * years) * season : 0
		});
	}
	return months;
}

/** Generates the ledger cases of the county (see docs/data-methods.md for every assumption). */
export function generateCases(county: County, options: CaseOptions): CaseColumns {
	const total = options.countyTownCases ?? PUBLISHED.ledgerCases.value;
	const rng = Xoshiro128.stream(options.seed, 1);
	const months = monthlyWeights();
	const cells = apportion(total, months.flatMap((m) => [m.county, m.town]));
	const perCase = total / months.reduce((s, m) => s + m.county + m.town, 0);
	const villageCounts = months.map((m) => Math.round(m.village * perCase));
	const count = total + villageCounts.reduce((a, b) => a + b, 0);
	const c = allocate(count);

	const h = county.households;
	const recent: number[][] = county.towns.map(() => []);
	const recentStart = county.towns.map(() => 0);
	let i = 0;
	months.forEach((month, k) => {
		const levels = shuffle(rng, [
			...new Array<number>(cells[2 * k]).fill(0),
			...new Array<number>(cells[2 * k + 1]).fill(1),
			...new Array<number>(villageCounts[k]).fill(2)
		]);
		const times = new Float64Array(levels.length);
		const days = (month.end - month.start) / DAY;
		for (let j = 0; j < times.length; j++) {
			times[j] = month.start + Math.floor(rng.next() * days) * DAY + 8 * 3600 + Math.floor(rng.next() * 600) * 60;
		}
		times.sort();
		for (let j = 0; j < levels.length; j++, i++) {
			c.level[i] = levels[j];
			c.received[i] = times[j];
			let household: number;
			do household = Math.floor(rng.next() * h.count);
			while (rng.next() * MAX_TYPE_RATE > TYPE_RATE[h.type[household]]);
			c.ledger[i] = weightedIndex(rng, LEDGER_SHARES);
			c.category[i] = weightedIndex(rng, CATEGORY_WEIGHTS[LEDGER_TYPES[c.ledger[i]]]);
			const town = h.town[household];
			const window = recent[town];
			while (recentStart[town] < window.length && c.received[window[recentStart[town]]] < times[j] - REPEAT_WINDOW) {
				recentStart[town]++;
			}
			if (c.ledger[i] !== 0 && recentStart[town] < window.length && rng.next() < REPEAT_SHARE) {
				const earlier = window[recentStart[town] + Math.floor(rng.next() * (window.length - recentStart[town]))];
				household = c.household[earlier];
				c.category[i] = c.category[earlier];
				c.repeatOf[i] = earlier + 1;
			}
			window.push(i);
			c.household[i] = household;
			c.channel[i] = weightedIndex(rng, channelWeights(times[j], h.type[household]));
			c.leadDept[i] =
				levels[j] === 2 ? DEPARTMENTS.indexOf('village_committee') : weightedIndex(rng, LEAD_DEPT_WEIGHTS[c.category[i]]);
			c.coDepts[i] = weightedIndex(rng, CO_DEPTS[levels[j]]);
			c.escalated[i] = rng.next() < ESCALATED[levels[j]] ? 1 : 0;
			c.revisited[i] = rng.next() < REVISIT[levels[j]] ? 1 : 0;
			walkSteps(rng, c, i);
			const handoffs = c.coDepts[i] + c.escalated[i];
			c.solved[i] = rng.next() < 0.025 + 0.02 * handoffs ? 0 : 1;
		}
	});

	leaveUnclosed(rng, c, total);
	surveyOutcomes(rng, c);
	return c;
}

function allocate(count: number): CaseColumns {
	return {
		count,
		ledger: new Uint8Array(count),
		level: new Uint8Array(count),
		household: new Int32Array(count),
		category: new Uint8Array(count),
		channel: new Uint8Array(count),
		received: new Float64Array(count),
		steps: STEPS.map(() => new Float64Array(count)),
		due: new Float64Array(count),
		leadDept: new Uint8Array(count),
		coDepts: new Uint8Array(count),
		escalated: new Uint8Array(count),
		solved: new Int8Array(count),
		satisfaction: new Int8Array(count).fill(-1),
		revisited: new Uint8Array(count),
		repeatOf: new Int32Array(count)
	};
}

/**
 * Intake channel weights (CHANNELS order) at a time for a household type: online reporting grows
 * every year but far less for left-behind elderly (the digital divide); liaison and grid reports
 * grow with town–village integration (Mar 2020) and the "321" model (Aug 2021).
 */
function channelWeights(t: number, type: number): number[] {
	const years = (t - toSeconds(PERIOD_START)) / (365.25 * DAY);
	const online = (5 + 3 * years) * (type === 2 ? 0.2 : 1);
	const liaison = 8 + (t >= INTEGRATION ? 10 : 0) + (t >= MODEL_321 ? 25 : 0);
	return [30, 25, online, 4, liaison, 10];
}

/** Draws the time spent in each of the nine steps; hand-offs between departments or levels slow handling. */
function walkSteps(rng: Xoshiro128, c: CaseColumns, i: number): void {
	const level = c.level[i];
	const handoffs = c.coDepts[i] + c.escalated[i];
	let t = c.received[i];
	STEPS.forEach((step, s) => {
		let { median, sigma } = STEP_DAYS[step];
		if (step === 'handled') {
			median = HANDLING_MEDIAN_DAYS[level] * (1 + 0.3 * handoffs) * (t >= INTEGRATION ? 0.85 : 1);
		}
		t += Math.round(logNormal(rng, median, sigma) * 24 * 60) * 60;
		c.steps[s][i] = t;
		if (step === 'assigned') c.due[i] = t + TIME_LIMIT_DAYS[level] * DAY;
	});
}

/**
 * Leaves exactly the published number of county/town cases unclosed (8,812 − 8,597 = 215 at full
 * scale, scaled in proportion otherwise), drawn with weight rising with hand-offs and recency:
 * cross-department and recent cases are the ones still open. Each stalls at handling (70%),
 * sign-off (20%) or archiving (10%); the steps from the stall on are left empty.
 */
function leaveUnclosed(rng: Xoshiro128, c: CaseColumns, countyTown: number): void {
	const published = PUBLISHED.ledgerCases.value - PUBLISHED.ledgerClosed.value;
	const k = Math.round((countyTown * published) / PUBLISHED.ledgerCases.value);
	const start = toSeconds(PERIOD_START);
	const span = toSeconds(PERIOD_END) + DAY - start;
	const weights = new Float64Array(c.count);
	for (let i = 0; i < c.count; i++) {
		const recency = (c.received[i] - start) / span;
		weights[i] = (1 + c.coDepts[i] + c.escalated[i]) * (0.3 + recency * recency);
	}
	const villageWeights = weights.map((w, i) => (c.level[i] === 2 ? w : 0));
	const countyTownWeights = weights.map((w, i) => (c.level[i] === 2 ? 0 : w));
	let villages = 0;
	for (let i = 0; i < c.count; i++) villages += c.level[i] === 2 ? 1 : 0;
	const open = [
		...weightedSample(rng, countyTownWeights, k),
		...weightedSample(rng, villageWeights, Math.round(villages * VILLAGE_UNCLOSED_SHARE))
	];
	const stallAt = [STEPS.indexOf('handled'), STEPS.indexOf('signed_off'), STEPS.indexOf('archived')];
	for (const i of open) {
		const from = stallAt[weightedIndex(rng, [0.7, 0.2, 0.1])];
		for (let s = from; s < STEPS.length; s++) c.steps[s][i] = NaN;
		c.revisited[i] = 0;
	}
}

/**
 * Survey results of the cases that reached the reply-and-survey step, after the
 * expectancy–disconfirmation idea (Van Ryzin 2004): unsolved and late cases are far more likely
 * to be rated 不满意 or 基本满意. The counts are fixed shares of the surveyed cases per level group.
 */
function surveyOutcomes(rng: Xoshiro128, c: CaseColumns): void {
	const surveyed = c.steps[STEPS.indexOf('surveyed')];
	const handled = c.steps[STEPS.indexOf('handled')];
	for (let i = 0; i < c.count; i++) {
		if (Number.isNaN(surveyed[i])) c.solved[i] = -1;
		else c.satisfaction[i] = 0;
	}
	for (const village of [false, true]) {
		const inGroup = (i: number) => !Number.isNaN(surveyed[i]) && (c.level[i] === 2) === village;
		let n = 0;
		for (let i = 0; i < c.count; i++) n += inGroup(i) ? 1 : 0;
		const late = (i: number) => handled[i] > c.due[i];
		const dissatisfied = weightedSample(
			rng,
			Float64Array.from({ length: c.count }, (_, i) => (inGroup(i) ? (c.solved[i] ? 1 : 15) * (late(i) ? 3 : 1) : 0)),
			Math.round(n * DISSATISFIED_SHARE)
		);
		for (const i of dissatisfied) c.satisfaction[i] = 2;
		const basic = weightedSample(
			rng,
			Float64Array.from({ length: c.count }, (_, i) =>
				inGroup(i) && c.satisfaction[i] === 0 ? (late(i) ? 2 : 1) * (1 + c.coDepts[i]) * (c.solved[i] ? 1 : 4) : 0
			),
			Math.round(n * BASIC_SHARE)
		);
		for (const i of basic) c.satisfaction[i] = 1;
	}
}
