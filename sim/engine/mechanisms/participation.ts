import { poisson } from '../../random/distributions';
import type { Settler } from '../events';
import { BY_LIAISON, BY_SELF } from '../issue-pool';
import { MIGRANT, type World } from '../world';
import { targetedVisitFactor } from './colour';
import { coProduce, WEEKS_PER_YEAR } from './coproduction';

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
 * convenes consultations; a household attends with a probability that grows with its trust, and
 * attending moves its trust up (procedural fairness, Tyler 2006). Everything the lever does
 * passes through active liaisons: with none active, the lever changes nothing.
 */
export function liaisonReview(w: World, periodStart: number): LiaisonPeriod {
	const { p, liaisons: L, rng: { participation: rng } } = w;
	const out: LiaisonPeriod = { filled: 0, active: 0, visitsPerWeek: 0, consultations: 0, attended: 0 };
	if (!w.spec.structure.liaisons) {
		L.active.fill(0);
		return out;
	}
	const R = p.reviewWeeks;
	const lever = w.spec.levers.participation;
	const leave = 1 - Math.exp((-R * p.outMigration * p.liaisonMigration) / WEEKS_PER_YEAR);
	const inPeriod = periodStart < w.weeks;
	for (let l = 0; l < L.count; l++) {
		const v = L.village[l];
		const u = rng.next();
		if (L.filled[l]) {
			if (u < leave) L.filled[l] = 0;
		} else if (u < 1 - Math.exp(-R * p.liaisonRecruitment * lever * w.villagePresence[v])) {
			L.filled[l] = 1;
		}
		const pActive = lever * p.liaisonActivity * (1 - p.liaisonTrustWeight * (1 - w.villageTrust[v]));
		// Drawn for every post, filled or not, so that scenarios share their draws (common random numbers).
		const a = rng.next();
		L.active[l] = L.filled[l] && a < pActive ? 1 : 0;
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
		const held = inPeriod ? poisson(rng, R * p.consultRate) : 0;
		if (held === 0) continue;
		out.consultations += held;
		for (let k = from; k < to; k++) {
			const h = L.members[k];
			const attend = p.consultAttendance * w.trust[h] * (w.type[h] === MIGRANT ? p.migrantPresence : 1);
			if (rng.next() < (held === 1 ? attend : 1 - Math.pow(1 - attend, held))) {
				w.trust[h] += p.consultTrustGain * (1 - w.trust[h]);
				coProduce(w, h, 'consulted', periodStart);
				out.attended++;
			}
		}
	}
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
	const rng = w.rng.discovery;
	if (is.channel[id] === BY_LIAISON) return rng.next() < w.p.localResolution ? 'liaison' : null;
	if (is.channel[id] === BY_SELF) return rng.next() < w.p.committeeMediation ? 'committee' : null;
	return null;
}
