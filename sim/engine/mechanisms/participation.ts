import type { Settler } from '../events';
import { BY_LIAISON, BY_SELF } from '../issue-pool';
import { MIGRANT, type World } from '../world';
import { RED, YELLOW } from './colour';
import { coProduce, WEEKS_PER_YEAR } from './coproduction';
import { poissonFromUniform } from './order';

/** What the liaison posts do in the period a review opens (read by the outputs and the cost). */
export interface LiaisonPeriod {
	filled: number;
	/** Active posts (each counting `weight` of a liaison in the cost). */
	active: number;
	/** Expected household visits a week, all active posts together. */
	visitsPerWeek: number;
	/** Consultations held over the period, and the households that attended at least one. */
	consultations: number;
	attended: number;
}

/**
 * Participation (SPEC §3.6), one pass over the liaison posts at each review: posts fall vacant
 * when their liaison migrates (`liaisonMigration` × the working-family rate) and are filled again
 * at a rate that grows with the participation lever and with the share of the village's
 * households that have working-age members at home; a filled post is active with probability
 * participation × `liaisonActivity` × (1 − `liaisonTrustWeight` × (1 − village trust))
 * (co-production, Ostrom 1996). An active liaison visits the households linked to them and
 * convenes consultations; a household attends each with a probability that grows with its trust
 * (the number attended is binomial, drawn from one uniform),
 * and each consultation attended moves its trust up (procedural fairness, Tyler 2006). Everything the lever does
 * passes through active liaisons: with none active, the lever changes nothing.
 */
export function liaisonReview(w: World, periodStart: number): LiaisonPeriod {
	const { p, liaisons: L, rng: { participation: draw } } = w;
	const out: LiaisonPeriod = { filled: 0, active: 0, visitsPerWeek: 0, consultations: 0, attended: 0 };
	if (!w.spec.structure.liaisons) {
		L.active.fill(0);
		return out;
	}
	const R = p.reviewWeeks;
	const lever = w.spec.levers.participation;
	const leave = 1 - Math.exp((-R * p.outMigration * p.liaisonMigration) / WEEKS_PER_YEAR);
	const inPeriod = periodStart < w.weeks;
	const review = Math.floor(periodStart / R);
	const { trust, type, colour } = w;
	const chance = L.visitChance;
	let visits = 0;
	const targeted = w.spec.structure.targetedService;
	const attendance = p.consultAttendance;
	const migrantPresence = p.migrantPresence;
	const keepDistance = 1 - p.consultTrustGain;
	for (let l = 0; l < L.count; l++) {
		const v = L.village[l];
		// Keyed by post and review (turnover, activity, consultations), and by household and review (attendance).
		if (L.filled[l]) {
			if (draw.below(leave, l, review, 0)) L.filled[l] = 0;
		} else if (draw.below(1 - Math.exp(-R * p.liaisonRecruitment * lever * w.villagePresence[v]), l, review, 0)) {
			L.filled[l] = 1;
		}
		const pActive = lever * p.liaisonActivity * (1 - p.liaisonTrustWeight * (1 - w.villageTrust[v]));
		L.active[l] = L.filled[l] && draw.below(pActive, l, review, 1) ? 1 : 0;
		out.filled += L.filled[l];
		const from = L.first[l];
		const to = from + L.load[l];
		if (!L.active[l]) {
			for (let k = from; k < to; k++) chance[L.members[k]] = 0;
			continue;
		}
		out.active++;
		// Each linked household's weekly chance of a visit (more for red and yellow ones under
		// targeted service), kept for discovery until the next review; their sum is the post's visits.
		const base = (p.liaisonVisits * L.weight) / L.load[l];
		for (let k = from; k < to; k++) {
			const h = L.members[k];
			const c = colour[h];
			const factor = !targeted ? 1 : c === RED ? p.targetedVisitsRed : c === YELLOW ? p.targetedVisitsYellow : 1;
			const v = Math.min(1, base * factor);
			chance[h] = v;
			visits += v;
		}
		const held = inPeriod ? poissonFromUniform(draw.at(l, review, 2), R * p.consultRate) : 0;
		if (held === 0) continue;
		out.consultations += held;
		for (let k = from; k < to; k++) {
			const h = L.members[k];
			const attend = attendance * trust[h] * (type[h] === MIGRANT ? migrantPresence : 1);
			const times = held === 1 ? (draw.below(attend, h, review, 3) ? 1 : 0) : binomialFromUniform(draw.at(h, review, 3), held, attend);
			if (times === 0) continue;
			// Each consultation attended moves trust up (so the review interval does not change the effect).
			trust[h] = 1 - (1 - trust[h]) * (times === 1 ? keepDistance : Math.pow(keepDistance, times));
			coProduce(w, h, 'consulted', periodStart);
			out.attended++;
		}
	}
	out.visitsPerWeek = visits;
	if (out.attended) w.events.coProduced(w, 'consulted', out.attended, periodStart);
	return out;
}

/**
 * A binomial count (n trials of probability p) from one uniform, by inversion from the top: the
 * larger p, the larger the count for the same uniform (so paired scenarios stay coupled).
 */
export function binomialFromUniform(v: number, n: number, p: number): number {
	if (p <= 0) return 0;
	if (p >= 1) return n;
	// One trial (the usual case): no powers to compute.
	if (n === 1) return v < p ? 1 : 0;
	const u = 1 - v;
	const q = 1 - p;
	let term = q;
	for (let i = 1; i < n; i++) term *= q;
	let cdf = term;
	let k = 0;
	while (u > cdf && k < n) {
		term *= ((n - k) / (k + 1)) * (p / q);
		k++;
		cdf += term;
	}
	return k;
}

/**
 * Who, if anyone, settles a minor issue on the spot when it is found: the active liaison who
 * found it (`localResolution`), or — when the household brought it in person — the village
 * committee's mediators (`committeeMediation`), who exist in every mode (村民自治).
 */
export function localSettlement(w: World, id: number): Settler | null {
	const is = w.issues;
	if (!is.minor[id]) return null;
	const chance = is.channel[id] === BY_LIAISON ? w.p.localResolution : is.channel[id] === BY_SELF ? w.p.committeeMediation : 0;
	if (!w.rng.feedback.below(chance, is.household[id], is.serial[id], 1)) return null;
	return is.channel[id] === BY_LIAISON ? 'liaison' : 'committee';
	return null;
}
