import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SANDBOX_TIMEOUT } from './sandbox-helpers';

test.describe.configure({ timeout: SANDBOX_TIMEOUT });
/** A lesson step runs its scenarios live (1/16 of the county, paired replicates): on a busy 2-core machine this can take a while. */
const RUN = { timeout: 120_000 };

/** Presses Tab until the focused element matches `selector` (keyboard only: no clicks, no focus() calls). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

test('a lesson completed by keyboard alone: the reveal stays hidden until a prediction is made, and each claim is checked against the live run', async ({ watched: page }) => {
	await page.goto('/learn/feedback/');
	const lesson = page.getByTestId('lesson');
	await expect(lesson.getByRole('heading', { level: 1 })).toHaveText('从单向度到双向互动：反馈改变了什么');
	// The language switch keeps the lesson.
	await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', /en\/learn\/feedback\/$/);
	for (const step of ['order', 'vitality']) {
		const view = page.getByTestId(`step-${step}`);
		await expect(view.getByTestId('question')).not.toBeEmpty();
		// Before a prediction: no result anywhere, and the run cannot start.
		await expect(page.getByTestId('result')).toHaveCount(0);
		await expect(view.getByTestId('run')).toBeDisabled();
		await tabTo(page, `[data-testid="step-${step}"] input[type="radio"]`);
		await page.keyboard.press('ArrowDown');
		await expect(view.locator('input[type="radio"]:checked')).toHaveCount(1);
		// Still hidden after choosing: the answer comes only from the run.
		await expect(page.getByTestId('result')).toHaveCount(0);
		await tabTo(page, `[data-testid="step-${step}"] [data-testid="run"]`);
		await page.keyboard.press('Enter');
		const result = view.getByTestId('result');
		await expect(result).toBeVisible(RUN);
		// The prediction is locked once the run has started.
		await expect(view.locator('input[type="radio"]').first()).toBeDisabled();
		// The numbers come from the run (a chart with its table and CSV, the effect with its interval).
		await expect(result.getByTestId(`chart-lesson-feedback-${step}`)).toBeVisible();
		await expect(result.getByTestId('effect')).toHaveText(/\d/);
		// The lesson's claim, checked on this run of the current model: it fails if the model stops supporting it.
		await expect(result.getByTestId('verdict')).toHaveAttribute('data-supported', '');
		await expect(result.getByTestId('match')).toBeVisible();
		await expect(result.locator('a[href*="/model/#"]').first()).toBeVisible();
		if (step === 'order') {
			await tabTo(page, '[data-testid="next-step"]');
			await page.keyboard.press('Enter');
			await expect(page.locator('#step-heading')).toBeFocused();
		}
	}
	await expect(page.getByTestId('lesson-finished')).toBeVisible();
	await expect(page.getByTestId('lesson-finished').locator('ol li')).toHaveCount(2);
});

/** Every step of a lesson by keyboard: Tab to the first choice, choose it with the arrow keys, Tab to the run button, Enter; then to the next step. */
async function keyboardLesson(page: Page, lesson: string): Promise<number> {
	const steps = await page.locator('nav ol.steps li').count();
	for (let i = 0; i < steps; i++) {
		const view = page.locator('[data-testid^="step-"]');
		const id = await view.getAttribute('data-testid');
		await tabTo(page, `[data-testid="${id}"] input[type="radio"]`);
		await page.keyboard.press('ArrowDown');
		await tabTo(page, `[data-testid="${id}"] [data-testid="run"]`);
		await page.keyboard.press('Enter');
		await expect(view.getByTestId('result'), `${lesson} ${id}`).toBeVisible(RUN);
		// The claim holds on this live run of the current model.
		await expect(view.getByTestId('verdict'), `${lesson} ${id}`).toHaveAttribute('data-supported', '');
		if (i < steps - 1) {
			await tabTo(page, '[data-testid="next-step"]');
			await page.keyboard.press('Enter');
		}
	}
	await expect(page.getByTestId('lesson-finished')).toBeVisible();
	return steps;
}

test('every other lesson (en) completed by keyboard alone, each claim supported by its live run', async ({ watched: page }) => {
	test.setTimeout(5 * SANDBOX_TIMEOUT);
	let steps = 0;
	for (const lesson of ['sinking', 'trust', 'migration', 'online', 'formalism']) {
		await page.goto(`/en/learn/${lesson}/`);
		steps += await keyboardLesson(page, lesson);
	}
	expect(steps).toBeGreaterThanOrEqual(10);
});

test('teacher mode (en): large type, the class’s hands against the result; the handout prints in both languages', async ({ watched: page }) => {
	await page.goto('/en/learn/online/?teacher=1');
	const lesson = page.getByTestId('lesson');
	await expect(lesson).toHaveAttribute('data-teacher', '');
	expect(parseFloat(await lesson.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
	// Advanced content folded away: no summary paragraph, hand counts instead of one student's choice.
	await expect(lesson.locator('.lead')).toHaveCount(0);
	const view = page.getByTestId('step-gap');
	await expect(view.locator('input[type="radio"]')).toHaveCount(0);
	await expect(view.getByTestId('run')).toBeDisabled();
	await view.getByLabel('Hands for “Higher”').fill('7');
	await view.getByLabel('Hands for “About the same”').fill('4');
	await expect(view.getByText('11 predictions in all')).toBeVisible();
	await view.getByTestId('run').click();
	await expect(view.getByTestId('result')).toBeVisible(RUN);
	const hands = view.getByTestId('chart-hands-online-gap');
	await expect(hands).toBeVisible();
	await expect(hands).toContainText('the model’s result');
	await expect(view.getByTestId('verdict')).toHaveAttribute('data-supported', '');
	// The chart's tools (table, CSV) are hidden in teacher mode.
	await expect(view.getByTestId('chart-lesson-online-gap').locator('.tools')).toBeHidden();

	for (const [path, title] of [
		['/en/learn/online/handout/', 'Student handout: Online channels and the left-behind elderly'],
		['/learn/online/handout/', '学生讲义：网络渠道与留守老人']
	] as const) {
		await page.goto(path);
		await page.emulateMedia({ media: 'print' });
		const handout = page.getByTestId('handout');
		await expect(handout.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(handout.getByTestId('handout-question')).toHaveCount(2);
		await expect(handout.locator('.debrief li')).toHaveCount(2);
		// Printed: no navigation, no print button.
		await expect(page.getByRole('navigation').first()).toBeHidden();
		await expect(handout.getByRole('button')).toBeHidden();
		await page.emulateMedia({ media: 'screen' });
	}
});

test('workshop: a damaged record is ignored with a notice; a proposal runs, is kept across a reload and exports as JSON', async ({ watched: page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('ggs-workshop', '{"kind":"ggs-workshop","format":1,"start":"two-way","proposals":[{"change":{"kind":"lever","key":"sinking","value":7}}]}');
			sessionStorage.setItem('seeded', '1');
		}
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/learn/workshop/');
	await expect(page.getByTestId('workshop-damaged')).toBeVisible();
	// The start is run first.
	await expect(page.getByTestId('workshop-table').locator('tbody tr')).toHaveCount(1, RUN);
	await page.getByTestId('workshop-what').selectOption('lever:coordination');
	await page.getByTestId('workshop-value').fill('1');
	await page.getByLabel('提议人或小组（可不填）').fill('第一组');
	await page.getByTestId('workshop-add').click();
	const rows = page.getByTestId('workshop-table').locator('tbody tr');
	await expect(rows).toHaveCount(2, RUN);
	await expect(rows.nth(1)).toContainText('第一组');
	await expect(page.getByTestId('workshop-effect')).toContainText(/[+−]|0/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);

	await page.reload();
	await expect(page.getByTestId('workshop-damaged')).toHaveCount(0);
	await expect(page.getByTestId('workshop-table').locator('tbody tr')).toHaveCount(2, RUN);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workshop-json').click()]);
	const text = await (await download.createReadStream()).toArray();
	const json = JSON.parse(Buffer.concat(text).toString('utf8'));
	expect(json).toMatchObject({ kind: 'ggs-workshop', start: 'two-way', proposals: [{ change: { kind: 'lever', key: 'coordination', value: 1 }, by: '第一组' }] });
	expect(json.steps).toHaveLength(2);
	expect(json.steps[1].scenario.levers.coordination).toBe(1);
	expect(Number.isFinite(json.steps[1].results.effects.order.mean)).toBe(true);
});
