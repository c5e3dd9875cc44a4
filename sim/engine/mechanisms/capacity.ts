import { COUNTY, TOWN, VILLAGE, type World } from '../world';
import { formalismShare } from './formalism';

/** Split of the non-village capacity between towns and the county. */
const TOWN_SHARE = 0.65;

/**
 * Handling capacity (SPEC §3.3): a fixed county total of cadre hours a week (times the budget),
 * less paperwork (formalism), split by level. Resource sinking moves a share of it to village
 * level — the town cadres stationed in villages, organised by town as in the study (592 town
 * cadres in 164 villages) — in proportion to households: it moves capacity, it does not create it.
 * Village-level work is one queue per town's stationed cadres, so a small county (scale < 1)
 * does not turn into villages of a few hours a week each.
 */
export function setupCapacity(w: World): void {
	const { p, spec, county } = w;
	const scale = county.households.count / 63_949;
	const total = p.cadreHours * p.budget * scale;
	const paperwork = total * formalismShare(w);
	const usable = total - paperwork;
	const villageShare = spec.structure.villageHandling ? spec.levers.sinking * p.villageShareMax : 0;
	const village = usable * villageShare;
	const town = (usable - village) * TOWN_SHARE;
	w.capacity.paperwork = paperwork;
	w.capacity.county = usable - village - town;
	const townHouseholds = county.towns.map((_, t) => county.villages.filter((v) => v.town === t).reduce((s, v) => s + v.households, 0));
	w.capacity.village = Float64Array.from(townHouseholds, (n) => (village * n) / county.households.count);
	w.capacity.town = Float64Array.from(townHouseholds, (n) => (town * n) / county.households.count);
}

/**
 * Where a newly received issue is handled: at village level if it needs one department and the
 * town has stationed cadres; the county takes three-department issues; the town the rest.
 */
export function routeLevel(w: World, id: number): number {
	const t = w.county.households.town[w.issues.household[id]];
	const depts = w.issues.depts[id];
	if (depts === 1 && w.capacity.village[t] > 0) return VILLAGE;
	return depts >= 3 ? COUNTY : TOWN;
}

/** Cadre hours an issue needs at a level: local knowledge makes village handling cheaper, distance makes higher levels dearer. */
export function hoursNeeded(w: World, id: number, level: number): { work: number; travel: number } {
	const work = w.p.caseHours * w.issues.depts[id] * (level === VILLAGE ? 0.8 : 1);
	const travel = level === TOWN ? w.p.travelHoursTown : level === COUNTY ? w.p.travelHoursCounty : 0;
	return { work, travel };
}

/**
 * Spends each queue's hours of the week on its issues in arrival order (a partly handled issue
 * keeps its place); never more hours than the queue has. Calls `onHandled` for each issue whose
 * work is done.
 */
export function handleQueues(w: World, onHandled: (id: number) => void): { used: number; available: number } {
	let used = 0;
	let available = 0;
	const run = (queue: (typeof w.queues.county), hours: number) => {
		available += hours;
		let left = hours;
		while (queue.length > 0 && left > 1e-9) {
			const id = queue.peek();
			const spend = Math.min(left, w.issues.workLeft[id]);
			w.issues.workLeft[id] -= spend;
			left -= spend;
			if (w.issues.workLeft[id] <= 1e-9) {
				queue.shift();
				onHandled(id);
			}
		}
		used += hours - left;
	};
	w.queues.village.forEach((q, t) => run(q, w.capacity.village[t]));
	w.queues.town.forEach((q, t) => run(q, w.capacity.town[t]));
	run(w.queues.county, w.capacity.county);
	return { used, available };
}
