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
	distinct: number;
	/** Share of the non-empty values (in the sample) that read as dates. */
	dates: number;
	/** Up to 5 distinct values, in file order. */
	examples: string[];
	/** Values with their rows when the column has at most 60 distinct values. */
	vocabulary: { value: string; rows: number }[] | null;
}

const SAMPLE = 5000;

export async function profileColumns(db: ImportDb, raw: RawTable): Promise<ColumnProfile[]> {
	const out: ColumnProfile[] = [];
	for (const [i, col] of raw.columns.entries()) {
		const [s] = await db.query<{ filled: number; distinct: number; dates: number; sample: number }>(
			`WITH v AS (SELECT import_txt(${col}) AS v FROM ${raw.table}),
			s AS (SELECT v FROM v WHERE v IS NOT NULL LIMIT ${SAMPLE})
			SELECT (SELECT count(v) FROM v)::INTEGER AS filled, (SELECT count(DISTINCT v) FROM v)::INTEGER AS distinct,
				(SELECT count(*) FILTER (import_ts(v) IS NOT NULL) FROM s)::INTEGER AS dates, (SELECT count(*) FROM s)::INTEGER AS sample`
		);
		const examples = (
			await db.query<{ v: string }>(`SELECT v FROM (SELECT import_txt(${col}) AS v, min(_file * 1e12 + _row) AS pos FROM (SELECT * FROM ${raw.table} LIMIT ${SAMPLE}) WHERE import_txt(${col}) IS NOT NULL GROUP BY v) ORDER BY pos LIMIT 5`)
		).map((r) => r.v);
		const vocabulary =
			s.distinct <= 60
				? (await db.query<{ value: string; rows: number }>(`SELECT import_txt(${col}) AS value, count(*)::INTEGER AS rows FROM ${raw.table} WHERE import_txt(${col}) IS NOT NULL GROUP BY value ORDER BY rows DESC, value`))
				: null;
		out.push({ header: raw.headers[i], filled: s.filled, distinct: s.distinct, dates: s.sample ? s.dates / s.sample : 0, examples, vocabulary });
	}
	return out;
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
