import { Xoshiro128 } from '../random/xoshiro128';
import { logNormal, weightedIndex } from '../random/distributions';
import { apportion } from './apportion';
import { HOUSEHOLD_TYPES, TYPE_SHARES, TYPE_SIZES } from './household-types';
import { PUBLISHED } from './published';
import { TOWNS, type Town } from './towns';

/** Liaison lines of the "321" model: party members, people's congress deputies, central household heads. */
export const LIAISON_LINES = ['party', 'deputy', 'household_head'] as const;
export type LiaisonLine = (typeof LIAISON_LINES)[number];
/** Assumed split of the 2,024 liaisons across the three lines (no published breakdown). */
const LINE_SHARES = [0.45, 0.11, 0.44];

/**
 * Villager groups (the second grid level) in the county. Not published: an assumption that leaves
 * 1,729 household clusters, about 37 households per cluster.
 */
export const GROUP_GRIDS = 1000;

export interface Village {
	index: number;
	/** Synthetic 12-digit code in the shape of a village division code: town code + 3 digits. */
	id: number;
	town: number;
	kind: 'village' | 'community';
	/** Position of the village among its town's villages, from 1. */
	ordinal: number;
	households: number;
	population: number;
	stationedCadres: number;
}

/** A grid of the three-level system: 1 = village, 2 = villager group, 3 = household cluster. */
export interface Grid {
	index: number;
	id: number;
	level: 1 | 2 | 3;
	village: number;
	/** Index of the enclosing grid (level − 1), or −1 for a village grid. */
	parent: number;
	households: number;
}

export interface Liaison {
	index: number;
	line: LiaisonLine;
	village: number;
	/** Index of the villager-group grid the liaison serves. */
	grid: number;
	households: number;
}

/** Households as columns: entry i of each array belongs to household i. */
export interface HouseholdColumns {
	count: number;
	grid: Int32Array;
	village: Int32Array;
	town: Int32Array;
	size: Uint8Array;
	type: Uint8Array;
	liaison: Int32Array;
}

export interface County {
	seed: number;
	towns: readonly Town[];
	villages: Village[];
	grids: Grid[];
	liaisons: Liaison[];
	households: HouseholdColumns;
}

export interface CountyOptions {
	seed: number;
	/** Fraction of the full county's households, liaisons and grids to build (1 = full scale). */
	scale?: number;
}

/**
 * Builds the county: 11 towns → 164 villages → three grid levels → households, with liaisons and
 * stationed cadres, totals equal to the published figures at scale 1. Deterministic in the seed.
 */
export function buildCounty({ seed, scale = 1 }: CountyOptions): County {
	if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
	const rng = Xoshiro128.fromSeed(seed);
	const scaled = (n: number) => Math.max(1, Math.round(n * scale));
	const totalHouseholds = scaled(PUBLISHED.households.value);

	const villages = buildVillages(rng, totalHouseholds);
	const groups = apportion(
		Math.max(villages.length, scaled(GROUP_GRIDS)),
		villages.map((v) => v.households),
		1
	);
	const clusterTotal = scaled(PUBLISHED.grids.value) - villages.length - sum(groups);
	// Every villager group holds at least one household cluster; the remaining clusters go by size.
	const extraClusters = apportion(
		Math.max(0, clusterTotal - sum(groups)),
		villages.map((v) => v.households),
		0
	);
	const clusters = groups.map((g, i) => g + extraClusters[i]);

	const households = emptyHouseholds(totalHouseholds);
	const grids: Grid[] = [];
	let next = 0;
	for (const village of villages) {
		const villageGrid = addGrid(grids, village, 1, -1, 0);
		const groupSizes = apportion(clusters[village.index], new Array(groups[village.index]).fill(1), 1);
		const clusterHouseholds = apportion(
			village.households,
			Array.from({ length: clusters[village.index] }, () => logNormal(rng, 1, 0.25)),
			1
		);
		let c = 0;
		groupSizes.forEach((clustersInGroup, g) => {
			const group = addGrid(grids, village, 2, villageGrid.index, g + 1);
			for (let k = 0; k < clustersInGroup; k++, c++) {
				const cluster = addGrid(grids, village, 3, group.index, c + 1);
				cluster.households = clusterHouseholds[c];
				group.households += cluster.households;
				for (let h = 0; h < cluster.households; h++, next++) {
					households.grid[next] = cluster.index;
					households.village[next] = village.index;
					households.town[next] = village.town;
				}
			}
			villageGrid.households += group.households;
		});
	}

	assignTypesAndSizes(rng, households, villages, scaled(PUBLISHED.population.value));
	const liaisons = assignLiaisons(households, villages, grids, scaled(PUBLISHED.liaisons.value));
	return { seed, towns: TOWNS, villages, grids, liaisons, households };
}

function buildVillages(rng: Xoshiro128, totalHouseholds: number): Village[] {
	const perTown = apportion(
		totalHouseholds,
		TOWNS.map((t) => t.householdShare),
		TOWNS.reduce((m, t) => Math.max(m, t.villages), 0)
	);
	const villages: Village[] = [];
	TOWNS.forEach((town, t) => {
		// Village sizes vary log-normally; urban communities are larger.
		const weights = Array.from({ length: town.villages }, (_, k) =>
			logNormal(rng, k < town.communities ? 1.8 : 1, 0.4)
		);
		apportion(perTown[t], weights, 1).forEach((households, k) => {
			villages.push({
				index: villages.length,
				id: Number(town.code) * 1000 + (k < town.communities ? 1 : 200) + k,
				town: t,
				kind: k < town.communities ? 'community' : 'village',
				ordinal: k + 1,
				households,
				population: 0,
				stationedCadres: 0
			});
		});
	});
	// Stationed cadres: at least two per village, the rest by size.
	apportion(
		Math.max(villages.length, Math.round(PUBLISHED.stationedCadres.value * (totalHouseholds / PUBLISHED.households.value))),
		villages.map((v) => v.households),
		totalHouseholds === PUBLISHED.households.value ? 2 : 1
	).forEach((n, i) => (villages[i].stationedCadres = n));
	return villages;
}

function addGrid(grids: Grid[], village: Village, level: 1 | 2 | 3, parent: number, ordinal: number): Grid {
	const grid: Grid = {
		index: grids.length,
		id: level === 1 ? village.id * 1000 : village.id * 1000 + (level === 2 ? ordinal : 100 + ordinal),
		level,
		village: village.index,
		parent,
		households: 0
	};
	grids.push(grid);
	return grid;
}

function emptyHouseholds(count: number): HouseholdColumns {
	return {
		count,
		grid: new Int32Array(count),
		village: new Int32Array(count),
		town: new Int32Array(count),
		size: new Uint8Array(count),
		type: new Uint8Array(count),
		liaison: new Int32Array(count)
	};
}

function assignTypesAndSizes(
	rng: Xoshiro128,
	h: HouseholdColumns,
	villages: Village[],
	population: number
): void {
	let persons = 0;
	for (let i = 0; i < h.count; i++) {
		const shares = TYPE_SHARES[villages[h.village[i]].kind];
		const type = weightedIndex(rng, shares);
		const { sizes, weights } = TYPE_SIZES[HOUSEHOLD_TYPES[type]];
		h.type[i] = type;
		h.size[i] = sizes[weightedIndex(rng, weights)];
		persons += h.size[i];
	}
	// Nudge random households by one person until the total equals the registered population.
	while (persons !== population) {
		const i = Math.floor(rng.next() * h.count);
		const step = persons < population ? 1 : -1;
		const size = h.size[i] + step;
		if (size < 1 || size > 8) continue;
		h.size[i] = size;
		persons += step;
	}
	for (let i = 0; i < h.count; i++) villages[h.village[i]].population += h.size[i];
}

/**
 * Liaisons are apportioned to villages by households; within a village each liaison links a
 * contiguous run of households (neighbours in the same clusters), so every household has one.
 */
function assignLiaisons(h: HouseholdColumns, villages: Village[], grids: Grid[], total: number): Liaison[] {
	const perVillage = apportion(Math.max(total, villages.length), villages.map((v) => v.households), 1);
	const liaisons: Liaison[] = [];
	let first = 0;
	for (const village of villages) {
		const n = Math.min(perVillage[village.index], village.households);
		const lines = apportion(n, LINE_SHARES, 0);
		const runs = apportion(village.households, new Array(n).fill(1), 1);
		let k = 0;
		lines.forEach((count, line) => {
			for (let j = 0; j < count; j++, k++) {
				const liaison: Liaison = {
					index: liaisons.length,
					line: LIAISON_LINES[line],
					village: village.index,
					grid: grids[h.grid[first]].parent,
					households: runs[k]
				};
				for (let r = 0; r < runs[k]; r++) h.liaison[first + r] = liaison.index;
				first += runs[k];
				liaisons.push(liaison);
			}
		});
	}
	return liaisons;
}

function sum(xs: number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}
