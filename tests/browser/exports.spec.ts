import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EMBED_CHOICE, EMBED_PAGES, embedCharts } from '../../src/lib/embed/registry';
import { MODEL_VERSION } from '../../sim/engine/version';

/**
 * Exports that stand alone, the data package and embeds (issue #15 items 6, 7). Expected figures
 * come from the built site's own cases.csv, counted here.
 */
const CHIHE = '610922104';
const cases = csvParse(readFileSync('build/data/cases.csv', 'utf8'));
/** County- and town-level cases received Aug 2016 – Dec 2021 (the overview's scope), counted from the raw cases. */
const published = cases.filter((c) => (c.level === 'county' || c.level === 'town') && c.received_at! >= '2016-08-01' && c.received_at! < '2022-01-01');

async function text(download: Download): Promise<string> {
	return Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
}

/** Clicks and collects the `n` downloads the click starts. */
async function downloads(page: Page, click: () => Promise<void>, n: number): Promise<Download[]> {
	const got: Download[] = [];
	const all = new Promise<void>((resolve) => {
		const on = (d: Download) => {
			got.push(d);
			if (got.length === n) {
				page.off('download', on);
				resolve();
			}
		};
		page.on('download', on);
	});
	await click();
	await all;
	return got;
}

test('a filtered chart’s PNG, SVG and CSV carry the place and period; the CSV’s sidecar says what it is', async ({ watched: page }) => {
	await page.goto(`/?town=${CHIHE}`);
	await expect(page.getByTestId('scope')).toContainText('池河镇');
	const chart = page.getByTestId('chart-monthly');
	await expect(chart.locator('h2')).toContainText('池河镇');

	// CSV and its sidecar, in one click.
	const [csv, sidecar] = await downloads(page, () => chart.getByRole('button', { name: '下载 CSV' }).click(), 2);
	expect(csv.suggestedFilename()).toBe('池河镇_2016-08_2021-12_cases-by-month.csv');
	expect(sidecar.suggestedFilename()).toBe('池河镇_2016-08_2021-12_cases-by-month.csv-metadata.json');
	const rows = csvParse((await text(csv)).replace(/^\ufeff/, ''));
	expect(rows.columns).toEqual(['月份', '意见建议', '利益诉求', '投诉举报', '合计']);
	const total = rows.reduce((s, r) => s + Number(r['合计']), 0);
	expect(total).toBe(published.filter((c) => c.town_code === CHIHE).length);
	const about = JSON.parse(await text(sidecar));
	expect(about.url).toBe(csv.suggestedFilename());
	expect(about['dc:title']).toContain('池河镇');
	expect(about['dc:coverage']).toBe('池河镇 · 2016年8月 – 2021年12月 · 县、镇两级台账');
	expect(about.notes.join('')).toMatch(/^合成数据/);

	// SVG: its words; PNG: named the same, twice the size, the subtitle drawn where the SVG puts it.
	const [svg] = await downloads(page, () => chart.getByRole('button', { name: 'SVG' }).click(), 1);
	expect(svg.suggestedFilename()).toBe('池河镇_2016-08_2021-12_cases-by-month.svg');
	const markup = await text(svg);
	const words = [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
	expect(words.slice(0, 2)).toEqual(['每月受理案件，按账本类型 · 池河镇', '池河镇 · 2016年8月 – 2021年12月 · 县、镇两级台账']);
	expect(words.some((w) => w.startsWith('来源：'))).toBe(true);
	expect(words.some((w) => w.startsWith('合成数据'))).toBe(true);
	const [png] = await downloads(page, () => chart.getByRole('button', { name: 'PNG' }).click(), 1);
	expect(png.suggestedFilename()).toBe('池河镇_2016-08_2021-12_cases-by-month.png');
	const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
	const [w, h] = [Number(markup.match(/^<svg[^>]* width="(\d+)"/)![1]), Number(markup.match(/^<svg[^>]* height="(\d+)"/)![1])];
	expect([width, height]).toEqual([2 * w, 2 * h]);
	// Dark pixels in the subtitle's band (y 32–46 of the SVG) and in the last line's (the synthetic-data line).
	const inked = await page.evaluate(
		async ({ data, bands }) => {
			const img = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(img.width, img.height);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			return bands.map(([y0, y1]) => {
				const { data: px } = ctx.getImageData(0, y0 * 2, img.width, (y1 - y0) * 2);
				let dark = 0;
				for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 450) dark++;
				return dark;
			});
		},
		{ data: bytes.toString('base64'), bands: [[32, 46], [h - 24, h - 10]] }
	);
	for (const n of inked) expect(n).toBeGreaterThan(50);

	// The town table (always the whole county): rates as shown with the raw fraction, the code column headed in Chinese.
	const towns = page.getByTestId('chart-towns');
	const [townCsv] = await downloads(page, () => towns.getByRole('button', { name: '下载 CSV' }).click(), 2);
	expect(townCsv.suggestedFilename()).toBe('石泉县_2016-08_2021-12_cases-by-town.csv');
	const townRows = csvParse((await text(townCsv)).replace(/^\ufeff/, ''));
	expect(townRows.columns).toEqual(['镇', '区划代码', '受理', '办结', '办结率（%）', '办结率（原始比例）', '满意率（%）', '满意率（原始比例）']);
	const chihe = townRows.find((r) => r['区划代码'] === CHIHE)!;
	const mine = published.filter((c) => c.town_code === CHIHE);
	const closed = mine.filter((c) => c.archived_at !== '').length;
	expect(Number(chihe['办结率（原始比例）'])).toBeCloseTo(closed / mine.length, 12);
	expect(chihe['办结率（%）']).toBe(String(Math.round((closed / mine.length) * 1000) / 10));
});

test('an embed page shows the chart alone with its source and a link back; the overview offers its embed code', async ({ watched: page, request }) => {
	// Prerendered: the default embed is in the HTML before any script runs.
	const html = await (await request.get('/en/embed/overview/monthly/')).text();
	expect(html).toContain('data-testid="chart-monthly"');
	expect(html).toContain('Source: Synthetic dataset');
	const towns = await (await request.get('/embed/overview/towns/')).text();
	expect(towns).toContain('data-testid="chart-towns"');
	expect(towns).toContain('来源：合成数据集');
	expect(towns).toContain('data-testid="embed-back"');
	expect(towns).not.toContain('data-testid="lang-switch"');

	await page.goto(`/en/embed/overview/monthly/?town=${CHIHE}`);
	const embed = page.getByTestId('embed');
	await expect(embed.getByTestId('chart-monthly').locator('h2')).toHaveText('Cases received per month, by ledger · Chihe');
	await expect(embed.getByTestId('chart-monthly').locator('.source')).toContainText('Source: Synthetic dataset');
	await expect(embed.getByTestId('embed-subtitle')).toHaveText(/^Chihe · \D*2016\D* – \D*2021\D* · county and town ledgers$/);
	await expect(page.getByTestId('embed-note')).toContainText('Synthetic data');
	await expect(page.getByTestId('embed-back')).toHaveAttribute('href', new RegExp(`/en/\\?town=${CHIHE}$`));
	await expect(page.getByTestId('embed-back')).toHaveAttribute('target', '_top');
	// Alone: no site header, notice or footer.
	await expect(page.getByTestId('lang-switch')).toHaveCount(0);
	await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
	await expect(page.locator('footer')).toHaveCount(0);
	// Its chart's bars are Chihe's: the table view's total is the town's count.
	await embed.getByRole('button', { name: 'Show as table' }).click();
	const totals = await embed.locator('tbody tr td:last-child').allTextContents();
	expect(totals.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0)).toBe(published.filter((c) => c.town_code === CHIHE).length);

	// The ledger page's quarterly rates, filtered as on the page: the town's quarters, highlighted period.
	await page.goto(`/embed/ledgers/rates/?town=${CHIHE}&from=2018Q1&to=2019Q4`);
	await expect(page.getByTestId('embed-subtitle')).toHaveText('池河镇 · 2018年第1季度 – 2019年第4季度 · 县、镇、村三级台账');
	// Alone: the ledger page's other charts and its filters are not there.
	await expect(page.getByTestId('chart-key')).toHaveCount(0);
	await expect(page.getByRole('combobox')).toHaveCount(0);
	await expect(page.getByTestId('chart-rates').locator('.source')).toContainText('来源：合成数据集');
	await expect(page.getByTestId('embed-back')).toHaveAttribute('href', /\/ledgers\/\?town=610922104&from=2018Q1&to=2019Q4$/);
	await page.getByTestId('chart-rates').getByRole('button', { name: '以表格查看' }).click();
	const received = await page.getByTestId('chart-rates').locator('tbody tr td:nth-child(2)').allTextContents();
	expect(received.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0)).toBe(cases.filter((c) => c.town_code === CHIHE).length);

	await page.goto(`/en/?town=${CHIHE}`);
	const chart = page.getByTestId('chart-monthly');
	await chart.getByTestId('embed-copy').click();
	const code = await chart.getByTestId('embed-code').inputValue();
	expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/en\/embed\/overview\/monthly\/\?town=610922104" title="Cases received per month, by ledger · Chihe" width="100%" height="\d+"/);
	await expect(chart.getByRole('status')).toHaveText(/Embed code copied|Could not copy automatically/);
	// The fixed snapshot: an <img> of the build's SVG of the default view, which the page says.
	await chart.getByTestId('embed-snapshot').check();
	await expect(chart.getByTestId('embed-code')).toHaveValue(/^<a href="http:\/\/127\.0\.0\.1:\d+\/en\/embed\/overview\/monthly\/"><img src="http:\/\/127\.0\.0\.1:\d+\/en\/embed\/overview\/monthly\/snapshot\.svg" alt="Cases received per month, by ledger · Chihe"/);
	await expect(chart).toContainText('The snapshot shows the default view, not the current filters');
	const file = await (await request.get(await chart.getByTestId('embed-snapshot-file').getAttribute('href').then((h) => new URL(h!, page.url()).href))).text();
	expect(file).toContain('<svg');
});

test('every registered chart offers its embed code on its page, and has an embed page and a valid SVG snapshot with its words', async ({ watched: page }) => {
	// The sandbox's (live only, drawn from runs in the browser) and a town's villages (drawn after a choice) are checked in the browser below.
	const charts = embedCharts().filter((c) => c.snapshot && !EMBED_CHOICE[`${c.page}/${c.chart}`]);
	expect(charts.length).toBeGreaterThanOrEqual(19);
	// Each: its embed page (prerendered) holds it alone with its words, its dashboard page (prerendered)
	// offers "copy embed code" on it, its snapshot parses as SVG, says the same words and draws.
	await page.goto('/embed/overview/monthly/');
	const results = await page.evaluate(async (list) => {
		const out = [];
		for (const { page: p, chart, route, lang } of list) {
			const dir = `${lang === 'en' ? '/en' : ''}/embed/${p}/${chart}/`;
			const [html, dashboard, svg] = await Promise.all([dir, `${lang === 'en' ? '/en' : ''}${route}`, `${dir}snapshot.svg`].map((u) => fetch(u).then((r) => (r.ok ? r.text() : ''))));
			const doc = new DOMParser().parseFromString(html, 'text/html');
			const figure = doc.querySelector(`[data-testid="chart-${chart}"]`);
			const onPage = new DOMParser().parseFromString(dashboard, 'text/html').querySelector(`[data-testid="chart-${chart}"] [data-testid="embed-copy"]`);
			const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
			const img = new Image();
			img.src = `${dir}snapshot.svg`;
			const drawn = await img.decode().then(() => img.naturalWidth, () => 0);
			out.push({
				id: `${lang}:${p}/${chart}`,
				alone: doc.querySelectorAll('figure.chart').length,
				offered: onPage !== null,
				title: figure?.querySelector('h2')?.textContent ?? null,
				source: figure?.querySelector('.source')?.textContent ?? null,
				note: doc.querySelector('[data-testid="embed-note"]')?.textContent ?? null,
				subtitle: figure?.querySelector('[data-testid="embed-subtitle"]')?.textContent ?? null,
				parsed: xml.documentElement.nodeName === 'svg' && !xml.querySelector('parsererror'),
				words: [...xml.querySelectorAll('text')].map((t) => t.textContent).join(''),
				drawn
			});
		}
		return out;
	}, charts.flatMap((c) => ['zh', 'en'].map((lang) => ({ page: c.page, chart: c.chart, lang, route: EMBED_PAGES[c.page].route.replace('/[[lang=lang]]', '') + '/' }))));
	const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');
	for (const r of results) {
		expect.soft(r.alone, `${r.id}: one chart on its embed page`).toBe(1);
		expect.soft(r.offered, `${r.id}: embed code offered on its page`).toBe(true);
		expect.soft(r.title, `${r.id}: title`).toBeTruthy();
		expect.soft(r.source, `${r.id}: source line`).toMatch(r.id.startsWith('en') ? /^Source: / : /^来源：/);
		expect.soft(r.note, `${r.id}: data line`).toMatch(r.id.startsWith('en') ? /^Synthetic data/ : /^合成数据/);
		expect.soft(r.subtitle, `${r.id}: subtitle names the place`).toContain(r.id.startsWith('en') ? 'Shiquan County' : '石泉县');
		expect.soft(r.parsed, `${r.id}: snapshot is well-formed SVG`).toBe(true);
		for (const words of [r.title, r.source, r.note, r.subtitle]) expect.soft(squeeze(r.words), `${r.id}: snapshot says ${words}`).toContain(squeeze(words));
		expect.soft(r.drawn, `${r.id}: snapshot draws as an image`).toBeGreaterThan(300);
	}
});

test('a town’s villages embed with their default town and the address’s; a sandbox chart embeds live with the scenario of its address', async ({ watched: page, request }) => {
	const villageCases = (town: string) => cases.filter((c) => c.town_code === town && c.village_id !== '').length;
	const total = async () => (await page.getByTestId('chart-by-village').locator('tbody tr td:nth-child(2)').allTextContents()).reduce((n, t) => n + Number(t.replace(/,/g, '')), 0);
	// Prerendered for the dataset's first town (城关镇), with its snapshot, which fits a phone.
	const html = await (await request.get('/embed/ledgers/by-village/')).text();
	expect(html).toContain('data-testid="chart-by-village"');
	expect(html).toContain('城关镇各村');
	const svg = await (await request.get('/embed/ledgers/by-village/snapshot.svg')).text();
	expect(Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(390);
	const ranking = await (await request.get('/en/embed/ledgers/ranking/snapshot.svg')).text();
	expect(Number(/<svg[^>]* width="(\d+)"/.exec(ranking)?.[1])).toBeLessThanOrEqual(390);
	// An embed reads no answers ahead (the ledger page reads every town's once it has painted).
	const read: string[] = [];
	page.on('request', (r) => read.push(r.url()));
	await page.goto(`/embed/ledgers/by-village/?town=${CHIHE}`);
	const chart = page.getByTestId('chart-by-village');
	await expect(chart.locator('h2')).toHaveText(/^池河镇各村/);
	await expect(page.locator('figure.chart')).toHaveCount(1);
	await chart.getByRole('button', { name: '以表格查看' }).click();
	await expect.poll(total).toBe(villageCases(CHIHE));
	await page.waitForLoadState('networkidle');
	const towns = read.flatMap((u) => /\/prepared\/ledgers\/(\d+)-/.exec(u)?.[1] ?? []);
	expect(towns).toEqual([CHIHE]);
	await expect(page.getByTestId('embed-back')).toHaveAttribute('href', new RegExp(`/ledgers/\\?town=${CHIHE}$`));
	await page.goto('/en/embed/ledgers/by-village/');
	await page.getByTestId('chart-by-village').getByRole('button', { name: 'Show as table' }).click();
	await expect.poll(total).toBe(villageCases('610922100'));

	// The sandbox: the scenario (one-way, seed 7) from the address, run in the browser; one chart, its legend, source and note.
	const search = `?mode=one-way&seed=7&version=${MODEL_VERSION}`;
	await page.goto(`/en/embed/simulate/sim-closureRate/${search}`);
	const sim = page.getByTestId('chart-sim-closureRate');
	await expect(sim.locator('path[data-line="yours"]')).toHaveAttribute('d', /^M/, { timeout: 90_000 });
	await expect(page.locator('figure.chart')).toHaveCount(1);
	await expect(sim.locator('h2')).toHaveText('Cumulative closure rate');
	await expect(sim.locator('.source')).toContainText(`version ${MODEL_VERSION}), seed 7`);
	await expect(page.getByTestId('embed')).toContainText('This scenario: One-way');
	await expect(page.getByTestId('embed-note')).toContainText('Model results');
	expect(await page.getByTestId('embed-back').getAttribute('href')).toMatch(new RegExp(`/en/simulate/\\?mode=one-way&seed=7&version=${MODEL_VERSION}$`));
	await expect(page.getByTestId('lang-switch')).toHaveCount(0);
	// Its page offers the live code only, with the current scenario, and says why there is no snapshot.
	await page.goto(`/simulate/${search}`);
	const onPage = page.getByTestId('chart-sim-closureRate');
	await expect(onPage.locator('path[data-line="yours"]')).toHaveAttribute('d', /^M/, { timeout: 90_000 });
	await onPage.getByTestId('embed-copy').click();
	await expect(onPage.getByTestId('embed-code')).toHaveValue(new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/embed/simulate/sim-closureRate/\\?mode=one-way&amp;seed=7&amp;version=${MODEL_VERSION}"`));
	await expect(onPage.getByTestId('embed-live-only')).toContainText('没有这张图');
	await expect(onPage.getByTestId('embed-snapshot')).toHaveCount(0);
});

test('the data package lists files that are served with their bytes and hashes; /methods/ describes every column', async ({ watched: page, request }) => {
	const pkg = await (await request.get('/data/datapackage.json')).json();
	expect(pkg.resources.length).toBeGreaterThanOrEqual(20);
	for (const r of pkg.resources) {
		const res = await request.get(`/data/${r.path}`);
		expect(res.status(), r.path).toBe(200);
		const body = await res.body();
		expect(body.length, r.path).toBe(r.bytes);
		expect(`sha256:${createHash('sha256').update(body).digest('hex')}`, r.path).toBe(r.hash);
	}
	await page.goto('/en/methods/');
	const guide = page.getByTestId('column-guide');
	const csvs = pkg.resources.filter((r: { format: string }) => r.format === 'csv');
	await expect(guide.locator('details')).toHaveCount(csvs.length);
	await expect(guide.locator('dt')).toHaveCount(csvs.reduce((n: number, r: { schema: { fields: unknown[] } }) => n + r.schema.fields.length, 0));
	const cases = csvs.find((r: { path: string }) => r.path === 'cases.csv');
	await guide.locator('summary', { hasText: 'cases · Ledger cases' }).click();
	await expect(guide.getByTestId('guide-cases')).toContainText(cases.schema.fields[9].description);
	await expect(guide.getByTestId('guide-cases')).toBeVisible();
});
