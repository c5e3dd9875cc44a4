import type { County } from '../county/build-county';
import { apportion } from '../county/apportion';
import { PUBLISHED } from '../county/published';
import { logNormal, weightedIndex } from '../random/distributions';
import { Xoshiro128 } from '../random/xoshiro128';
import { toSeconds } from './csv';

/** Categories of town–village integration tasks, after the aims 促增收, 壮集体, 强治理 plus services. */
export const TASK_CATEGORIES = ['income', 'collective_economy', 'governance', 'infrastructure', 'public_service'] as const;
const TASK_CATEGORY_WEIGHTS = [30, 20, 20, 18, 12];
export const TASK_STATUSES = ['done', 'in_progress', 'overdue'] as const;

/**
 * Towns that piloted the integration in 2019 before it went county-wide in Mar 2020. The study
 * does not name them: an illustrative assumption of the synthetic dataset.
 */
export const PILOT_TOWNS = ['610922100', '610922104'];
const PILOT_START = toSeconds('2019-03-01');
const COUNTY_WIDE = toSeconds('2020-03-01');
export const TASKS_AS_OF = toSeconds('2022-07-31');
const DAY = 86400;

export interface Task {
	village: number;
	category: number;
	assigned: number;
	due: number;
	completed: number;
	status: number;
}

export interface Cadre {
	role: 'stationed' | 'following_leader';
	village: number;
	start: number;
}

function startOf(county: County, village: number): number {
	return PILOT_TOWNS.includes(county.towns[county.villages[village].town].code) ? PILOT_START : COUNTY_WIDE;
}

/**
 * The 3,506 integration tasks quantified to villages by Jul 2022: apportioned by the square root
 * of village size (every village carries a core set), assigned uniformly from the village's start
 * (pilot or county-wide) to the as-of date, due 90 days after, taking a log-normal 60 days
 * (median) to complete. Status is read on the as-of date.
 */
export function generateTasks(county: County, seed: number): Task[] {
	const rng = Xoshiro128.stream(seed, 2);
	const perVillage = apportion(
		PUBLISHED.tasks.value,
		county.villages.map((v) => Math.sqrt(v.households)),
		10
	);
	const tasks: Task[] = [];
	perVillage.forEach((n, village) => {
		const start = startOf(county, village);
		for (let k = 0; k < n; k++) {
			const assigned = start + Math.floor(rng.next() * ((TASKS_AS_OF - start) / DAY)) * DAY;
			const due = assigned + 90 * DAY;
			const finish = assigned + Math.max(1, Math.round(logNormal(rng, 60, 0.5))) * DAY;
			const done = finish <= TASKS_AS_OF;
			tasks.push({
				village,
				category: weightedIndex(rng, TASK_CATEGORY_WEIGHTS),
				assigned,
				due,
				completed: done ? finish : NaN,
				status: done ? 0 : due < TASKS_AS_OF ? 2 : 1
			});
		}
	});
	tasks.sort((a, b) => a.assigned - b.assigned || a.village - b.village);
	return tasks;
}

/** Stationed cadres (count per village from the county model) and one following leader per village. */
export function generateCadres(county: County, seed: number): Cadre[] {
	const rng = Xoshiro128.stream(seed, 3);
	const cadres: Cadre[] = [];
	for (const v of county.villages) {
		const start = startOf(county, v.index);
		cadres.push({ role: 'following_leader', village: v.index, start });
		for (let k = 0; k < v.stationedCadres; k++) {
			cadres.push({ role: 'stationed', village: v.index, start: start + Math.floor(rng.next() * 30) * DAY });
		}
	}
	return cadres;
}
