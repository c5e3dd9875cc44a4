import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { examples } from '../../src/lib/sql/examples';
import { fmt, nodeHeadline } from './expected';
import { test, expect } from './fixtures';
import { nodeImport } from './import-expected';
import { checkAsNode } from './import-steps';

const DIR = 'tests/fixtures/import';
const MAP = `${DIR}/ledger.map.json`;
const mapped = JSON.parse(readFileSync(MAP, 'utf8')) as { fields: Record<string, string> };
const PUBLISHED = `${DIR}/ledger.published.json`;
const supplied = JSON.parse(readFileSync(PUBLISHED, 'utf8')) as { area: { zh: string; en: string }; figures: Record<string, { value: number; source: string }> };

/** The first line of a file as a text decoder of that encoding reads it, split at commas: what the page's columns should be. */
function headersAs(file: string, encoding: string): string[] {
	const text = new TextDecoder(encoding).decode(readFileSync(file));
	return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',');
}


/**
 * The encoding override, in one visit: a GB18030 export is detected as such and its Chinese
 * headers shown; UTF-8 (which it is not) is refused with a clear message and nothing is lost (the
 * columns and the mapping stay); UTF-16 turns the columns into what a UTF-16 decoder makes of the
 * bytes; back to GB18030 the columns are right again, and the checks count what the command line
 * counts on the same file. Then published figures go with it (a bad file refused with its
 * reason): the overview names their area and shows those figures, and only those.
 */
test('a GB18030 file: detected, another encoding chosen and the columns change, back to GB18030 and the counts right; published figures with it', async ({ watched: page }) => {
	test.setTimeout(180_000);
	const file = `${DIR}/ledger-gb18030.csv`;
	const expected = await nodeImport(file, MAP);
	const gb = headersAs(file, 'gb18030');
	const utf16 = headersAs(file, 'utf-16le');
	expect(gb).toContain('受理时间');
	expect(utf16).not.toContain('受理时间');

	await page.goto('/import/');
	await page.getByTestId('file-input').setInputFiles(file);
	const table = page.getByTestId('mapping-table');
	const columns = table.locator('tbody th[scope="row"]');
	await expect(table).toBeVisible({ timeout: 90_000 });
	const encoding = page.getByTestId('encoding-0');
	await expect(encoding.locator('option:checked')).toContainText('gb18030');
	await expect(columns).toHaveText(gb);
	// The suggestion read the Chinese headers: the received time is the column 受理时间.
	await expect(table.locator('tr[data-header="受理时间"] select')).toHaveValue('received_at');
	// A choice made by hand, which a refused encoding must not lose.
	await table.locator(`tr[data-header="${mapped.fields.category}"] select`).selectOption('');

	// UTF-8: the bytes are not UTF-8: said so, naming the file; the columns and the choice stay.
	await encoding.selectOption('utf-8');
	await expect(page.getByTestId('import-error')).toContainText('ledger-gb18030.csv');
	await expect(page.getByTestId('import-error')).toContainText('UTF-8');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
	await expect(columns).toHaveText(gb);
	await expect(encoding).toHaveValue('');
	await expect(table.locator(`tr[data-header="${mapped.fields.category}"] select`)).toHaveValue('');

	// UTF-16: the columns are what a UTF-16 decoder reads (no Chinese header left).
	await encoding.selectOption('utf-16le');
	await expect(columns).toHaveCount(utf16.length, { timeout: 60_000 });
	await expect(table.locator('tr[data-header="受理时间"]')).toHaveCount(0);
	await expect(page.getByTestId('import-error')).toHaveCount(0);

	// Back to GB18030: the columns as before, and the checks count as the command line does.
	await encoding.selectOption('gb18030');
	await expect(columns).toHaveText(gb, { timeout: 60_000 });
	await expect(page.getByTestId('files')).toContainText(`${fmt(expected.report.rows)} 行`);
	await checkAsNode(page, expected);

	// Published figures: a share above 1 is refused, saying so; the fixture's are taken.
	mkdirSync('.cache/scratch', { recursive: true });
	const bad = '.cache/scratch/bad.published.json';
	writeFileSync(bad, JSON.stringify({ format: 'ggs-published', version: 1, figures: { satisfaction: { value: 1.5, period: { to: '2021-06-30' }, source: 'x' } } }));
	await page.getByTestId('published-input').setInputFiles(bad);
	await expect(page.getByTestId('import-error')).toContainText('bad.published.json');
	await expect(page.getByTestId('import-error')).toContainText('satisfaction.value');
	await expect(page.getByTestId('published-chosen')).toHaveCount(0);
	await page.getByTestId('published-input').setInputFiles(PUBLISHED);
	await expect(page.getByTestId('import-error')).toHaveCount(0);
	await expect(page.getByTestId('published-chosen')).toContainText(`${Object.keys(supplied.figures).length} 项`);
	await page.getByTestId('use-data').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('to-overview').click();
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });
	await expect(page.locator('h1')).toContainText(supplied.area.zh);
	await expect(page.locator('[data-testid^="published-"]')).toHaveCount(Object.keys(supplied.figures).length);
	for (const [key, f] of Object.entries(supplied.figures)) {
		await expect(page.getByTestId(`published-${key}`)).toHaveText(fmt(f.value));
		await expect(page.getByTestId(`card-${key}`)).toContainText(f.source);
	}
	// Kept with the data: a reload shows them again.
	await page.reload();
	await expect(page.getByTestId('imported-banner')).toContainText('ledger-gb18030.csv');
	await expect(page.getByTestId(`published-ledgerCases`)).toHaveText(fmt(supplied.figures.ledgerCases.value), { timeout: 60_000 });
});

/**
 * Where OPFS is not available (older Safari; here taken away in the page and in the import
 * worker), the import is kept in IndexedDB: after a reload the pages still show it. An .xlsx
 * export read in the browser; on it the ledger page says which fields the file lacks, the
 * integration and "321" pages say there are no tasks / households, and the SQL console lists its
 * tables and answers on them as DuckDB in Node does; forgetting it empties IndexedDB.
 */
test('without OPFS an .xlsx import is kept in IndexedDB: reload, every page on it, the SQL console, forget', async ({ watched: page }) => {
	test.setTimeout(240_000);
	const file = `${DIR}/ledger.xlsx`;
	const closure = examples('en').find((e) => e.id === 'closure')!.sql;
	const expected = await nodeImport(file, MAP, {
		closure,
		counts: `SELECT (SELECT count(*) FROM case_counts)::INTEGER AS case_counts, (SELECT count(*) FROM units)::INTEGER AS units`
	});
	const [counts] = expected.sql.counts as { case_counts: number; units: number }[];
	const rows = expected.sql.closure;
	expect(rows.length).toBeGreaterThan(0);

	// No OPFS in the page (an init script) nor in the import worker (its script served with the same lines first).
	const noOpfs = `delete StorageManager.prototype.getDirectory;`;
	await page.addInitScript(noOpfs);
	let workerServed = false;
	await page.route('**/workers/import.worker-*.js', async (route) => {
		const response = await route.fetch();
		workerServed = true;
		await route.fulfill({ response, body: noOpfs + '\n' + (await response.text()) });
	});
	const idbKeys = () =>
		page.evaluate(
			() =>
				new Promise<string[]>((resolve, reject) => {
					const open = indexedDB.open('ggs-import', 1);
					open.onupgradeneeded = () => open.result.createObjectStore('files');
					open.onsuccess = () => {
						const req = open.result.transaction('files').objectStore('files').getAllKeys();
						req.onsuccess = () => {
							open.result.close();
							resolve((req.result as string[]).map(String).sort());
						};
						req.onerror = () => reject(req.error);
					};
					open.onerror = () => reject(open.error);
				})
		);

	await page.goto('/en/import/');
	expect(await page.evaluate(() => typeof navigator.storage.getDirectory)).toBe('undefined');
	await page.getByTestId('file-input').setInputFiles(file);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });
	expect(workerServed).toBe(true);
	await checkAsNode(page, expected);
	await page.getByTestId('use-data').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	// Kept in IndexedDB: the description and one file per table.
	const keys = await idbKeys();
	expect(keys).toContain('meta.json');
	expect(keys.filter((k) => k.endsWith('.arrow')).length).toBeGreaterThan(5);

	// A reload: still the imported data, counted as Node counts it.
	await page.goto('/en/');
	await expect(page.getByTestId('imported-banner')).toContainText('ledger.xlsx');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });
	// No published figures were supplied: none is shown (not Shiquan's).
	await expect(page.locator('[data-testid^="published-"]')).toHaveCount(0);

	// The ledger page: no channel or step time in the mapping, so those charts say so; categories are counted.
	for (const f of ['channel', 'registered_at', 'dispatched_at']) expect(mapped.fields[f]).toBeUndefined();
	await page.goto('/en/ledgers/');
	await expect(page.getByTestId('chart-by-category').locator('.num').first()).toContainText(fmt(expected.ledger.byCategory[0].cases), { timeout: 60_000 });
	await expect(page.getByTestId('gap-by-channel')).toContainText('This data has no');
	await expect(page.getByTestId('gap-steps')).toContainText('This data has no');

	// The file gives no tasks and no households: the two pages say so.
	await page.goto('/en/integration/');
	await expect(page.getByTestId('imported-banner')).toContainText('ledger.xlsx');
	await expect(page.getByTestId('gap-no-tasks')).toBeVisible();
	await page.goto('/en/grid/');
	await expect(page.getByTestId('gap-no-households')).toBeVisible();

	// The SQL console on it: its tables with their rows, an example as Node answers it, an error's position, a write refused.
	await page.goto('/en/sql/');
	await expect(page.getByTestId('imported-banner')).toContainText('ledger.xlsx');
	await expect(page.locator('[data-table="case_counts"]')).toHaveAttribute('data-rows', String(counts.case_counts), { timeout: 60_000 });
	await expect(page.locator('[data-table="units"]')).toHaveAttribute('data-rows', String(counts.units));
	await page.locator('[data-example="closure"]').click();
	await expect(page.getByTestId('sql-result')).toHaveAttribute('data-total', String(rows.length));
	// Towns of equal closure rate may come in either order: compared by town.
	const byTown = (r: string[][]) => r.sort((a, b) => a[0].localeCompare(b[0]));
	const shown = await page
		.getByTestId('sql-table')
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
	expect(byTown(shown.map((r) => [r[0], r[2], r[3]]))).toEqual(byTown(rows.map((r) => [String(r.town), fmt(Number(r.cases)), fmt(Number(r.closed))])));
	const editor = page.getByTestId('sql-editor');
	await editor.fill('SELECT town_code,\n  nosuch\nFROM units');
	await editor.press('Control+Enter');
	await expect(page.getByTestId('sql-position')).toHaveText('line 2, column 3');
	await editor.fill('DELETE FROM case_counts');
	await editor.press('Control+Enter');
	await expect(page.getByTestId('sql-message')).toHaveAttribute('data-reason', 'write');
	await editor.fill('SELECT count(*) AS n FROM case_counts');
	await editor.press('Control+Enter');
	await expect(page.getByTestId('sql-table').locator('tbody td').first()).toHaveText(fmt(counts.case_counts));

	// Forget: gone from IndexedDB, and a reload shows the default dataset.
	await page.getByTestId('imported-banner').getByTestId('forget').click();
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	expect(await idbKeys()).toEqual([]);
	await page.reload();
	const site = JSON.parse(readFileSync('build/data/meta.json', 'utf8')) as { tables: Record<string, { rows: number }> };
	await expect(page.locator('[data-table="units"]')).toHaveAttribute('data-rows', String(site.tables.units.rows), { timeout: 60_000 });
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
});

/**
 * An Open311 GeoReport v2 export read in the browser with its own places (the mapping's "own"):
 * the checks as the command line counts them; then the overview names the mapping's area, lists
 * the file's places (a grid of buttons, no schematic map of Shiquan) and counts its cases as Node
 * does; the ledger page offers those places and says which fields the file lacks. On the way:
 * the mapping exported as loaded, a check's choice changed and counted as Node counts it; at the
 * end, back to the default dataset (kept across a reload) and the kept data used again.
 */
test('an Open311 JSON export with its own places: checks and a changed choice, the overview and the ledger page on its places, back to the default and again', async ({ watched: page }) => {
	test.setTimeout(180_000);
	const file = `${DIR}/open311.json`;
	const map = `${DIR}/open311.map.json`;
	const expected = await nodeImport(file, map);
	const requests = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>[];
	const places = [...new Set(requests.map((r) => r.zipcode))].sort();
	const mapDoc = JSON.parse(readFileSync(map, 'utf8')) as { places: { mode: string; name: string }; fields: Record<string, string>; actions: Record<string, string> };
	const area = mapDoc.places.name;
	// A problem kept by default, dropped instead: what Node makes of the mapping with that choice.
	const kept = expected.report.problems.find((p) => p.action === 'keep' && p.count > 0)!;
	mkdirSync('.cache/scratch', { recursive: true });
	const dropMap = '.cache/scratch/open311-drop.map.json';
	writeFileSync(dropMap, JSON.stringify({ ...mapDoc, actions: { ...mapDoc.actions, [kept.code]: 'drop' } }));
	const dropped = await nodeImport(file, dropMap);
	expect(dropped.report.kept).toBeLessThan(expected.report.kept);
	const site = await nodeHeadline(null);

	await page.goto('/en/import/');
	await page.getByTestId('file-input').setInputFiles(file);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });
	await expect(page.getByTestId('files')).toContainText(`${fmt(requests.length)} rows`);
	await checkAsNode(page, expected, map);
	// The mapping exported is the one loaded (its fields and choices).
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export the mapping (JSON)' }).click();
	const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
	expect([exported.fields, exported.actions, exported.places.mode, exported.places.name]).toEqual([mapDoc.fields, mapDoc.actions, mapDoc.places.mode, mapDoc.places.name]);
	// A choice changed: checked again, counted as Node counts with that choice; then back.
	await page.getByTestId(`action-${kept.code}`).selectOption('drop');
	for (const p of dropped.report.problems) await expect(page.getByTestId(`dropped-${p.code}`), p.code).toHaveText(fmt(p.dropped), { timeout: 60_000 });
	await expect(page.getByTestId('checks-summary')).toContainText(fmt(dropped.report.kept));
	await page.getByTestId(`action-${kept.code}`).selectOption('keep');
	await expect(page.getByTestId(`dropped-${kept.code}`)).toHaveText('0', { timeout: 60_000 });
	await expect(page.getByTestId('checks-summary')).toContainText(fmt(expected.report.kept));
	await page.getByTestId('use-data').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('to-overview').click();
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });
	await expect(page.locator('h1')).toContainText(area);
	await expect(page.getByTestId('place-grid').getByRole('button')).toHaveText(places);
	await expect(page.locator('[data-testid^="published-"]')).toHaveCount(0);
	expect(await page.locator('main').innerText()).not.toMatch(/Shiquan/);

	await page.getByRole('navigation').getByRole('link', { name: 'Ledgers' }).click();
	await expect(page.getByTestId('ledger-town').locator('option')).toHaveText(['Every place', ...places], { timeout: 60_000 });
	for (const gap of ['gap-steps', 'gap-by-level', 'gap-by-channel']) await expect(page.getByTestId(gap)).toContainText('This data has no');
	await expect(page.getByTestId('ledger-village')).toHaveCount(0);
	// Phone width: nothing scrolls sideways.
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// Back to the default dataset: the county's figures, also after a reload; the import page offers the kept data again.
	await page.getByTestId('use-default').click();
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	await page.goto('/en/');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(site.cases), { timeout: 60_000 });
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	await page.goto('/en/import/');
	await expect(page.getByTestId('kept')).toContainText('open311.json');
	await page.getByTestId('use-kept').click();
	await expect(page.getByTestId('imported-banner')).toContainText('open311.json');
	await page.goto('/en/');
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.headline.cases), { timeout: 60_000 });
});
