import type { ClaimCheck, Expectation } from '$lib/learn/claims';

/** What a lesson step holds on the page: the prediction (a student's choice, or the class's hands), then the run's check. */
export interface StepState {
	prediction: Expectation | null;
	hands: Record<Expectation, number>;
	status: 'idle' | 'running' | 'done' | 'error';
	check?: ClaimCheck;
	error?: string;
}

export const freshState = (): StepState => ({ prediction: null, hands: { higher: 0, similar: 0, lower: 0 }, status: 'idle' });

/** Whether the step's prediction has been made: the student's choice, or at least one hand in teacher mode. */
export const predicted = (s: StepState, teacher: boolean): boolean => (teacher ? s.hands.higher + s.hands.similar + s.hands.lower > 0 : s.prediction !== null);
