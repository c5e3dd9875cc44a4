import { HANDOFF, QUEUED } from '../issue-pool';
import type { World } from '../world';

/**
 * Department barriers (SPEC §3.4): every hand-off between departments or levels (条块分割) adds a
 * wait and a chance of failure, after which the issue goes back to its queue for re-work.
 * Coordination (co-located offices, secretary review, closed-loop supervision) removes up to
 * `coordinationEffect` of both. Under top-down assignment every issue also passes one
 * assignment hand-off. A protracted issue — one that needs a decision from outside the county's
 * handling (funds in next year's budget, a higher approval, a court) — waits for it as its last
 * hand-off: mean `protractedWeeks`, which coordination does not shorten, and it does not fail.
 */
export function handoffsFor(w: World, id: number): number {
	return w.issues.depts[id] - 1 + (w.spec.structure.topDownAssignment ? 1 : 0) + w.issues.protracted[id];
}

/** Whether a received issue is protracted (`protractedShare`; keyed by household and issue number). */
export function isProtracted(w: World, id: number): boolean {
	const is = w.issues;
	return w.rng.handling.below(w.p.protractedShare, is.household[id], is.serial[id], PROTRACTED_KEY);
}

/** Key slot of the protracted draw: after every hand-off attempt's two (attempts ≤ 255). */
const PROTRACTED_KEY = 512;

/** Whether an issue's current hand-off is the outside decision of a protracted issue (its last). */
function awaitingDecision(w: World, id: number): boolean {
	return w.issues.protracted[id] === 1 && w.issues.handoffsLeft[id] === 1;
}

/** What is left of hand-off delay and failure after coordination. */
export function barrier(w: World): number {
	return 1 - w.p.coordinationEffect * w.spec.levers.coordination;
}

/**
 * Weeks a hand-off waits: geometric on 0, 1, 2, … with mean `mean` (P(k) = (1 − q) q^k with
 * q = mean / (1 + mean)). A wait of 0 is released in the week it starts, after the week's handling.
 */
export function handoffWait(u: number, mean: number): number {
	if (mean <= 0) return 0;
	return Math.floor(Math.log(1 - u) / Math.log(mean / (1 + mean)));
}

/** Starts the wait of an issue's next hand-off (listed in `into`, by default the world's list). */
export function startHandoff(w: World, id: number, into: number[] = w.handoffs): void {
	const is = w.issues;
	// Keyed by household, issue number and attempt: two draws per hand-off (wait, failure).
	const attempt = is.attempts[id] < 255 ? ++is.attempts[id] : 255;
	const mean = awaitingDecision(w, id) ? w.p.protractedWeeks : w.p.handoffDelayWeeks * barrier(w);
	const wait = handoffWait(w.rng.handling.at(is.household[id], is.serial[id], attempt * 2), mean);
	is.release[id] = w.week + wait;
	is.setState(id, HANDOFF);
	into.push(id);
	w.events.handoff(w, id);
}

/**
 * Releases the hand-offs due this week (those started this week with no wait included): a failed
 * one is returned for re-queueing with a department's worth of re-work (`caseHours`); a
 * successful one starts the next hand-off, or is returned as done when it was the last.
 */
export function releaseHandoffs(w: World): { failed: number[]; done: number[] } {
	const due = w.handoffs;
	const waiting: number[] = [];
	w.handoffs = waiting;
	const failed: number[] = [];
	const done: number[] = [];
	const pFail = w.p.handoffFailure * barrier(w);
	const is = w.issues;
	// `due` grows while it is read: a next hand-off with no wait is released in this same pass.
	for (let i = 0; i < due.length; i++) {
		const id = due[i];
		if (is.release[id] > w.week) {
			waiting.push(id);
			continue;
		}
		if (!awaitingDecision(w, id) && w.rng.handling.below(pFail, is.household[id], is.serial[id], is.attempts[id] * 2 + 1)) {
			is.failures[id] = Math.min(255, is.failures[id] + 1);
			is.workLeft[id] = w.p.caseHours;
			is.travelLeft[id] = 0;
			is.setState(id, QUEUED);
			failed.push(id);
		} else if (--is.handoffsLeft[id] > 0) {
			startHandoff(w, id, due);
		} else {
			done.push(id);
		}
	}
	return { failed, done };
}
