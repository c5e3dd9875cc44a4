import { VULNERABLE } from '../world';

export const GREEN = 0;
export const YELLOW = 1;
export const RED = 2;

/**
 * Household colour (SPEC §3.10), 放心户 / 关心户 / 连心户, from what the grid knows: red with two
 * or more open issues that reached government or a liaison, or grievance of at least
 * `redGrievance`; yellow with one, grievance of at least `yellowGrievance`, or vulnerability;
 * green otherwise. (The thresholds are passed in: this runs for every household at every review.)
 */
export function colourOf(redGrievance: number, yellowGrievance: number, grievance: number, knownIssues: number, type: number): number {
	if (knownIssues >= 2 || grievance >= redGrievance) return RED;
	if (knownIssues >= 1 || grievance >= yellowGrievance || type === VULNERABLE) return YELLOW;
	return GREEN;
}
