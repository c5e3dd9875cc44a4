import { expect, type Page } from '@playwright/test';

// Full-county replicates are heavy on a two-core machine running two browsers at once, and slower
// still when other work shares it: tests wait for what the user sees (a drawn line, the status
// saying the full county is done), with room for a loaded machine, never for the page to hold
// still while it refines.
// At a load average of 46 (other work sharing the machine) a phone layout test that takes 30–40 s
// in CI ran out of 150 s: a test's time limit costs nothing while it passes.
export const SANDBOX_TIMEOUT = 300_000;
/** The quick pass drawn; the first full-county replicates; every replicate done (per page load). */
export const DRAWN = { timeout: 60_000 };
export const FULL_COUNTY = { timeout: 120_000 };
export const DONE = { timeout: 140_000 };

export const status = (page: Page) => page.getByTestId('sim-status');
/** This scenario's line drawn in the order chart: the first thing the user sees of a run. */
export const drawn = (page: Page) => expect(page.getByTestId('chart-sim-orderIndex').locator('path[data-line="yours"]')).toHaveAttribute('d', /^M/, DRAWN);
export const cell = (page: Page, scenario: string, measure: string) =>
	page.locator(`[data-testid=sim-summary-table] td[data-scenario="${scenario}"][data-measure="${measure}"] strong`);
