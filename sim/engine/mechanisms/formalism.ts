import type { World } from '../world';

/**
 * Formalism (SPEC §3.9): a share of case hours is lost to reporting and paperwork, growing with
 * top-down pressure and falling as coordination replaces one report per department with a joint
 * one — inputs up, effect flat (the study's 伪创新 and 内卷). Returns the share lost.
 */
export function formalismShare(w: World): number {
	const { p, spec } = w;
	return p.formalismBase * spec.structure.topDownPressure * (1 - p.coordinationPaperworkCut * spec.levers.coordination);
}
