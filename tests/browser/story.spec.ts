import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

// Issue #15 items 3, 4, 5, 8: the towns ranked by days to close (against an independent
// computation on build/data/cases.csv), the rates' scope lines, the icicle's aggregates and way
// back, and the cite-this-page block.

/** Parses a CSV of plain fields and quoted ones ("" for a quote), as the generator writes it. */
function parseCsv(text: string): Record<string, string>[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
		else if (ch !== '\r') field += ch;
	}
	if (field || row.length) row.push(field), rows.push(row);
	const [head, ...body] = rows;
	return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Days to close, by town, of the closed cases received in the quarters from–to (of one ledger
 * type or all): intake (received_at) to closure (archived_at), sorted.
 */
function closeDays(cases: Record<string, string>[], ledger: string | null, from: string, to: string): Map<string, number[]> {
	const quarter = (t: string) => `${t.slice(0, 4)}Q${Math.floor((Number(t.slice(5, 7)) - 1) / 3) + 1}`;
	const at = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`);
	const out = new Map<string, number[]>();
	for (const c of cases) {
		if (!c.archived_at || (ledger && c.ledger !== ledger)) continue;
		const q = quarter(c.received_at);
		if (q < from || q > to) continue;
		const list = out.get(c.town_code) ?? [];
		list.push((at(c.archived_at) - at(c.received_at)) / 86_400_000);
		out.set(c.town_code, list);
	}
	for (const l of out.values()) l.sort((a, b) => a - b);
	return out;
}
/** The k-th smallest, k = ⌈q·n⌉ (the order statistic a median or p90 names). */
const orderStat = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];

async function expectRanking(rows: ReturnType<import('@playwright/test').Page['locator']>, expected: Map<string, number[]>) {
	await expect(rows).toHaveCount(expected.size);
	const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ town: tr.getAttribute('data-town')!, cases: Number(tr.getAttribute('data-cases')), median: Number(tr.getAttribute('data-median')), p90: Number(tr.getAttribute('data-p90')), text: tr.textContent ?? '' })));
	for (const r of shown) {
		const days = expected.get(r.town)!;
		expect(r.cases, r.town).toBe(days.length);
		// Read from 4% bins: within 2% of the exact order statistic (plus the rounding to 0.01 day).
		for (const [got, q] of [[r.median, 0.5], [r.p90, 0.9]] as const) {
			const exact = orderStat(days, q);
			expect(Math.abs(got - exact), `${r.town} q${q}: ${got} vs ${exact}`).toBeLessThanOrEqual(0.0203 * exact + 0.006);
		}
	}
	// Sorted by median, fastest first (the default order).
	const medians = shown.map((r) => r.median);
	expect(medians).toEqual([...medians].sort((a, b) => a - b));
	return shown;
}

test('towns ranked by days to close match the raw cases on the ledger page (filtered) and in the bulletin; scope lines say what each rate counts', async ({ watched: page }) => {
	const cases = parseCsv(await readFile('build/data/cases.csv', 'utf8'));
	// The ledger page, one ledger type over two years (a prepared ranking slice summed in the browser).
	await page.goto('/en/ledgers/?ledger=complaint&from=2020Q1&to=2021Q4');
	const ranking = page.getByTestId('chart-ranking');
	const rows = ranking.locator('tbody tr');
	await expectRanking(rows, closeDays(cases, 'complaint', '2020Q1', '2021Q4'));
	await expect(ranking.getByTestId('ranking-scope')).toContainText('Complaints and reports');
	await expect(ranking.getByTestId('ranking-scope')).toContainText('2020');
	await expect(ranking.getByTestId('ranking-verdict')).toHaveAttribute('data-why', /^(spread|overlap|differ)$/);
	// Sortable: by closed cases, largest first.
	await ranking.getByRole('button', { name: 'Closed cases' }).click();
	await expect(ranking.getByTestId('ranking')).toHaveAttribute('data-sort', 'cases-desc');
	const counts = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-cases'))));
	expect(counts).toEqual([...counts].sort((a, b) => b - a));
	// The ledger page's scope line, and the closure at the overview's scope (county and town levels), from the raw cases.
	const scoped = cases.filter((c) => c.ledger === 'complaint' && c.received_at >= '2020-01-01' && c.received_at < '2022-01-01');
	const local = scoped.filter((c) => c.level === 'county' || c.level === 'town');
	const pct = (a: number, b: number) => `${(Math.round((a / b) * 1000) / 10).toFixed(1)}%`;
	const note = page.getByTestId('ledger-scope');
	await expect(note).toContainText('village ledgers included');
	await expect(note).toContainText(pct(scoped.filter((c) => c.archived_at).length, scoped.length));
	await expect(note).toContainText(pct(local.filter((c) => c.archived_at).length, local.length));
	await expect(note.getByRole('link', { name: 'Overview' })).toHaveAttribute('href', /\/en\/$/);
	// Every page cites itself: site, page, version, the address with the view's filters.
	await expect(page.getByTestId('cite-text')).toContainText(/Grassroots Governance Sandbox, “Three ledgers.*”, version \d+\.\d+\.\d+/);
	await expect(page.getByTestId('cite-text')).toContainText('ledger=complaint');

	// The bulletin, one quarter, in Chinese.
	await page.goto('/ledgers/bulletin/?q=2021Q2');
	await expectRanking(page.getByTestId('chart-ranking').locator('tbody tr'), closeDays(cases, null, '2021Q2', '2021Q2'));
	await expect(page.getByTestId('bulletin-scope')).toContainText('2021年第2季度');
});

test('the overview shows every published figure with its scope; the icicle gathers small villages and backs out by keyboard', async ({ watched: page }) => {
	await page.setViewportSize({ width: 390, height: 900 });
	await page.goto('/');
	await expect(page.getByTestId('value-towns')).toHaveText('11');
	await expect(page.getByTestId('value-population')).toHaveText('182,000');
	await expect(page.getByTestId('published-areaKm2')).toContainText('1,525');
	await expect(page.getByTestId('overview-scope')).toContainText('县、镇两级');
	await expect(page.getByTestId('cite')).toContainText('2022 年 2 月和 7 月');
	// The map's labels are whole and inside the map.
	const fits = await page.locator('[data-map-label]').evaluateAll((ts) => {
		const svg = ts[0].closest('svg')!.getBoundingClientRect();
		return ts.map((t) => {
			const b = t.getBoundingClientRect();
			return b.left >= svg.left - 0.5 && b.right <= svg.right + 0.5;
		});
	});
	expect(fits).toEqual(Array(11).fill(true));

	// On a phone, no median's label is crossed by its 90th-percentile tick.
	await page.goto('/en/ledgers/');
	const crossed = await page.getByTestId('chart-steps').locator('svg').first().evaluate((svg) => {
		const labels = [...svg.querySelectorAll('text.value')].map((t) => t.getBoundingClientRect());
		const ticks = [...svg.querySelectorAll('line.p90')].map((l) => l.getBoundingClientRect());
		return labels.filter((b, i) => ticks[i] && ticks[i].left >= b.left - 1 && ticks[i].left <= b.right + 1).length;
	});
	expect(crossed).toBe(0);

	await page.goto('/en/grid/');
	const chart = page.getByTestId('chart-hierarchy');
	// Chengguan's 24 villages are too thin to label one by one: one row names them.
	await expect(chart.locator('[data-others]').first()).toBeAttached();
	await expect(chart.locator('text').filter({ hasText: /^\d+ (other )?villages? [\d,]+$/ }).first()).toBeAttached();
	await chart.locator('g[data-node="610922104"]').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/town=610922104/);
	await expect(page.getByTestId('icicle-path')).toContainText('Chihe');
	await chart.locator('g[data-node]').first().focus();
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/town=/);
});
