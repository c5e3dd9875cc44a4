import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { pairedDifferences, pairedInterval, runReplicates } from '../../sim/engine/experiments';
import { COUNTY_SEED, Model } from '../../sim/engine/model';
import { MODES } from '../../sim/engine/modes';
import { ORDER_HALF_POINT } from '../../sim/engine/mechanisms/order';
import { WEEKLY_METRICS } from '../../sim/engine/outputs';
import { withParameterTable } from '../../sim/engine/parameter-table';

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

	it.each(MODES)('keeps every issue in exactly one state at every step (%s)', (mode) => {
		const model = new Model({ county: small, seed: 3, weeks: WEEKS, mode, levers: mode === 'custom' ? { sinking: 1 } : undefined });
		while (!model.done) {
			model.step();
			expect(model.conservationError()).toBeNull();
		}
		const s = model.summary();
		expect(s.totals.discoveredBy.self + s.totals.discoveredBy.online + s.totals.discoveredBy.liaison).toBe(s.county.received + s.totals.resolvedLocally);
		const sum = (k: 'raised' | 'received' | 'closed') => s.byTown.reduce((a, t) => a + t[k], 0);
		expect([sum('raised'), sum('received'), sum('closed')]).toEqual([s.county.raised, s.county.received, s.county.closed]);
		expect(s.byDepartments.single.raised + s.byDepartments.cross.raised).toBe(s.county.raised);
	});

	it.each(MODES)('never spends more cadre hours than a week has, and keeps rates within [0, 1] (%s)', (mode) => {
		const model = new Model({ county: small, seed: 4, weeks: WEEKS, mode }).run();
		const { capacity } = model.world;
		const weekly = capacity.county + capacity.town.reduce((a, b) => a + b, 0) + capacity.village.reduce((a, b) => a + b, 0);
		for (let k = 0; k < WEEKS; k++) {
			expect(model.series.hoursCases[k]).toBeLessThanOrEqual(weekly + 1e-6);
			expect(model.series.hoursCases[k] + model.series.hoursIdle[k]).toBeCloseTo(weekly, 6);
			for (const m of ['closureRate', 'satisfaction', 'orderIndex', 'trust', 'participation', 'vitalityIndex'] as const) {
				const v = model.series[m][k];
				if (!Number.isNaN(v)) expect(v >= 0 && v <= 1, `${m} week ${k} = ${v}`).toBe(true);
			}
			expect(model.series.green[k] + model.series.yellow[k] + model.series.red[k]).toBe(small.households.count);
		}
	});

	it('adds up its weekly town series to the county series', () => {
		const model = new Model({ county: small, seed: 6, weeks: WEEKS, mode: 'one-way' }).run();
		const towns = small.towns.length;
		const households = small.towns.map((_, t) => small.villages.filter((v) => v.town === t).reduce((a, v) => a + v.households, 0));
		const toHazard = (index: number, n: number) => (n * (1 / index - 1) * ORDER_HALF_POINT) / 52 / 1000;
		for (let k = 0; k < WEEKS; k++) {
			let red = 0;
			let hazard = 0;
			for (let t = 0; t < towns; t++) {
				red += model.townSeries.redShare[t * WEEKS + k] * households[t];
				hazard += toHazard(model.townSeries.orderIndex[t * WEEKS + k], households[t]);
			}
			expect(red).toBeCloseTo(model.series.red[k], 6);
			expect(hazard).toBeCloseTo(toHazard(model.series.orderIndex[k], small.households.count), 6);
		}
		expect(model.townSeries.redShare.some((v) => v > 0)).toBe(true);
	});

	it('never lengthens mean time to close with more handling capacity (paired replicates)', () => {
		for (const mode of ['one-way', 'two-way', 'multi'] as const) {
			const base = runReplicates({ mode, seed: 11, weeks: WEEKS }, 4, small);
			const more = runReplicates({ mode, seed: 11, weeks: WEEKS, params: { budget: 1.5 } }, 4, small);
			const diff = pairedInterval(pairedDifferences(base, more, (s) => s.county.daysMedian));
			expect(diff.low, mode).toBeLessThanOrEqual(0.5);
		}
	});

	it('finds nothing through liaisons at zero participation, and something at full participation', () => {
		const none = new Model({ county: small, seed: 5, weeks: WEEKS, mode: 'custom', levers: { participation: 0 } }).run().summary();
		const full = new Model({ county: small, seed: 5, weeks: WEEKS, mode: 'custom', levers: { participation: 1 } }).run().summary();
		expect(none.totals.discoveredBy.liaison).toBe(0);
		expect(none.totals.resolvedLocally).toBe(0);
		expect(full.totals.discoveredBy.liaison).toBeGreaterThan(100);
	});

	it("gives similar per-household outcomes at scale 1, 1/8 and 1/32 (the sandbox's preview)", () => {
		const full = runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 2, buildCounty({ seed: COUNTY_SEED }));
		const mean = (rs: typeof full, f: (s: (typeof full)[number]['summary']) => number) => rs.reduce((a, r) => a + f(r.summary), 0) / rs.length;
		const perHousehold = (s: (typeof full)[number]['summary']) => s.county.raised / s.households;
		for (const reduced of [runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 6, small), runReplicates({ mode: 'multi', seed: 2, weeks: WEEKS }, 8, buildCounty({ seed: COUNTY_SEED, scale: 1 / 32 }))]) {
			expect(mean(reduced, perHousehold)).toBeCloseTo(mean(full, perHousehold), 1);
			expect(mean(reduced, (s) => s.county.closureRate)).toBeCloseTo(mean(full, (s) => s.county.closureRate), 1);
			expect(mean(reduced, (s) => s.means.orderIndex)).toBeCloseTo(mean(full, (s) => s.means.orderIndex), 1);
			expect(mean(reduced, (s) => s.means.trust)).toBeCloseTo(mean(full, (s) => s.means.trust), 1);
		}
	});

	it('rejects parameters outside their ranges with a clear message', () => {
		expect(() => new Model({ county: small, params: { budget: 9 } })).toThrow(/budget must be a number in \[0.25, 3\]/);
		expect(() => new Model({ county: small, mode: 'custom', levers: { sinking: 2 } })).toThrow(/sinking/);
		expect(() => new Model({ county: small, weeks: 0 })).toThrow(/weeks/);
	});

	it('documents exactly the parameters the code defines (MODEL.md table is generated)', async () => {
		const doc = await readFile('sim/MODEL.md', 'utf8');
		expect(withParameterTable(doc)).toBe(doc);
	});
});
