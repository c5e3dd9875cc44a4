import { VULNERABLE, type World } from '../world';

export const GREEN = 0;
export const YELLOW = 1;
export const RED = 2;

/**
 * Household colour (SPEC §3.10), 放心户 / 关心户 / 连心户: red with two or more open issues or
 * high grievance; yellow with an open issue, some grievance, or vulnerability; green otherwise.
 */
export function colourOf(grievance: number, openIssues: number, type: number): number {
	if (openIssues >= 2 || grievance >= 1) return RED;
	if (openIssues >= 1 || grievance >= 0.3 || type === VULNERABLE) return YELLOW;
	return GREEN;
}

/** Targeted service: grid workers visit yellow and red households more often. */
export function targetedVisitFactor(w: World, h: number): number {
	if (!w.spec.structure.targetedService) return 1;
	const c = w.colour[h];
	return c === RED ? w.p.targetedVisits : c === YELLOW ? 1 + (w.p.targetedVisits - 1) / 2 : 1;
}
