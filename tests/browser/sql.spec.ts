import { readFile } from 'node:fs/promises';
import { csvParseRows } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { openNodeDb } from '../../src/lib/server/dataset';
import { examples } from '../../src/lib/sql/examples';
import { SCHEMAS } from '../../sim/dataset/schema';
import { expect, test } from './fixtures';

/** An example's rows computed by DuckDB in Node over the built site's CSV files (not the page's engine, not its wrappers). */
async function nodeRows(sql: string): Promise<Record<string, unknown>[]> {
	const db = await openNodeDb('build/data', ['units', 'case_counts', 'household_status', 'tasks']);
	try {
		return await db.query<Record<string, unknown>>(sql);
	} finally {
		db.close();
	}
}

const meta = async () => JSON.parse(await readFile('build/data/meta.json', 'utf8')) as { tables: Record<string, { rows: number }> };
const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const example = (lang: 'zh' | 'en', id: string) => examples(lang).find((e) => e.id === id)!.sql;

/** Waits until the tables are listed: the engine is up and the page has hydrated. */
async function ready(page: Page) {
	await expect(page.getByTestId('sql-loaded-table')).not.toHaveCount(0);
}

test('an example runs: its table and row count equal DuckDB in Node, with a bar chart; the CSV holds the same rows; an error shows its position, in the page’s language and DuckDB’s words, and marks it in the editor', async ({ watched: page }) => {
	const sql = example('zh', 'closure');
	const expected = await nodeRows(sql);
	await page.goto('/sql/');
	await ready(page);
	await page.locator('[data-example="closure"]').click();
	const result = page.getByTestId('sql-result');
	await expect(result).toHaveAttribute('data-total', String(expected.length));
	await expect(page.getByTestId('sql-count')).toHaveText(`共 ${fmt(expected.length)} 行。`);
	const rows = page.getByTestId('sql-table').locator('tbody tr');
	await expect(rows).toHaveCount(expected.length);
	await expect(rows.first().locator('td').first()).toHaveText(String(expected[0].town));
	await expect(rows.last().locator('td').nth(2)).toHaveText(fmt(Number(expected[expected.length - 1].cases)));
	await expect(page.getByTestId('chart-sql-chart')).toContainText('快速图表');
	await expect(page.getByTestId('chart-sql-chart')).toContainText(String(expected[0].town));
	// The query is in the address.
	await expect(page).toHaveURL(/\?q=SELECT/);

	const download = page.waitForEvent('download');
	await page.getByTestId('sql-csv').click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('query-result.csv');
	const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8').replace(/^\ufeff/, '');
	const [head, ...body] = csvParseRows(text);
	expect(head).toEqual(Object.keys(expected[0]));
	expect(body).toHaveLength(expected.length);
	expect(body.map((r) => [r[0], Number(r[2]), Number(r[3])])).toEqual(expected.map((r) => [r.town, Number(r.cases), Number(r.closed)]));

	// In the same visit (one engine start): an error shows its position, in the page's language and DuckDB's words.
	const editor = page.getByTestId('sql-editor');
	const wrong = 'SELECT name_zh,\n  nosuch\nFROM units';
	await editor.fill(wrong);
	await page.getByTestId('sql-run').click();
	const message = page.getByTestId('sql-message');
	await expect(message).toHaveAttribute('data-kind', 'error');
	await expect(page.getByTestId('sql-sentence')).toHaveText('没有名为 nosuch 的列。各表的列见下方列表。');
	await expect(page.getByTestId('sql-position')).toHaveText('第 2 行第 3 列');
	await expect(page.getByTestId('sql-excerpt').locator('mark')).toHaveText('nosuch');
	await expect(page.getByTestId('sql-engine-message')).toContainText('Binder Error');
	await page.getByTestId('sql-mark').click();
	await expect(editor).toBeFocused();
	expect(await editor.evaluate((e: HTMLTextAreaElement) => [e.selectionStart, e.selectionEnd])).toEqual([wrong.indexOf('nosuch'), wrong.indexOf('nosuch') + 6]);

	// A syntax error after Chinese text: DuckDB-WASM's caret stands too far left there; the page puts it right.
	const bad = "SELECT '城关镇' AS 镇\nFROM units WHERE WHERE 1";
	await editor.fill(bad);
	await page.getByTestId('sql-run').click();
	await expect(message).toHaveAttribute('data-reason', 'parser');
	await expect(message).toHaveAttribute('data-index', String(bad.lastIndexOf('WHERE')));
	await expect(page.getByTestId('sql-position')).toHaveText('第 2 行第 18 列');
});

test('a large result shows 1,000 rows and says how many there are (meta.json); a month series draws a line; writes and reads from outside are refused before the engine, the data stays as it was, nothing leaves the page (en)', async ({ watched: page }) => {
	const { tables } = await meta();
	await page.goto('/en/sql/');
	await ready(page);
	await expect(page.locator('[data-table="household_status"]')).toHaveAttribute('data-rows', String(tables.household_status.rows));
	const editor = page.getByTestId('sql-editor');
	await editor.fill('SELECT * FROM household_status');
	await page.getByTestId('sql-run').click();
	await expect(page.getByTestId('sql-count')).toContainText(`${fmt(tables.household_status.rows)} rows; the first 1,000 are shown below.`);
	await expect(page.getByTestId('sql-table').locator('tbody tr')).toHaveCount(1000);

	const monthly = await nodeRows(example('en', 'monthly'));
	await page.locator('[data-example="monthly"]').click();
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(monthly.length));
	await expect(page.getByTestId('sql-line')).toHaveAttribute('d', /^M.+L/);
	await expect(page.getByTestId('sql-table').locator('tbody tr').first().locator('td').nth(1)).toHaveText(fmt(Number(monthly[0].cases)));

	// In the same visit: writes and reads from outside are refused before the engine; the data stays as it was.
	const message = page.getByTestId('sql-message');
	for (const [sql, reason, sentence] of [
		['DROP TABLE units', 'write', 'a statement starting with DROP'],
		['/* tidy up */ with x as (select 1) delete from units', 'write', 'a statement starting with DELETE'],
		["COPY units TO 'units.csv'", 'write', 'COPY'],
		['SELECT 1; DELETE FROM units', 'several', 'there are 2'],
		["SELECT * FROM read_csv('http://example.org/x.csv')", 'outside', 'read_csv'],
		["FROM units, 'https://example.org/a.csv'", 'outside', 'https://example.org/a.csv']
	]) {
		await editor.fill(sql);
		await editor.press('Control+Enter');
		await expect(message, sql).toHaveAttribute('data-reason', reason);
		await expect(message, sql).toContainText('This statement cannot run here');
		await expect(page.getByTestId('sql-sentence'), sql).toContainText(sentence);
	}
	await editor.fill('SELECT count(*) AS n FROM units');
	await editor.press('Control+Enter');
	await expect(page.getByTestId('sql-table').locator('tbody td').first()).toHaveText(fmt(tables.units.rows));
});

test('keyboard only: an example, the editor with Ctrl+Enter, and the CSV download', async ({ watched: page }) => {
	await page.goto('/en/sql/');
	await ready(page);
	const focused = (sel: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel);
	async function tabTo(sel: string) {
		for (let i = 0; i < 60 && !(await focused(sel)); i++) await page.keyboard.press('Tab');
		expect(await focused(sel), sel).toBe(true);
	}
	await tabTo('[data-example="colours"]');
	await page.keyboard.press('Enter');
	const colours = await nodeRows(example('en', 'colours'));
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(colours.length));
	await tabTo('[data-testid="sql-editor"]');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('SELECT level, count(*) AS units FROM units GROUP BY level ORDER BY level');
	await page.keyboard.press('Control+Enter');
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', '6');
	await tabTo('[data-testid="sql-csv"]');
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
	expect(csvParseRows(text.replace(/^\ufeff/, ''))).toHaveLength(1 + 6);
});

test('the query lives in the address: a link opens and runs it, Back returns to the previous one, a huge one is refused', async ({ watched: page }) => {
	const sql = 'SELECT town_code, count(*) AS villages FROM units WHERE level = \'village\' GROUP BY town_code ORDER BY town_code';
	const expected = await nodeRows(sql);
	await page.goto(`/en/sql/?q=${encodeURIComponent(sql)}`);
	await expect(page.getByTestId('sql-editor')).toHaveValue(sql);
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(expected.length));

	await page.getByTestId('sql-editor').fill('SELECT 42 AS answer');
	await page.getByTestId('sql-run').click();
	await expect(page.getByTestId('sql-table').locator('tbody td').first()).toHaveText('42');
	await expect(page).toHaveURL(/q=SELECT\+42/);
	await page.goBack();
	await expect(page.getByTestId('sql-editor')).toHaveValue(sql);
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(expected.length));

	// The language switch keeps the query.
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/sql\/\?q=SELECT/);
	await expect(page.getByTestId('sql-editor')).toHaveValue(sql);
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(expected.length));
	await expect(page.getByTestId('sql-count')).toHaveText(`共 ${fmt(expected.length)} 行。`);

	// A query too long for a link runs, and stays, without going into the address.
	const long = `SELECT 1 AS one -- ${'x'.repeat(9000)}`;
	await page.getByTestId('sql-editor').fill(long);
	await page.getByTestId('sql-run').click();
	await expect(page).not.toHaveURL(/q=/);
	await expect(page.getByTestId('sql-table').locator('tbody td').first()).toHaveText('1');
	await expect(page.getByTestId('sql-editor')).toHaveValue(long);

	await page.goto(`/sql/?q=${'x'.repeat(9000)}`);
	await expect(page.getByTestId('sql-too-long')).toContainText('9,000');
	await expect(page.getByTestId('sql-editor')).toHaveValue(example('zh', 'closure'));
});

test('on a 360 px phone the page does not scroll sideways: a wide result scrolls inside its box', async ({ watched: page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/sql/');
	await ready(page);
	await page.locator('[data-example="describe"]').click();
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(SCHEMAS.units.columns.length));
	const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
	expect(scroll).toBeLessThanOrEqual(client);
	const box = page.getByTestId('sql-result').getByRole('region');
	expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
	// The region scrolls from the keyboard.
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});
