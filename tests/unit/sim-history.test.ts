import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { COUNTY_SEED, MILESTONES, PUBLISHED } from '../../sim/county/published';
import { TOWNS } from '../../sim/county/towns';
import { distance, FREE, latinHypercube } from '../../sim/engine/calibration';
import { HISTORY_STEPS, HISTORY_WEEKS, historyDate, historyOptions, historyWeek, RECORD_PERIOD, runHistory } from '../../sim/engine/history';
import { greatCircleKm } from '../../sim/engine/mechanisms/capacity';
import { Model } from '../../sim/engine/model';
import { COUNTY, type World } from '../../sim/engine/world';
import { PRESET_SPECS } from '../../sim/engine/modes';
import { CALIBRATED_SOURCE, defaultParameters, PARAMETERS } from '../../sim/engine/parameters';
import type { CalibrationReport } from '../../sim/engine/reports';
import { Xoshiro128 } from '../../sim/random/xoshiro128';

const small = buildCounty({ seed: COUNTY_SEED, scale: 1 / 8 });

describe('the timeline of a run', () => {
	it('changes the structure in the week a step names: no village-level case before it, some after', () => {
		const levels: { week: number; level: number }[] = [];
		const model = new Model({
			mode: 'two-way',
			county: small,
			weeks: 60,
			timeline: [{ week: 30, structure: { villageHandling: true }, levers: { sinking: 1 } }],
			observers: [{ queued: (w, id) => levels.push({ week: w.week, level: w.issues.level[id] }) }]
		}).run();
		expect(model.conservationError()).toBeNull();
		expect(levels.filter((q) => q.week < 30 && q.level === 0)).toHaveLength(0);
		expect(levels.filter((q) => q.week >= 30 && q.level === 0).length).toBeGreaterThan(3);
	});

	it('introduces liaison posts filled, active from the next review', () => {
		const model = new Model({ mode: 'two-way', county: small, weeks: 40, timeline: [{ week: 20, structure: { liaisons: true }, levers: { participation: 1 } }] }).run();
		const active = model.series.liaisonsActive;
		expect(Math.max(...active.slice(0, 20))).toBe(0);
		expect(active[30]).toBeGreaterThan(0.3);
	});

	it('refuses steps out of the run or out of order', () => {
		expect(() => new Model({ county: small, weeks: 10, timeline: [{ week: 10 }] })).toThrow(RangeError);
		expect(() => new Model({ county: small, weeks: 10, timeline: [{ week: 5 }, { week: 3 }] })).toThrow(RangeError);
	});
});

describe('the county’s history', () => {
	it('follows the published milestones and ends as the multi-dimensional preset', () => {
		for (const m of MILESTONES) expect(HISTORY_STEPS.map((s) => s.date)).toContain(m.date);
		const end = HISTORY_STEPS.reduce((spec, s) => ({ structure: { ...spec.structure, ...s.structure }, levers: { ...spec.levers, ...s.levers } }), { structure: {}, levers: {} });
		expect(end).toEqual(PRESET_SPECS.multi);
		expect(HISTORY_STEPS[0]).toMatchObject({ structure: PRESET_SPECS['one-way'].structure, levers: PRESET_SPECS['one-way'].levers });
	});

	it('counts weeks from its start and the record period as the published one', () => {
		expect(historyDate(0)).toBe('2015-08-03');
		expect(historyDate(RECORD_PERIOD.from)).toBe(PUBLISHED.ledgerCases.period.from);
		// The period ends in the week holding 31 Dec 2021.
		const last = Date.parse(`${historyDate(RECORD_PERIOD.to - 1)}T00:00:00Z`);
		const end = Date.parse(`${PUBLISHED.ledgerCases.period.to}T00:00:00Z`);
		expect(end - last).toBeGreaterThanOrEqual(0);
		expect(end - last).toBeLessThan(7 * 86_400_000);
		expect(historyWeek(historyDate(200))).toBe(200);
		expect(historyOptions().weeks).toBe(HISTORY_WEEKS);
	});

	it('at the calibrated values meets every published target, averaged over replicates', () => {
		const county = buildCounty({ seed: COUNTY_SEED });
		const runs = [0, 1, 2, 3].map((r) => runHistory({ seed: 7, replicate: r, county }).counts);
		const mean = (f: (c: (typeof runs)[number]) => number) => runs.reduce((a, c) => a + f(c), 0) / runs.length;
		const received = mean((c) => c.received);
		const closed = mean((c) => c.closed);
		const satisfaction = mean((c) => c.satisfied / c.surveyed);
		// Tolerances, as stated for the calibration (history.ts TARGETS): received and closed ±5% — counts of about
		// 8,800 cases whose definition (which cases a ledger records) is looser than the model's replicate spread;
		// closure ±1% of 97.56%, i.e. 130–300 cases open against the published 215; satisfaction at least the
		// published rounded lower bound 98.5% less half a per cent of it.
		expect(Math.abs(received / PUBLISHED.ledgerCases.value - 1)).toBeLessThanOrEqual(0.05);
		expect(Math.abs(closed / PUBLISHED.ledgerClosed.value - 1)).toBeLessThanOrEqual(0.05);
		expect(Math.abs(closed / received / (PUBLISHED.ledgerClosed.value / PUBLISHED.ledgerCases.value) - 1)).toBeLessThanOrEqual(0.01);
		expect(satisfaction).toBeGreaterThanOrEqual(PUBLISHED.satisfaction.value * (1 - 0.005));
	});
});

describe('calibration', () => {
	it('samples each free parameter’s strata once (Latin hypercube), inside the box', () => {
		for (const n of [1, 7, 50]) {
			const pts = latinHypercube(Xoshiro128.stream(3, n), n, FREE);
			FREE.forEach((f, k) => {
				const strata = pts.map((p) => {
					const u = f.log ? (Math.log(p[k]) - Math.log(f.low)) / (Math.log(f.high) - Math.log(f.low)) : (p[k] - f.low) / (f.high - f.low);
					expect(u).toBeGreaterThanOrEqual(0);
					expect(u).toBeLessThan(1);
					return Math.floor(u * n);
				});
				expect(new Set(strata).size).toBe(n);
			});
		}
	});

	it('measures distance in tolerances: the record itself is at 0, 5% too many cases at 1, 10% at 2', () => {
		const exact = { received: PUBLISHED.ledgerCases.value, closed: PUBLISHED.ledgerClosed.value, surveyed: 1000, satisfied: 990 };
		expect(distance([exact])).toBeCloseTo(0, 9);
		const more = { ...exact, received: exact.received * 1.05, closed: exact.closed * 1.05 };
		expect(distance([more])).toBeCloseTo(1, 6);
		expect(distance([{ ...exact, received: exact.received * 1.1, closed: exact.closed * 1.1 }])).toBeCloseTo(2, 6);
		// Satisfaction is a lower bound: above it costs nothing, half a per cent below it is one tolerance.
		expect(distance([{ ...exact, satisfied: 999 }])).toBeCloseTo(0, 9);
		expect(distance([{ ...exact, satisfied: 1000 * 0.985 * 0.995 }])).toBeCloseTo(1, 6);
	});

	it('writes its chosen values into the parameter table, with their source', async () => {
		const report = JSON.parse(await readFile('sim/reports/calibration.json', 'utf8')) as CalibrationReport;
		const p = defaultParameters();
		expect(report.free.map((f) => f.name).sort()).toEqual(FREE.map((f) => f.name).sort());
		for (const f of report.free) {
			expect(p[f.name as keyof typeof p], f.name).toBe(f.chosen);
			expect(PARAMETERS[f.name as keyof typeof PARAMETERS].source).toBe(CALIBRATED_SOURCE);
			expect(f.chosen).toBeGreaterThanOrEqual(f.low);
			expect(f.chosen).toBeLessThanOrEqual(f.high);
		}
		for (const t of report.targets) expect(t.within, t.name).toBe(true);
	});
});

describe('distance from the county seat', () => {
	it('makes county cadres’ trips to far towns longer, and their cases slower', () => {
		const km = TOWNS.map((t) => greatCircleKm(TOWNS[0].seatLat, TOWNS[0].seatLon, t.seatLat, t.seatLon));
		const far = km.indexOf(Math.max(...km));
		expect(km[0]).toBe(0);
		expect(km[far]).toBeGreaterThan(20);
		const county = buildCounty({ seed: COUNTY_SEED, scale: 1 / 4 });
		/** Hours of travel queued with county-level cases, and weeks to close them, in the far town and the county seat. */
		const run = (roadSpeed: number) => {
			const travel = [0, 0];
			const weeks = [0, 0];
			const n = [0, 0];
			const side = (w: World, id: number) => {
				const t = w.county.households.town[w.issues.household[id]];
				return t === far ? 0 : t === 0 ? 1 : -1;
			};
			new Model({
				mode: 'two-way',
				county,
				weeks: 156,
				params: { roadSpeed },
				observers: [
					{
						queued: (w, id) => {
							const k = side(w, id);
							if (k >= 0 && w.issues.level[id] === COUNTY) travel[k] = w.issues.travelLeft[id];
						},
						closed: (w, id, _s, _f, wk) => {
							const k = side(w, id);
							if (k >= 0 && w.issues.level[id] === COUNTY) {
								weeks[k] += wk;
								n[k]++;
							}
						}
					}
				]
			}).run();
			return { travel, farSlower: weeks[0] / n[0] - weeks[1] / n[1] };
		};
		const slow = run(5);
		const fast = run(80);
		// The road's round trip, computed independently of the engine: 2 × winding × km / speed.
		const p = defaultParameters();
		expect(slow.travel[0] - slow.travel[1]).toBeCloseTo((2 * p.roadWinding * km[far]) / 5, 4);
		expect(fast.travel[0] - fast.travel[1]).toBeCloseTo((2 * p.roadWinding * km[far]) / 80, 4);
		expect(slow.farSlower).toBeGreaterThan(fast.farSlower + 0.5);
	});
});
