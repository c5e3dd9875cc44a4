import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gridData, type GridData } from '../../src/lib/data/grid-queries';
import { integrationData, type IntegrationData } from '../../src/lib/data/integration-queries';
import { COUNTY } from '../../src/lib/data/scope';
import { parseMapping } from '../../src/lib/import/mapping';
import { applyMapping, readFiles, type ImportReport } from '../../src/lib/import/pipeline';
import { applyTableMapping } from '../../src/lib/import/tables';
import { DEFAULT_SEED } from '../../src/lib/server/dataset';
import { openImportDb } from '../../src/lib/server/import-db';
import { emptyTableSql } from '../../src/lib/data/table-loader';
import { TABLE_NAMES } from '../../sim/dataset/schema';
import { fmt } from './expected';
import { test, expect } from './fixtures';

const DIR = 'tests/fixtures/import';
const CASES = `${DIR}/ledger-utf8-bom.csv`;
const TASKS = `${DIR}/tasks.csv`;
const HOUSEHOLDS = `${DIR}/households.csv`;
const MAP = `${DIR}/tables.map.json`;

/** What the command line's code (DuckDB in Node) makes of the three files: the checks, and the integration and "321" pages' county views. */
async function nodeTables(): Promise<{ report: ImportReport; integration: IntegrationData; grid: GridData }> {
	const db = await openImportDb();
	try {
		const file = (f: string) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) });
		const mapping = parseMapping(JSON.parse(readFileSync(MAP, 'utf8')));
		const { report, units: caseUnits } = await applyMapping(db, await readFiles(db, [file(CASES)]), mapping, { seed: DEFAULT_SEED });
		const tasks = await applyTableMapping(db, await readFiles(db, [file(TASKS)]), 'tasks', mapping.tables!.tasks!, mapping, caseUnits);
		const households = await applyTableMapping(db, await readFiles(db, [file(HOUSEHOLDS)]), 'households', mapping.tables!.households!, mapping, tasks.units);
		report.tables = { tasks: tasks.report, households: households.report };
		for (const t of TABLE_NAMES) await db.query(emptyTableSql(t));
		return { report, integration: await integrationData(db, COUNTY), grid: await gridData(db, COUNTY) };
	} finally {
		db.close();
	}
}

/**
 * Cases, tasks and households in one import, in one visit: each file's kind recognised from its
 * headers, the tables' checks counted as Node counts them, then the integration page and the
 * "321" page drawn from the imported tasks and households with Node's numbers, and a note where
 * the data has nothing (no cadres).
 */
test('import cases, tasks and households: their checks, then the integration and "321" pages on them', async ({ watched: page }) => {
	test.setTimeout(180_000);
	const expected = await nodeTables();
	const tasks = expected.report.tables!.tasks!;
	const households = expected.report.tables!.households!;
	expect(tasks.kept).toBeGreaterThan(0);
	expect(households.kept).toBeGreaterThan(0);

	await page.goto('/import/');
	await page.getByTestId('file-input').setInputFiles([CASES, TASKS, HOUSEHOLDS]);
	await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 90_000 });
	await expect(page.getByTestId('kind-0')).toHaveValue('cases');
	await expect(page.getByTestId('kind-1')).toHaveValue('tasks');
	await expect(page.getByTestId('kind-2')).toHaveValue('households');
	await expect(page.getByTestId('table-tasks-assigned_on')).toHaveValue('交办日期');
	await page.getByTestId('mapping-input').setInputFiles(MAP);
	await expect(page.getByTestId('import-notice')).toContainText('tables.map.json');
	await page.getByTestId('run-checks').click();
	await expect(page.getByTestId('table-households-summary')).toContainText(fmt(households.kept), { timeout: 90_000 });
	await expect(page.getByTestId('checks-summary')).toContainText(fmt(expected.report.kept));
	await expect(page.getByTestId('table-tasks-summary')).toContainText(fmt(tasks.kept));
	for (const [kind, r] of [['tasks', tasks], ['households', households]] as const)
		for (const p of r.problems.filter((q) => q.count > 0)) await expect(page.getByTestId(`table-${kind}-count-${p.code}`), `${kind} ${p.code}`).toHaveText(fmt(p.count));

	await page.getByTestId('use-data').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('to-integration').click();
	const units = page.getByTestId('chart-units');
	const withTasks = expected.integration.units.filter((u) => u.tasks > 0);
	expect(withTasks.length).toBeGreaterThan(1);
	for (const u of withTasks) await expect(units.locator(`[data-key="${u.code}"] .num`), u.code).toHaveText(new RegExp(`^${fmt(Number(u.tasks))} `), { timeout: 60_000 });
	await expect(page.getByTestId('gap-no-cadres')).toBeVisible();
	for (const y of expected.integration.years) await expect(page.getByTestId('periods-table')).toContainText(y.year);

	// The "321" page (loaded anew: the kept import is what it shows).
	await page.goto('/grid/');
	const lines = page.getByTestId('chart-lines');
	expect(expected.grid.lines.length).toBeGreaterThan(1);
	for (const l of expected.grid.lines) await expect(lines.locator(`[data-key="${l.line}"] .num`), l.line).toHaveText(new RegExp(`^${fmt(Number(l.liaisons))} `), { timeout: 60_000 });
	await expect(page.getByTestId('chart-colours')).toBeVisible();
	await expect(page.getByTestId('chart-hierarchy')).toBeVisible();
	await expect(page.getByTestId('gap-no-households')).toHaveCount(0);
});
