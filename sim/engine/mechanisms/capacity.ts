import { COUNTY, Queue, TOWN, VILLAGE, type World } from '../world';
import { formalismShare } from './formalism';

/**
 * Handling capacity (SPEC §3.3): a fixed county total of cadre hours a week (`cadreHours` ×
 * `budget`), less paperwork (formalism) and the hours coordination itself takes (joint meetings,
 * secretary review, supervision), split by level. Resource sinking moves a share of the rest to
 * the cadres stationed in the villages, from towns and county in proportion to their hours and to
 * villages in proportion to households: it moves capacity, it does not create it — and the
 * stationed cadres, town cadres, spend the hours their village leaves idle on their town's queue.
 *
 * Each village's stationed cadres work one queue, each town one, the county one. In a reduced
 * county (scale < 1) villages and towns share queues — a town's villages `round(villages ×
 * scale)` of them, the towns `round(towns × scale)` — so that a queue keeps about the hours of one
 * full-scale village or town, and a preview's waits stay near the full county's.
 */
export function setupCapacity(w: World): void {
	setupQueues(w);
	setCapacity(w);
}

/**
 * The week's cadre hours by use and by queue for the current structure and levers: called at the
 * start and whenever a timeline step changes them (the queues and what waits in them stay).
 */
export function setCapacity(w: World): void {
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
	const perTownQueue = new Float64Array(w.queues.town.length);
	county.villages.forEach((v) => (perTownQueue[w.townQueue[v.town]] += v.households));
	w.capacity.town = Float64Array.from(perTownQueue, (h) => (town * h) / n);
	const perVillageQueue = new Float64Array(w.queues.village.length);
	county.villages.forEach((v) => (perVillageQueue[w.villageQueue[v.index]] += v.households));
	w.capacity.village = Float64Array.from(perVillageQueue, (h) => (village * h) / n);
}

/** The handling queues: towns and villages dealt to as many queues as a full county's × scale. */
function setupQueues(w: World): void {
	const { county } = w;
	// Town queues: towns dealt round-robin to as many queues as a full county's towns × scale.
	const townQueues = Math.max(1, Math.round(county.towns.length * w.scale));
	county.towns.forEach((_, t) => (w.townQueue[t] = t % townQueues));
	w.queues.town = Array.from({ length: townQueues }, () => new Queue());
	// Village queues: town by town, villages dealt round-robin to the town's queues.
	const queueTown: number[] = [];
	county.towns.forEach((_, t) => {
		const villages = county.villages.filter((v) => v.town === t);
		const queues = Math.max(1, Math.round(villages.length * w.scale));
		const first = queueTown.length;
		for (let q = 0; q < queues; q++) queueTown.push(t);
		villages.forEach((v, k) => (w.villageQueue[v.index] = first + (k % queues)));
	});
	w.villageQueueTown = Int32Array.from(queueTown);
	w.queues.village = queueTown.map(() => new Queue());
}

/** Cadre hours of work an issue needs at a level (reply and survey included): local knowledge makes village handling cheaper. */
export function workHours(w: World, id: number, level: number): number {
	const p = w.p;
	const survey = w.spec.structure.feedback ? p.surveyHours : 0;
	return p.caseHours * w.issues.depts[id] * (level === VILLAGE ? p.villageWorkFactor : 1) + survey;
}

/**
 * Cadre hours of travel to household h's issue from a level: distance makes higher levels dearer.
 * A county cadre also drives to the town and back: towns far from the county seat cost more.
 */
export function travelHours(w: World, level: number, h: number): number {
	if (level === TOWN) return w.p.travelHoursTown;
	if (level === COUNTY) return w.p.travelHoursCounty + w.roadHours[w.county.households.town[h]];
	return 0;
}

/** Kilometres between two points on the Earth's surface (haversine, mean radius 6,371 km). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const rad = Math.PI / 180;
	const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/**
 * Hours of the round trip by road from the county seat (the first town, Chengguan) to each town
 * seat: straight-line distance × `roadWinding`, there and back at `roadSpeed`.
 */
export function roadHoursFromCountySeat(towns: World['county']['towns'], p: World['p']): Float64Array {
	const seat = towns[0];
	return Float64Array.from(towns, (t) => (2 * p.roadWinding * greatCircleKm(seat.seatLat, seat.seatLon, t.seatLat, t.seatLon)) / p.roadSpeed);
}

/** The queue of a level that serves household h. */
function queueIndex(w: World, h: number, level: number): number {
	if (level === VILLAGE) return w.villageQueue[w.county.households.village[h]];
	if (level === TOWN) return w.townQueue[w.county.households.town[h]];
	return 0;
}

function queueOf(w: World, id: number): Queue {
	const level = w.issues.level[id];
	const q = queueIndex(w, w.issues.household[id], level);
	return level === VILLAGE ? w.queues.village[q] : level === TOWN ? w.queues.town[q] : w.queues.county;
}

/**
 * Expected weeks until an issue is done at a level: the work queued ahead and its own over the
 * queue's weekly hours, and never less than its own hours at `caseHoursPerWeek` (one cadre on it).
 */
function expectedWeeks(w: World, id: number, level: number): number {
	const q = queueIndex(w, w.issues.household[id], level);
	const capacity = level === VILLAGE ? w.capacity.village[q] : level === TOWN ? w.capacity.town[q] : w.capacity.county;
	if (!(capacity > 0)) return Infinity;
	const queued = level === VILLAGE ? w.queues.village[q].hours : level === TOWN ? w.queues.town[q].hours : w.queues.county.hours;
	const hours = workHours(w, id, level) + travelHours(w, level, w.issues.household[id]);
	return Math.max((queued + hours) / capacity, hours / w.p.caseHoursPerWeek);
}

/**
 * Where a newly received issue is handled: the level among those that may take it that would
 * finish it soonest, counting the work already queued there (join the shortest expected delay) —
 * a single-department issue its village's stationed cadres or its town; a two-department one its
 * town or the county's departments; a three-department one the county. Small village capacity
 * takes a small share of the issues, so there is no cliff between "no stationed cadres" and "a few".
 */
export function routeLevel(w: World, id: number): number {
	const depts = w.issues.depts[id];
	if (depts >= 3) return COUNTY;
	const near = depts === 1 ? VILLAGE : TOWN;
	const far = depts === 1 ? TOWN : COUNTY;
	return expectedWeeks(w, id, near) <= expectedWeeks(w, id, far) ? near : far;
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
	/**
	 * By level (village, town, county): hours that could go to cases there — at village level all
	 * the stationed cadres' hours, at town level the towns' own plus what stationed cadres left
	 * idle, less petitions — and hours spent on cases there (work and travel).
	 */
	availableByLevel: [number, number, number];
	usedByLevel: [number, number, number];
}

/**
 * Spends each queue's hours of the week on its issues in arrival order, giving each issue at most
 * `caseHoursPerWeek` (one cadre on it; travel first) before the next in line; a partly handled
 * issue keeps its place. Never more hours than the queue has. Village queues go first; the hours
 * they leave idle join their town's queue. Escalations take `escalationHours` each of their
 * town's hours before any case. Returns the issues whose work is done, in order, and the hours by use.
 */
export function handleQueues(w: World, escalationsByTown: ArrayLike<number>): { handled: number[]; hours: HandlingWeek } {
	const is = w.issues;
	const cap = w.p.caseHoursPerWeek;
	const handled: number[] = [];
	const hours: HandlingWeek = { available: 0, work: 0, travel: 0, petitions: 0, availableByLevel: [0, 0, 0], usedByLevel: [0, 0, 0] };
	const kept: number[] = [];
	/** Works a queue with `capacity` hours; returns the hours left idle. */
	const run = (queue: Queue, capacity: number, level: number): number => {
		let left = capacity;
		const items = queue.items;
		let i = queue.head;
		kept.length = 0;
		while (i < items.length && left > 1e-9) {
			const id = items[i++];
			const spend = Math.min(left, is.workLeft[id], cap);
			const travel = Math.min(spend, is.travelLeft[id]);
			is.workLeft[id] -= spend;
			is.travelLeft[id] -= travel;
			queue.hours -= spend;
			hours.travel += travel;
			hours.work += spend - travel;
			hours.usedByLevel[level] += spend;
			left -= spend;
			if (is.workLeft[id] <= 1e-9) handled.push(id);
			else kept.push(id);
		}
		// The issues still in hand go back, in order, just before the ones not reached.
		for (let k = kept.length - 1; k >= 0; k--) items[--i] = kept[k];
		queue.head = i;
		queue.compact();
		if (queue.length === 0) queue.hours = 0;
		return left;
	};
	// Town hours this week: their own, plus what their stationed cadres leave idle, less petitions.
	const townHours = Float64Array.from(w.capacity.town);
	w.queues.village.forEach((q, k) => {
		hours.availableByLevel[VILLAGE] += w.capacity.village[k];
		townHours[w.townQueue[w.villageQueueTown[k]]] += run(q, w.capacity.village[k], VILLAGE);
	});
	for (let t = 0; t < escalationsByTown.length; t++) {
		const q = w.townQueue[t];
		const petitions = Math.min(townHours[q], escalationsByTown[t] * w.p.escalationHours);
		townHours[q] -= petitions;
		hours.petitions += petitions;
	}
	w.queues.town.forEach((q, k) => {
		hours.availableByLevel[TOWN] += townHours[k];
		run(q, townHours[k], TOWN);
	});
	hours.availableByLevel[COUNTY] = w.capacity.county;
	run(w.queues.county, w.capacity.county, COUNTY);
	let all = w.capacity.county;
	for (const c of w.capacity.village) all += c;
	for (const c of w.capacity.town) all += c;
	hours.available = all - hours.petitions;
	return { handled, hours };
}
