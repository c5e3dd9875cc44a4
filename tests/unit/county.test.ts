import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { COUNTY_SEED, PUBLISHED } from '../../sim/county/published';

describe('the county structure', () => {
	const county = buildCounty({ seed: COUNTY_SEED });
	const { households: h, grids, villages } = county;

	it('has the published numbers of towns, villages, grids, liaisons, households and people', () => {
		expect(county.towns).toHaveLength(11);
		expect(villages).toHaveLength(PUBLISHED.villages.value);
		expect(grids).toHaveLength(PUBLISHED.grids.value);
		expect(county.liaisons).toHaveLength(PUBLISHED.liaisons.value);
		expect(h.count).toBe(PUBLISHED.households.value);
		let people = 0;
		for (let i = 0; i < h.count; i++) people += h.size[i];
		expect(people).toBe(PUBLISHED.population.value);
		expect(villages.reduce((s, v) => s + v.stationedCadres, 0)).toBe(PUBLISHED.stationedCadres.value);
	});

	it('gives Zhongchi its published 12 villages and communities', () => {
		const t = county.towns.findIndex((x) => x.code === '610922109');
		expect(villages.filter((v) => v.town === t)).toHaveLength(12);
	});

	it('nests grid levels: village grid → villager group → household cluster, all in one village', () => {
		for (const g of grids) {
			if (g.level === 1) expect(g.parent).toBe(-1);
			else {
				const parent = grids[g.parent];
				expect(parent.level).toBe(g.level - 1);
				expect(parent.village).toBe(g.village);
			}
		}
		expect(villages.every((v) => grids.filter((g) => g.level === 1 && g.village === v.index).length === 1)).toBe(true);
	});

	it('puts every household in exactly one household-cluster grid of its own village and town', () => {
		const counted = new Int32Array(grids.length);
		for (let i = 0; i < h.count; i++) {
			const g = grids[h.grid[i]];
			expect(g.level).toBe(3);
			expect(g.village).toBe(h.village[i]);
			expect(villages[g.village].town).toBe(h.town[i]);
			counted[g.index]++;
		}
		for (const g of grids) if (g.level === 3) expect(counted[g.index]).toBe(g.households);
		const sumLevel = (level: number) => grids.filter((g) => g.level === level).reduce((s, g) => s + g.households, 0);
		expect([sumLevel(1), sumLevel(2), sumLevel(3)]).toEqual([h.count, h.count, h.count]);
	});

	it('links every household to one liaison of its own village, and liaisons add up', () => {
		const linked = new Int32Array(county.liaisons.length);
		for (let i = 0; i < h.count; i++) {
			const l = county.liaisons[h.liaison[i]];
			expect(l.village).toBe(h.village[i]);
			linked[l.index]++;
		}
		for (const l of county.liaisons) expect(linked[l.index]).toBe(l.households);
	});

	it('is the same for the same seed and differs for another', () => {
		const again = buildCounty({ seed: COUNTY_SEED });
		expect(Array.from(again.households.size)).toEqual(Array.from(h.size));
		const other = buildCounty({ seed: 1 });
		expect(Array.from(other.households.size)).not.toEqual(Array.from(h.size));
	});

	it('builds a scaled county with proportionally fewer households', () => {
		const small = buildCounty({ seed: 1, scale: 1 / 8 });
		expect(small.households.count).toBe(Math.round(PUBLISHED.households.value / 8));
		expect(small.villages).toHaveLength(PUBLISHED.villages.value);
	});
});
