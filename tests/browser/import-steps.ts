import type { Page } from '@playwright/test';
import { fmt } from './expected';
import { expect } from './fixtures';
import type { nodeImport } from './import-expected';

const MAP = 'tests/fixtures/import/ledger.map.json';

/** Checks the rows under the fixture's mapping (loaded as a file) and compares every count with the command line's code. */
export async function checkAsNode(page: Page, expected: Awaited<ReturnType<typeof nodeImport>>, map = MAP) {
	await page.getByTestId('mapping-input').setInputFiles(map);
	await expect(page.getByTestId('import-notice')).toContainText(map.split('/').pop()!);
	await page.getByTestId('run-checks').click();
	await expect(page.getByTestId('checks-table')).toBeVisible({ timeout: 60_000 });
	for (const p of expected.report.problems) {
		await expect(page.getByTestId(`count-${p.code}`), p.code).toHaveText(fmt(p.count));
		await expect(page.getByTestId(`dropped-${p.code}`), p.code).toHaveText(fmt(p.dropped));
	}
	await expect(page.locator('[data-testid^="count-"]')).toHaveCount(expected.report.problems.length);
	await expect(page.getByTestId('checks-summary')).toContainText(fmt(expected.report.kept));
}
