import type { Act } from '../events';
import type { World } from '../world';

export const WEEKS_PER_YEAR = 52;

/**
 * Co-production (Ostrom 1996): a household takes part in governance — it reports an issue
 * itself, has a dispute settled by mediation, or attends a consultation. The vitality outcome
 * counts the households that did so, never a lever's value. `week` defaults to the current one
 * (a review's acts belong to the first week of the period it opens, inside the horizon); the
 * caller announces the acts (`coProduced`), one by one or a review's at once.
 */
export function coProduce(w: World, h: number, act: Act, week = w.week): void {
	const c = w.coproduction;
	c.lastActive[h] = week;
	// Run-years count from the run's origin (the end of the history for a history start).
	const year = Math.floor((week - w.origin) / WEEKS_PER_YEAR);
	if (year < 0) return;
	if (c.year[h] !== year) {
		c.year[h] = year;
		c.activeByYear[year]++;
	}
	if (act === 'consulted' && c.consultYear[h] !== year) {
		c.consultYear[h] = year;
		c.consultedByYear[year]++;
	}
}

/** One household's act of co-production this week, recorded and announced. */
export function coProduceNow(w: World, h: number, act: Act): void {
	coProduce(w, h, act);
	w.events.coProduced(w, act, 1, w.week);
}
