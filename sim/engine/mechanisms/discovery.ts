import { BY_LIAISON, BY_ONLINE, BY_SELF } from '../issue-pool';
import { ELDERLY, type World } from '../world';
import { coProduceNow } from './coproduction';
import { endIssue } from './lifecycle';

/**
 * Discovery (SPEC §3.2): each week an undiscovered issue reaches government by self-report
 * (propensity rises with trust, and after a report that got fixed — Sjoberg, Mellon & Peixoto
 * 2017), by online channels (responsive modes only; weaker for left-behind elderly: digital
 * divide) or by a visit of the household's liaison (active posts only). A household that reports
 * takes part in co-production. Undiscovered issues fester, adding grievance; after `festerWeeks`
 * the household gives up. Returns the issues found this week, for intake.
 */
export function discovery(w: World): number[] {
	const { p, spec, issues: is, rng: { discovery: draw } } = w;
	const visitChance = w.liaisons.visitChance;
	const visitDiscovery = p.visitDiscovery;
	const online = spec.structure.responsiveChannels ? p.onlineReport * p.digitalAccess : 0;
	// The two lists are the world's own, reused week after week (a run would otherwise allocate
	// two arrays of a few thousand entries a week).
	const stillLatent = w.spare;
	const found = w.found;
	stillLatent.length = 0;
	found.length = 0;
	for (const id of w.latent) {
		const h = is.household[id];
		const trust = w.trust[h];
		const pSelf = Math.min(1, p.selfReport * trust * (w.lastSolved[h] ? p.successBoost : 1));
		const pOnline = Math.min(1, online * (w.type[h] === ELDERLY ? p.elderlyDigital : 1) * (1 - p.onlineTrustWeight * (1 - trust)));
		const pLiaison = visitChance[h] * visitDiscovery;
		const miss = (1 - pSelf) * (1 - pOnline) * (1 - pLiaison);
		// Keyed by household, issue number and week (two draws a week: found, and by which channel).
		const key = is.serial[id] * 2;
		if (draw.below(1 - miss, h, key, w.week)) {
			// Which channel: in proportion to each channel's own probability.
			const c = draw.at(h, key + 1, w.week) * (pSelf + pOnline + pLiaison);
			is.channel[id] = c < pLiaison ? BY_LIAISON : c < pLiaison + pOnline ? BY_ONLINE : BY_SELF;
			w.events.found(w, id);
			if (is.channel[id] !== BY_LIAISON) coProduceNow(w, h, 'reported');
			found.push(id);
		} else if (w.week - is.raised[id] >= p.festerWeeks) {
			w.grievance[h] += p.abandonGrievance;
			w.events.abandoned(w, id);
			endIssue(w, id);
		} else {
			w.grievance[h] += p.festerGrievance;
			stillLatent.push(id);
		}
	}
	w.spare = w.latent;
	w.latent = stillLatent;
	return found;
}
