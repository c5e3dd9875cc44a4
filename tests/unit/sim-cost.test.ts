import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { PUBLISHED } from '../../sim/county/published';
import { COUNTY_SEED, Model, type ModelOptions } from '../../sim/engine/model';
import { COST_ITEMS } from '../../sim/engine/cost';
import { defaultParameters } from '../../sim/engine/parameters';

const county = buildCounty({ seed: COUNTY_SEED, scale: 1 / 8 });
const WEEKS = 104;
const scale = county.households.count / PUBLISHED.households.value;
const p = defaultParameters();
const run = (o: ModelOptions) => new Model({ county, seed: 4, weeks: WEEKS, ...o }).run();

/** Village-level hours a week from the documented capacity split (MODEL.md §6.3), not from the model. */
function villageHours(sinking: number, coordination: number, pressure = 0.3): number {
	const total = p.cadreHours * p.budget * scale;
	const paperwork = total * p.formalismBase * pressure * (1 - p.coordinationPaperworkCut * coordination);
	const meetings = total * p.coordinationHoursShare * coordination;
	return (total - paperwork - meetings) * sinking * p.villageShareMax;
}

describe('the cost side', () => {
	it('prices every item from its documented price and the quantities the run reports', () => {
		const levers = { sinking: 0.6, coordination: 0.7, participation: 0.8 };
		const m = run({ mode: 'custom', levers });
		const s = m.summary();
		const c = s.totals.cost;
		const years = WEEKS / 52;
		const posts = county.liaisons.length;
		const weight = Math.min(1, (PUBLISHED.liaisons.value * scale) / posts);
		const activeWeeks = Array.from(m.series.liaisonsActive).reduce((a, x) => a + x * posts * weight, 0);
		expect(c.cadres).toBeCloseTo(p.cadreHours * scale * WEEKS * p.hourCost, 4);
		expect(c.bonus).toBeCloseTo(villageHours(0.6, 0.7) * WEEKS * p.hourCost * p.stationedBonus, 4);
		expect(c.allowances).toBeCloseTo((activeWeeks * p.liaisonAllowance) / 52, 4);
		expect(c.volunteerTime).toBeCloseTo(s.totals.volunteerHours * p.volunteerHourValue, 4);
		expect(c.platform).toBeCloseTo(p.platformCost * scale * years, 4);
		expect(c.offices).toBeCloseTo(0.7 * p.officeCost * county.towns.length * scale * years, 4);
		expect(c.total).toBeCloseTo(COST_ITEMS.reduce((a, k) => a + c[k], 0), 4);
		expect(s.cost.perCase).toBeCloseTo(c.total / (s.county.closed + s.totals.resolvedLocally), 6);
	});

	it('charges more for more stationed cadres, by exactly their bonus on the moved hours', () => {
		const few = run({ mode: 'custom', levers: { sinking: 0.4 } }).summary();
		const many = run({ mode: 'custom', levers: { sinking: 0.8 } }).summary();
		const moved = villageHours(0.8, 0.8) - villageHours(0.4, 0.8);
		expect(many.totals.cost.bonus - few.totals.cost.bonus).toBeCloseTo(moved * WEEKS * p.hourCost * p.stationedBonus, 4);
		expect(many.totals.cost.cadres).toBe(few.totals.cost.cadres);
	});

	it('charges more for more active liaisons: their allowances and time', () => {
		const low = run({ mode: 'custom', levers: { participation: 0.2 } });
		const high = run({ mode: 'custom', levers: { participation: 0.9 } });
		const active = (m: Model) => Array.from(m.series.liaisonsActive).reduce((a, x) => a + x, 0);
		expect(active(high)).toBeGreaterThan(active(low) * 2);
		const [l, h] = [low.summary().totals, high.summary().totals];
		expect(h.cost.allowances / l.cost.allowances).toBeCloseTo(active(high) / active(low), 6);
		expect(h.volunteerHours).toBeGreaterThan(l.volunteerHours);
		expect(h.cost.total).toBeGreaterThan(l.cost.total);
	});

	it('has prices that change the bill, never the behaviour', () => {
		const base = run({ mode: 'multi' });
		const dear = run({ mode: 'multi', params: { hourCost: 2 * p.hourCost, liaisonAllowance: 3 * p.liaisonAllowance } });
		for (const metric of ['closed', 'orderIndex', 'vitalityIndex', 'liaisonsActive', 'hoursIdle'] as const) {
			expect(Array.from(dear.series[metric]), metric).toEqual(Array.from(base.series[metric]));
		}
		const [b, d] = [base.summary().totals.cost, dear.summary().totals.cost];
		expect(d.cadres / b.cadres).toBeCloseTo(2, 10);
		expect(d.bonus / b.bonus).toBeCloseTo(2, 10);
		expect(d.allowances / b.allowances).toBeCloseTo(3, 10);
		expect(d.platform).toBe(b.platform);
	});

	it('costs nothing for liaisons, platforms or offices where the structure has none', () => {
		const c = run({ mode: 'one-way' }).summary().totals.cost;
		expect([c.bonus, c.allowances, c.platform, c.offices]).toEqual([0, 0, 0, 0]);
		// Village committees' mediators still give their time in every mode.
		expect(c.volunteerTime).toBeGreaterThan(0);
	});
});
