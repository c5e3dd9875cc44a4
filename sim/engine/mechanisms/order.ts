import type { Parameters } from '../parameters';
import { TYPES, type World } from '../world';

/**
 * Order (SPEC §3.7): unresolved grievance escalates to disputes, collective petitions and
 * conflict with a weekly hazard `escalationRate` × grievance × (1 − legitimacy) (after Epstein
 * 2002; legitimacy read as the household's trust). At each review the escalations of the coming
 * period are drawn household by household — a Poisson count by inversion of one uniform — and
 * each is given a week of the period. The order outcome counts the escalations that happen.
 */
export function drawEscalations(w: World, h: number, periodStart: number): void {
	const { p } = w;
	const g = w.grievance[h];
	if (g <= 0) return;
	const mean = p.reviewWeeks * p.escalationRate * g * (1 - w.trust[h]);
	const rng = w.rng.order;
	const count = poissonFromUniform(rng.next(), mean);
	if (count === 0) return;
	const towns = w.county.towns.length;
	const town = w.county.households.town[h];
	for (let k = 0; k < count; k++) {
		const week = periodStart + Math.floor(rng.next() * p.reviewWeeks);
		if (week >= w.weeks) continue;
		w.escalations.byTown[week * towns + town]++;
		w.escalations.byType[week * TYPES + w.type[h]]++;
	}
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
