import { poisson } from '../../random/distributions';
import type { World } from '../world';
import { colourOf } from './colour';

/** Escalations a year per 1,000 households at which the order index is one half. */
export const ORDER_HALF_POINT = 5;

/**
 * Weeks between household reviews: colours, trust averages and escalation hazards are refreshed
 * every four weeks, like the grid's monthly visits (and to keep a five-year run fast); events
 * change a household's grievance and trust at once.
 */
export const REVIEW_WEEKS = 4;

export interface HouseholdWeek {
	trustSum: number;
	colourCounts: [number, number, number];
	/** Expected escalations this week by town and by household type. */
	hazardByTown: Float64Array;
	hazardByType: Float64Array;
	/** Red (连心户) households by town at the last review. */
	redByTown: Float64Array;
}

/**
 * Order (SPEC §3.7) and colour (§3.10), one pass over the households every REVIEW_WEEKS weeks:
 * grievance fades; unresolved grievance escalates to disputes and petitions with a weekly hazard
 * grievance × (1 − legitimacy) (after Epstein 2002, legitimacy read as the household's trust),
 * summed by town and type for the weekly draws until the next review; colours are reassigned;
 * village trust is averaged for participation.
 */
export function householdReview(w: World, out: HouseholdWeek): void {
	const { p, county, grievance, trust, openIssues, type, colour } = w;
	const village = county.households.village;
	const town = county.households.town;
	const villageTrust = w.villageTrust;
	const byTown = out.hazardByTown;
	const byType = out.hazardByType;
	const redByTown = out.redByTown;
	villageTrust.fill(0);
	redByTown.fill(0);
	byTown.fill(0);
	byType.fill(0);
	let green = 0;
	let yellow = 0;
	let red = 0;
	let trustSum = 0;
	const keep = Math.pow(1 - p.grievanceDecay, REVIEW_WEEKS);
	const rate = p.escalationRate;
	for (let h = 0; h < w.n; h++) {
		let g = grievance[h];
		const tr = trust[h];
		if (g > 0) {
			g *= keep;
			if (g < 1e-4) g = 0;
			grievance[h] = g;
			const hazard = rate * g * (1 - tr);
			byTown[town[h]] += hazard;
			byType[type[h]] += hazard;
		}
		const c = colourOf(g, openIssues[h], type[h]);
		colour[h] = c;
		if (c === 0) green++;
		else if (c === 1) yellow++;
		else {
			red++;
			redByTown[town[h]]++;
		}
		trustSum += tr;
		villageTrust[village[h]] += tr;
	}
	for (let v = 0; v < county.villages.length; v++) villageTrust[v] /= county.villages[v].households;
	out.colourCounts[0] = green;
	out.colourCounts[1] = yellow;
	out.colourCounts[2] = red;
	out.trustSum = trustSum;
}

/**
 * Draws the week's escalations: the sum of many small independent hazards is Poisson, drawn per
 * town; each is then credited to a household type in proportion to that type's hazard.
 */
export function drawEscalations(w: World, hw: HouseholdWeek): { byTown: number[]; byType: number[] } {
	const rng = w.rng.order;
	const byTown = Array.from(hw.hazardByTown, (h) => poisson(rng, h));
	const total = byTown.reduce((a, b) => a + b, 0);
	const typeTotal = hw.hazardByType.reduce((a, b) => a + b, 0);
	const byType = [0, 0, 0, 0];
	for (let k = 0; k < total; k++) {
		let r = rng.next() * typeTotal;
		let t = 0;
		while (t < 3 && r >= hw.hazardByType[t]) r -= hw.hazardByType[t++];
		byType[t]++;
	}
	return { byTown, byType };
}

/**
 * The order index from the week's expected escalations (the summed hazard, so it does not jump
 * with the luck of small counts): 1 with none, ½ at ORDER_HALF_POINT a year per 1,000 households.
 */
export function orderIndex(escalationsPerWeek: number, households: number): number {
	const perThousandYear = (escalationsPerWeek * 52 * 1000) / households;
	return 1 / (1 + perThousandYear / ORDER_HALF_POINT);
}
