import type { World } from '../world';

/**
 * Formalism (SPEC §3.9): a share of case capacity is lost to reporting and paperwork, growing with
 * top-down pressure and falling with coordination — inputs up, effect flat (the study's 伪创新 and
 * 内卷). Returns the share lost.
 */
export function formalismShare(w: World): number {
	return w.p.formalismBase * w.spec.structure.topDownPressure * (1 - w.spec.levers.coordination);
}
