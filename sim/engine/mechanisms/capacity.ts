import { COUNTY, Queue, TOWN, VILLAGE, type World } from '../world';
import { formalismShare } from './formalism';

/**
 * Handling capacity (SPEC §3.3): a fixed county total of cadre hours a week (`cadreHours` ×
 * `budget`), less paperwork (formalism) and the hours coordination itself takes (joint meetings,
 * secretary review, supervision), split by level. Resource sinking moves a share of the rest to
 * the stationed cadres in the villages, in proportion to households: it moves capacity, it does
 * not create it. Each village's stationed cadres work one queue; in a reduced county (scale < 1)
 * the villages of a town share as many queues as it has villages × scale (at least one), so a
 * queue keeps about the hours of one full-scale village and a preview does not turn into
 * villages of a few minutes a week each.
 */
export function setupCapacity(w: World): void {
	const { p, spec, county } = w;
	const total = p.cadreHours * p.budget * w.scale;
	const paperwork = total * formalismShare(w);
	const coordination = total * p.coordinationHoursShare * spec.levers.coordination;
	const usable = Math.max(0, total - paperwork - coordination);
	const villageShare = spec.structure.villageHandling ? spec.levers.sinking * p.villageShareMax : 0;
	const village = usable * villageShare;
	const town = (usable - village) * p.townShare;
	w.capacity.total = total;
	w.capacity.paperwork = paperwork;
	w.capacity.coordination = coordination;
	w.capacity.county = usable - village - town;
	const n = county.households.count;
	const townHouseholds = county.towns.map((_, t) => county.villages.filter((v) => v.town === t).reduce((s, v) => s + v.households, 0));
	w.capacity.town = Float64Array.from(townHouseholds, (h) => (town * h) / n);
	// Village queues: town by town, villages dealt round-robin to the town's queues.
	const queueHouseholds: number[] = [];
	county.towns.forEach((_, t) => {
		const villages = county.villages.filter((v) => v.town === t);
		const queues = Math.max(1, Math.round(villages.length * w.scale));
		const first = queueHouseholds.length;
		for (let q = 0; q < queues; q++) queueHouseholds.push(0);
		villages.forEach((v, k) => {
			w.villageQueue[v.index] = first + (k % queues);
			queueHouseholds[first + (k % queues)] += v.households;
		});
	});
	w.capacity.village = Float64Array.from(queueHouseholds, (h) => (village * h) / n);
	w.queues.village = queueHouseholds.map(() => new Queue());
}

/** Cadre hours an issue needs at a level: local knowledge makes village handling cheaper, distance makes higher levels dearer. */
export function hoursNeeded(w: World, id: number, level: number): { work: number; travel: number } {
	const p = w.p;
	const survey = w.spec.structure.feedback ? p.surveyHours : 0;
	const work = p.caseHours * w.issues.depts[id] * (level === VILLAGE ? p.villageWorkFactor : 1) + survey;
	const travel = level === TOWN ? p.travelHoursTown : level === COUNTY ? p.travelHoursCounty : 0;
	return { work, travel };
}

/** The queue an issue's level and household point to. */
export function queueOf(w: World, id: number): Queue {
	const h = w.issues.household[id];
	const level = w.issues.level[id];
	if (level === VILLAGE) return w.queues.village[w.villageQueue[w.county.households.village[h]]];
	if (level === TOWN) return w.queues.town[w.county.households.town[h]];
	return w.queues.county;
}

/** Expected weeks until an issue needing `hours` would be done in a queue with `capacity` hours a week. */
function expectedWeeks(queue: Queue, capacity: number, hours: number): number {
	return capacity > 0 ? (queue.hours + hours) / capacity : Infinity;
}

/**
 * Where a newly received issue is handled. Three-department issues go to the county, two-department
 * ones to the town. A single-department issue goes to whichever of its village's stationed cadres
 * and its town would finish it sooner, counting the work already queued there (join the shortest
 * expected delay): small village capacity takes a small share of the issues, so there is no cliff
 * between "no stationed cadres" and "a few".
 */
export function routeLevel(w: World, id: number): number {
	const depts = w.issues.depts[id];
	if (depts >= 3) return COUNTY;
	if (depts === 2) return TOWN;
	const h = w.issues.household[id];
	const q = w.villageQueue[w.county.households.village[h]];
	const villageCapacity = w.capacity.village[q];
	if (!(villageCapacity > 0)) return TOWN;
	const t = w.county.households.town[h];
	const atVillage = hoursNeeded(w, id, VILLAGE);
	const atTown = hoursNeeded(w, id, TOWN);
	const village = expectedWeeks(w.queues.village[q], villageCapacity, atVillage.work + atVillage.travel);
	const town = expectedWeeks(w.queues.town[t], w.capacity.town[t], atTown.work + atTown.travel);
	return village <= town ? VILLAGE : TOWN;
}

/** Puts an issue at the back of its level's queue with its remaining work; returns how many were ahead. */
export function enqueue(w: World, id: number): number {
	const queue = queueOf(w, id);
	const ahead = queue.length;
	queue.push(id, w.issues.workLeft[id]);
	return ahead;
}

/** Hours spent in one week, by use. */
export interface HandlingWeek {
	/** Hours available to cases after petitions (escalations), and of them spent on work and on travel. */
	available: number;
	work: number;
	travel: number;
	/** Town hours taken by escalations before any case work. */
	petitions: number;
	/** Hours available to cases and hours spent (work and travel), by level: village, town, county. */
	availableByLevel: [number, number, number];
	usedByLevel: [number, number, number];
}

/**
 * Spends each queue's hours of the week on its issues in arrival order (a partly handled issue
 * keeps its place; travel is done first); never more hours than the queue has. Escalations take
 * `escalationHours` each of their town's hours first. Returns the issues whose work is done, in
 * order, and the hours by use.
 */
export function handleQueues(w: World, escalationsByTown: ArrayLike<number>): { handled: number[]; hours: HandlingWeek } {
	const is = w.issues;
	const handled: number[] = [];
	const hours: HandlingWeek = { available: 0, work: 0, travel: 0, petitions: 0, availableByLevel: [0, 0, 0], usedByLevel: [0, 0, 0] };
	const run = (queue: Queue, capacity: number, level: number) => {
		hours.available += capacity;
		hours.availableByLevel[level] += capacity;
		let left = capacity;
		while (queue.length > 0 && left > 1e-9) {
			const id = queue.peek();
			const spend = Math.min(left, is.workLeft[id]);
			const travel = Math.min(spend, is.travelLeft[id]);
			is.workLeft[id] -= spend;
			is.travelLeft[id] -= travel;
			queue.hours -= spend;
			hours.travel += travel;
			hours.work += spend - travel;
			left -= spend;
			hours.usedByLevel[level] += spend;
			if (is.workLeft[id] <= 1e-9) {
				queue.shift();
				handled.push(id);
			}
		}
		if (queue.length === 0) queue.hours = 0;
	};
	w.queues.village.forEach((q, k) => run(q, w.capacity.village[k], VILLAGE));
	w.queues.town.forEach((q, t) => {
		const petitions = Math.min(w.capacity.town[t], escalationsByTown[t] * w.p.escalationHours);
		hours.petitions += petitions;
		run(q, w.capacity.town[t] - petitions, TOWN);
	});
	run(w.queues.county, w.capacity.county, COUNTY);
	return { handled, hours };
}
