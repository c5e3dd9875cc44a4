import { QUEUED } from '../issue-pool';
import type { World } from '../world';
import { handoffsFor, isProtracted } from './barriers';
import { enqueue, routeLevel, travelHours, workHours } from './capacity';
import { coProduceNow } from './coproduction';
import { learn } from './feedback';
import { endIssue } from './lifecycle';
import { localSettlement } from './participation';

/**
 * Intake of a found issue: a minor one may be settled on the spot by mediation (no cadre time;
 * the household takes part, and sees the outcome itself); the others are received and queued at
 * the level that will handle them, with their work and travel, and the hand-offs they will need.
 */
export function intake(w: World, id: number): void {
	const is = w.issues;
	const h = is.household[id];
	is.received[id] = w.week;
	const by = localSettlement(w, id);
	if (by) {
		learn(w, h, true, 0, true);
		coProduceNow(w, h, 'mediated');
		w.events.settled(w, id, by);
		endIssue(w, id);
		return;
	}
	const level = routeLevel(w, id);
	is.level[id] = level;
	const travel = travelHours(w, level, h);
	is.workLeft[id] = workHours(w, id, level) + travel;
	is.travelLeft[id] = travel;
	is.protracted[id] = isProtracted(w, id) ? 1 : 0;
	is.handoffsLeft[id] = handoffsFor(w, id);
	is.setState(id, QUEUED);
	w.knownIssues[h] = Math.min(255, w.knownIssues[h] + 1);
	w.events.queued(w, id, enqueue(w, id));
}
