import { expect, test } from './fixtures';
import { drawn, SANDBOX_TIMEOUT, status } from './sandbox-helpers';

type Page = import('@playwright/test').Page;

// The sandbox's scenarios kept in the browser and in files: saving, loading, importing, and what
// happens when they are not as expected.
test.describe.configure({ timeout: SANDBOX_TIMEOUT });

test('a saved scenario survives a reload and loads again', async ({ watched: page }) => {
	await page.goto('/en/simulate/?mode=custom&sinking=0.2&coordination=0.4&participation=0.6&version=3');
	// Typed and submitted as a user does, then seen in the list before leaving the page.
	await page.getByTestId('scenario-name').fill('Slow sinking');
	await page.getByTestId('scenario-name').press('Enter');
	await expect(page.getByTestId('store-save-message')).toContainText('Saved “Slow sinking”');
	await expect(page.getByRole('button', { name: 'Load: Slow sinking' })).toBeVisible();
	await page.goto('/en/simulate/');
	await expect(page.locator('[data-mode=multi]')).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Load: Slow sinking' }).click();
	await expect(page).toHaveURL(/sinking=0\.2/);
	await expect(page.getByTestId('lever-participation')).toHaveValue('0.6');
	await page.getByRole('button', { name: 'Delete Slow sinking' }).click();
	await page.reload();
	await expect(page.getByText('No saved scenarios yet.')).toBeVisible();
});

// One visit: files of the wrong shape change nothing, not even the name; then malformed, old and good files.
test('importing a malformed scenario file shows an error and keeps the current scenario; one of the wrong shape says why and changes nothing, not even the name', async ({ watched: page }) => {
	await page.goto('/en/simulate/?mode=custom&sinking=0.3&coordination=0.3&participation=0.3&version=3');
	const name = page.getByTestId('scenario-name');
	await name.fill('Mine');
	const input = page.getByTestId('import-json');
	const message = page.getByTestId('store-message');
	const files: [string, string, string][] = [
		['only-kind.json', '{"kind":"grassroots-governance-scenario","name":"Other"}', '“mode” is missing'],
		['capital.json', '{"kind":"grassroots-governance-scenario","name":"Other","Levers":{}}', 'did you mean “levers”'],
		['deep.json', `{"kind":"grassroots-governance-scenario","name":"Other","levers":${'['.repeat(49_000)}${']'.repeat(49_000)}}`, '“levers” should be an object'],
		['newer.json', '{"kind":"grassroots-governance-scenario","name":"Other","version":"4"}', 'newer version of the model (version 4)']
	];
	for (const [file, text, reason] of files) {
		await input.setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
		await expect(message).toContainText(`Could not import “${file}”`);
		await expect(message).toContainText(reason);
		await expect(name).toHaveValue('Mine');
		await expect(page).toHaveURL(/sinking=0\.3/);
	}
	await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"grassroots-governance-scenario","levers":{"sinking":"lots"}}') });
	await expect(page.getByTestId('store-message')).toContainText('Could not import “broken.json”: “mode” is missing; “base” is missing; “structure” is missing; “levers.sinking” should be a number from 0 to 1, not "lots"');
	await expect(page).toHaveURL(/sinking=0\.3/);
	await input.setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('hello') });
	await expect(page.getByTestId('store-message')).toContainText('it is not valid JSON');
	// A model-1 file is read and shown with model 2, with a note.
	const old = { kind: 'grassroots-governance-scenario', name: 'Old', mode: 'custom', levers: { sinking: 0.1, coordination: 0.9, participation: 0.5 }, context: { outMigration: 0.05, budget: 1, digitalAccess: 0.6 }, seed: 3, version: '1' };
	await input.setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(old)) });
	await expect(page.getByTestId('store-message')).toContainText('made with model version 1: shown with model version 3');
	await expect(page).toHaveURL(/coordination=0\.9/);
	// A valid file is applied, and exporting gives back the same scenario.
	const structure = { feedback: true, responsiveChannels: false, topDownAssignment: true, villageHandling: false, liaisons: true, targetedService: false, topDownPressure: 0.5 };
	const good = { kind: 'grassroots-governance-scenario', name: 'Mine', mode: 'custom', base: 'one-way', structure, levers: { sinking: 0, coordination: 0.7, participation: 0.5 }, context: { outMigration: 0.05, budget: 1, digitalAccess: 0.6 }, seed: 3, version: '3' };
	await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
	await expect(page).toHaveURL(/coordination=0\.7/);
	await expect(page.getByTestId('structure-feedback')).toBeChecked();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export scenario JSON' }).click();
	const text = (await (await (await download).createReadStream()).toArray()).join('');
	expect(JSON.parse(text)).toEqual(good);
});

test.describe('saved scenarios and files that are not as expected', () => {
	const KEY = 'grassroots-governance-sandbox.scenarios.v1';
	const scenario = (sinking: number) => ({
		mode: 'custom',
		base: 'multi',
		structure: { feedback: true, responsiveChannels: true, topDownAssignment: false, villageHandling: true, liaisons: true, targetedService: true, topDownPressure: 0.3 },
		levers: { sinking, coordination: 0.5, participation: 0.5 },
		context: { outMigration: 0.03, budget: 1, digitalAccess: 0.6 },
		seed: 1,
		version: '3'
	});
	const entry = (name: string, sinking: number) => ({ name, scenario: scenario(sinking), savedAt: '2024-01-01T00:00:00.000Z' });
	/** Puts entries in the store from a light page of the same site, before the sandbox opens. */
	async function withStored(page: Page, entries: unknown[]) {
		await page.goto('/en/methods/');
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(entries)] as const);
		await page.goto('/en/simulate/');
	}

	test('two saved scenarios with the same name: the sandbox works and lists both', async ({ watched: page }) => {
		await withStored(page, [entry('Same', 0.1), entry('Same', 0.2)]);
		await drawn(page);
		await expect(page.getByTestId('store-renamed')).toContainText('“Same (2)”');
		await page.getByRole('button', { name: 'Load: Same (2)' }).click();
		await expect(page).toHaveURL(/sinking=0\.2/);
		await page.getByRole('button', { name: 'Load: Same', exact: true }).click();
		await expect(page).toHaveURL(/sinking=0\.1/);
	});

	test('unreadable saved entries are kept through a save, reported, and can be exported or deleted', async ({ watched: page }) => {
		const broken = { name: 'Broken', scenario: { mode: 'sideways' } };
		await withStored(page, [entry('Good', 0.1), broken]);
		const notice = page.getByTestId('store-unreadable');
		await expect(notice).toContainText('1 saved scenario in this browser could not be read');
		await page.getByTestId('scenario-name').fill('Another');
		await page.getByTestId('scenario-name').press('Enter');
		await expect(page.getByRole('button', { name: 'Load: Another' })).toBeVisible();
		await page.reload();
		await expect(notice).toContainText('1 saved scenario in this browser could not be read');
		const download = page.waitForEvent('download');
		await notice.getByRole('button', { name: 'Export unreadable' }).click();
		const text = (await (await (await download).createReadStream()).toArray()).join('');
		expect(JSON.parse(text)).toEqual([broken]);
		await notice.getByRole('button', { name: 'Delete unreadable' }).click();
		await notice.getByRole('button', { name: 'Delete for good' }).click();
		await expect(notice).toHaveCount(0);
		await page.reload();
		await expect(page.getByRole('button', { name: 'Load: Good' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Load: Another' })).toBeVisible();
		await expect(notice).toHaveCount(0);
	});

	test('saving under a name already used asks before replacing', async ({ watched: page }) => {
		await withStored(page, [entry('Mine', 0.1)]);
		await page.getByTestId('lever-sinking').focus();
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/sinking=0\.85/);
		const name = page.getByTestId('scenario-name');
		await name.fill('Mine');
		await name.press('Enter');
		const question = page.getByTestId('store-replace');
		await expect(question).toContainText('“Mine” is already saved');
		await question.getByRole('button', { name: 'Cancel' }).click();
		await page.getByRole('button', { name: 'Load: Mine' }).click();
		await expect(page).toHaveURL(/sinking=0\.1/);
		await page.getByTestId('lever-sinking').focus();
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/sinking=0\.15/);
		await name.press('Enter');
		await question.getByRole('button', { name: 'Replace' }).click();
		await expect(page.getByTestId('store-save-message')).toContainText('Saved “Mine”');
		await page.reload();
		await page.getByRole('button', { name: 'Load: Mine' }).click();
		await expect(page).toHaveURL(/sinking=0\.15/);
	});

	test('a save the browser refuses to store says so, and the list stays as stored', async ({ watched: page }) => {
		await page.addInitScript((key) => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (k: string, v: string) {
				if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return setItem.call(this, k, v);
			};
		}, KEY);
		await page.goto('/en/simulate/');
		await page.getByTestId('scenario-name').fill('Too much');
		await page.getByTestId('scenario-name').press('Enter');
		await expect(page.getByTestId('store-save-message')).toContainText('Not saved');
		await expect(page.getByText('No saved scenarios yet.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Load: Too much' })).toHaveCount(0);
	});

	test('a link from a newer model says so, runs nothing and keeps the link until asked', async ({ watched: page }) => {
		await page.goto('/en/simulate/?mode=one-way&version=4');
		const notice = page.getByTestId('version-notice');
		await expect(notice).toContainText('newer version of the model (version 4)');
		await expect(status(page)).toHaveAttribute('data-phase', 'held');
		await expect(page).toHaveURL(/version=4/);
		await notice.getByRole('button', { name: 'Run with model version 3' }).click();
		await expect(page).toHaveURL(/mode=one-way&version=3/);
		await drawn(page);
		await expect(notice).toHaveCount(0);
	});
});
