import { BY_SELF } from '../issue-pool';
import { ELDERLY, MIGRANT, VULNERABLE, type World } from '../world';

/**
 * Needs (SPEC §3.1): each household raises issues as a Poisson process whose rate depends on its
 * type and grows with unresolved grievance. Event-driven: each household sits in the calendar
 * bucket of the week of its next issue, drawn from the exponential waiting time (at least one
 * week: a household raises at most one issue a week), so a week costs work only for the
 * households that raise something. The rate is read when the next issue is drawn (grievance
 * changes in between take effect at the following draw). Draws are keyed by household and issue
 * number.
 */
export function weeklyRate(w: World, h: number): number {
	const p = w.p;
	const t = w.type[h];
	const typeRate = t === ELDERLY ? p.typeRateElderly : t === VULNERABLE ? p.typeRateVulnerable : t === MIGRANT ? p.typeRateMigrant : 1;
	return (p.issueRate / 52) * typeRate * (1 + p.grievanceRateGain * w.grievance[h]);
}

/** Puts household h in the calendar at the week of its next issue (if within the horizon). */
export function scheduleNextIssue(w: World, h: number, from: number): void {
	const wait = -Math.log(1 - w.rng.needs.at(h, w.issueCount[h], 0)) / weeklyRate(w, h);
	const week = from + Math.max(1, Math.ceil(wait));
	if (week >= w.weeks) return;
	w.calendarNext[h] = w.calendarHead[week];
	w.calendarHead[week] = h;
}

/** Raises this week's issues: new latent issues nobody in government knows about yet. */
export function needs(w: World): void {
	let h = w.calendarHead[w.week];
	w.calendarHead[w.week] = -1;
	const { needs: draw } = w.rng;
	const is = w.issues;
	while (h >= 0) {
		const next = w.calendarNext[h];
		const id = is.add();
		const serial = w.issueCount[h]++;
		is.household[id] = h;
		is.serial[id] = serial;
		const cross = draw.below(w.p.crossDeptShare, h, serial, 1);
		is.depts[id] = cross ? (draw.below(w.p.threeDeptShare, h, serial, 2) ? 3 : 2) : 1;
		is.minor[id] = !cross && draw.below(w.p.minorShare, h, serial, 3) ? 1 : 0;
		is.raised[id] = w.week;
		is.channel[id] = BY_SELF;
		w.latent.push(id);
		w.openIssues[h] = Math.min(255, w.openIssues[h] + 1);
		w.events.raised(w, id);
		scheduleNextIssue(w, h, w.week);
		h = next;
	}
}
