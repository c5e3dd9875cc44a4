import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_PROFILE } from '../../src/lib/data/profile';
import { csvSidecar, exportTable, tableCsv, type TableColumn } from '../../src/lib/charts/csv-download';
import { embedSnippet } from '../../src/lib/charts/embed-snippet';
import { exportFileName, exportSubtitle, safeNamePart } from '../../src/lib/charts/export-context';
import { framedImage, wrapText } from '../../src/lib/charts/export-image';

const headers = { percent: (l: string) => `${l} (%)`, raw: (l: string) => `${l} (raw fraction)` };
const texts = (markup: string) => [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('CSV downloads', () => {
	const columns: TableColumn[] = [
		{ key: 'town', label: 'Town' },
		{ key: 'cases', label: 'Received', numeric: true },
		{ key: 'closure', label: 'Closure rate', numeric: true, percent: 1 }
	];

	test('a rate is written as the percentage shown, with the raw fraction beside it', () => {
		const t = exportTable(columns, [{ town: 'Chihe', cases: 851, closure: 0.9776733254994124 }], headers);
		expect(csvParseRows(tableCsv(t.columns, t.rows).trimEnd())).toEqual([
			['Town', 'Received', 'Closure rate (%)', 'Closure rate (raw fraction)'],
			['Chihe', '851', '97.8', '0.9776733254994124']
		]);
	});

	test('property: every percentage in the CSV is the one the page shows (Intl), and the raw column loses nothing', () => {
		// The page shows rates with Intl.NumberFormat's percent style; its digits are the oracle.
		const shownAs = (digits: number) => new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
		let deep = 0;
		fc.assert(
			fc.property(
				fc.array(fc.record({ n: fc.integer({ min: 1, max: 100_000 }), k: fc.nat() }), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 0, max: 3 }),
				(counts, digits) => {
					const rows = counts.map(({ n, k }, i) => ({ town: `T${i}`, cases: n, closure: (k % (n + 1)) / n }));
					const cols = columns.map((c) => (c.percent === undefined ? c : { ...c, percent: digits }));
					const t = exportTable(cols, rows, headers);
					const parsed = csvParseRows(tableCsv(t.columns, t.rows).trimEnd());
					expect(parsed[0]).toEqual(['Town', 'Received', 'Closure rate (%)', 'Closure rate (raw fraction)']);
					parsed.slice(1).forEach((r, i) => {
						expect(Number(r[2])).toBe(Number(shownAs(digits).format(rows[i].closure).replace(/[%,]/g, '')));
						expect(Number(r[3])).toBe(rows[i].closure);
						deep++;
					});
				}
			),
			{ numRuns: 300 }
		);
		expect(deep).toBeGreaterThan(600);
	});

	test('the sidecar (CSV on the Web) names the CSV and carries title, scope, units, source and the synthetic-data line', () => {
		const doc = JSON.parse(
			csvSidecar('池河镇_2016-08_2021-12_cases-by-month.csv', columns, {
				title: '每月受理案件',
				subtitle: '池河镇 · 2016年8月 – 2021年12月',
				units: '单位：件',
				source: '来源：合成数据集',
				notes: ['合成数据：由种子 1 生成'],
				language: 'zh'
			})
		);
		expect(doc['@context'][0]).toBe('http://www.w3.org/ns/csvw');
		expect(doc.url).toBe('池河镇_2016-08_2021-12_cases-by-month.csv');
		expect(doc['dc:title']).toBe('每月受理案件');
		expect(doc['dc:coverage']).toContain('池河镇');
		expect(doc['dc:source']).toBe('来源：合成数据集');
		expect(doc.notes).toEqual(['合成数据：由种子 1 生成']);
		expect(doc.tableSchema.columns.map((c: { titles: string }) => c.titles)).toEqual(['Town', 'Received', 'Closure rate']);
	});
});

describe('file names and pictures that say their scope', () => {
	const context = { place: '池河镇', period: { from: '2016-08', to: '2021-12', label: '2016年8月 – 2021年12月' }, levels: '县、镇两级台账' };

	test('file names carry place and period, and are safe on every system', () => {
		expect(exportFileName('cases-by-month', 'csv', context)).toBe('池河镇_2016-08_2021-12_cases-by-month.csv');
		expect(exportFileName('cases-by-month', 'png', { ...context, place: 'Shiquan County' })).toBe('Shiquan-County_2016-08_2021-12_cases-by-month.png');
		expect(exportFileName('cases-by-month', 'csv', null)).toBe('cases-by-month.csv');
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (place) => {
				const name = exportFileName('chart', 'csv', { place });
				expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\s]/);
				expect(name.endsWith('chart.csv')).toBe(true);
			})
		);
		expect(safeNamePart(' a/b: c ')).toBe('a-b-c');
	});

	test('an exported picture carries title, subtitle (place · period · levels), units, source and the synthetic-data line', () => {
		const body = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"/>', width: 400, height: 100 };
		const words = { title: '每月受理案件', subtitle: exportSubtitle(context), units: '单位：件', source: '来源：合成数据集', notes: ['合成数据：由种子 1 生成'] };
		const image = framedImage(body, words);
		expect(texts(image.markup)).toEqual(['每月受理案件', '池河镇 · 2016年8月 – 2021年12月 · 县、镇两级台账', '单位：件', '来源：合成数据集', '合成数据：由种子 1 生成']);
		const plain = framedImage(body, { title: words.title, units: words.units, source: words.source });
		expect(image.height - plain.height).toBe(17 + 14);
		// Lines below the chart stay within the picture, in order.
		const ys = [...image.markup.matchAll(/<text x="12" y="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(ys).toEqual([...ys].sort((a, b) => a - b));
		expect(Math.max(...ys)).toBeLessThan(image.height);
	});

	test('long lines wrap to the picture’s width, keeping every character', () => {
		const line = '合成数据：由种子 20160801 生成，按公开数字校准，并非石泉县的真实记录。Synthetic data generated from seed 20160801, calibrated.';
		const lines = wrapText(line, 11, 200);
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.join('').replace(/\s/g, '')).toBe(line.replace(/\s/g, ''));
	});

	test('the embed code is an iframe with its title, full width up to the chart’s and a height, escaped', () => {
		const code = embedSnippet({ src: 'https://example.org/embed/overview/monthly/?town=610922107&x="1"', title: 'Cases <by> month', height: 620.4 });
		expect(code).toBe(
			'<iframe src="https://example.org/embed/overview/monthly/?town=610922107&amp;x=&quot;1&quot;" title="Cases &lt;by&gt; month" width="100%" height="620" style="border:0;max-width:760px" loading="lazy"></iframe>'
		);
	});
});

describe('the pages’ scopes', () => {
	test('the ledger page names the village after its town, its quarters, every level and the ledger type', async () => {
		const { I18n } = await import('../../src/lib/i18n/i18n.svelte');
		const { zh } = await import('../../src/lib/i18n/zh');
		const { en } = await import('../../src/lib/i18n/en');
		const { ledgerExportContext } = await import('../../src/routes/[[lang=lang]]/ledgers/ledger-exports');
		const villages = [{ id: '610922104201', town: '610922104', zh: '黄村', en: 'Huang village' }];
		const filters = { town: '610922104', village: '610922104201', ledger: 'demand', from: '2018Q1', to: '2019Q4' };
		const zhCtx = ledgerExportContext(new I18n(() => 'zh', () => zh), filters, { villages, profile: DEFAULT_PROFILE });
		expect(zhCtx).toEqual({ place: '池河镇黄村', period: { from: '2018Q1', to: '2019Q4', label: '2018年第1季度 – 2019年第4季度' }, levels: '县、镇、村三级台账 · 利益诉求' });
		expect(exportFileName('ledger-cases-by-level', 'csv', zhCtx)).toBe('池河镇黄村_2018Q1_2019Q4_ledger-cases-by-level.csv');
		const enCtx = ledgerExportContext(new I18n(() => 'en', () => en), { ...filters, village: null, ledger: null }, { villages, profile: DEFAULT_PROFILE });
		expect(exportFileName('ledger-cases-by-level', 'csv', enCtx)).toBe('Chihe_2018Q1_2019Q4_ledger-cases-by-level.csv');
		expect(exportSubtitle(enCtx)).toBe('Chihe · Q1 2018 – Q4 2019 · county, town and village ledgers');
	});
});
