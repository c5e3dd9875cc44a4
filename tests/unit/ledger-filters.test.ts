import { describe, expect, it } from 'vitest';
import { bulletinQuarterFromSearch, filtersFromSearch } from '../../src/lib/data/ledger-filters';
import { BULLETIN_QUARTERS, LEDGER_QUARTERS, NO_FILTERS } from '../../src/lib/data/ledger-queries';
import { scopeFromSearch, type Village } from '../../src/lib/data/scope';
import { TOWNS } from '../../sim/county/towns';

describe('ledger filters in the address', () => {
	it('keep valid filters and drop invalid ones, with the reasons', () => {
		const { filters, problems } = filtersFromSearch(new URLSearchParams('town=610922104&ledger=bogus&from=2019&to=1900'));
		expect(filters).toEqual({ town: '610922104', village: null, ledger: null, from: '2019Q1', to: '2021Q4' });
		expect(problems).toEqual(['ledger=bogus', 'to=1900']);
		expect(filtersFromSearch(new URLSearchParams('from=2018q2&to=2020Q3')).filters).toMatchObject({ from: '2018Q2', to: '2020Q3' });
		expect(filtersFromSearch(new URLSearchParams('from=2016Q1')).problems).toEqual(['from=2016Q1']);
	});

	it('fall back to the whole period when the period is inverted', () => {
		const { filters, problems } = filtersFromSearch(new URLSearchParams('from=2021&to=2017'));
		expect([filters.from, filters.to]).toEqual(['2016Q3', '2021Q4']);
		expect(problems[0]).toMatch(/from=2021Q1 > to=2017Q4/);
	});
});

describe('the bulletin’s quarter in the address', () => {
	const latest = BULLETIN_QUARTERS[BULLETIN_QUARTERS.length - 1];

	it('reads a quarter the bulletin covers, and falls back to the latest otherwise', () => {
		expect(bulletinQuarterFromSearch(new URLSearchParams(`q=${BULLETIN_QUARTERS[3]}`))).toEqual({ quarter: BULLETIN_QUARTERS[3], bad: null });
		expect(bulletinQuarterFromSearch(new URLSearchParams())).toEqual({ quarter: latest, bad: null });
		expect(bulletinQuarterFromSearch(new URLSearchParams('q=1999Q1'))).toEqual({ quarter: latest, bad: '1999Q1' });
	});

	it('quotes a huge value briefly', () => {
		const huge = 'x'.repeat(100_000);
		expect(bulletinQuarterFromSearch(new URLSearchParams({ q: huge })).bad).toBe(`${huge.slice(0, 20)}…`);
	});
});

/**
 * Spellings of a value that a lenient reader (Number(), parseInt) would take for it or for
 * another number: padding, signs, zeros, decimals, exponents, hexadecimal, binary, octal and
 * full-width digits. Every reader of the address must refuse them all.
 */
function lookalikes(v: string): string[] {
	const digits = v.match(/^\d+/)?.[0] ?? '';
	const rest = v.slice(digits.length);
	const n = Number(digits);
	const numeric = digits
		? [
				`0x${n.toString(16)}${rest}`,
				`0X${n.toString(16).toUpperCase()}${rest}`,
				`0b${n.toString(2)}${rest}`,
				`0o${n.toString(8)}${rest}`,
				`${digits[0]}.${digits.slice(1)}e${digits.length - 1}${rest}`,
				`${digits}.0${rest}`,
				`0${v}`,
				`+${v}`,
				[...v].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')
			]
		: [];
	return [` ${v}`, `${v} `, `\t${v}`, `${v}\n`, `\u00a0${v}`, ...numeric];
}

describe('readers of the address are strict', () => {
	const town = TOWNS[3].code;
	const village: Village = { id: `${town}201`, town, zh: '', en: '' };
	const year = LEDGER_QUARTERS[8].slice(0, 4);
	const quarter = LEDGER_QUARTERS[8];

	it('the valid values themselves are read', () => {
		expect(scopeFromSearch(new URLSearchParams({ town, village: village.id, colour: 'red' }), { villages: [village], colour: true }).problems).toEqual([]);
		expect(filtersFromSearch(new URLSearchParams({ from: year, to: quarter })).problems).toEqual([]);
		expect(bulletinQuarterFromSearch(new URLSearchParams({ q: quarter })).bad).toBeNull();
	});

	it.each(lookalikes(town))('a town spelt %j is dropped and named', (v) => {
		const { scope, problems } = scopeFromSearch(new URLSearchParams({ town: v }));
		expect(scope.town).toBeNull();
		expect(problems).toHaveLength(1);
	});

	it.each(lookalikes(village.id))('a village spelt %j is dropped and named', (v) => {
		const { scope, problems } = scopeFromSearch(new URLSearchParams({ village: v }), { villages: [village] });
		expect(scope.village).toBeNull();
		expect(problems).toHaveLength(1);
	});

	it.each(lookalikes('red'))('a colour spelt %j is dropped and named', (v) => {
		const { scope, problems } = scopeFromSearch(new URLSearchParams({ colour: v }), { colour: true });
		expect(scope.colour).toBeNull();
		expect(problems).toHaveLength(1);
	});

	it.each([...lookalikes(year), ...lookalikes(quarter)])('a period bound spelt %j is dropped and named', (v) => {
		for (const key of ['from', 'to'] as const) {
			const { filters, problems } = filtersFromSearch(new URLSearchParams({ [key]: v }));
			expect(filters[key]).toBe(NO_FILTERS[key]);
			expect(problems).toHaveLength(1);
		}
	});

	it.each(lookalikes(quarter))('a bulletin quarter spelt %j is dropped and named', (v) => {
		expect(bulletinQuarterFromSearch(new URLSearchParams({ q: v })).bad).not.toBeNull();
	});
});
