import { describe, expect, it } from 'vitest';
import { chartImage, chartSvgs, decodeHtml, figureHtml, legendEntries, snapshotSvg, tableImage, usedRules } from '../../src/lib/embed/snapshot';
import { embedCharts, embedEntries } from '../../src/lib/embed/registry';

/** A prerendered figure as ChartFrame writes it on an embed page, with a chart whose SVG holds an inner <svg> (a legend mark). */
const words = { title: 'T & "x"', subtitle: '池河镇 · 2018', units: 'Units: cases', source: 'Source: S', notes: ['Synthetic data'], keys: ['town', 'cases', 'rate'], head: ['Town', 'Cases', 'Rate'], rows: [[{ text: 'A', value: null }, { text: '1,200', value: 1200 }, { text: '50%', value: 0.5 }], [{ text: 'B', value: null }, { text: '600', value: 600 }, { text: '25%', value: 0.25 }]] };
const attr = (v: unknown) => JSON.stringify(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const figure = (body: string) =>
	`<p>before</p><figure class="chart svelte-a1" data-testid="chart-rates" data-embed-target=""><h2>T</h2><div id="rates-body">${body}</div><span hidden data-snapshot="${attr(words)}"></span></figure><figure data-testid="chart-other"></figure>`;
const svg = '<svg viewBox="0 0 640 200" class="svelte-c3" role="img" style="font-size: 11px;"><g class="axis svelte-b2"><text class="svelte-b2">2017&nbsp;Q1</text></g><svg width="4" height="4"><rect></rect></svg><!----></svg>';

describe('embed snapshots', () => {
	it('registers every chart in both languages, each once', () => {
		const ids = embedCharts().map((c) => `${c.page}/${c.chart}`);
		expect(new Set(ids).size).toBe(ids.length);
		expect(embedEntries()).toHaveLength(ids.length * 2);
	});

	it('finds the figure, its words and its outermost chart SVG', () => {
		const html = figure(`<div class="chart-box svelte-c3"><!---->${svg}</div><span hidden data-legend="${attr([{ label: 'Demand', colour: '#123' }, { label: 'Demand', colour: '#123' }])}"></span>`);
		const f = figureHtml(html, 'rates')!;
		expect(f.startsWith('<figure')).toBe(true);
		expect(f).not.toContain('chart-other');
		expect(chartSvgs(f)).toEqual([svg]);
		expect(legendEntries(f)).toEqual([{ label: 'Demand', colour: '#123' }]);
		const image = chartImage(svg)!;
		expect([image.width, image.height]).toEqual([640, 200]);
		expect(image.markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="200" viewBox="0 0 640 200" role="img"/);
		expect(image.markup).toContain('2017&#160;Q1');
		expect(image.markup).not.toContain('<!--');
	});

	it('keeps only the style rules of the classes drawn, and :root', () => {
		const css = ':root{--ink:#111}.axis.svelte-b2 text.svelte-b2{fill:var(--ink)}.nav.svelte-zz{color:red}@media (max-width:40rem){.axis.svelte-b2{display:none}}body{margin:0}';
		expect(usedRules(css, svg)).toBe(':root{--ink:#111}\n.axis.svelte-b2 text.svelte-b2{fill:var(--ink)}');
	});

	it('draws a chart drawn in HTML from its table: the first number as the bar, the rest beside it', () => {
		const image = tableImage(words)!;
		expect(image.markup).toContain('>1,200<');
		expect(image.markup).toContain('>25%<');
		const bars = [...image.markup.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(bars[0]).toBeCloseTo(2 * bars[1], 6);
		// A chosen column: the rate's bars, the cases beside them.
		const byRate = tableImage(words, 'rate')!;
		expect(byRate.markup).toMatch(/>50%<.*>1,200</);
	});

	it('frames the snapshot with its words, escaped, and decodes what the page escaped', () => {
		const s = snapshotSvg(figure('<div class="bars">HTML bars</div>'), 'rates', '')!;
		expect(s.data).toEqual(words);
		expect(s.markup.startsWith('<?xml')).toBe(true);
		for (const w of ['T &amp; &quot;x&quot;', '池河镇 · 2018', 'Source: S', 'Synthetic data']) expect(s.markup).toContain(w);
		expect(decodeHtml('a&amp;b&#39;c&#x4e00;&nbsp;')).toBe("a&b'c一\u00a0");
		expect(snapshotSvg(figure(''), 'missing', '')).toBeNull();
	});
});
