import type { World } from '../world';

/**
 * Feedback (SPEC §3.5): after closure, satisfaction follows expectancy–disconfirmation (Van Ryzin
 * 2004): an unsolved issue disappoints; a solved one satisfies unless it took much longer than
 * expected. With a reply-and-survey channel the household learns the outcome and its trust moves
 * toward the experience with weight `trustLearning`; without one (one-way), it learns only part.
 * Solving relieves grievance; failing adds to it. Returns whether the household is satisfied.
 */
export function feedback(w: World, h: number, solved: boolean, weeksTaken: number): boolean {
	const { p } = w;
	const lateness = Math.max(0, weeksTaken - p.expectedWeeks) / p.expectedWeeks;
	const experience = solved ? Math.max(0, 1 - 0.5 * lateness) : 0.1;
	const weight = p.trustLearning * (w.spec.structure.feedback ? 1 : p.noFeedbackLearning);
	w.trust[h] += weight * (experience - w.trust[h]);
	w.lastSolved[h] = solved ? 1 : 0;
	w.grievance[h] = solved ? w.grievance[h] * 0.5 : w.grievance[h] + 0.3;
	return experience >= 0.5;
}

/** Whether a handled issue is actually solved: each failed hand-off makes a good fix less likely. */
export function isSolved(w: World, failures: number): boolean {
	return w.rng.feedback.next() < w.p.solveBase * Math.pow(0.85, failures);
}
