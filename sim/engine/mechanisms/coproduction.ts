import type { Act } from '../events';
import type { World } from '../world';

export const WEEKS_PER_YEAR = 52;

/**
 * Co-production (Ostrom 1996): a household takes part in governance — it reports an issue
 * itself, has a dispute settled by mediation, or attends a consultation. The vitality outcome
 * counts the households that did so, never a lever's value. `week` defaults to the current one
 * (a review's acts belong to the first week of the period it opens).
 */
export function coProduce(w: World, h: number, act: Act, week = w.week): void {
	if (week >= w.weeks) return;
	const c = w.coproduction;
	c.lastActive[h] = week;
	const year = Math.floor(week / WEEKS_PER_YEAR);
	if (c.year[h] !== year) {
		c.year[h] = year;
		c.activeByYear[year]++;
	}
	w.events.coProduced(w, h, act, week);
}
