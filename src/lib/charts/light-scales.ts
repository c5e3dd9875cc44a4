/**
 * The few scales the first view's charts need (the overview's monthly bars and town bars, and
 * every chart's default scale), small enough for the first page's JavaScript: d3's linear scale
 * brings d3-interpolate, d3-color and d3-format with it (about 12 kB compressed, for colour and
 * number-format methods these charts never call), and d3-shape's stack the whole of d3-shape's
 * shared chunk. The ticks, tick steps and max are d3-array's own (imported, a few hundred bytes);
 * what is written here is the linear map, d3-scale's rule for round ends (widen to the tick step
 * until it holds, at most ten rounds, else leave the domain: d3-array's own `nice` differs for odd counts), the bands and a stack's sums.
 * tests/unit/light-scales.test.ts checks every answer against d3's scales. Other charts keep d3's
 * own scales, which fit the same PositionScale interface (chart-context.ts).
 */

import { max, tickIncrement, ticks } from 'd3';

/** x on [a0, a1] mapped to [b0, b1] as d3 does (its bimap: a reversed domain is read from its low end). */
function bimap(a0: number, a1: number, b0: number, b1: number, x: number): number {
	if (a1 < a0) [a0, a1, b0, b1] = [a1, a0, b1, b0];
	// d3's normalize: a domain of one value maps everything to the middle of the range.
	const d = a1 - a0;
	const t = d ? (x - a0) / d : isNaN(d) ? NaN : 0.5;
	return b0 * (1 - t) + b1 * t;
}

export interface LinearScale {
	(value: number): number | undefined;
	domain(): number[];
	domain(domain: Iterable<number>): LinearScale;
	range(): number[];
	range(range: Iterable<number>): LinearScale;
	copy(): LinearScale;
	ticks(count?: number): number[];
	nice(count?: number): LinearScale;
	invert(value: number): number;
}

/** A linear map from a two-value domain to a two-value range (d3's scaleLinear, not clamped). */
export function linearScale(domain: Iterable<number> = [0, 1], range: Iterable<number> = [0, 1]): LinearScale {
	let [d0, d1] = [...domain].map(Number);
	let [r0, r1] = [...range].map(Number);
	const scale = ((value: number) => {
		const x = value == null ? NaN : +value;
		return isNaN(x) ? undefined : bimap(d0, d1, r0, r1, x);
	}) as LinearScale;
	scale.domain = ((next?: Iterable<number>) => {
		if (next === undefined) return [d0, d1];
		[d0, d1] = [...next].map(Number);
		return scale;
	}) as LinearScale['domain'];
	scale.range = ((next?: Iterable<number>) => {
		if (next === undefined) return [r0, r1];
		[r0, r1] = [...next].map(Number);
		return scale;
	}) as LinearScale['range'];
	scale.copy = () => linearScale([d0, d1], [r0, r1]);
	scale.ticks = (count = 10) => ticks(d0, d1, count);
	scale.invert = (y: number) => bimap(r0, r1, d0, d1, +y);
	scale.nice = (count = 10) => {
		const reversed = d1 < d0;
		let lo = reversed ? d1 : d0;
		let hi = reversed ? d0 : d1;
		let previous: number | undefined;
		for (let round = 0; round < 10; round++) {
			const step = tickIncrement(lo, hi, count);
			if (step === previous) {
				[d0, d1] = reversed ? [hi, lo] : [lo, hi];
				break;
			}
			if (step > 0) [lo, hi] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
			else if (step < 0) [lo, hi] = [Math.ceil(lo * step) / step, Math.floor(hi * step) / step];
			else break;
			previous = step;
		}
		return scale;
	};
	return scale;
}

export interface BandScale<D> {
	(value: D): number | undefined;
	domain(): D[];
	domain(domain: Iterable<D>): BandScale<D>;
	range(): number[];
	range(range: Iterable<number>): BandScale<D>;
	copy(): BandScale<D>;
	bandwidth(): number;
	step(): number;
	paddingInner(): number;
	paddingInner(padding: number): BandScale<D>;
}

/** Equal bands for the domain's values across the range, with inner padding (d3's scaleBand, align 0.5, no outer padding, not rounded). */
export function bandScale<D>(domain: Iterable<D> = [], range: Iterable<number> = [0, 1], padding = 0): BandScale<D> {
	let values: D[] = [];
	let index = new Map<D, number>();
	let [r0, r1] = [...range].map(Number);
	let inner = padding;
	let step = 0;
	let bandwidth = 0;
	let starts: number[] = [];
	const setDomain = (next: Iterable<D>) => {
		values = [];
		index = new Map();
		for (const v of next) {
			if (index.has(v)) continue;
			index.set(v, values.length);
			values.push(v);
		}
	};
	const rescale = () => {
		const n = values.length;
		const reverse = r1 < r0;
		let start = reverse ? r1 : r0;
		const stop = reverse ? r0 : r1;
		step = (stop - start) / Math.max(1, n - inner);
		start += (stop - start - step * (n - inner)) * 0.5;
		bandwidth = step * (1 - inner);
		starts = values.map((_, i) => start + step * i);
		if (reverse) starts.reverse();
	};
	const scale = ((value: D) => {
		const i = index.get(value);
		return i === undefined ? undefined : starts[i];
	}) as BandScale<D>;
	scale.domain = ((next?: Iterable<D>) => {
		if (next === undefined) return values.slice();
		setDomain(next);
		rescale();
		return scale;
	}) as BandScale<D>['domain'];
	scale.range = ((next?: Iterable<number>) => {
		if (next === undefined) return [r0, r1];
		[r0, r1] = [...next].map(Number);
		rescale();
		return scale;
	}) as BandScale<D>['range'];
	scale.copy = () => bandScale(values, [r0, r1], inner);
	scale.bandwidth = () => bandwidth;
	scale.step = () => step;
	scale.paddingInner = ((p?: number) => {
		if (p === undefined) return inner;
		inner = Math.min(1, p);
		rescale();
		return scale;
	}) as BandScale<D>['paddingInner'];
	setDomain(domain);
	rescale();
	return scale;
}

/** One layer of a stack: for each row, where its part starts and ends. */
export type StackLayer<T> = Array<[number, number] & { data: T }> & { key: string; index: number };

/** Layers stacked in the order of `keys`, from zero (d3's stack with its default order and offset). */
export function stackLayers<T>(rows: readonly T[], keys: readonly string[], value: (row: T, key: string) => number): StackLayer<T>[] {
	const layers = keys.map((key, index) => {
		const layer = rows.map((row) => Object.assign([0, +value(row, key)] as [number, number], { data: row })) as StackLayer<T>;
		layer.key = key;
		layer.index = index;
		return layer;
	});
	for (let i = 1; i < layers.length; i++) {
		const below = layers[i - 1];
		const layer = layers[i];
		for (let j = 0; j < rows.length; j++) {
			layer[j][0] = isNaN(below[j][1]) ? below[j][0] : below[j][1];
			layer[j][1] += layer[j][0];
		}
	}
	return layers;
}

/** The largest value (NaN and null skipped), or undefined for none (d3-array's max). */
export function maxOf<T>(rows: readonly T[], value: (row: T) => number | null | undefined): number | undefined {
	return max(rows, value);
}
