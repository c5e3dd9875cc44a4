import type { Parameters } from '../parameters';
import { TYPES, type World } from '../world';

/**
 * Order (SPEC §3.7): unresolved grievance escalates to disputes, collective petitions and
 * conflict with a weekly hazard `escalationRate` × grievance × (1 − legitimacy) (after Epstein
 * 2002; legitimacy read as the household's trust). Each household escalates when the hazard it
 * has accumulated since its last escalation passes a threshold drawn from the unit exponential —
 * the time change that makes a Poisson process of any varying rate (Çinlar 1975) — keyed by
 * household and escalation number, so a household with more grievance in one scenario than in
 * another escalates no later. At each review the coming period's hazard is added (the rate is
 * held for the period) and the escalations it completes are placed in the weeks where their
 * thresholds are passed. The order outcome counts the escalations that happen; each counts for
 * the household's type at that review.
 */
export function drawEscalations(w: World, h: number, periodStart: number): void {
	const { p, escalationState: e } = w;
	const mean = p.reviewWeeks * p.escalationRate * w.grievance[h] * (1 - w.trust[h]);
	let accumulated = e.accumulated[h];
	if (accumulated + mean < e.threshold[h]) {
		e.accumulated[h] = accumulated + mean;
		return;
	}
	const towns = w.county.towns.length;
	const town = w.county.households.town[h];
	// Hazard of this period used up so far, as escalations complete one by one.
	let used = 0;
	while (accumulated + mean - used >= e.threshold[h]) {
		used += e.threshold[h] - accumulated;
		accumulated = 0;
		e.threshold[h] = unitExponential(w, h, ++e.count[h]);
		const week = periodStart + Math.min(p.reviewWeeks - 1, Math.floor((used / mean) * p.reviewWeeks));
		if (week >= w.weeks) continue;
		w.escalations.byTown[week * towns + town]++;
		w.escalations.byType[week * TYPES + w.type[h]]++;
	}
	e.accumulated[h] = accumulated + mean - used;
}

/** Household h's k-th escalation threshold: a unit exponential keyed by household and number. */
export function unitExponential(w: World, h: number, k: number): number {
	return -Math.log(1 - w.rng.order.at(h, k, 0));
}

/**
 * A Poisson count of mean `mean` from one uniform `v` in [0, 1), by inversion from the top: no
 * event when 1 − v ≤ e^−mean, which holds whenever v ≥ mean (as e^−mean ≥ 1 − mean), so most
 * households need no exponential.
 */
export function poissonFromUniform(v: number, mean: number): number {
	if (v >= mean) return 0;
	const u = 1 - v;
	let term = Math.exp(-mean);
	let cdf = term;
	let count = 0;
	while (u > cdf && count < 1000) {
		count++;
		term *= mean / count;
		cdf += term;
	}
	return count;
}

/** The escalations of this week, by town, announced to the observers. */
export function escalationsThisWeek(w: World): Int32Array {
	const towns = w.county.towns.length;
	const byTown = w.escalations.byTown.subarray(w.week * towns, (w.week + 1) * towns);
	const byType = w.escalations.byType.subarray(w.week * TYPES, (w.week + 1) * TYPES);
	w.events.escalations(w, byTown, byType);
	return byTown;
}

/** The order index of an escalation rate: 1 with none, ½ at `orderHalfPoint` a year per 1,000 households. */
export function orderIndex(p: Parameters, escalations: number, households: number, weeks: number): number {
	if (!(households > 0 && weeks > 0)) return NaN;
	const perThousandYear = (escalations / households) * 1000 * (52 / weeks);
	return 1 / (1 + perThousandYear / p.orderHalfPoint);
}
