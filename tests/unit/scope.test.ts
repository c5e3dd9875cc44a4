import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeScope, COLOURS, COUNTY, scopeFromSearch, scopeKey, scopeToSearch, type Village } from '../../src/lib/data/scope';
import { TOWNS } from '../../sim/county/towns';

const VILLAGES: Village[] = [
	{ id: '610922109203', town: '610922109', zh: '中池镇第04村', en: 'Zhongchi village 04' },
	{ id: '610922100001', town: '610922100', zh: '城关镇第01村', en: 'Chengguan village 01' }
];
const ALL = { villages: VILLAGES, colour: true };
const parse = (q: string, options = ALL) => scopeFromSearch(new URLSearchParams(q), options);

describe('page scope in the URL', () => {
	it('reads a town, a village and a colour', () => {
		expect(parse('town=610922109&village=610922109203&colour=red')).toEqual({ scope: { town: '610922109', village: '610922109203', colour: 'red' }, problems: [] });
	});

	it('takes the town from the village when the link names only the village', () => {
		expect(parse('village=610922100001').scope).toEqual({ ...COUNTY, town: '610922100', village: '610922100001' });
	});

	it('drops what it does not know, and a village of another town, saying so', () => {
		expect(parse('town=999&colour=purple')).toEqual({ scope: COUNTY, problems: ['town=999', 'colour=purple'] });
		expect(parse('town=610922109&village=610922100001')).toEqual({ scope: { ...COUNTY, town: '610922109' }, problems: ['village=610922100001'] });
		expect(parse(`village=${'x'.repeat(500)}`).problems[0]).toHaveLength('village='.length + 21);
	});

	it('ignores parameters the page does not take', () => {
		expect(parse('town=610922109&village=610922109203&colour=red', {} as typeof ALL)).toEqual({ scope: { ...COUNTY, town: '610922109' }, problems: [] });
	});

	it('a new town leaves the village; a village brings its town; other filters stay', () => {
		const inVillage = { town: '610922109', village: '610922109203', colour: 'red' as const };
		expect(changeScope(inVillage, { town: '610922100' }, VILLAGES)).toEqual({ town: '610922100', village: null, colour: 'red' });
		expect(changeScope(COUNTY, { village: '610922100001' }, VILLAGES)).toEqual({ ...COUNTY, town: '610922100', village: '610922100001' });
		expect(changeScope(inVillage, { colour: null }, VILLAGES)).toEqual({ ...inVillage, colour: null });
	});

	it('round-trips every valid scope, and any query string gives a valid scope', () => {
		const scope = fc.oneof(
			fc.record({ town: fc.constantFrom(null, ...TOWNS.map((t) => t.code)), village: fc.constant(null), colour: fc.constantFrom(null, ...COLOURS) }),
			fc.record({ v: fc.constantFrom(...VILLAGES), colour: fc.constantFrom(null, ...COLOURS) }).map(({ v, colour }) => ({ town: v.town, village: v.id, colour }))
		);
		fc.assert(
			fc.property(scope, (s) => {
				expect(parse(scopeKey(s))).toEqual({ scope: s, problems: [] });
			})
		);
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('town', 'village', 'colour', 'x'), fc.string()), (d) => {
				const { scope: s } = parse(new URLSearchParams(d).toString());
				expect(parse(scopeToSearch(s, new URLSearchParams()).toString()).scope).toEqual(s);
			})
		);
	});
});
