import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { historyOptions, HISTORY_WEEKS } from '../../sim/engine/history';
import { IssuePool } from '../../sim/engine/issue-pool';
import { COUNTY_SEED, Model, type ModelOptions } from '../../sim/engine/model';
import { MODES } from '../../sim/engine/modes';
import { WEEKLY_METRICS } from '../../sim/engine/outputs';
import { historyKey, type HistoryState } from '../../sim/engine/start';
import { HistoryStore, runReplicates } from '../../sim/engine/experiments';

const small = buildCounty({ seed: COUNTY_SEED, scale: 1 / 16 });
const WEEKS = 104;
const state = Model.history({ county: small, seed: 5, replicate: 1 });
const fromHistory = (o: ModelOptions = {}) => new Model({ county: small, seed: 5, replicate: 1, weeks: WEEKS, history: state, ...o });

/** The household columns a run starts from. */
const columns = (m: Model) => {
	const w = m.world;
	return { trust: Array.from(w.trust), grievance: Array.from(w.grievance), type: Array.from(w.type), open: Array.from(w.openIssues), colour: Array.from(w.colour), live: Array.from(w.issues.live.subarray(1)) };
};

describe('a run from the county’s history', () => {
	it('starts from the county the history run left, the same run the dashboard’s history is generated from', () => {
		expect(state.week).toBe(HISTORY_WEEKS);
		// The history as a run of its own (what the dataset generator runs), stepped to its end.
		const history = new Model({ ...historyOptions(), county: small, seed: 5, replicate: 1 }).run();
		const run = fromHistory({ mode: 'multi' });
		expect(run.origin).toBe(HISTORY_WEEKS);
		expect(run.world.week).toBe(HISTORY_WEEKS);
		expect(columns(run)).toEqual(columns(history));
		// Not the zero start: grievance, open issues and out-migrated households are there.
		expect(run.world.grievance.some((g) => g > 0)).toBe(true);
		expect(run.world.issues.live[2]).toBeGreaterThan(0);
		expect(Array.from(run.world.type)).not.toEqual(Array.from(small.households.type));
	});

	it('gives two scenarios with the same seed and replicate exactly the same state at the origin, whether the history is run or reused', () => {
		const a = new Model({ county: small, seed: 5, replicate: 1, weeks: WEEKS, mode: 'one-way', start: 'history' });
		const b = new Model({ county: small, seed: 5, replicate: 1, weeks: WEEKS, mode: 'multi', start: 'history' });
		expect(columns(a)).toEqual(columns(b));
		expect(columns(b)).toEqual(columns(fromHistory({ mode: 'multi' })));
		// A reused state gives the run that running the history gives, and is left as it was.
		const again = Model.history({ county: small, seed: 5, replicate: 1 });
		const ran = b.run();
		const reused = fromHistory({ mode: 'multi' }).run();
		for (const m of WEEKLY_METRICS) expect(Array.from(reused.series[m]), m).toEqual(Array.from(ran.series[m]));
		expect(reused.summary()).toEqual(ran.summary());
		expect(historyKey(state)).toBe(historyKey(again));
		expect(Array.from(state.trust)).toEqual(Array.from(again.trust));
		expect(Array.from(state.issues.workLeft)).toEqual(Array.from(again.issues.workLeft));
	});

	it('is deterministic: the same seed gives the same run, another seed another', () => {
		const a = fromHistory().run();
		const b = fromHistory().run();
		const c = new Model({ county: small, seed: 6, replicate: 1, weeks: WEEKS, start: 'history' }).run();
		for (const m of WEEKLY_METRICS) expect(Array.from(b.series[m]), m).toEqual(Array.from(a.series[m]));
		expect(Array.from(c.series.raised)).not.toEqual(Array.from(a.series.raised));
	});

	it.each(MODES)('keeps every issue, those open at the start included, in exactly one state at every step (%s)', (mode) => {
		const model = fromHistory({ mode, structure: mode === 'custom' ? { liaisons: false } : undefined });
		while (!model.done) {
			model.step();
			expect(model.conservationError()).toBeNull();
		}
	});

	it('counts only the scenario’s weeks in every output', () => {
		const model = fromHistory({ mode: 'one-way', traceHousehold: 3 }).run();
		const s = model.summary();
		expect(s.weeks).toBe(WEEKS);
		for (const m of WEEKLY_METRICS) expect(model.series[m].length, m).toBe(WEEKS);
		expect(model.townSeries.orderIndex.length).toBe(WEEKS * small.towns.length);
		expect(s.byYear.trust).toHaveLength(2);
		expect(s.county.households).toBeCloseTo(small.households.count, 6);
		expect(s.totals.hours.total).toBeCloseTo(model.world.capacity.total * WEEKS, 6);
		// The run closes issues received before it began: raised, received and closure count its own.
		expect(s.county.closed).toBeGreaterThan(0);
		expect(s.county.raised).toBe(model.series.raised.reduce((a, b) => a + b, 0));
		for (let k = 0; k < WEEKS; k++) {
			const rate = model.series.closureRate[k];
			if (!Number.isNaN(rate)) expect(rate >= 0 && rate <= 1, `closure week ${k} = ${rate}`).toBe(true);
			expect(model.series.green[k] + model.series.yellow[k] + model.series.red[k]).toBe(small.households.count);
		}
		expect(s.county.closureRate).toBeLessThanOrEqual(1);
		for (const e of model.trace) expect(e.week >= 0 && e.week < WEEKS).toBe(true);
		// The order index of week 0 counts the history's last year: no restart from an empty window.
		expect(model.series.orderIndex[0]).toBeLessThan(1);
	});

	it('has no first-year transient: the history’s end state carries grievance and trust into the first year', () => {
		const county = buildCounty({ seed: COUNTY_SEED, scale: 1 / 8 });
		const reps = 3;
		const years = (start: 'zero' | 'history') => {
			const runs = runReplicates({ mode: 'multi', seed: 2, weeks: 104, start }, reps, county).map((r) => r.summary.byYear);
			const sum = (f: (y: (typeof runs)[number]) => number) => runs.reduce((a, y) => a + f(y), 0) / reps;
			return { escalations: [sum((y) => y.escalationsPer1000[0]), sum((y) => y.escalationsPer1000[1])], trust: [sum((y) => y.trust[0]), sum((y) => y.trust[1])] };
		};
		const zero = years('zero');
		const history = years('history');
		// From zero, grievance builds up through the first year: few escalations in it.
		expect(zero.escalations[0] / zero.escalations[1]).toBeLessThan(0.6);
		// From the history the first year carries the grievance the county's past left (one-way until 2016,
		// two-way until 2020): several times the escalations of a first year from zero, falling as the
		// multi-dimensional county earns trust — a dynamic of the model, not of an empty start.
		expect(history.escalations[0]).toBeGreaterThan(3 * zero.escalations[0]);
		expect(history.escalations[1]).toBeLessThan(history.escalations[0]);
		expect(Math.abs(history.trust[1] - history.trust[0])).toBeLessThan(Math.abs(zero.trust[1] - zero.trust[0]));
	});

	it('removes the liaisons of a structure without them at once: nothing found or settled by liaisons', () => {
		for (const mode of ['one-way', 'two-way'] as const) {
			const s = fromHistory({ mode }).run().summary();
			expect(s.totals.discoveredBy.liaison, mode).toBe(0);
			expect(s.totals.settledBy.liaison, mode).toBe(0);
			expect(s.means.liaisonsActive, mode).toBe(0);
			expect(s.totals.cost.allowances, mode).toBe(0);
		}
		expect(fromHistory({ mode: 'multi' }).run().summary().totals.discoveredBy.liaison).toBeGreaterThan(0);
	});

	it('applies a timeline in the run’s own weeks', () => {
		const steps = fromHistory({ mode: 'multi', timeline: [{ week: 52, levers: { participation: 0 } }] }).run();
		const plain = fromHistory({ mode: 'multi' }).run();
		// Identical until the step; then the liaisons fall idle at the next review.
		expect(Array.from(steps.series.raised.subarray(0, 52))).toEqual(Array.from(plain.series.raised.subarray(0, 52)));
		expect(steps.series.liaisonsActive[WEEKS - 1]).toBe(0);
		expect(plain.series.liaisonsActive[WEEKS - 1]).toBeGreaterThan(0);
	});

	it('starts a reduced-scale preview from a reduced history', () => {
		const tiny = buildCounty({ seed: COUNTY_SEED, scale: 1 / 32 });
		const preview = runReplicates({ mode: 'two-way', seed: 3, weeks: WEEKS, start: 'history' }, 4, tiny);
		const larger = runReplicates({ mode: 'two-way', seed: 3, weeks: WEEKS, start: 'history' }, 2, small);
		const mean = (rs: typeof preview, f: (s: (typeof preview)[number]['summary']) => number) => rs.reduce((a, r) => a + f(r.summary), 0) / rs.length;
		// The reduced history ends in the same county, per household.
		const perHousehold = (m: Model) => ({ trust: m.world.trust.reduce((a, b) => a + b, 0) / m.world.n, open: m.world.openIssues.reduce((a, b) => a + b, 0) / m.world.n });
		const [a, b] = [new Model({ county: tiny, seed: 3, start: 'history' }), new Model({ county: small, seed: 3, start: 'history' })].map(perHousehold);
		expect(a.trust).toBeCloseTo(b.trust, 1);
		expect(Math.abs(a.open / b.open - 1)).toBeLessThan(0.25);
		expect(Math.abs(mean(preview, (s) => s.county.daysMedian) / mean(larger, (s) => s.county.daysMedian) - 1)).toBeLessThan(0.25);
		expect(mean(preview, (s) => s.means.trust)).toBeCloseTo(mean(larger, (s) => s.means.trust), 1);
		expect(mean(preview, (s) => s.county.raised / s.households)).toBeCloseTo(mean(larger, (s) => s.county.raised / s.households), 1);
	});

	it('keeps one history per replicate for the scenarios of a comparison', () => {
		const store = new HistoryStore();
		const a = runReplicates({ mode: 'one-way', seed: 5, weeks: 8, start: 'history' }, 2, small, store);
		const b = runReplicates({ mode: 'multi', seed: 5, weeks: 8, start: 'history' }, 2, small, store);
		expect(store.size).toBe(2);
		expect(a[1].summary.county.raised).toBe(new Model({ county: small, seed: 5, replicate: 1, weeks: 8, mode: 'one-way', start: 'history' }).run().summary().county.raised);
		expect(b).toHaveLength(2);
		// Other parameters, another history.
		runReplicates({ mode: 'multi', seed: 5, weeks: 8, start: 'history', params: { outMigration: 0.05 } }, 1, small, store);
		expect(store.size).toBe(3);
	});

	it('refuses a history state of other settings, and a state without a history start', () => {
		expect(() => new Model({ county: small, seed: 6, replicate: 1, history: state })).toThrow(/seed 5 replicate 1, the run of seed 6/);
		expect(() => new Model({ county: small, seed: 5, replicate: 1, history: state, params: { outMigration: 0.05 } })).toThrow(/other parameters \(outMigration\)/);
		expect(() => new Model({ county: buildCounty({ seed: COUNTY_SEED, scale: 1 / 32 }), seed: 5, replicate: 1, history: state })).toThrow(/households/);
		expect(() => new Model({ county: small, seed: 5, replicate: 1, history: state, start: 'zero' })).toThrow(/start must be "history"/);
		expect(() => new Model({ county: small, start: 'warm' as never })).toThrow(/start must be "zero" or "history"/);
		const run = Model.historyRun({ county: small, seed: 5, replicate: 1 });
		expect(() => run.historyState()).toThrow(/run to its end/);
		expect(() => run.run().summary()).toThrow(/records no outputs/);
		expect((run.historyState() satisfies HistoryState).week).toBe(HISTORY_WEEKS);
	});
});

describe('the issue pool a history start restores', () => {
	it('keeps every column of the pool, so a column added later cannot be left behind', () => {
		const pool = new IssuePool(8);
		for (let i = 0; i < 5; i++) {
			const id = pool.add();
			for (const [, column] of Object.entries(pool)) if (ArrayBuffer.isView(column)) (column as Uint8Array)[id] = i + 1;
		}
		const restored = IssuePool.restore(pool.snapshot());
		const columns = Object.entries(pool).filter(([, c]) => ArrayBuffer.isView(c));
		expect(columns.length).toBeGreaterThan(10);
		for (const [name, column] of columns) expect(Array.from(restored[name as keyof IssuePool] as Uint8Array), name).toEqual(Array.from(column as Uint8Array));
	});
});
