import { describe, expect, it } from 'vitest';
import { chartImage, chartSvgs, decodeHtml, figureHtml, legendEntries, snapshotSvg, tableImage, usedRules } from '../../src/lib/embed/snapshot';
import { embedCharts, embedEntries } from '../../src/lib/embed/registry';
import { framedImage, textWidth } from '../../src/lib/charts/export-image';
import { barListImage } from '../../src/lib/charts/bar-list-image';

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
		expect(image.markup).toContain('25%<');
		const bars = [...image.markup.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(bars[0]).toBeCloseTo(2 * bars[1], 6);
		// A chosen column: the rate's bars, the cases beside them.
		const byRate = tableImage(words, 'rate')!;
		expect(byRate.markup).toMatch(/>50%<.*1,200</);
	});

	it('frames the snapshot with its words, escaped, and decodes what the page escaped', () => {
		const s = snapshotSvg(figure('<div class="bars">HTML bars</div>'), 'rates', '')!;
		expect(s.data).toEqual(words);
		expect(s.markup.startsWith('<?xml')).toBe(true);
		for (const w of ['T &amp; &quot;x&quot;', '池河镇 · 2018', 'Source: S', 'Synthetic data']) expect(s.markup).toContain(w);
		expect(decodeHtml('a&amp;b&#39;c&#x4e00;&nbsp;')).toBe("a&b'c一\u00a0");
		expect(snapshotSvg(figure(''), 'missing', '')).toBeNull();
	});

	it('lays a wide table (the town ranking) out for a phone: framed, at most 390 px wide, every cell kept, no text past the edge', () => {
		// Eleven towns with five numeric columns, as the ranking: laid out side by side it is 1,282 px wide.
		const head = ['镇', '中位数（天）', '办结件数', '中位数 95% 区间下限（天）', '中位数 95% 区间上限（天）', '90 分位（天）'];
		const keys = ['town', 'medianDays', 'cases', 'low', 'high', 'p90'];
		const rows = Array.from({ length: 11 }, (_, i) => [
			{ text: `第${i + 1}镇`, value: null },
			...[10 + i, 600 + 7 * i, 9 + i, 11 + i, 30 + 2 * i].map((v) => ({ text: String(v), value: v }))
		]);
		const body = tableImage({ keys, head, rows }, 'medianDays')!;
		const framed = framedImage(body, { title: '各镇办结用时排名', subtitle: '石泉县 · 2016年第3季度 – 2021年第4季度 · 县、镇、村三级台账', units: '单位：天', source: '来源：合成数据集', notes: ['合成数据：由种子 20160801 生成'] });
		expect(framed.width).toBeLessThanOrEqual(390);
		const textsOf = (markup: string) =>
			[...markup.matchAll(/<text x="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), end: m[2].includes('text-anchor="end"'), size: Number(/font-size="([\d.]+)"/.exec(m[2])?.[1] ?? 12), text: m[3] }));
		// Wrapped lines read on: the text joined without the breaks holds every cell and heading.
		const all = textsOf(framed.markup).map((t) => t.text).join('').replace(/\s+/g, '');
		for (const r of rows) for (const c of r) expect(all).toContain(c.text);
		for (const h of head.slice(2)) expect(all).toContain(h.replace(/\s+/g, ''));
		// Every line inside its picture: the body's (placed inside the frame) within the body, the frame's words within the frame.
		const frameOnly = framed.markup.replace(body.markup, '');
		for (const [markup, width] of [[body.markup, body.width], [frameOnly, framed.width]] as const) {
			for (const t of textsOf(markup)) {
				if (t.end) expect(t.x - textWidth(t.text, t.size), t.text).toBeGreaterThanOrEqual(-1);
				else expect(t.x + textWidth(t.text, t.size), t.text).toBeLessThanOrEqual(width + 1);
			}
		}
		// The bars still say the medians: the longest is the largest median's.
		const bars = [...body.markup.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(bars).toHaveLength(11);
		expect(bars.indexOf(Math.max(...bars))).toBe(10);
		// The page's own picture download (not narrow) keeps the side-by-side layout.
		const wide = barListImage({ head, rows: rows.map((r) => ({ label: r[0].text, share: 0.5, value: r[1].text, cells: r.slice(2).map((c) => c.text) })) });
		expect(wide.width).toBeGreaterThan(1000);
		expect(wide.markup).not.toContain('font-weight="600"');
	});
});
