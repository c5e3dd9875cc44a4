import { getContext, setContext } from 'svelte';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/**
 * What the marks need of a position scale. d3's linear, band and point scales all fit; a band or
 * point scale is told apart by its `bandwidth`, a continuous one by its `ticks`.
 */
export interface PositionScale<D = any> {
	(value: D): number | undefined;
	domain(): D[];
	range(): number[];
	range(range: Iterable<number>): this;
	copy(): this;
	bandwidth?(): number;
	ticks?(count?: number): D[];
}

/**
 * What a chart shares with the marks inside it (as LayerCake's context does): its size, margins,
 * the plot area's edges and the scales with their ranges set to that area.
 */
export interface ChartContext<X extends PositionScale = PositionScale, Y extends PositionScale = PositionScale> {
	readonly width: number;
	readonly height: number;
	readonly margin: Margin;
	readonly left: number;
	readonly right: number;
	readonly top: number;
	readonly bottom: number;
	readonly x: X;
	readonly y: Y;
}

const KEY = Symbol('chart');

export function setChart<X extends PositionScale, Y extends PositionScale>(chart: ChartContext<X, Y>): void {
	setContext(KEY, chart);
}

/** The chart a mark is drawn in. */
export function getChart(): ChartContext {
	const chart = getContext<ChartContext | undefined>(KEY);
	if (!chart) throw new Error('a chart mark must be drawn inside <Chart>');
	return chart;
}

/** Where a value is drawn on a scale: the middle of its band on a band scale. */
export function position<D>(scale: PositionScale<D>, value: D): number {
	return (scale(value) ?? NaN) + (scale.bandwidth ? scale.bandwidth() / 2 : 0);
}

/** The values to mark on an axis: `ticks` as given, or `ticks` (a count) nice values of a continuous scale, or every value of a band or point scale. */
export function tickValues<D>(scale: PositionScale<D>, ticks: number | readonly D[] | undefined): readonly D[] {
	if (Array.isArray(ticks)) return ticks;
	return scale.ticks ? scale.ticks(typeof ticks === 'number' ? ticks : undefined) : scale.domain();
}
