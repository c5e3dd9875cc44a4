import { expect, test } from './fixtures';
import { fmt, nodeHeadline } from './expected';
import { SUBPATH_PORT } from '../../playwright.config';

test('the same build works under a sub-path (/sandbox/) of a plain static server', async ({ watched: page }) => {
	const expected = await nodeHeadline('610922110');
	await page.goto(`http://127.0.0.1:${SUBPATH_PORT}/sandbox/`);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText('8,812');
	await page.getByTestId('town-filter').selectOption('610922110');
	await expect(page).toHaveURL(`http://127.0.0.1:${SUBPATH_PORT}/sandbox/?town=610922110`);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(`http://127.0.0.1:${SUBPATH_PORT}/sandbox/en/?town=610922110`);
	await expect(page.getByTestId('value-ledgerCases')).toHaveText(fmt(expected.cases));
	await page.getByRole('link', { name: 'Data & methods' }).click();
	await expect(page).toHaveURL(`http://127.0.0.1:${SUBPATH_PORT}/sandbox/en/methods/`);
	await expect(page.locator('h1')).toHaveText('Data and methods');
});
