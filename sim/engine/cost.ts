import { WEEKS_PER_YEAR } from './mechanisms/coproduction';
import type { World } from './world';

/** A week's cost in yuan, by item. */
export interface WeekCost {
	/** All cadre hours of the budget, used or idle (cases, travel, paperwork, coordination, petitions). */
	cadres: number;
	/** Stationed cadres' bonus on the hours at village level. */
	bonus: number;
	/** Allowances of active liaisons. */
	allowances: number;
	/** Liaisons' and mediators' hours, at the value of a villager's time. */
	volunteerTime: number;
	/** Hotline and online platform (responsive channels). */
	platform: number;
	/** Co-located offices and supervision (in proportion to coordination). */
	offices: number;
	total: number;
}
export const COST_ITEMS = ['cadres', 'bonus', 'allowances', 'volunteerTime', 'platform', 'offices'] as const satisfies readonly (keyof WeekCost)[];

/**
 * The cost side (SPEC §3): each item priced from a published figure or a stated assumption
 * (parameters.ts, mechanism "cost"). Fixed items (platform, offices) are scaled with the county in
 * a reduced-scale run, so that dividing by the scale gives the full county.
 */
export function weekCost(w: World, activeLiaisons: number, volunteerHours: number): WeekCost {
	const { p, capacity, spec } = w;
	let village = 0;
	for (let q = 0; q < capacity.village.length; q++) village += capacity.village[q];
	const cost = {
		cadres: capacity.total * p.hourCost,
		bonus: village * p.hourCost * p.stationedBonus,
		allowances: (activeLiaisons * p.liaisonAllowance) / WEEKS_PER_YEAR,
		volunteerTime: volunteerHours * p.volunteerHourValue,
		platform: spec.structure.responsiveChannels ? (p.platformCost * w.scale) / WEEKS_PER_YEAR : 0,
		offices: (spec.levers.coordination * p.officeCost * w.county.towns.length * w.scale) / WEEKS_PER_YEAR,
		total: 0
	};
	cost.total = COST_ITEMS.reduce((s, k) => s + cost[k], 0);
	return cost;
}
