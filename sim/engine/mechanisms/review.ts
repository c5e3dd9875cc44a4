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
 * liaison and are still open — and counted by liaison post, for targeted visits; village trust and the share of households with working-age members at home are
 * averaged for participation (where there are liaison posts); the households active in co-production are counted.
 */
export function householdReview(w: World, periodStart: number, out: ReviewReport): void {
	const { p, county, grievance, trust, type, colour } = w;
	const village = county.households.village;
	const town = county.households.town;
	const { villageTrust, villagePresence } = w;
	const lastActive = w.coproduction.lastActive;
	const since = periodStart - WEEKS_PER_YEAR;
	const posts = w.liaisons;
	const liaisonOf = county.households.liaison;
	const counting = posts.count > 0;
	posts.yellow.fill(0);
	posts.red.fill(0);
	villageTrust.fill(0);
	villagePresence.fill(0);
	out.redByTown.fill(0);
	const counts: [number, number, number] = [0, 0, 0];
	let trustSum = 0;
	let active = 0;
	const keep = Math.pow(1 - p.grievanceDecay, p.reviewWeeks);
	const known = w.knownIssues;
	// Read once: this loop runs for every household at every review.
	const hazardRate = p.reviewWeeks * p.escalationRate;
	const { accumulated, threshold } = w.escalationState;
	const red = p.redGrievance;
	const yellow = p.yellowGrievance;
	for (let h = 0; h < w.n; h++) {
		let g = grievance[h];
		if (g > 0) {
			g *= keep;
			if (g < 1e-4) g = 0;
			grievance[h] = g;
			// The period's escalation hazard; the draw only where it completes one (order.ts).
			const hazard = hazardRate * g * (1 - trust[h]);
			if (accumulated[h] + hazard < threshold[h]) accumulated[h] += hazard;
			else drawEscalations(w, h, periodStart);
		}
		const c = colourOf(red, yellow, g, known[h], type[h]);
		colour[h] = c;
		counts[c]++;
		if (c === RED) {
			out.redByTown[town[h]]++;
			if (counting) posts.red[liaisonOf[h]]++;
		} else if (c === YELLOW && counting) posts.yellow[liaisonOf[h]]++;
		trustSum += trust[h];
		if (counting) {
			villageTrust[village[h]] += trust[h];
			if (type[h] !== MIGRANT && type[h] !== ELDERLY) villagePresence[village[h]]++;
		}
		if (lastActive[h] >= since) active++;
	}
	for (let v = 0; v < county.villages.length; v++) {
		villageTrust[v] /= county.villages[v].households;
		villagePresence[v] /= county.villages[v].households;
	}
	out.colourCounts = counts;
	out.trustSum = trustSum;
	out.active = active;
}
