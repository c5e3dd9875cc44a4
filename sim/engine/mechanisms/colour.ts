import type { Parameters } from '../parameters';
import { VULNERABLE, type World } from '../world';

export const GREEN = 0;
export const YELLOW = 1;
export const RED = 2;

/**
 * Household colour (SPEC §3.10), 放心户 / 关心户 / 连心户: red with two or more open issues or
 * grievance of at least `redGrievance`; yellow with an open issue, grievance of at least
 * `yellowGrievance`, or vulnerability; green otherwise.
 */
export function colourOf(p: Parameters, grievance: number, openIssues: number, type: number): number {
	if (openIssues >= 2 || grievance >= p.redGrievance) return RED;
	if (openIssues >= 1 || grievance >= p.yellowGrievance || type === VULNERABLE) return YELLOW;
	return GREEN;
}

/** Targeted service: liaisons visit yellow and red households more often. */
export function targetedVisitFactor(w: World, h: number): number {
	if (!w.spec.structure.targetedService) return 1;
	const c = w.colour[h];
	return c === RED ? w.p.targetedVisitsRed : c === YELLOW ? w.p.targetedVisitsYellow : 1;
}
