import type { World } from '../world';

/** The published ratio of households per liaison (63,949 / 2,024). */
export const HOUSEHOLDS_PER_LIAISON = 32;

/**
 * Participation (SPEC §3.6): the share of a village's liaisons who are active grows with the
 * village's trust and the participation lever, and falls as out-migration takes working-age
 * people away (co-production, Ostrom 1996). Coverage is how well the active liaisons can keep
 * up with their households: full at the published 32 households per liaison, less beyond.
 */
export function updateParticipation(w: World): void {
	const lever = w.spec.structure.liaisons ? w.spec.levers.participation : 0;
	for (let v = 0; v < w.county.villages.length; v++) {
		const households = w.county.villages[v].households;
		const migrated = w.villageMigrated[v] / households;
		const activity = lever * w.p.liaisonActivity * (0.3 + 0.7 * w.villageTrust[v]) * Math.max(0, 1 - 2 * migrated);
		const active = w.villageLiaisons[v] * activity;
		w.villageActivity[v] = activity;
		w.villageCoverage[v] = active > 0 ? Math.min(1, (active * HOUSEHOLDS_PER_LIAISON) / households) : 0;
	}
}

/** A minor issue found by an active liaison may be settled on the spot, with no cadre time. */
export function settlesLocally(w: World, id: number): boolean {
	const h = w.issues.household[id];
	const v = w.county.households.village[h];
	return w.issues.minor[id] === 1 && w.rng.discovery.next() < w.p.localResolution * w.villageActivity[v];
}
