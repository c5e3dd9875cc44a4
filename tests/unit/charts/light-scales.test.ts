import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { max, scaleBand, scaleLinear, stack } from 'd3';
import { bandScale, linearScale, maxOf, stackLayers } from '$lib/charts/light-scales';

// The first view's small scales must answer as d3's do (d3 is the independent reference here).
// Values of a chart's magnitudes: counts, rates, shares (a domain a billionth wide has no ticks in either).
const scaled = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -4, max: 3 })).map(([m, e]) => m * 10 ** e);
const finite = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
const span = fc.oneof(scaled, fc.integer({ min: -1000, max: 100_000 }));

describe('light scales against d3', () => {
	it('linear: values, invert, ticks and nice as d3 scaleLinear', () => {
		let niced = 0;
		let ticked = 0;
		fc.assert(
			fc.property(span, span, span, span, fc.integer({ min: 1, max: 20 }), fc.array(finite, { maxLength: 8 }), (d0, d1, r0, r1, count, xs) => {
				const ours = linearScale([d0, d1], [r0, r1]);
				const theirs = scaleLinear().domain([d0, d1]).range([r0, r1]);
				for (const x of [d0, d1, (d0 + d1) / 2, ...xs]) {
					expect(ours(x)).toBe(theirs(x));
					expect(ours.invert(x)).toBe(theirs.invert(x));
				}
				const t = ours.ticks(count);
				expect(t).toEqual(theirs.ticks(count));
				if (t.length > 1) ticked++;
				const n = ours.copy().nice(count);
				const m = theirs.copy().nice(count);
				expect(n.domain()).toEqual(m.domain());
				if (n.domain()[0] !== d0 || n.domain()[1] !== d1) niced++;
				expect(n(d0)).toBe(m(d0));
			}),
			{ numRuns: 2000 }
		);
		// Deep enough: most runs drew real ticks and moved the domain to round ends.
		expect(ticked).toBeGreaterThan(1000);
		expect(niced).toBeGreaterThan(500);
	});

	it('linear: reversed and one-value domains, NaN, as d3 scaleLinear', () => {
		for (const [a, b, c] of [[10, 0, 5], [3, 3, 4], [0, 1, 1.5], [0, 1, 0], [0, 1e-9, 3], [-7, 13, 0.7]] as const) {
			expect(linearScale([a, b]).ticks(c)).toEqual(scaleLinear().domain([a, b]).ticks(c));
			expect(linearScale([a, b]).nice(c).domain()).toEqual(scaleLinear().domain([a, b]).nice(c).domain());
		}
		expect(linearScale()(Number.NaN)).toBe(scaleLinear()(Number.NaN));
		expect(linearScale([2, 2], [0, 10])(5)).toBe(scaleLinear().domain([2, 2]).range([0, 10])(5));
	});

	it('band: positions, bandwidth and step as d3 scaleBand', () => {
		let banded = 0;
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), span, span, fc.double({ min: 0, max: 1, noNaN: true }), (domain, r0, r1, pad) => {
				const ours = bandScale(domain, [0, 1], pad).range([r0, r1]);
				const theirs = scaleBand<number>().domain(domain).paddingInner(pad).range([r0, r1]);
				const copy = ours.copy();
				expect(ours.domain()).toEqual(theirs.domain());
				expect(ours.bandwidth()).toBe(theirs.bandwidth());
				expect(ours.step()).toBe(theirs.step());
				expect(ours.paddingInner()).toBe(theirs.paddingInner());
				for (const v of [...domain, 61]) {
					expect(ours(v)).toBe(theirs(v));
					expect(copy(v)).toBe(theirs(v));
				}
				if (new Set(domain).size > 2) banded++;
			}),
			{ numRuns: 1000 }
		);
		expect(banded).toBeGreaterThan(600);
	});

	it('stack and max as d3 stack (default order and offset) and max', () => {
		let layered = 0;
		const row = fc.record({ a: fc.nat(1000), b: fc.nat(1000), c: fc.oneof(fc.nat(50), fc.constant(Number.NaN)) });
		fc.assert(
			fc.property(fc.array(row, { maxLength: 30 }), fc.shuffledSubarray(['a', 'b', 'c'], { minLength: 1 }), (rows, keys) => {
				const value = (r: (typeof rows)[number], k: string) => r[k as 'a' | 'b' | 'c'];
				const ours = stackLayers(rows, keys, value);
				const theirs = stack<(typeof rows)[number], string>().keys(keys).value(value)(rows);
				expect(ours.length).toBe(theirs.length);
				ours.forEach((layer, i) => {
					expect(layer.key).toBe(theirs[i].key);
					expect(layer.index).toBe(theirs[i].index);
					expect(layer.map((p) => [p[0], p[1]])).toEqual(theirs[i].map((p) => [p[0], p[1]]));
					layer.forEach((p, j) => expect(p.data).toBe(theirs[i][j].data));
				});
				expect(maxOf(rows, (r) => r.c)).toBe(max(rows, (r) => r.c));
				if (keys.length > 1 && rows.length > 2) layered++;
			}),
			{ numRuns: 800 }
		);
		expect(layered).toBeGreaterThan(300);
	});
});
