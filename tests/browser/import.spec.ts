import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { fmt, nodeHeadline } from './expected';
import { nodeImport } from './import-expected';
import { checkAsNode } from './import-steps';

const FIXTURE = 'tests/fixtures/import/ledger-utf8-bom.csv';
const MAP = 'tests/fixtures/import/ledger.map.json';
const PARQUET = 'tests/fixtures/import/ledger.parquet';

/**
 * The browser import end to end, in one visit: the messy fixture read, mapped (the fixture's
 * mapping loaded as a file), checked — each count equal to the command line's code on the same
 * file — used; the overview then answers on it with the Node computation's case count; a reload
 * keeps it; a malformed file gives a clear message and keeps it; forgetting it brings back the
 * default dataset. Every request is watched: none leaves the site, none carries a body.
 */
test('import a messy ledger, see its checks and the overview on it, reload, forget', async ({ watched: page }) => {
	test.setTimeout(180_000);
	const expected = await nodeImport(FIXTURE, MAP);
	const sent: string[] = [];
	page.on('request', (r) => {
		if (r.method() !== 'GET' || r.postDataBuffer()) sent.push(`${r.method()} ${r.url()}`);
	});

	await page.goto('/import/');
	await expect(page.getByTestId('privacy')).toBeVisible();
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });
	await expect(page.getByTestId('files')).toContainText('utf-8');
	await checkAsNode(page, expected, MAP);
	// The downloaded report is the command line's report (its time-free parts).
	const download = page.waitForEvent('download');
	await page.getByTestId('download-report').click();
	const saved = await (await download).path();
	const report = JSON.parse(readFileSync(saved, 'utf8'));
	expect({ ...report, files: undefined }).toEqual({ ...expected.report, files: undefined });

	await page.getByTestId('use-data').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('imported-banner')).toContainText('ledger-utf8-bom.csv');
	await expect(page.getByTestId('imported-banner')).toContainText(fmt(expected.report.kept));

	await page.getByTestId('to-overview').click();
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });

	expect(expected.headline.cases).toBeGreaterThan(0);

	// The ledger page on it: the county, then a town's village (its cases loaded in the browser).
	const n = fmt;
	await page.getByRole('navigation').getByRole('link', { name: '三本账' }).click();
	// The file has no escalation field: the key rates say so instead of showing zeros; its
	// categories (a mapped field) are counted as Node counts them.
	await expect(page.getByTestId('chart-key').locator('[data-key="escalated"]')).toHaveCount(0);
	const category = page.getByTestId('chart-by-category').locator('.num').first();
	await expect(category).toContainText(n(expected.ledger.byCategory[0].cases), { timeout: 60_000 });
	const { town, id, ledger } = expected.village;
	await page.getByTestId('ledger-town').selectOption(town);
	await page.getByTestId('ledger-village').selectOption(id);
	await expect(page.getByTestId('ledger-charts')).toHaveAttribute('data-filters', `town=${town}&village=${id}`);
	await expect(category).toContainText(n(ledger.byCategory[0].cases), { timeout: 60_000 });

	// The bulletin of its busiest quarter.
	const { quarter, rows } = expected.bulletin;
	await page.goto(`/ledgers/bulletin/?q=${quarter}`);
	await expect(page.getByTestId('bulletin-total')).toHaveText(new Intl.NumberFormat('zh-CN').format(rows.reduce((s, r) => s + r.received, 0)), { timeout: 60_000 });
	expect(rows.reduce((s, r) => s + r.received, 0)).toBeGreaterThan(0);

	// A new page load (as a reload) on a village's address: still the imported data.
	await page.goto(`/ledgers/?town=${town}&village=${id}`);
	await expect(page.getByTestId('imported-banner')).toContainText('ledger-utf8-bom.csv');
	await expect(category).toContainText(n(ledger.byCategory[0].cases), { timeout: 60_000 });
	await page.goto('/');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });

	// A malformed file: a clear message, and the imported data stays.
	mkdirSync('.cache/scratch', { recursive: true });
	writeFileSync('.cache/scratch/broken.json', '{"service_requests": [ {"status": "open"');
	await page.goto('/import/');
	await page.getByTestId('file-input').setInputFiles('.cache/scratch/broken.json');
	await expect(page.getByTestId('import-error')).toContainText('broken.json', { timeout: 90_000 });
	await expect(page.getByTestId('import-error')).toContainText('JSON');
	await expect(page.getByTestId('imported-banner')).toContainText('ledger-utf8-bom.csv');

	// A Parquet file (zstd, typed columns; read in the worker by hyparquet, not DuckDB): every
	// check's count is the command line's (DuckDB's own Parquet reader) on the same file.
	const fromParquet = await nodeImport(PARQUET, MAP);
	await page.getByTestId('file-input').setInputFiles(PARQUET);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });
	await page.getByTestId('mapping-input').setInputFiles(MAP);
	await expect(page.getByTestId('import-notice')).toContainText('ledger.map.json');
	await page.getByTestId('run-checks').click();
	await expect(page.getByTestId('checks-table')).toBeVisible({ timeout: 60_000 });
	for (const p of fromParquet.report.problems) await expect(page.getByTestId(`count-${p.code}`), `parquet ${p.code}`).toHaveText(fmt(p.count));
	await expect(page.getByTestId('checks-summary')).toContainText(fmt(fromParquet.report.kept));
	expect(fromParquet.report.problems.filter((p) => p.count > 0).length).toBeGreaterThanOrEqual(5);

	await page.getByTestId('imported-banner').getByTestId('forget').click();
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	await page.goto('/');
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	expect(sent, 'requests with a body').toEqual([]);
});

/**
 * Cancel stops the worker (its DuckDB with it) and returns to the file step, and the next file is
 * read by a new one; a damaged store gives a notice and the default dataset, until forgotten.
 */
test('cancel an import; a damaged store falls back to the default dataset', async ({ watched: page }) => {
	test.setTimeout(180_000);
	mkdirSync('.cache/scratch', { recursive: true });
	const big = '.cache/scratch/big.csv';
	const line = '编号,受理时间,乡镇,状态\n';
	let text = line;
	for (let i = 0; i < 400_000; i++) text += `Q-${i},2021-03-0${1 + (i % 9)} 08:00:00,城关镇,办结\n`;
	writeFileSync(big, text);

	await page.goto('/en/import/');
	await page.getByTestId('file-input').setInputFiles(big);
	await page.getByTestId('cancel').click();
	await expect(page.getByTestId('import-notice')).toContainText('Cancelled');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
	await expect(page.getByTestId('mapping-table')).toHaveCount(0);
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });

	// A kept import whose description is damaged.
	await page.evaluate(async () => {
		const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('ggs-import', { create: true });
		const w = await (await dir.getFileHandle('meta.json', { create: true })).createWritable();
		await w.write('{"format": "ggs-imported-dataset", "version": 1, "generation"');
		await w.close();
	});
	await page.goto('/en/');
	await expect(page.getByTestId('imported-damaged')).toContainText('damaged');
	const cases = page.getByTestId('value-ledgerCases');
	await expect(cases).toHaveText(fmt((await nodeHeadline(null)).cases));
	await page.getByTestId('forget').click();
	await expect(page.getByTestId('imported-damaged')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
});
