import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLabel, icicleCells, MIN_ROW, type IcicleNode } from '../../src/lib/charts/icicle-layout';

/** A county of towns of villages with the given households (leaves). */
function tree(towns: number[][]): IcicleNode[] {
	const nodes: IcicleNode[] = [{ id: 'c', parent: null, label: 'county', value: 0, level: 'county' }];
	towns.forEach((villages, t) => {
		nodes.push({ id: `t${t}`, parent: 'c', label: `town ${t}`, value: 0, level: 'town' });
		villages.forEach((v, i) => nodes.push({ id: `t${t}v${i}`, parent: `t${t}`, label: `village ${i}`, value: v, level: 'village' }));
	});
	return nodes;
}

describe('the icicle’s layout', () => {
	it('gathers the villages too thin to label into one “others” row per town, and loses no household (property)', () => {
		let aggregated = 0;
		fc.assert(
			fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 11 }), (towns) => {
				const { cells, total } = icicleCells(tree(towns), 720, 420);
				// Independent: the households are the leaves' sum.
				expect(total).toBe(towns.flat().reduce((s, v) => s + v, 0));
				const townCells = cells.filter((c) => c.depth === 1);
				// Each town's villages, drawn or gathered, add up to the town.
				towns.forEach((villages, t) => {
					const own = cells.filter((c) => c.depth === 2 && (c.id.startsWith(`t${t}v`) || c.id === `t${t}~others`));
					const town = cells.find((c) => c.id === `t${t}`);
					if (town) expect(own.reduce((s, c) => s + c.value, 0)).toBe(villages.reduce((s, v) => s + v, 0));
					const others = own.find((c) => c.others);
					if (others) {
						aggregated++;
						const drawn = own.filter((c) => !c.others).length;
						expect(others.others!.count + drawn).toBe(villages.length);
						expect(others.others!.level).toBe('village');
					}
					// Every village drawn on its own is tall enough to label, unless it is an only child.
					for (const c of own.filter((x) => !x.others)) if (villages.length > 1) expect(c.x1 - c.x0).toBeGreaterThanOrEqual(MIN_ROW);
				});
				expect(townCells.reduce((s, c) => s + c.value, 0)).toBeLessThanOrEqual(total);
			}),
			{ numRuns: 150, seed: 7 }
		);
		expect(aggregated).toBeGreaterThanOrEqual(100);
	});

	it('the county’s 164 villages: the largest are drawn, the rest gathered', () => {
		const towns = Array.from({ length: 11 }, (_, t) => Array.from({ length: 15 }, (_, i) => 100 + ((t * 37 + i * 53) % 900)));
		const { cells } = icicleCells(tree(towns), 720, 420);
		const villages = cells.filter((c) => c.depth === 2);
		expect(villages.some((c) => c.others)).toBe(true);
		expect(villages.length).toBeLessThan(165);
	});

	it('cuts a label to fit, with an ellipsis', () => {
		expect(fitLabel('池河镇', 40)).toBe('池河镇');
		expect(fitLabel('池河镇 6,392', 30)).toBe('池…');
		expect(fitLabel('Chihe town', 1000)).toBe('Chihe town');
		expect(fitLabel('Chihe town', 30).endsWith('…')).toBe(true);
		expect(fitLabel('池', 5)).toBe('');
	});
});
