/**
 * The ledger cases of the dataset, drawn from the model's history of the county (one county, one
 * story: the dashboard's synthetic record is what the sandbox's model did in `history`).
 *
 * **The pool.** The history scenario (sim/engine/history.ts: one-way warm-up from Aug 2015,
 * ledgers from Aug 2016, three levels from Jan 2018, integration 2019–2020, "321" from Aug 2021)
 * is run on the dataset's own county (same households), seeded by the generator's seed, with
 * the case recorder (case-recorder.ts) attached. Its cases form the pool: the county and town
 * cases received Aug 2016 – Dec 2021, and from Jan 2018 the village ledger's cases (settled on the
 * spot by the village committee or a liaison, or handled by stationed cadres in the village).
 * Replicates (independent runs) are pooled until the pool holds at least the cases each sampling
 * class below needs for the published totals (at most MAX_REPLICATES).
 *
 * **Post-stratification to the published totals.** The dataset takes exactly N county and town
 * cases (N = the published 8,812, or `countyTownCases`), of them exactly round(N × 215 / 8,812)
 * open at the end of 2021 (215 of 8,812: closed is exactly the published 8,597). The pool's
 * county and town cases fall into three classes — open at the end of the record period (the
 * model had not closed them), closed with the household satisfied, closed dissatisfied — and
 * each class's total is fixed: open as above; dissatisfied the model's share of the closed cases,
 * but at most ⌊closed × (1 − 98.5%)⌋, so that satisfaction is at least the published 98.5%;
 * satisfied the rest. Each class's total is split over strata of month of receipt × level
 * (county, town) × town in proportion to the class's pool cases in each (largest remainder,
 * county/apportion.ts), and each stratum's quota is drawn from its pool cases in an order drawn
 * from the seed. So the months, levels and towns of the cases, how long they took and what
 * happened to them are the model's; the totals are the published ones. Where the model's shares
 * differ from the published ones (before calibration: far more cases, fewer satisfied), the
 * sample over-represents the model's satisfied (faster) cases: the class totals win.
 * Village-level cases (no published total) are taken at the same fraction, N ÷ the pool's county
 * and town cases, stratified by month × town × open or closed: their count is the model's
 * village ledger, scaled as the county and town cases are.
 *
 * **More cases than the pool (`countyTownCases` above it).** A stratum whose quota exceeds its
 * pool cases takes each of them ⌊quota ÷ pool⌋ times and the first quota mod pool in its drawn
 * order once more (resampling with replacement, balanced); each copy keeps the model's weeks
 * and draws its own days and times within them, so a scaled dataset of millions of cases costs
 * one history run and a pass over the cases.
 *
 * **From the model's weeks to the nine steps.** The model gives the week a case was received
 * (queued, or settled), the week its work was last done (`handled`; re-work after a failed
 * hand-off moves it) and the week it was closed. Times within a week are drawn from the seed:
 * receipt on a day of the week between 08:00 and 18:00, handling done at a uniform time of its
 * week (not before receipt), closure at a uniform time of its week (not before handling). The
 * four administrative steps from receipt (registered, reviewed, acknowledged, assigned) take
 * log-normal durations (STEP_DAYS), shrunk in proportion when they would take more than half of
 * the time from receipt to handling; the handling step (严格督查) is the rest. The four after
 * handling — result report (结果反馈), secretary's sign-off (书记把关), reply and survey (回复征询),
 * archiving (销号归档) — take their log-normal durations ending at closure, the report taking
 * whatever time is left (the waits of the model's hand-offs between departments), or all four
 * shrunk in proportion when the time from handling to closure is shorter; the survey is never
 * before the week of closure (the model draws the household's answer then), so a case open at
 * the as-of date has not been surveyed. The dataset is as of the end of 2021: a step after
 * 31 Dec 2021 is empty, so a case the model closed in 2022 is open (as the record counts it).
 * Every draw is keyed by the model's issue (replicate, household, issue number), the copy and
 * what it is for: the same seed gives the same cases.
 *
 * **What differs between towns and villages, and why.** From the model: how many cases a town
 * and a village have and at which level (each town's queue has cadre hours in proportion to its
 * households, and its load comes from its households' issue rates — left-behind elderly and
 * vulnerable households raise more, grievance raises more still — and, from 2019, from what the
 * stationed cadres of its villages take); how long they take (its queue's waits; county
 * departments drive to the town and back, `roadHours` from the town seat's distance to the county
 * seat, so far towns' county cases take longer); out-migration (working families become
 * migrant-worker families and left-behind elderly, who report and are reached differently);
 * liaison coverage and activity (posts per household, a village's trust and the share of its
 * households with working-age members at home) for the liaison channel and the cases liaisons
 * settle. Drawn, not from the model: ledger type, category and lead department, the split of
 * the model's channels into the dataset's, the days and times within the model's weeks, and
 * which of the model's cases the post-stratification keeps.
 *
 * **From the model's events to the fields.**
 * - level: the level whose queue took the case (county, town, or village: stationed cadres, or
 *   settled on the spot by the village committee's mediators or a liaison); household, and with
 *   it town, village and grid: the model's household.
 * - channel (CHANNELS): the model's self-report in person → visit, letter or secretary's visit
 *   (30 : 4 : 10); online or hotline → phone or online (25 : 5 + 3 a year since Aug 2016, the
 *   online weight × 0.2 for left-behind elderly households); a liaison's visit → liaison or grid.
 * - co_depts: the departments the issue needs, less the lead one; handoffs: the hand-offs it
 *   went through by the end of 2021 (each attempt, so a failed one counts again when retried);
 *   revisited: sent back for re-work after a failed hand-off; escalated: a two-department issue
 *   the model sent to the county's departments because the town's queue looked slower (a town
 *   could have taken it).
 * - solved and the survey: the model's; a satisfied household answers 满意 or 基本满意, a
 *   dissatisfied one 不满意. Which satisfied answers are 基本满意 the model does not say: exactly
 *   BASIC_SHARE of each level group's surveyed cases (county and town; village), drawn with
 *   weight 2 for cases handled after their time limit and × (1 + co-handling departments) —
 *   the late and cross-department cases, after expectancy–disconfirmation (Van Ryzin 2004).
 * - repeat_of: the household's previous case, when it was received within 90 days before and
 *   was then still open or closed unsolved (the household came back about a matter not yet
 *   solved); a repeat keeps that case's ledger type and category.
 * - Not from the model, drawn from the seed as before (no published breakdown exists): ledger
 *   type (LEDGER_SHARES), category within it (CATEGORY_WEIGHTS), lead department of county and
 *   town cases by category (LEAD_DEPT_WEIGHTS; village cases: the village committee); the time
 *   limit (due) is the ledger rules' TIME_LIMIT_DAYS after assignment.
 */
import type { County } from '../county/build-county';
import { apportion } from '../county/apportion';
import { PUBLISHED } from '../county/published';
import { HISTORY_START, historyOptions, RECORD_PERIOD } from '../engine/history';
import { BY_LIAISON, BY_ONLINE } from '../engine/issue-pool';
import { Model } from '../engine/model';
import type { Parameters } from '../engine/parameters';
import { COUNTY, ELDERLY, VILLAGE } from '../engine/world';
import { logNormal, weightedIndex, weightedSample, type Uniform } from '../random/distributions';
import { KeyedUniform } from '../random/keyed';
import { Xoshiro128 } from '../random/xoshiro128';
import { CaseRecorder, type RecordedCases } from './case-recorder';
import {
	CATEGORY_WEIGHTS,
	CHANNELS,
	DEPARTMENTS,
	LEAD_DEPT_WEIGHTS,
	LEDGER_SHARES,
	LEDGER_TYPES,
	CASE_LEVELS,
	STEPS,
	STEP_DAYS
} from './case-vocabulary';
import { toSeconds } from './csv';

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
	handoffs: Uint8Array;
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
	/** Parameters of the history run that differ from the model's defaults. */
	params?: Partial<Parameters>;
}

/** The most history runs pooled to cover the published totals. */
export const MAX_REPLICATES = 8;
/** Streams of the case draws: 7 (keyed) and 15 (a sequence), which no replicate of the model uses (they use 8r + 0…6). */
const CASE_STREAM = 7;
const BASIC_STREAM = 15;
/** Time limits of the ledger rules by level (county, town, village), days from assignment. */
const TIME_LIMIT_DAYS = [20, 15, 10];
/** Share of surveyed cases that answer 基本满意 (basically satisfied): an assumption consistent with "satisfaction ≥ 98.5%". */
const BASIC_SHARE = 0.11;
const REPEAT_WINDOW_DAYS = 90;
/** Split of the model's self-report in person over CHANNELS: visit, letter, secretary's visit (30 : 4 : 10). */
const SELF_CHANNELS = [30, 0, 0, 4, 0, 10];
const PHONE = CHANNELS.indexOf('phone');
const ONLINE = CHANNELS.indexOf('online');
const LIAISON_GRID = CHANNELS.indexOf('liaison_grid');

const DAY = 86400;
const WEEK = 7 * DAY;
const MINUTE = 60;
const T0 = toSeconds(HISTORY_START);
/** The dataset's as-of instant: the end of the record period (31 Dec 2021, 24:00). */
const AS_OF = toSeconds(PUBLISHED.ledgerCases.period.to) + DAY;
const RECORD_START = T0 + RECORD_PERIOD.from * WEEK;
const FIRST_MONTH = monthOf(RECORD_START);
const MONTHS = monthOf(AS_OF - 1) - FIRST_MONTH + 1;

/**
 * Where the draws of a case sit in its key's third word: the fields its copies share (sampling
 * priority, ledger type with category and lead department, channel), then 32 slots for each
 * copy: receipt (2), then the other steps (18).
 */
const DRAW = { priority: 0, ledger: 1, channel: 8, copies: 32, perCopy: 32, steps: 2 } as const;

/** The dataset's level (CASE_LEVELS) of each of the model's (world.ts: VILLAGE, TOWN, COUNTY). */
const LEVEL_OF = [CASE_LEVELS.indexOf('village'), CASE_LEVELS.indexOf('town'), CASE_LEVELS.indexOf('county')];
const VILLAGE_LEVEL = LEVEL_OF[VILLAGE];
const VILLAGE_COMMITTEE = DEPARTMENTS.indexOf('village_committee');

/** Sampling classes of the county and town cases. */
const OPEN = 0;
const SATISFIED = 1;
const DISSATISFIED = 2;
const CLASS_NAMES = ['open county and town', 'satisfied county and town', 'dissatisfied county and town'];

function monthOf(seconds: number): number {
	const d = new Date(seconds * 1000);
	return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Start and end (seconds) of week k of the history; a week of the record period ends at the as-of instant at the latest. */
function weekStart(k: number): number {
	return T0 + k * WEEK;
}
function weekEnd(k: number): number {
	return k < RECORD_PERIOD.to ? Math.min(T0 + (k + 1) * WEEK, AS_OF) : T0 + (k + 1) * WEEK;
}

/** Keyed uniforms for one case: draws named by (replicate and household, issue number, slot). */
class CaseDraws implements Uniform {
	readonly #u: KeyedUniform;
	readonly #households: number;
	#a = 0;
	#b = 0;
	#c = 0;

	constructor(seed: number, households: number) {
		this.#u = KeyedUniform.stream(seed, CASE_STREAM);
		this.#households = households;
	}

	/** Positions the draws at pool case s's slot `slot` (consecutive calls of `next` take the following slots). */
	at(pool: RecordedCases, s: number, slot: number): this {
		this.#a = pool.replicate[s] * this.#households + pool.household[s];
		this.#b = pool.serial[s];
		this.#c = slot;
		return this;
	}

	next(): number {
		return this.#u.at(this.#a, this.#b, this.#c++);
	}
}

/** Whether the model closed pool case s by the end of the record period. */
function closedInRecord(pool: RecordedCases, s: number): boolean {
	return pool.closed[s] >= 0 && pool.closed[s] < RECORD_PERIOD.to;
}

/** Class totals of the county and town cases for N of them, given the pool's closed cases and their dissatisfied ones. */
function classTotals(n: number, poolClosed: number, poolDissatisfied: number): number[] {
	const open = Math.round((n * (PUBLISHED.ledgerCases.value - PUBLISHED.ledgerClosed.value)) / PUBLISHED.ledgerCases.value);
	const closed = n - open;
	const share = poolClosed ? poolDissatisfied / poolClosed : 0;
	const dissatisfied = Math.min(Math.round(closed * share), Math.floor(closed * (1 - PUBLISHED.satisfaction.value)));
	return [open, closed - dissatisfied, dissatisfied];
}

/** Pool cases of each class (county and town). */
function poolClasses(pool: RecordedCases): number[] {
	const classes = [0, 0, 0];
	for (let s = 0; s < pool.count; s++) if (pool.level[s] !== VILLAGE) classes[!closedInRecord(pool, s) ? OPEN : pool.satisfied[s] ? SATISFIED : DISSATISFIED]++;
	return classes;
}

/**
 * Runs the history (replicate 0, 1, …) with the case recorder until the pool holds what each
 * class needs for min(N, the published 8,812) county and town cases, or MAX_REPLICATES runs.
 */
export function recordHistory(county: County, options: CaseOptions): RecordedCases {
	const recorder = new CaseRecorder();
	const n = Math.min(options.countyTownCases ?? PUBLISHED.ledgerCases.value, PUBLISHED.ledgerCases.value);
	for (let r = 0; r < MAX_REPLICATES; r++) {
		recorder.startReplicate(r);
		new Model({ ...historyOptions(), county, seed: options.seed, replicate: r, params: options.params, observers: [recorder] }).run();
		const classes = poolClasses(recorder.cases);
		const need = classTotals(n, classes[SATISFIED] + classes[DISSATISFIED], classes[DISSATISFIED]);
		if (need.every((k, c) => k <= classes[c])) break;
	}
	return recorder.cases;
}

/** Output cases as (pool case, copy) pairs, the first `count` of each array. */
interface Picks {
	source: Int32Array;
	copy: Int32Array;
	count: number;
}

/**
 * Adds `total` cases drawn from `members` (pool cases) to `out`, stratified by `cellOf`: each
 * cell's quota in proportion to its members (largest remainder); within a cell, members in order
 * of their drawn priority, each taken ⌊quota ÷ members⌋ times and the first quota mod members once more.
 */
function stratified(members: number[], cellOf: (s: number) => number, cells: number, total: number, priority: Float64Array, out: Picks, what: string): void {
	if (total === 0) return;
	if (members.length === 0) throw new RangeError(`the history gave no ${what} cases in ${MAX_REPLICATES} runs to draw ${total} from`);
	const counts = new Array<number>(cells).fill(0);
	for (const s of members) counts[cellOf(s)]++;
	const quotas = apportion(total, counts);
	const byCell: number[][] = Array.from({ length: cells }, () => []);
	for (const s of members) byCell[cellOf(s)].push(s);
	byCell.forEach((list, cell) => {
		const quota = quotas[cell];
		if (quota === 0) return;
		list.sort((a, b) => priority[a] - priority[b] || a - b);
		const each = Math.floor(quota / list.length);
		const extra = quota - each * list.length;
		list.forEach((s, k) => {
			const copies = each + (k < extra ? 1 : 0);
			for (let j = 0; j < copies; j++, out.count++) {
				out.source[out.count] = s;
				out.copy[out.count] = j;
			}
		});
	});
}

/** Receipt time of a copy of pool case s: a day of its week (within the record period), between 08:00 and 18:00. */
function receiptTime(pool: RecordedCases, s: number, copy: number, u: CaseDraws): number {
	const k = pool.received[s];
	const start = weekStart(k);
	const days = Math.ceil((weekEnd(k) - start) / DAY);
	u.at(pool, s, DRAW.copies + copy * DRAW.perCopy);
	const day = Math.floor(u.next() * days);
	return start + day * DAY + 8 * 3600 + Math.floor(u.next() * 600) * MINUTE;
}

/** The receipt time of each pool case's first copy: the month of its stratum. */
export function firstReceipts(pool: RecordedCases, seed: number, households: number): Float64Array {
	const u = new CaseDraws(seed, households);
	return Float64Array.from({ length: pool.count }, (_, s) => receiptTime(pool, s, 0, u));
}

/** A time in [lo, hi) at uniform position `v`, on the minute. */
function within(lo: number, hi: number, v: number): number {
	return lo + Math.floor((v * (hi - lo)) / MINUTE) * MINUTE;
}

/** Seconds an administrative step takes: log-normal (STEP_DAYS). */
const stepSeconds = (step: Exclude<(typeof STEPS)[number], 'handled'>, u: Uniform) => logNormal(u, STEP_DAYS[step].median, STEP_DAYS[step].sigma) * DAY;

const stepScratch = new Float64Array(STEPS.length);

/**
 * The nine step times of case i (copy `copy` of pool case s, received at `r`), from the model's
 * weeks of handling and closure; steps after the as-of instant are left empty (NaN).
 */
function placeSteps(c: CaseColumns, i: number, pool: RecordedCases, s: number, copy: number, r: number, u: CaseDraws): void {
	u.at(pool, s, DRAW.copies + copy * DRAW.perCopy + DRAW.steps);
	const H = pool.handled[s];
	const C = pool.closed[s];
	const h = H >= 0 ? within(Math.max(r, weekStart(H)), weekEnd(H), u.next()) : Infinity;
	const closed = C >= 0 ? within(Math.max(h, weekStart(C)), weekEnd(C), u.next()) : Infinity;
	const t = stepScratch;
	// Registered, reviewed, acknowledged, assigned: at most half the time to handling.
	const before = [stepSeconds('registered', u), stepSeconds('reviewed', u), stepSeconds('acknowledged', u), stepSeconds('assigned', u)];
	const sum = before[0] + before[1] + before[2] + before[3];
	const shrink = Math.min(1, (h - r) / 2 / sum);
	let x = 0;
	for (let k = 0; k < 4; k++) {
		x += before[k] * shrink;
		t[k] = r + Math.floor(x / MINUTE) * MINUTE;
	}
	t[4] = h;
	// Reported, signed off, surveyed, archived: ending at closure; the report waits out the model's
	// hand-offs, or all four shrink in proportion; the survey not before the week of closure.
	const report = stepSeconds('reported', u);
	const signOff = stepSeconds('signed_off', u);
	const survey = stepSeconds('surveyed', u);
	const archive = stepSeconds('archived', u);
	if (Number.isFinite(closed)) {
		const span = closed - h;
		const need = report + signOff + survey + archive;
		const k = need > span ? span / need : 1;
		const reported = h + report * k + Math.max(0, span - need);
		t[5] = Math.floor(reported / MINUTE) * MINUTE;
		t[6] = Math.floor((reported + signOff * k) / MINUTE) * MINUTE;
		t[7] = Math.max(Math.floor((reported + (signOff + survey) * k) / MINUTE) * MINUTE, weekStart(C));
		t[8] = closed;
	} else t.fill(Infinity, 5);
	for (let k = 0; k < STEPS.length; k++) c.steps[k][i] = t[k] < AS_OF ? t[k] : NaN;
}

/** Generates the ledger cases of the county from its history (see the comment at the top for the method). */
export function generateCases(county: County, options: CaseOptions): CaseColumns {
	const n = options.countyTownCases ?? PUBLISHED.ledgerCases.value;
	const pool = recordHistory(county, options);
	const u = new CaseDraws(options.seed, county.households.count);
	const towns = county.towns.length;
	const townOf = (s: number) => county.households.town[pool.household[s]];

	// Each pool case's priority within its stratum and the month of its receipt (its first copy's time).
	const priority = new Float64Array(pool.count);
	const receipts = firstReceipts(pool, options.seed, county.households.count);
	const month = Int32Array.from(receipts, (r) => monthOf(r) - FIRST_MONTH);
	const members: number[][] = [[], [], []];
	const village: number[] = [];
	for (let s = 0; s < pool.count; s++) {
		priority[s] = u.at(pool, s, DRAW.priority).next();
		if (pool.level[s] === VILLAGE) village.push(s);
		else members[!closedInRecord(pool, s) ? OPEN : pool.satisfied[s] ? SATISFIED : DISSATISFIED].push(s);
	}
	const totals = classTotals(n, members[SATISFIED].length + members[DISSATISFIED].length, members[DISSATISFIED].length);
	const poolCountyTown = members[0].length + members[1].length + members[2].length;
	const villageTotal = Math.round((n * village.length) / poolCountyTown);
	const picks: Picks = { source: new Int32Array(n + villageTotal), copy: new Int32Array(n + villageTotal), count: 0 };
	const countyTownCell = (s: number) => (month[s] * 2 + (pool.level[s] === COUNTY ? 1 : 0)) * towns + townOf(s);
	for (const c of [OPEN, SATISFIED, DISSATISFIED]) stratified(members[c], countyTownCell, MONTHS * 2 * towns, totals[c], priority, picks, CLASS_NAMES[c]);
	const villageCell = (s: number) => (month[s] * towns + townOf(s)) * 2 + (closedInRecord(pool, s) ? 1 : 0);
	stratified(village, villageCell, MONTHS * towns * 2, villageTotal, priority, picks, 'village-level');

	// Cases in order of receipt (ties in the order drawn): case_id follows intake.
	const count = picks.count;
	const received = new Float64Array(count);
	const order = new Float64Array(count);
	for (let o = 0; o < count; o++) {
		received[o] = receiptTime(pool, picks.source[o], picks.copy[o], u);
		order[o] = ((received[o] - RECORD_START) / MINUTE) * 2 ** 26 + o;
	}
	order.sort();

	const c = allocate(count);
	const h = county.households;
	const last = new Int32Array(h.count).fill(-1);
	const previous = new Int32Array(h.count).fill(-1);
	const source = new Int32Array(count);
	const limit = Float64Array.from(TIME_LIMIT_DAYS, (d) => d * DAY);
	const assignedAt = c.steps[STEPS.indexOf('assigned')];
	const archivedAt = c.steps[STEPS.indexOf('archived')];
	for (let i = 0; i < count; i++) {
		const o = order[i] % 2 ** 26;
		const s = picks.source[o];
		source[i] = s;
		const level = LEVEL_OF[pool.level[s]];
		c.level[i] = level;
		c.household[i] = pool.household[s];
		c.received[i] = received[o];
		placeSteps(c, i, pool, s, picks.copy[o], received[o], u);
		c.due[i] = assignedAt[i] + limit[level];
		c.coDepts[i] = pool.depts[s] - 1;
		c.handoffs[i] = pool.handoffs[s];
		c.escalated[i] = pool.routedUp[s];
		c.revisited[i] = pool.failures[s] > 0 ? 1 : 0;
		c.channel[i] = channelOf(pool, s, received[o], u);
		if (!Number.isNaN(archivedAt[i])) {
			c.solved[i] = pool.solved[s];
			c.satisfaction[i] = pool.satisfied[s] ? 0 : 2;
		}
		// A repeat: the household's previous case (another issue of the model's) within 90 days, then still open or closed unsolved.
		const hh = pool.household[s];
		const earlier = last[hh] >= 0 && source[last[hh]] !== s ? last[hh] : previous[hh];
		u.at(pool, s, DRAW.ledger);
		if (earlier >= 0 && c.received[i] - c.received[earlier] <= REPEAT_WINDOW_DAYS * DAY && (!(archivedAt[earlier] <= c.received[i]) || c.solved[earlier] === 0)) {
			c.repeatOf[i] = earlier + 1;
			c.ledger[i] = c.ledger[earlier];
			c.category[i] = c.category[earlier];
		} else {
			c.ledger[i] = weightedIndex(u, LEDGER_SHARES);
			c.category[i] = weightedIndex(u, CATEGORY_WEIGHTS[LEDGER_TYPES[c.ledger[i]]]);
		}
		c.leadDept[i] = level === VILLAGE_LEVEL ? VILLAGE_COMMITTEE : weightedIndex(u, LEAD_DEPT_WEIGHTS[c.category[i]]);
		if (last[hh] < 0 || source[last[hh]] !== s) previous[hh] = last[hh];
		last[hh] = i;
	}
	basicAnswers(c, options.seed);
	return c;
}

/**
 * The channel of a case (CHANNELS) from the model's: self-report in person, online or hotline,
 * a liaison's visit. Online reporting's share of the online-or-hotline channel grows every year
 * and is far lower for left-behind elderly households (the digital divide).
 */
function channelOf(pool: RecordedCases, s: number, received: number, u: CaseDraws): number {
	const by = pool.channel[s];
	if (by === BY_LIAISON) return LIAISON_GRID;
	u.at(pool, s, DRAW.channel);
	if (by !== BY_ONLINE) return weightedIndex(u, SELF_CHANNELS);
	const years = (received - RECORD_START) / (365.25 * DAY);
	const online = (5 + 3 * years) * (pool.type[s] === ELDERLY ? 0.2 : 1);
	return u.next() * (25 + online) < 25 ? PHONE : ONLINE;
}

/**
 * Which satisfied answers are 基本满意: exactly BASIC_SHARE of each level group's surveyed cases
 * (county and town; village), drawn without replacement with weight (2 if handled after its time
 * limit, else 1) × (1 + co-handling departments), in case order from the seed's BASIC_STREAM.
 */
function basicAnswers(c: CaseColumns, seed: number): void {
	const rng = Xoshiro128.stream(seed, BASIC_STREAM);
	const handled = c.steps[STEPS.indexOf('handled')];
	for (const village of [false, true]) {
		const candidates: number[] = [];
		let surveyed = 0;
		for (let i = 0; i < c.count; i++) {
			if (c.satisfaction[i] < 0 || (c.level[i] === VILLAGE_LEVEL) !== village) continue;
			surveyed++;
			if (c.satisfaction[i] === 0) candidates.push(i);
		}
		const weights = candidates.map((i) => (handled[i] > c.due[i] ? 2 : 1) * (1 + c.coDepts[i]));
		for (const j of weightedSample(rng, weights, Math.min(candidates.length, Math.round(surveyed * BASIC_SHARE)))) c.satisfaction[candidates[j]] = 1;
	}
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
		handoffs: new Uint8Array(count),
		escalated: new Uint8Array(count),
		solved: new Int8Array(count).fill(-1),
		satisfaction: new Int8Array(count).fill(-1),
		revisited: new Uint8Array(count),
		repeatOf: new Int32Array(count)
	};
}
