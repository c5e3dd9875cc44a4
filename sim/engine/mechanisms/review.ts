import { ELDERLY, MIGRANT, type World } from '../world';
import { colourOf, RED, YELLOW } from './colour';
import { WEEKS_PER_YEAR } from './coproduction';
import { drawEscalations } from './order';

/** What a household review found: the state the outputs report until the next one. */
export interface ReviewReport {
	trustSum: number;
	colourCounts: [number, number, number];
	/** Red (连心户) households by town. */
	redByTown: Float64Array;
	/** Households that took part in co-production in the 52 weeks before the review. */
	active: number;
}

/**
 * The household review every `reviewWeeks` weeks, like the grid's monthly visits (and to keep a
 * five-year run fast), opening the period that starts in week `periodStart`: grievance fades by
 * (1 − `grievanceDecay`) a week; the period's escalations are drawn (order.ts); colours are
 * reassigned from what the grid knows — the household's issues that reached government or a
 * liaison and are still open; village trust and the share of households with working-age members at home are
 * averaged for participation (where there are liaison posts); the households active in co-production are counted.
 */
export function householdReview(w: World, periodStart: number, out: ReviewReport): void {
	const { p, county, grievance, trust, type, colour } = w;
	const village = county.households.village;
	const town = county.households.town;
	const { villageTrust, villagePresence } = w;
	const lastActive = w.coproduction.lastActive;
	const since = periodStart - WEEKS_PER_YEAR;
	const counting = w.liaisons.count > 0;
	villageTrust.fill(0);
	villagePresence.fill(0);
	out.redByTown.fill(0);
	let greens = 0;
	let yellows = 0;
	let reds = 0;
	let trustSum = 0;
	let active = 0;
	const redByTown = out.redByTown;
	const keep = Math.pow(1 - p.grievanceDecay, p.reviewWeeks);
	const known = w.knownIssues;
	// Read once: this loop runs for every household at every review.
	const hazardRate = p.reviewWeeks * p.escalationRate;
	const { accumulated, threshold } = w.escalationState;
	const red = p.redGrievance;
	const yellow = p.yellowGrievance;
	const n = w.n;
	for (let h = 0; h < n; h++) {
		let g = grievance[h];
		const tr = trust[h];
		if (g > 0) {
			g *= keep;
			if (g < 1e-4) g = 0;
			grievance[h] = g;
			// The period's escalation hazard; the draw only where it completes one (order.ts).
			const hazard = hazardRate * g * (1 - tr);
			if (accumulated[h] + hazard < threshold[h]) accumulated[h] += hazard;
			else drawEscalations(w, h, periodStart);
		}
		const t = type[h];
		const c = colourOf(red, yellow, g, known[h], t);
		colour[h] = c;
		if (c === RED) {
			reds++;
			redByTown[town[h]]++;
		} else if (c === YELLOW) yellows++;
		else greens++;
		trustSum += tr;
		if (counting) {
			const v = village[h];
			villageTrust[v] += tr;
			if (t !== MIGRANT && t !== ELDERLY) villagePresence[v]++;
		}
		if (lastActive[h] >= since) active++;
	}
	for (let v = 0; v < county.villages.length; v++) {
		villageTrust[v] /= county.villages[v].households;
		villagePresence[v] /= county.villages[v].households;
	}
	out.colourCounts = [greens, yellows, reds];
	out.trustSum = trustSum;
	out.active = active;
}
