import type { Settler } from '../events';
import { BY_LIAISON, BY_SELF } from '../issue-pool';
import { MIGRANT, type World } from '../world';
import { targetedVisitFactor } from './colour';
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
 * convenes consultations; a household attends each with a probability that grows with its trust,
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
	const { trust, type } = w;
	for (let l = 0; l < L.count; l++) {
		const v = L.village[l];
		// Keyed by post and review (turnover, activity, consultations), and by household and review (attendance).
		const u = draw.at(l, review, 0);
		if (L.filled[l]) {
			if (u < leave) L.filled[l] = 0;
		} else if (u < 1 - Math.exp(-R * p.liaisonRecruitment * lever * w.villagePresence[v])) {
			L.filled[l] = 1;
		}
		const pActive = lever * p.liaisonActivity * (1 - p.liaisonTrustWeight * (1 - w.villageTrust[v]));
		L.active[l] = L.filled[l] && draw.at(l, review, 1) < pActive ? 1 : 0;
		out.filled += L.filled[l];
		if (!L.active[l]) {
			L.visits[l] = 0;
			continue;
		}
		out.active++;
		const from = L.first[l];
		const to = from + L.load[l];
		const visits = expectedVisits(w, l);
		L.visits[l] = visits;
		out.visitsPerWeek += visits;
		const held = inPeriod ? poissonFromUniform(draw.at(l, review, 2), R * p.consultRate) : 0;
		if (held === 0) continue;
		out.consultations += held;
		for (let k = from; k < to; k++) {
			const h = L.members[k];
			const attend = p.consultAttendance * trust[h] * (type[h] === MIGRANT ? p.migrantPresence : 1);
			let times = 0;
			for (let j = 0; j < held; j++) if (draw.at(h, review, 3 + j) < attend) times++;
			if (times === 0) continue;
			// Each consultation attended moves trust up (so the review interval does not change the effect).
			trust[h] = 1 - (1 - trust[h]) * Math.pow(1 - p.consultTrustGain, times);
			coProduce(w, h, 'consulted', periodStart);
			out.attended++;
		}
	}
	if (out.attended) w.events.coProduced(w, 'consulted', out.attended, periodStart);
	return out;
}

/** Expected visits a week of an active post: each linked household's visit chance, summed by colour. */
function expectedVisits(w: World, l: number): number {
	const { p, liaisons: L } = w;
	const load = L.load[l];
	const targeted = w.spec.structure.targetedService;
	const chance = (factor: number) => Math.min(1, (p.liaisonVisits * L.weight * (targeted ? factor : 1)) / load);
	const red = L.red[l];
	const yellow = L.yellow[l];
	return (load - red - yellow) * chance(1) + yellow * chance(p.targetedVisitsYellow) + red * chance(p.targetedVisitsRed);
}

/** Weekly chance that household h's liaison visits it (0 without an active liaison). */
export function visitChance(w: World, h: number): number {
	if (!w.spec.structure.liaisons) return 0;
	const L = w.liaisons;
	const l = w.county.households.liaison[h];
	if (!L.active[l]) return 0;
	return Math.min(1, (w.p.liaisonVisits * L.weight * targetedVisitFactor(w, h)) / L.load[l]);
}

/**
 * Who, if anyone, settles a minor issue on the spot when it is found: the active liaison who
 * found it (`localResolution`), or — when the household brought it in person — the village
 * committee's mediators (`committeeMediation`), who exist in every mode (村民自治).
 */
export function localSettlement(w: World, id: number): Settler | null {
	const is = w.issues;
	if (!is.minor[id]) return null;
	const u = w.rng.feedback.at(is.household[id], is.serial[id], 1);
	if (is.channel[id] === BY_LIAISON) return u < w.p.localResolution ? 'liaison' : null;
	if (is.channel[id] === BY_SELF) return u < w.p.committeeMediation ? 'committee' : null;
	return null;
}
