import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { PUBLISHED } from '../../sim/county/published';
import { pairedDifferences, pairedInterval, runReplicates } from '../../sim/engine/experiments';
import { COUNTY_SEED, Model } from '../../sim/engine/model';
import { MODES, PRESETS } from '../../sim/engine/modes';
import { WEEKLY_METRICS } from '../../sim/engine/outputs';
import { withGeneratedTables } from '../../sim/engine/parameter-table';
import { defaultParameters } from '../../sim/engine/parameters';

const small = buildCounty({ seed: COUNTY_SEED, scale: 1 / 8 });
const WEEKS = 104;

describe('the simulation model', () => {
	it('gives identical outputs for the same seed and different ones for another seed', () => {
		const a = new Model({ county: small, seed: 7, weeks: WEEKS }).run();
		const b = new Model({ county: small, seed: 7, weeks: WEEKS }).run();
		const c = new Model({ county: small, seed: 8, weeks: WEEKS }).run();
		for (const m of WEEKLY_METRICS) expect(Array.from(b.series[m]), m).toEqual(Array.from(a.series[m]));
		expect(Array.from(c.series.raised)).not.toEqual(Array.from(a.series.raised));
	});

	it.each(MODES)('keeps every issue in exactly one state, and every queue’s hours equal to its issues’ work, at every step (%s)', (mode) => {
		const model = new Model({ county: small, seed: 3, weeks: WEEKS, mode, levers: mode === 'custom' ? { sinking: 1, coordination: 0.2 } : undefined });
		while (!model.done) {
			model.step();
			expect(model.conservationError()).toBeNull();
		}
		const s = model.summary();
		const { self, online, liaison } = s.totals.discoveredBy;
		expect(self + online + liaison).toBe(s.county.received + s.totals.resolvedLocally);
		expect(s.county.found).toBe(self + online + liaison);
		const sum = (k: 'raised' | 'received' | 'closed' | 'found') => s.byTown.reduce((a, t) => a + t[k], 0);
		expect([sum('raised'), sum('received'), sum('closed'), sum('found')]).toEqual([s.county.raised, s.county.received, s.county.closed, s.county.found]);
		expect(s.byType.reduce((a, t) => a + t.raised, 0)).toBe(s.county.raised);
		expect(s.byDepartments.single.raised + s.byDepartments.cross.raised).toBe(s.county.raised);
		expect(s.totals.settledBy.liaison + s.totals.settledBy.committee).toBe(s.totals.resolvedLocally);
	});

	it.each(MODES)('accounts for every cadre hour of the budget each week and keeps shares within [0, 1] (%s)', (mode) => {
		const model = new Model({ county: small, seed: 4, weeks: WEEKS, mode }).run();
		const p = defaultParameters();
		// The weekly budget from the parameters, independently of the model's capacity set-up.
		const budget = p.cadreHours * p.budget * (small.households.count / PUBLISHED.households.value);
		const s = model.series;
		for (let k = 0; k < WEEKS; k++) {
			const spent = s.hoursCases[k] + s.hoursTravel[k] + s.hoursIdle[k] + s.hoursPetitions[k] + s.hoursPaperwork[k] + s.hoursCoordination[k];
			expect(spent).toBeCloseTo(budget, 6);
			for (const m of ['closureRate', 'satisfaction', 'orderIndex', 'trust', 'vitalityIndex', 'liaisonsActive'] as const) {
				const v = s[m][k];
				if (!Number.isNaN(v)) expect(v >= 0 && v <= 1, `${m} week ${k} = ${v}`).toBe(true);
			}
			expect(s.green[k] + s.yellow[k] + s.red[k]).toBe(small.households.count);
		}
	});

	it('adds up its town series to the county’s: red households, and escalations behind the order index', () => {
		const model = new Model({ county: small, seed: 6, weeks: WEEKS, mode: 'one-way' }).run();
		const p = defaultParameters();
		const towns = small.towns.length;
		const households = small.towns.map((_, t) => small.villages.filter((v) => v.town === t).reduce((a, v) => a + v.households, 0));
		// Escalations per 1,000 households a year back from an index: index = 1 / (1 + rate / half point).
		const rate = (index: number) => (1 / index - 1) * p.orderHalfPoint;
		for (let k = 0; k < WEEKS; k++) {
			let red = 0;
			let escalations = 0;
			for (let t = 0; t < towns; t++) {
				red += model.townSeries.redShare[t * WEEKS + k] * households[t];
				escalations += rate(model.townSeries.orderIndex[t * WEEKS + k]) * households[t];
			}
			expect(red).toBeCloseTo(model.series.red[k], 6);
			expect(escalations).toBeCloseTo(rate(model.series.orderIndex[k]) * small.households.count, 4);
		}
		// The county's index over the first 52 weeks equals the escalations that happened in them.
		const year = Array.from(model.series.escalations.subarray(0, 52)).reduce((a, b) => a + b, 0);
		expect(rate(model.series.orderIndex[51])).toBeCloseTo((year / small.households.count) * 1000, 6);
		expect(year).toBeGreaterThan(0);
	});

	it('never lengthens time to close with more handling capacity (paired replicates)', () => {
		for (const mode of PRESETS) {
			const base = runReplicates({ mode, seed: 11, weeks: WEEKS }, 4, small);
			const more = runReplicates({ mode, seed: 11, weeks: WEEKS, params: { budget: 1.5 } }, 4, small);
			const diff = pairedInterval(pairedDifferences(base, more, (s) => s.county.daysMedian));
			expect(diff.low, mode).toBeLessThanOrEqual(0.5);
		}
	});

	it('finds nothing through liaisons where the structure has none, and something where it has', () => {
		for (const mode of ['one-way', 'two-way'] as const) {
			const s = new Model({ county: small, seed: 5, weeks: WEEKS, mode }).run().summary();
			expect(s.totals.discoveredBy.liaison, mode).toBe(0);
			expect(s.totals.settledBy.liaison, mode).toBe(0);
			expect(s.means.liaisonsActive, mode).toBe(0);
			// Villagers' self-governance exists in every mode: the village committee mediates.
			expect(s.totals.settledBy.committee, mode).toBeGreaterThan(0);
		}
		const multi = new Model({ county: small, seed: 5, weeks: WEEKS, mode: 'multi' }).run().summary();
		expect(multi.totals.discoveredBy.liaison).toBeGreaterThan(100);
	});

	it('lets the participation lever act only through active liaisons: with none active, 0 and 1 give the same run', () => {
		const run = (participation: number) =>
			new Model({ county: small, seed: 9, weeks: WEEKS, mode: 'custom', levers: { participation }, params: { liaisonActivity: 0 } }).run();
		const [none, full] = [run(0), run(1)];
		expect(full.summary().means.liaisonsActive).toBe(0);
		for (const m of ['vitalityIndex', 'orderIndex', 'trust', 'closed', 'satisfaction'] as const) expect(Array.from(full.series[m]), m).toEqual(Array.from(none.series[m]));
	});

	// Escalations are counted, so a small county's order index is noisy (sd ≈ 0.08 a run at 1/32):
	// enough replicates that the 0.05 tolerance is about three standard errors of the difference.
	it('pairs scenarios with common random numbers: a small lever move varies their difference far less than the outcomes vary', () => {
		const reps = 8;
		// A quarter of the county: at the calibrated issue rate an eighth has too few escalations in two years for their count to pair well.
		const quarter = buildCounty({ seed: COUNTY_SEED, scale: 1 / 4 });
		const a = runReplicates({ mode: 'custom', levers: { participation: 0.5 }, seed: 12, weeks: WEEKS }, reps, quarter);
		const b = runReplicates({ mode: 'custom', levers: { participation: 0.6 }, seed: 12, weeks: WEEKS }, reps, quarter);
		const sd = (x: number[]) => {
			const m = x.reduce((p, q) => p + q, 0) / x.length;
			return Math.sqrt(x.reduce((p, q) => p + (q - m) ** 2, 0) / (x.length - 1));
		};
		for (const f of [(s: (typeof a)[number]['summary']) => s.means.orderIndex, (s: (typeof a)[number]['summary']) => s.means.vitalityIndex, (s: (typeof a)[number]['summary']) => s.county.daysMedian]) {
			const paired = sd(pairedDifferences(a, b, f));
			const unpaired = Math.sqrt(sd(a.map((r) => f(r.summary))) ** 2 + sd(b.map((r) => f(r.summary))) ** 2);
			expect(paired / unpaired).toBeLessThan(0.5);
		}
	});

	it("gives similar per-household outcomes at scale 1, 1/8 and 1/32 (the sandbox's preview)", () => {
		const full = runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 2, buildCounty({ seed: COUNTY_SEED }));
		type S = (typeof full)[number]['summary'];
		const mean = (rs: typeof full, f: (s: S) => number) => rs.reduce((a, r) => a + f(r.summary), 0) / rs.length;
		const perHousehold = (s: S) => s.county.raised / s.households;
		for (const reduced of [runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 8, small), runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 32, buildCounty({ seed: COUNTY_SEED, scale: 1 / 32 }))]) {
			expect(mean(reduced, perHousehold)).toBeCloseTo(mean(full, perHousehold), 1);
			expect(mean(reduced, (s) => s.county.closureRate)).toBeCloseTo(mean(full, (s) => s.county.closureRate), 1);
			// Queues keep about a full-scale village's or town's hours, so waits stay near the full county's.
			expect(Math.abs(mean(reduced, (s) => s.county.daysMedian) - mean(full, (s) => s.county.daysMedian))).toBeLessThan(1);
			// The 90th percentile sits where the protracted cases (waiting for an outside decision) begin, so it
			// moves with their share among a reduced county's few closures: a looser bound than the median's.
			expect(Math.abs(mean(reduced, (s) => s.county.daysP90) / mean(full, (s) => s.county.daysP90) - 1)).toBeLessThan(0.25);
			expect(mean(reduced, (s) => s.means.orderIndex)).toBeCloseTo(mean(full, (s) => s.means.orderIndex), 1);
			expect(mean(reduced, (s) => s.means.vitalityIndex)).toBeCloseTo(mean(full, (s) => s.means.vitalityIndex), 1);
			expect(mean(reduced, (s) => s.means.trust)).toBeCloseTo(mean(full, (s) => s.means.trust), 1);
			expect(mean(reduced, (s) => s.cost.perHousehold) / mean(full, (s) => s.cost.perHousehold)).toBeCloseTo(1, 1);
		}
	});

	it('rejects parameters, levers and structures it cannot run, with a clear message', () => {
		expect(() => new Model({ county: small, params: { budget: 9 } })).toThrow(/budget must be a number in \[0.25, 3\]/);
		expect(() => new Model({ county: small, params: { reviewWeeks: 2.5 } })).toThrow(/reviewWeeks must be an integer/);
		expect(() => new Model({ county: small, params: { toString: 1 } as never })).toThrow(/unknown parameter "toString"/);
		expect(() => new Model({ county: small, mode: 'custom', levers: { sinking: 2 } })).toThrow(/sinking/);
		expect(() => new Model({ county: small, mode: 'one-way', levers: { coordination: 1 } })).toThrow(/one-way preset fixes its structure and levers/);
		expect(() => new Model({ county: small, mode: 'custom', structure: { feedback: 'yes' as never } })).toThrow(/feedback must be true or false/);
		expect(() => new Model({ county: small, weeks: 0 })).toThrow(/weeks/);
		expect(() => new Model({ scale: 0.001 })).toThrow(/scale must be a number in \[1\/128, 1\]/);
	});

	it('documents exactly the parameters and presets the code defines (MODEL.md tables are generated)', async () => {
		const doc = await readFile('sim/MODEL.md', 'utf8');
		const calibration = JSON.parse(await readFile('sim/reports/calibration.json', 'utf8'));
		expect(withGeneratedTables(doc, calibration)).toBe(doc);
	});
});
