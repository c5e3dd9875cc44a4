import { BY_LIAISON, BY_ONLINE, BY_SELF } from '../issue-pool';
import { ELDERLY, type World } from '../world';
import { targetedVisitFactor } from './colour';

/**
 * Discovery (SPEC §3.2): each week an undiscovered issue reaches government by self-report
 * (propensity rises with trust, and after a report that got fixed — Sjoberg, Mellon & Peixoto
 * 2017), online channels (responsive modes only; weaker for left-behind elderly: digital divide)
 * or proactive discovery by liaisons and grid workers (coverage = households per active liaison).
 * Undiscovered issues fester, adding grievance; after `festerWeeks` the household gives up.
 */
export function discovery(
	w: World,
	onDiscovered: (id: number) => void,
	onAbandoned: (id: number) => void
): void {
	const { p, spec, issues: is, rng: { discovery: rng } } = w;
	const online = spec.structure.responsiveChannels ? p.onlineReport * p.digitalAccess : 0;
	const stillLatent: number[] = [];
	for (const id of w.latent) {
		const h = is.household[id];
		const v = w.county.households.village[h];
		const trust = w.trust[h];
		const pSelf = p.selfReport * trust * (w.lastSolved[h] ? p.successBoost : 1);
		const pOnline = online * (w.type[h] === ELDERLY ? p.elderlyDigital : 1) * (0.5 + 0.5 * trust);
		const pLiaison = spec.structure.liaisons
			? p.proactiveDiscovery * w.villageActivity[v] * w.villageCoverage[v] * targetedVisitFactor(w, h)
			: 0;
		const miss = (1 - Math.min(1, pSelf)) * (1 - Math.min(1, pOnline)) * (1 - Math.min(1, pLiaison));
		const u = rng.next();
		if (u < 1 - miss) {
			// Which channel: in proportion to each channel's own probability.
			const total = pSelf + pOnline + pLiaison;
			const c = rng.next() * total;
			is.channel[id] = c < pLiaison ? BY_LIAISON : c < pLiaison + pOnline ? BY_ONLINE : BY_SELF;
			w.counters.discovered++;
			onDiscovered(id);
		} else if (w.week - is.raised[id] >= p.festerWeeks) {
			w.grievance[h] += p.abandonGrievance;
			onAbandoned(id);
		} else {
			w.grievance[h] += p.festerGrievance;
			stillLatent.push(id);
		}
	}
	w.latent = stillLatent;
}
