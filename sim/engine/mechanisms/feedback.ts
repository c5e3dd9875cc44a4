import type { Parameters } from '../parameters';
import type { World } from '../world';
import { endIssue } from './lifecycle';

/**
 * The experience (0–1) of an issue's outcome, after expectancy–disconfirmation (Van Ryzin 2004):
 * an unsolved issue gives `unsolvedExperience`; a solved one 1, less `latenessPenalty` for each
 * expected time it ran late.
 */
export function experienceOf(p: Parameters, solved: boolean, weeks: number, expected = p.expectedWeeks): number {
	if (!solved) return p.unsolvedExperience;
	const lateness = Math.max(0, weeks - expected) / expected;
	return Math.max(0, 1 - p.latenessPenalty * lateness);
}

/**
 * Feedback (SPEC §3.5): the household's trust moves toward the experience with weight
 * `trustLearning` — only `noFeedbackLearning` of it when no reply or survey closes the loop,
 * unless the household saw the outcome itself (`direct`: settled on the spot). Solving leaves
 * `solvedGrievanceRelief` of the grievance; failing adds `unsolvedGrievance`. Returns whether the
 * household is satisfied (experience ≥ `satisfiedThreshold`).
 */
export function learn(w: World, h: number, solved: boolean, weeks: number, direct = false, expected = w.p.expectedWeeks): boolean {
	const { p } = w;
	const experience = experienceOf(p, solved, weeks, expected);
	const weight = p.trustLearning * (direct || w.spec.structure.feedback ? 1 : p.noFeedbackLearning);
	w.trust[h] += weight * (experience - w.trust[h]);
	w.lastSolved[h] = solved ? 1 : 0;
	w.grievance[h] = solved ? w.grievance[h] * p.solvedGrievanceRelief : w.grievance[h] + p.unsolvedGrievance;
	return experience >= p.satisfiedThreshold;
}

/** Whether a handled issue is actually solved: each failed hand-off makes a good fix less likely. */
export function isSolved(w: World, id: number): boolean {
	const is = w.issues;
	return w.rng.feedback.below(w.p.solveBase * Math.pow(w.p.failureSolvePenalty, is.failures[id]), is.household[id], is.serial[id], 0);
}

/**
 * Closes a handled issue: solved or not, the household learns from it (with a survey where the
 * mode has one), and the issue ends. Time to close runs from the week it reached government.
 */
export function closeIssue(w: World, id: number): void {
	const h = w.issues.household[id];
	const weeks = w.week - w.issues.received[id];
	const solved = isSolved(w, id);
	// With a reply channel the household is told at acknowledgement (受理告知) that a protracted issue awaits an outside decision, and expects it.
	const informed = w.issues.protracted[id] === 1 && w.spec.structure.feedback;
	const satisfied = learn(w, h, solved, weeks, false, informed ? w.p.expectedWeeks + w.p.protractedWeeks : w.p.expectedWeeks);
	w.events.closed(w, id, solved, satisfied, weeks);
	w.knownIssues[h] = Math.max(0, w.knownIssues[h] - 1);
	endIssue(w, id);
}
