import { scaleLinear } from 'd3';
import { createRawSnippet } from 'svelte';
import { describe, expect, test } from 'vitest';
import { barListImage } from '$lib/charts/bar-list-image';
import Chart from '$lib/charts/Chart.svelte';
import { escapeXml, framedImage, tiledImage } from '$lib/charts/export-image';
import { renderChart } from './render-chart';

const tags = (markup: string, name: string): string[] => markup.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
const attr = (tag: string, name: string) => Number(tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1]);
const texts = (markup: string) => [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('pictures drawn from the data', () => {
	test('a bar list’s picture has one bar per row, as long as its share of the longest, with its label and value', () => {
		const image = barListImage({
			rows: [
				{ label: 'Visit', share: 1, value: '400 (97.5%)' },
				{ label: 'Letters & notes', share: 0.25, value: '100' }
			]
		});
		const bars = tags(image.markup, 'rect');
		expect(bars).toHaveLength(2);
		expect(attr(bars[1], 'width') / attr(bars[0], 'width')).toBe(0.25);
		expect(texts(image.markup)).toEqual(['Visit', '400 (97.5%)', 'Letters &amp; notes', '100']);
		expect(image.markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
	});

	test('a bar list with headings draws them above, and its further columns beside the values', () => {
		const image = barListImage({ head: ['Town', 'Cases', 'Closure'], rows: [{ label: 'Chihe', share: 1, value: '851', cells: ['97.8%'] }] });
		expect(texts(image.markup)).toEqual(['Town', 'Cases', 'Closure', 'Chihe', '851', '97.8%']);
		const plain = barListImage({ rows: [{ label: 'Chihe', share: 1, value: '851' }] });
		expect(image.width).toBeGreaterThan(plain.width);
		expect(image.height).toBeGreaterThan(plain.height);
	});

	test('an exported chart carries its title, units and source around the chart, on white', () => {
		const body = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path data-line="a"/></svg>', width: 300, height: 100 };
		const image = framedImage(body, { title: 'Cases <by> town', units: 'Units: cases', source: 'Source: synthetic data (seed 1)' });
		expect(texts(image.markup)).toEqual(['Cases &lt;by&gt; town', 'Units: cases', 'Source: synthetic data (seed 1)']);
		expect(image.markup).toContain('data-line="a"');
		expect(tags(image.markup, 'rect')).toEqual(['<rect width="100%" height="100%" fill="#fff"/>']);
		expect(image.width).toBe(300 + 24);
		expect(image.height).toBeGreaterThan(100 + 40);
	});

	test('an exported chart carries its legend: lines with their dashes, dots with their shapes', () => {
		const body = { markup: '<svg/>', width: 300, height: 100 };
		const words = { title: 'Order index', units: 'Units: 0–1', source: 'Source: model' };
		const image = framedImage(body, words, [
			{ label: 'One-way (baseline)', colour: '#7f7f7f', dash: '5 3', line: true },
			{ label: '这个情景', colour: '#0072b2', line: true },
			{ label: 'Two-way', colour: '#e69f00', shape: 'diamond' }
		]);
		expect(texts(image.markup)).toEqual(['Order index', 'Units: 0–1', 'One-way (baseline)', '这个情景', 'Two-way', 'Source: model']);
		expect(tags(image.markup, 'path')).toEqual([expect.stringMatching(/^<path d="M\d+,\d+l6,6l-6,6l-6,-6z" fill="#e69f00"\/>$/)]);
		expect(tags(image.markup, 'line').map((l) => l.match(/stroke-dasharray="([^"]*)"/)?.[1])).toEqual(['5 3', undefined]);
		expect(image.height).toBeGreaterThan(framedImage(body, words).height);
	});

	test('small multiples export in rows that fit, each under its caption', () => {
		const tile = (n: number) => ({ image: { markup: `<svg id="t${n}"/>`, width: 150, height: 86 }, caption: `Town ${n}` });
		const image = tiledImage([1, 2, 3, 4, 5, 6, 7].map(tile), 500);
		expect(texts(image.markup)).toEqual(['Town 1', 'Town 2', 'Town 3', 'Town 4', 'Town 5', 'Town 6', 'Town 7']);
		const places = [...image.markup.matchAll(/translate\((\d+),(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
		expect(places.slice(0, 4).map(([x]) => x)).toEqual([0, 162, 324, 0]);
		expect(new Set(places.map(([, y]) => y)).size).toBe(3);
		expect(image.width).toBe(3 * 150 + 2 * 12);
	});

	test('text is escaped for markup', () => {
		expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
	});
});

describe('the chart container', () => {
	type Shared = { x: (v: number) => number; y: (v: number) => number; left: number; bottom: number };
	/** Marks that read the shared scales, as every mark does. */
	const plot = createRawSnippet((chart: () => Shared) => ({
		render: () => {
			const c = chart();
			return `<g data-x="${c.x(0)},${c.x(10)}" data-y="${c.y(0)},${c.y(1)}" data-corner="${c.left},${c.bottom}"></g>`;
		}
	}));

	test('sets the scales’ ranges to the plot area, upwards for y, on copies: the scales it is given never change', () => {
		const x = scaleLinear().domain([0, 10]);
		const markup = renderChart(Chart, { width: 500, height: 200, margin: { top: 10, bottom: 30, left: 40, right: 10 }, x, children: plot });
		expect(markup).toContain('<g data-x="40,490" data-y="170,10" data-corner="40,170"></g>');
		expect(markup).toContain('viewBox="0 0 500 200"');
		expect(x.range()).toEqual([0, 1]);
	});
});
