import type { World } from '../world';

/** Ends an issue (closed, settled or abandoned): the household has one open issue fewer and the slot is reused. */
export function endIssue(w: World, id: number): void {
	const h = w.issues.household[id];
	w.openIssues[h] = Math.max(0, w.openIssues[h] - 1);
	w.issues.remove(id);
}
