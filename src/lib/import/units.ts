/**
 * The units (county, towns, villages) imported cases are placed in: the county's own (built by the
 * same code as the synthetic dataset's, sim/county), or the file's own places.
 */
import { buildCounty } from '$sim/county/build-county';
import { datasetTables } from '$sim/dataset/tables';
import type { CsvValue } from '$sim/dataset/csv';
import { norm } from './vocabulary';

export type UnitRow = CsvValue[];

const built = new Map<number, UnitRow[]>();

/** The county's unit rows (county, towns, villages, grids) in the units table's column order (built once per seed). */
export function countyUnits(seed: number): UnitRow[] {
	let units = built.get(seed);
	if (!units) built.set(seed, (units = [...datasetTables(buildCounty({ seed }), { seed }).units()]));
	return units;
}

export interface PlaceMatch {
	town_code: string | null;
	village_id: number | null;
}

/**
 * Matches a town and village as written against the county's units: a town by its code, its
 * Chinese name (with or without 镇) or its pinyin name; a village by its id or its full or short
 * name (without the town's name) within its town, or its full name alone.
 */
export function countyMatcher(units: readonly UnitRow[], towns: Record<string, string> = {}, villages: Record<string, string> = {}) {
	const townBy = new Map<string, string>();
	const villageBy = new Map<string, { id: number; town: string }>();
	const townName = new Map<string, string>();
	for (const [id, level, , town, , zh, en] of units) {
		if (level === 'town') {
			const code = String(town);
			townName.set(code, String(zh));
			for (const k of [code, String(zh), String(zh).replace(/镇$/, ''), String(en), String(en).replace(/ town$/i, '')]) townBy.set(norm(k), code);
		}
	}
	for (const [id, level, , town, , zh, en] of units) {
		if (level !== 'village') continue;
		const v = { id: Number(id), town: String(town) };
		const short = String(zh).slice(townName.get(v.town)?.length ?? 0);
		for (const k of [String(id), String(zh), String(en)]) villageBy.set(norm(k), v);
		villageBy.set(`${v.town}|${norm(short)}`, v);
	}
	const userTowns = new Map(Object.entries(towns).map(([k, v]) => [k.trim(), v]));
	const userVillages = new Map(Object.entries(villages).map(([k, v]) => [k.trim(), v]));
	const knownTown = new Set(townBy.values());
	return (town: string | null, village: string | null): PlaceMatch => {
		let code: string | null = null;
		if (town !== null) code = userTowns.get(town) ?? townBy.get(norm(town)) ?? null;
		if (code !== null && !knownTown.has(code)) code = null;
		// A town given but not known: the place is unknown, whatever the village says.
		if (town !== null && code === null) return { town_code: null, village_id: null };
		let vid: number | null = null;
		if (village !== null) {
			const user = userVillages.get(village);
			const v = user !== undefined ? villageBy.get(norm(user)) : (code !== null ? villageBy.get(`${code}|${norm(village)}`) : undefined) ?? villageBy.get(norm(village));
			if (v && (code === null || v.town === code)) {
				vid = v.id;
				code = v.town;
			}
		}
		return { town_code: code, village_id: vid };
	};
}

/**
 * The file's own places as units: the area (county level, id 1), each distinct town (ward,
 * district…) and each distinct village within it, numbered in sorted order. A file without
 * villages gets one village per town (the whole town), so every case has a village as in the
 * county's data. Households and population are unknown (empty).
 */
export function ownUnits(name: string, pairs: readonly [string | null, string | null][]): { units: UnitRow[]; match: (t: string | null, v: string | null) => PlaceMatch } {
	const towns = [...new Set(pairs.map(([t]) => t ?? ''))].sort();
	const units: UnitRow[] = [[1, 'county', null, null, null, name, name, null, null]];
	const townCode = new Map<string, string>();
	const villageId = new Map<string, number>();
	towns.forEach((t, i) => {
		const id = 1000 + i + 1;
		townCode.set(t, String(id));
		units.push([id, 'town', 1, String(id), null, t || name, t || name, null, null]);
	});
	towns.forEach((t) => {
		const code = townCode.get(t)!;
		const vs = [...new Set(pairs.filter(([pt]) => (pt ?? '') === t).map(([, v]) => v ?? ''))].sort();
		vs.forEach((v, j) => {
			const id = Number(code) * 100_000 + j + 1;
			villageId.set(`${t}\u001f${v}`, id);
			const label = v || t || name;
			units.push([id, 'village', Number(code), code, 'village', label, label, null, null]);
		});
	});
	return {
		units,
		match: (t, v) => ({ town_code: townCode.get(t ?? '') ?? null, village_id: villageId.get(`${t ?? ''}\u001f${v ?? ''}`) ?? null })
	};
}
