/**
 * What the importer proposes for a new set of headers: every column's profile (examples, distinct
 * values, how many read as dates) and a mapping suggested from header names in Chinese and English
 * and from the values (dates, ids, small vocabularies). The user starts from it and corrects it.
 */
import { emptyMapping, type Mapping } from './mapping';
import type { RawTable } from './read';
import { countyMatcher, type UnitRow } from './units';
import { CODE_FIELDS, HEADER_NAMES, knownValues, MAPPED_FIELDS, norm, type CodeField, type MappedField } from './vocabulary';
import type { ImportDb } from './types';

export interface ColumnProfile {
	header: string;
	/** Non-empty values. */
	filled: number;
	/**
	 * Distinct non-empty values: exact when there are at most 60 (the vocabulary) or the column may
	 * hold ids (nearly every value distinct, not dates); otherwise an estimate (HyperLogLog, about
	 * 2 % off), which is all the suggestion needs of it.
	 */
	distinct: number;
	/** Share of the non-empty values (in the sample) that read as dates. */
	dates: number;
	/** Up to 5 distinct values, in file order. */
	examples: string[];
	/** Values with their rows when the column has at most 60 distinct values. */
	vocabulary: { value: string; rows: number }[] | null;
}

const SAMPLE = 5000;

/**
 * Every column profiled in a few queries, whatever the number of columns: counts and estimated
 * distinct counts in one scan; the date share of each column's first SAMPLE values; the examples
 * from the first SAMPLE rows; the vocabularies of the columns with few distinct values (exact);
 * exact distinct counts of the columns that may hold ids. (An exact distinct count of every column
 * was the largest cost of reading a file in the browser.)
 */
export async function profileColumns(db: ImportDb, raw: RawTable): Promise<ColumnProfile[]> {
	const cols = raw.columns;
	if (cols.length === 0) return [];
	const txt = cols.map((c) => `import_txt(${c}) AS ${c}`).join(', ');
	const [counts] = await db.query<Record<string, number>>(
		`SELECT ${cols.map((c) => `count(${c})::INTEGER AS "${c}:filled", approx_count_distinct(${c})::INTEGER AS "${c}:distinct"`).join(', ')} FROM (SELECT ${txt} FROM ${raw.table})`
	);
	const union = (parts: string[]) => parts.map((p) => `(${p})`).join(' UNION ALL ');
	const dates = new Map<string, { dates: number; sample: number }>();
	for (const r of await db.query<{ c: string; dates: number; sample: number }>(
		union(cols.map((c) => `SELECT '${c}' AS c, count(*) FILTER (import_ts(v) IS NOT NULL)::INTEGER AS dates, count(*)::INTEGER AS sample FROM (SELECT import_txt(${c}) AS v FROM ${raw.table} WHERE import_txt(${c}) IS NOT NULL LIMIT ${SAMPLE})`))
	))
		dates.set(r.c, r);
	const examples = new Map<string, string[]>(cols.map((c) => [c, []]));
	for (const r of await db.query<{ c: string; v: string }>(
		`SELECT c, v FROM (${union(cols.map((c) => `SELECT '${c}' AS c, v, pos FROM (SELECT v, min(pos) AS pos FROM (SELECT import_txt(${c}) AS v, _file * 1e12 + _row AS pos FROM (SELECT _file, _row, ${c} FROM ${raw.table} LIMIT ${SAMPLE})) WHERE v IS NOT NULL GROUP BY v ORDER BY pos LIMIT 5)`))}) ORDER BY c, pos`
	))
		examples.get(r.c)!.push(r.v);
	// Vocabularies: every column the estimate puts near 60 or below, counted exactly (kept when ≤ 60).
	const few = cols.filter((c) => counts[`${c}:distinct`] <= 120);
	const vocabularies = new Map<string, { value: string; rows: number }[]>(few.map((c) => [c, []]));
	if (few.length)
		for (const r of await db.query<{ c: string; value: string; rows: number }>(
			`SELECT c, value, rows FROM (${union(few.map((c) => `SELECT '${c}' AS c, import_txt(${c}) AS value, count(*)::INTEGER AS rows FROM ${raw.table} WHERE import_txt(${c}) IS NOT NULL GROUP BY value`))}) ORDER BY c, rows DESC, value`
		))
			vocabularies.get(r.c)!.push({ value: r.value, rows: r.rows });
	const distinct = new Map<string, number>(cols.map((c) => [c, vocabularies.get(c)?.length ?? counts[`${c}:distinct`]]));
	// Columns that may hold ids: counted exactly.
	const dateShare = (c: string) => (dates.get(c)!.sample ? dates.get(c)!.dates / dates.get(c)!.sample : 0);
	const ids = cols.filter((c) => !vocabularies.has(c) && dateShare(c) < 0.5 && counts[`${c}:distinct`] >= 0.9 * counts[`${c}:filled`]);
	if (ids.length) {
		const [exact] = await db.query<Record<string, number>>(`SELECT ${ids.map((c) => `count(DISTINCT import_txt(${c}))::INTEGER AS "${c}"`).join(', ')} FROM ${raw.table}`);
		for (const c of ids) distinct.set(c, exact[c]);
	}
	return cols.map((c, i) => ({
		header: raw.headers[i],
		filled: counts[`${c}:filled`],
		distinct: distinct.get(c)!,
		dates: dateShare(c),
		examples: examples.get(c)!,
		vocabulary: (vocabularies.get(c)?.length ?? Infinity) <= 60 ? vocabularies.get(c)! : null
	}));
}

/** Share of a column's rows whose value a vocabulary knows. */
function knownShare(p: ColumnProfile, known: (v: string) => boolean): number {
	if (!p.vocabulary || p.filled === 0) return 0;
	return p.vocabulary.reduce((s, v) => s + (known(v.value) ? v.rows : 0), 0) / p.filled;
}

/** A mapping suggested for the profiled columns (county units given: places are matched against them). */
export function suggestMapping(profiles: readonly ColumnProfile[], countyUnits: readonly UnitRow[]): Mapping {
	const mapping = emptyMapping(profiles.map((p) => p.header));
	const used = new Set<string>();
	const set = (field: MappedField, header: string) => {
		mapping.fields[field] = header;
		used.add(header);
	};
	// 1. Header names: exact (normalised) first, then a Chinese name contained in the header.
	for (const pass of ['exact', 'contains'] as const) {
		for (const field of MAPPED_FIELDS) {
			if (mapping.fields[field]) continue;
			const names = [field, ...HEADER_NAMES[field]].map(norm);
			const hit = profiles.find((p) => {
				if (used.has(p.header)) return false;
				const h = norm(p.header);
				return pass === 'exact' ? names.includes(h) : names.some((n) => /[\u4e00-\u9fff]/.test(n) && n.length >= 2 && h.includes(n));
			});
			if (hit) set(field, hit.header);
		}
	}
	const free = () => profiles.filter((p) => !used.has(p.header) && p.filled > 0);
	// 2. Values: dates, vocabularies, ids.
	const dateColumns = free().filter((p) => p.dates >= 0.8);
	for (const field of ['received_at', 'archived_at'] as const) {
		const next = dateColumns.find((p) => !used.has(p.header));
		if (!mapping.fields[field] && next) set(field, next.header);
	}
	for (const field of ['status', ...CODE_FIELDS] as const) {
		if (mapping.fields[field]) continue;
		const known = knownValues(field);
		const hit = free().find((p) => knownShare(p, (v) => known.has(norm(v))) >= 0.8);
		if (hit) set(field, hit.header);
	}
	const match = countyMatcher(countyUnits);
	if (!mapping.fields.town) {
		const hit = free().find((p) => knownShare(p, (v) => match(v, null).town_code !== null) >= 0.8);
		if (hit) set('town', hit.header);
	}
	if (!mapping.fields.case_id) {
		const hit = free().find((p) => p.dates < 0.5 && p.distinct === p.filled && p.filled === Math.max(...profiles.map((q) => q.filled)));
		if (hit) set('case_id', hit.header);
	}
	// 3. Places: the county's units if the towns are the county's, else the file's own.
	const town = profiles.find((p) => p.header === mapping.fields.town);
	const townShare = town ? knownShare(town, (v) => match(v, null).town_code !== null) : 0;
	mapping.places = townShare >= 0.5 ? { mode: 'county' } : { mode: 'own' };
	// 4. Value maps: what each known value stands for, so the user sees and can correct it.
	for (const field of ['status', ...CODE_FIELDS] as const) {
		const p = profiles.find((q) => q.header === mapping.fields[field]);
		if (!p?.vocabulary) continue;
		const known = knownValues(field);
		const values: Record<string, string> = {};
		for (const { value } of p.vocabulary) {
			const code = known.get(norm(value));
			if (code) values[value] = code;
		}
		mapping.values[field as CodeField | 'status'] = values;
	}
	return mapping;
}
