import { HANDOFF, QUEUED } from '../issue-pool';
import type { World } from '../world';

/**
 * Department barriers (SPEC §3.4): every hand-off between departments or levels (条块分割) adds a
 * wait and a chance of failure, after which the issue goes back to its queue for re-work.
 * Coordination (co-located offices, secretary review, closed-loop supervision) removes up to
 * `coordinationEffect` of both. Under one-way governance every issue also passes one top-down
 * assignment hand-off.
 */
export function handoffsFor(w: World, id: number): number {
	return w.issues.depts[id] - 1 + (w.spec.structure.responsiveChannels ? 0 : 1);
}

function barrier(w: World): number {
	return 1 - w.p.coordinationEffect * w.spec.levers.coordination;
}

/** Starts the wait of an issue's next hand-off (listed in `into`, by default the world's list). */
export function startHandoff(w: World, id: number, into: number[] = w.handoffs): void {
	const mean = w.p.handoffDelayWeeks * barrier(w);
	// Geometric wait in whole weeks with the given mean (at least one week).
	const u = w.rng.handling.next();
	const wait = mean <= 0 ? 1 : 1 + Math.floor(Math.log(1 - u) / Math.log(mean / (1 + mean)));
	w.issues.release[id] = w.week + wait;
	w.issues.setState(id, HANDOFF);
	into.push(id);
}

/**
 * Releases the hand-offs due this week: a failed one sends the issue back to its queue with a
 * department's worth of re-work; a successful last one closes the issue.
 */
export function releaseHandoffs(w: World, requeue: (id: number) => void, onDone: (id: number) => void): void {
	const waiting: number[] = [];
	const pFail = w.p.handoffFailure * barrier(w);
	for (const id of w.handoffs) {
		if (w.issues.release[id] > w.week) {
			waiting.push(id);
			continue;
		}
		if (w.rng.handling.next() < pFail) {
			w.issues.failures[id] = Math.min(255, w.issues.failures[id] + 1);
			w.issues.workLeft[id] = w.p.caseHours;
			w.issues.setState(id, QUEUED);
			requeue(id);
		} else if (--w.issues.handoffsLeft[id] > 0) {
			startHandoff(w, id, waiting);
		} else {
			onDone(id);
		}
	}
	w.handoffs = waiting;
}
