import { BY_LIAISON, BY_ONLINE, BY_SELF } from '../issue-pool';
import { ELDERLY, type World } from '../world';
import { coProduceNow } from './coproduction';
import { endIssue } from './lifecycle';
import { visitChance } from './participation';

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
	const online = spec.structure.responsiveChannels ? p.onlineReport * p.digitalAccess : 0;
	const stillLatent: number[] = [];
	const found: number[] = [];
	for (const id of w.latent) {
		const h = is.household[id];
		const trust = w.trust[h];
		const pSelf = Math.min(1, p.selfReport * trust * (w.lastSolved[h] ? p.successBoost : 1));
		const pOnline = Math.min(1, online * (w.type[h] === ELDERLY ? p.elderlyDigital : 1) * (1 - p.onlineTrustWeight * (1 - trust)));
		const pLiaison = visitChance(w, h) * p.visitDiscovery;
		const miss = (1 - pSelf) * (1 - pOnline) * (1 - pLiaison);
		// Keyed by household, issue number and week (two draws a week: found, and by which channel).
		const key = is.serial[id] * 2;
		if (draw.at(h, key, w.week) < 1 - miss) {
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
	w.latent = stillLatent;
	return found;
}
