/**
 * What the dashboard pages need to know about a dataset beyond its tables: whose data it is (the
 * area's name), its places (the towns, wards or districts a page lists, filters, maps and ranks),
 * the period its figures cover, which case fields it has and which of the other tables hold rows.
 * The dataset writer puts it in meta.json (`profile`); a meta.json without one is the synthetic
 * Shiquan County's (DEFAULT_PROFILE). DOM-free: the build, the scripts and the browser share it.
 */
import { MILESTONES, PUBLISHED } from '$sim/county/published';
import { TOWNS } from '$sim/county/towns';
import { CASE_LEVELS, STEPS } from '$sim/dataset/case-vocabulary';
import { monthIndex } from '$sim/dataset/case-cubes';
import type { QueryRunner } from './query-runner';

/** A town (ward, district…) of a dataset: its code in the tables and its names. */
export interface Place {
	code: string;
	zh: string;
	en: string;
}

/** Case fields a chart may need that a file may lack (`steps`: any step time; `due`: a due time). */
export const CASE_FIELDS = ['ledger', 'level', 'category', 'channel', 'satisfaction', 'steps', 'due', 'village', 'department', 'escalated', 'repeats'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Tables beside the cases a page may need rows of (household_status: the households' colours; an older profile without it has none). */
export const OTHER_TABLES = ['households', 'liaisons', 'tasks', 'cadres', 'grids', 'household_status'] as const;
export type OtherTable = (typeof OTHER_TABLES)[number];

export interface DatasetProfile {
	/** The area's name in each language (the file's name in both when no translation was given); null: Shiquan County. */
	area: { zh: string; en: string } | null;
	/** The towns (or the file's own places), in code order. */
	towns: Place[];
	/** The months ('YYYY-MM', inclusive) the headline figures, charts and periods cover. */
	period: { from: string; to: string };
	/** The case levels the headline figures count (null: every level). */
	levels: string[] | null;
	/** The case fields the data has. */
	fields: CaseField[];
	/** Which other tables hold rows. */
	tables: Record<OtherTable, boolean>;
}

/** The synthetic county's profile: its 11 towns, the published ledger period, county and town cases. */
export const DEFAULT_PROFILE: DatasetProfile = {
	area: null,
	towns: TOWNS.map((t) => ({ code: t.code, zh: t.nameZh, en: t.namePinyin })),
	period: { from: PUBLISHED.ledgerCases.period.from!.slice(0, 7), to: PUBLISHED.ledgerCases.period.to.slice(0, 7) },
	levels: ['county', 'town'],
	fields: [...CASE_FIELDS],
	tables: { households: true, liaisons: true, tasks: true, cadres: true, grids: true, household_status: true }
};

/** The dataset's profile from its meta.json (the synthetic county's when it has none). */
export function datasetProfile(meta: { profile?: DatasetProfile }): DatasetProfile {
	return meta.profile ?? DEFAULT_PROFILE;
}

export function hasField(p: DatasetProfile, f: CaseField): boolean {
	return p.fields.includes(f);
}

/** Whether the places are the synthetic county's 11 towns (then the schematic map can draw them). */
export function isCountyTowns(p: DatasetProfile): boolean {
	return p.towns.length === TOWNS.length && TOWNS.every((t) => p.towns.some((x) => x.code === t.code));
}

const MONTH = /^(\d{4})-(\d{2})$/;
const month = (ym: string): number => {
	const m = MONTH.exec(ym);
	if (!m) throw new Error(`not a month: ${ym}`);
	return monthIndex(Number(m[1]), Number(m[2]));
};

/** The period as month indexes of case_counts (year × 12 + month − 1). */
export function periodMonths(p: DatasetProfile): { from: number; to: number } {
	return { from: month(p.period.from), to: month(p.period.to) };
}

/** Every month of the period, 'YYYY-MM'. */
export function periodMonthList(p: DatasetProfile): string[] {
	const { from, to } = periodMonths(p);
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => {
		const m = from + i;
		return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
	});
}

/** Every quarter of the period, 'YYYYQn'. */
export function periodQuarters(p: DatasetProfile): string[] {
	const { from, to } = periodMonths(p);
	const out: string[] = [];
	for (let q = Math.floor(from / 3); q <= Math.floor(to / 3); q++) out.push(`${Math.floor(q / 4)}Q${(q % 4) + 1}`);
	return out;
}

/**
 * The case_counts rows the headline figures count: the levels (rows by level) or every case (the
 * 'all' rows) received within the period. Built from the profile's checked months and levels only.
 */
export function headlineScopeSql(p: DatasetProfile): string {
	const { from, to } = periodMonths(p);
	const levels = p.levels?.filter((l) => (CASE_LEVELS as readonly string[]).includes(l));
	const rows = levels ? `dim = 'level' AND key IN (${levels.map((l) => `'${l}'`).join(', ')})` : `dim = 'all'`;
	return `${rows} AND month BETWEEN ${from} AND ${to}`;
}

/** The milestones the monthly chart marks: the county's, only on the county's data. */
export function milestones(p: DatasetProfile): readonly { id: (typeof MILESTONES)[number]['id']; date: string }[] {
	return p.area === null ? MILESTONES : [];
}

/** Mapped importer fields → the case fields they give. */
const FIELD_OF: Record<string, CaseField> = {
	ledger: 'ledger',
	level: 'level',
	category: 'category',
	channel: 'channel',
	satisfaction: 'satisfaction',
	due_at: 'due',
	village: 'village',
	lead_dept: 'department',
	escalated: 'escalated',
	repeat_of: 'repeats',
	...Object.fromEntries(STEPS.filter((s) => s !== 'archived').map((s) => [`${s}_at`, 'steps' as CaseField]))
};

/**
 * The profile of an imported dataset, by SQL over its `cases` and `units` tables (DuckDB in Node
 * or in the browser; `area` null: the county's own units, named as the county): the towns from the units, the period from the months cases were received
 * in, every level counted, the fields from the mapping (`mapped`: the mapped field names), the
 * other tables as given (`tables`: which hold rows; an import gives none).
 */
export async function profileOf(
	db: QueryRunner,
	{
		area,
		mapped,
		tables = {},
		unnamed
	}: {
		area: { zh: string; en: string } | null;
		mapped: readonly string[];
		tables?: Partial<Record<OtherTable, boolean>>;
		/** The placeholder name the importer gives places without one (shown as "unnamed area" in each language). */
		unnamed?: string;
	}
): Promise<DatasetProfile> {
	const towns = await db.query<Place>(`SELECT town_code AS code, name_zh AS zh, name_en AS en FROM units WHERE level = 'town' ORDER BY town_code`);
	const [range] = await db.query<{ from: string | null; to: string | null }>(
		`SELECT strftime(min(received_at), '%Y-%m') AS "from", strftime(max(received_at), '%Y-%m') AS "to" FROM cases`
	);
	const fields = CASE_FIELDS.filter((f) => mapped.some((m) => FIELD_OF[m] === f));
	const fallback = new Date().toISOString().slice(0, 7);
	return {
		area,
		// A town of the county keeps the county's names (its pinyin in English, as the county's pages show it).
		towns: towns.map((t) => {
			const county = TOWNS.find((x) => x.code === t.code);
			const name = (x: unknown) => (x === null || x === unnamed ? '' : String(x));
			return county ? { code: t.code, zh: county.nameZh, en: county.namePinyin } : { code: String(t.code), zh: name(t.zh), en: name(t.en) };
		}),
		period: { from: range?.from ?? fallback, to: range?.to ?? fallback },
		levels: null,
		fields,
		tables: Object.fromEntries(OTHER_TABLES.map((t) => [t, tables[t] ?? false])) as Record<OtherTable, boolean>
	};
}
