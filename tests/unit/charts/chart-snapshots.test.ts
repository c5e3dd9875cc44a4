import { describe, expect, test } from 'vitest';
import DotRows from '$lib/charts/DotRows.svelte';
import HBars from '$lib/charts/HBars.svelte';
import Icicle from '$lib/charts/Icicle.svelte';
import LineBands from '$lib/charts/LineBands.svelte';
import StackedMonthlyBars from '$lib/charts/StackedMonthlyBars.svelte';
import StackedShares from '$lib/charts/StackedShares.svelte';
import { en } from '../../../src/lib/i18n/en';
import TownChart from '../../../src/routes/[[lang=lang]]/TownChart.svelte';
import ColourQuarters from '../../../src/routes/[[lang=lang]]/grid/ColourQuarters.svelte';
import RatesChart from '../../../src/routes/[[lang=lang]]/ledgers/RatesChart.svelte';
import StepChart from '../../../src/routes/[[lang=lang]]/ledgers/StepChart.svelte';
import TownMultiples from '../../../src/routes/[[lang=lang]]/simulate/TownMultiples.svelte';
import Waterfall from '../../../src/routes/[[lang=lang]]/simulate/Waterfall.svelte';
import * as data from './fixtures';
import { attrs, renderChart } from './render-chart';

const percent = (v: number) => `${Math.round(v * 100)}%`;
const noop = () => {};

/**
 * Each chart drawn with fixed data at its prerendering width, compared with the markup committed
 * beside this file: a change to any chart shows in review as a change to its snapshot.
 */
const CHARTS = {
	'stacked-monthly-bars': () => renderChart(StackedMonthlyBars, data.monthly),
	'hbars': () => renderChart(HBars, { rows: data.bars }),
	'hbars-selectable': () => renderChart(HBars, { rows: data.bars, selected: 'phone', onselect: noop, selectLabel: (l: string) => `Choose ${l}`, format: (v: number) => `${v} cases` }),
	'town-chart': () => renderChart(TownChart, { rows: data.towns, selected: data.towns[1].townCode, onselect: noop, source: en['source.synthetic'].replace('{seed}', '1') }),
	'dot-rows': () => renderChart(DotRows, { ...data.dots, format: percent }),
	'line-bands': () => renderChart(LineBands, { series: data.bands, weeks: data.WEEKS, label: 'Order index', format: percent, domain: [0, 1] }),
	'stacked-shares': () => renderChart(StackedShares, { layers: data.shares, weeks: data.WEEKS, label: 'Household colours' }),
	'icicle': () => renderChart(Icicle, { nodes: data.icicle, label: 'Households', selectDepth: 1, onselect: noop }),
	'rates-chart': () => renderChart(RatesChart, { quarters: data.quarters, source: 'Fixture', period: { from: '2018Q1', to: '2018Q2' }, onperiod: noop }),
	'step-chart': () => renderChart(StepChart, { steps: data.steps, stalls: data.stalls, source: 'Fixture' }),
	'colour-quarters': () => renderChart(ColourQuarters, { counts: data.colours, selected: 'red', onselect: noop }),
	'town-multiples': () => renderChart(TownMultiples, { shown: data.shownTowns, weeks: data.WEEKS, source: 'Fixture' }),
	'waterfall': () => renderChart(Waterfall, { steps: data.waterfall, format: percent, label: 'Why it changed' }),
	'step-chart-zh': () => renderChart(StepChart, { steps: data.steps, stalls: data.stalls, source: '合成数据' }, 'zh')
} satisfies Record<string, () => string>;

describe('chart snapshots', () => {
	test.each(Object.keys(CHARTS) as (keyof typeof CHARTS)[])('%s draws as its committed snapshot', async (name) => {
		await expect(CHARTS[name]()).toMatchFileSnapshot(`./__snapshots__/${name}.html`);
	});
});

describe('what the charts draw', () => {
	test('the month with the most cases reaches the top of the stacked bars, and every month has a bar per series', () => {
		const markup = CHARTS['stacked-monthly-bars']();
		const ys = attrs(markup, { tag: 'rect' }, 'y');
		expect(ys).toHaveLength(data.monthly.months.length * data.monthly.series.length);
		expect(Math.min(...ys)).toBe(44);
	});

	test('bar lengths are proportional to the values, the longest filling the track', () => {
		expect(attrs(CHARTS.hbars(), { tag: 'rect' }, 'width')).toEqual([100, 75, 25]);
	});

	test('a selectable bar list marks the chosen bar pressed and names each bar by what it shows, its action first', () => {
		const markup = CHARTS['hbars-selectable']();
		const pressed = /<button[^>]*aria-pressed="true"[^>]*>([\s\S]*?)<\/button>/.exec(markup);
		expect(pressed![0]).not.toContain('aria-label');
		// The name a screen reader computes: the text, less what is hidden from it (the label, said in the action, and the bar).
		const name = pressed![1]
			.replace(/<(\w+)[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/\1>/g, '')
			.replace(/<[^>]+>/g, '')
			.replace(/\s+/g, ' ')
			.trim();
		expect(name).toBe('Choose Phone: 300 cases (98.0%)');
		expect(markup.match(/aria-pressed="false"/g)).toHaveLength(2);
	});

	test('the town list shows each town’s cases, closure and satisfaction, the most cases drawing the longest bar', () => {
		const markup = CHARTS['town-chart']();
		expect(attrs(markup, { tag: 'rect' }, 'width')).toEqual([100, 50, 25]);
		expect(markup).toContain('99.0%');
		expect(markup).toContain('96.0%');
	});

	test('median step times are drawn to scale and the 90th percentile ticks lie beyond them', () => {
		const markup = CHARTS['step-chart']();
		const widths = attrs(markup, { tag: 'rect', has: 'data-step' }, 'width');
		expect(widths[1] / widths[0]).toBeCloseTo(2, 6);
		expect(widths[2] / widths[0]).toBeCloseTo(10, 6);
		expect(markup).toContain('20 stuck');
	});

	test('a missing value draws no dot', () => {
		expect(CHARTS['dot-rows']().match(/<path[^>]*data-series=/g)).toHaveLength(5);
	});

	test('a rate chart with a fixed domain labels its axis from 0% to 100%', () => {
		const markup = CHARTS['line-bands']();
		expect(markup).toMatch(/>0%<\/text>/);
		expect(markup).toMatch(/>100%<\/text>/);
		expect(markup.match(/data-band=/g)).toHaveLength(2);
	});

	test('icicle cells are as tall as their households', () => {
		const markup = CHARTS.icicle();
		const height = (id: string) => Number(markup.match(new RegExp(`<rect[^>]*height="([^"]*)"[^>]*data-node="${id}"`))?.[1]);
		expect((height('v1') + 1) / (height('v2') + 1)).toBeCloseTo(3, 1);
		expect(markup.match(/role="button"/g)).toHaveLength(2);
	});

	test('the rates chart draws three rates and highlights the chosen period', () => {
		const markup = CHARTS['rates-chart']();
		expect(markup.match(/<path[^>]*data-rate=/g)).toHaveLength(3);
		expect(markup).toContain('data-testid="rates-period"');
	});

	test('household colours stack to the full height of each quarter, the unchosen colours faded', () => {
		const markup = CHARTS['colour-quarters']();
		const heights = attrs(markup, { tag: 'rect', has: 'data-colour' }, 'height');
		expect(heights.slice(0, 3).reduce((a, b) => a + b)).toBeCloseTo(230 - 8 - 24, 6);
		expect(markup.match(/<rect[^>]*opacity="0.3"/g)).toHaveLength(4);
	});

	test('a waterfall’s changes start where the step before ended, gains and losses in their own colours', () => {
		const markup = CHARTS.waterfall();
		const bar = (key: string) => markup.match(new RegExp(`<rect[^>]*data-step="${key}"[^>]*>`))![0];
		const num = (tag: string, name: string) => Number(tag.match(new RegExp(` ${name}="([^"]*)"`))![1]);
		expect(num(bar('sinking'), 'y') + num(bar('sinking'), 'height')).toBeCloseTo(num(bar('start'), 'y'), 6);
		expect(bar('sinking')).toContain('fill="#0072b2"');
		expect(bar('coordination')).toContain('fill="#d55e00"');
		expect(markup).toContain('>−3%</text>');
	});

	test('every town panel shares one y axis', () => {
		const markup = CHARTS['town-multiples']();
		expect(markup.match(/<figure>/g)).toHaveLength(11);
		const labels = [...markup.matchAll(/<svg[^>]*role="img"[\s\S]*?<\/svg>/g)].map((svg) => [...svg[0].matchAll(/text-anchor="end">([^<]*)</g)].map((m) => m[1]).join());
		expect(new Set(labels).size).toBe(1);
	});
});
