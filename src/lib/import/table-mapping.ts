/**
 * How files of the other kinds (tasks, households: table-vocabulary.ts) map to their tables: a
 * part of the one mapping document (`tables` in mapping.ts, additive: a mapping without it maps
 * cases only). Places are matched as the cases' are (the mapping's `places`).
 */
import type { ColumnProfile } from './suggest';
import { headerMatches, KIND_SPECS, knownTableValues, TABLE_HEADER_NAMES, TABLE_KINDS, type TableKind } from './table-vocabulary';
import { norm } from './vocabulary';
import { ImportError } from './types';
import type { Action } from './checks-spec';

/** The checks a table's rows get (in order of precedence, as CHECKS for the cases). */
export const TABLE_CHECKS = [
	{ code: 'duplicate-row', allowed: ['drop', 'keep'], default: 'drop' },
	{ code: 'missing-required', allowed: ['drop'], default: 'drop' },
	{ code: 'unparseable-date', allowed: ['drop', 'fix'], default: 'fix' },
	{ code: 'sentinel-date', allowed: ['drop', 'fix'], default: 'fix' },
	{ code: 'unknown-place', allowed: ['drop', 'fix'], default: 'drop' },
	{ code: 'duplicate-id', allowed: ['drop', 'keep'], default: 'drop' },
	{ code: 'completed-before-assigned', allowed: ['drop', 'keep', 'fix'], default: 'drop' },
	{ code: 'unknown-value', allowed: ['drop', 'fix'], default: 'fix' }
] as const satisfies readonly { code: string; allowed: readonly Action[]; default: Action }[];
export type TableCheckCode = (typeof TABLE_CHECKS)[number]['code'];

export interface TableMapping {
	/** The headers of the kind's files, sorted (they pick the files of this kind: see `kindOfFile`). */
	headers: string[];
	/** Field → header (KIND_SPECS[kind].fields). */
	fields: Record<string, string>;
	/** strptime formats of date fields the importer does not read by itself. */
	dateFormats?: Record<string, string>;
	/** Value as written (trimmed) → code, per code field. */
	values: Record<string, Record<string, string>>;
	/** Drop, keep or fix per kind of problem (missing ones: TABLE_CHECKS' default). */
	actions: Partial<Record<TableCheckCode, Action>>;
}

export type TableMappings = Partial<Record<TableKind, TableMapping>>;

export const tableActionOf = (m: TableMapping, code: TableCheckCode): Action => m.actions[code] ?? TABLE_CHECKS.find((c) => c.code === code)!.default;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const textMap = (x: unknown, what: string): Record<string, string> => {
	if (x === undefined) return {};
	if (!isRecord(x) || !Object.values(x).every((v) => typeof v === 'string')) throw new ImportError(`${what} must map text to text`);
	return x as Record<string, string>;
};

/** Checks the `tables` part of a mapping document; absent: {}. */
export function parseTables(doc: unknown): TableMappings {
	if (doc === undefined) return {};
	if (!isRecord(doc)) throw new ImportError('mapping: "tables" must be an object');
	const out: TableMappings = {};
	for (const [kind, m] of Object.entries(doc)) {
		if (!(TABLE_KINDS as readonly string[]).includes(kind)) throw new ImportError(`mapping: tables names "${kind}", not a table (${TABLE_KINDS.join(', ')})`);
		const spec = KIND_SPECS[kind as TableKind];
		const at = `mapping: tables.${kind}`;
		if (!isRecord(m)) throw new ImportError(`${at} must be an object`);
		if (!Array.isArray(m.headers) || !m.headers.every((h) => typeof h === 'string')) throw new ImportError(`${at}.headers must be a list of header names`);
		const fields = textMap(m.fields, `${at}.fields`);
		for (const f of Object.keys(fields)) if (!spec.fields.includes(f)) throw new ImportError(`${at}: unknown field "${f}" (fields: ${spec.fields.join(', ')})`);
		const dateFormats = textMap(m.dateFormats, `${at}.dateFormats`);
		for (const f of Object.keys(dateFormats)) if (!spec.dates.includes(f)) throw new ImportError(`${at}.dateFormats names "${f}", which is not a date field`);
		if (m.values !== undefined && !isRecord(m.values)) throw new ImportError(`${at}.values must be an object`);
		const values: Record<string, Record<string, string>> = {};
		for (const [field, map] of Object.entries((m.values as Record<string, unknown>) ?? {})) {
			const codes = spec.codes[field];
			if (!codes) throw new ImportError(`${at}.values names "${field}", which has no codes (${Object.keys(spec.codes).join(', ')})`);
			const vm = textMap(map, `${at}.values.${field}`);
			for (const [raw, code] of Object.entries(vm)) if (!codes.includes(code)) throw new ImportError(`${at}.values.${field} maps "${raw}" to "${code}", not one of ${codes.join(', ')}`);
			values[field] = vm;
		}
		const actions: TableMapping['actions'] = {};
		for (const [code, action] of Object.entries(textMap(m.actions, `${at}.actions`))) {
			const check = TABLE_CHECKS.find((c) => c.code === code);
			if (!check) throw new ImportError(`${at}.actions names "${code}", not a check (${TABLE_CHECKS.map((c) => c.code).join(', ')})`);
			if (!(check.allowed as readonly string[]).includes(action)) throw new ImportError(`${at}.actions.${code} must be one of ${check.allowed.join(', ')}`);
			actions[check.code] = action as Action;
		}
		out[kind as TableKind] = { headers: m.headers as string[], fields, dateFormats, values, actions };
	}
	return out;
}

/** Why a table's mapping cannot be used with these headers, or null when it can. */
export function tableMappingProblem(kind: TableKind, m: TableMapping, headers: readonly string[]): string | null {
	const spec = KIND_SPECS[kind];
	if (!m.fields[spec.required]) return `the ${kind} mapping gives no column for ${spec.required} (tables.${kind}.fields.${spec.required})`;
	const missing = Object.entries(m.fields).filter(([, h]) => !headers.includes(h));
	if (missing.length) return `the ${kind} files have no column ${missing.map(([f, h]) => `"${h}" (for ${f})`).join(', ')}`;
	const used = new Map<string, string>();
	for (const [f, h] of Object.entries(m.fields)) {
		if (used.has(h)) return `the ${kind} mapping maps column "${h}" twice (${used.get(h)} and ${f})`;
		used.set(h, f);
	}
	if (!m.fields.town && !m.fields.village) return `the ${kind} mapping gives no column for the town or village (tables.${kind}.fields.town)`;
	return null;
}

/** A table mapping suggested from the columns' header names and values (the user corrects it). */
export function suggestTableMapping(kind: TableKind, profiles: readonly ColumnProfile[]): TableMapping {
	const spec = KIND_SPECS[kind];
	const fields: Record<string, string> = {};
	const used = new Set<string>();
	for (const exact of [true, false]) {
		for (const field of spec.fields) {
			if (fields[field]) continue;
			const hit = profiles.find((p) => !used.has(p.header) && headerMatches(p.header, field, TABLE_HEADER_NAMES[kind][field], exact));
			if (hit) {
				fields[field] = hit.header;
				used.add(hit.header);
			}
		}
	}
	// Dates by their values when no header named them: the first date column is the assignment.
	if (!fields[spec.required] && spec.dates.includes(spec.required)) {
		const hit = profiles.find((p) => !used.has(p.header) && p.dates >= 0.8);
		if (hit) fields[spec.required] = hit.header;
	}
	const values: Record<string, Record<string, string>> = {};
	for (const field of Object.keys(spec.codes)) {
		const p = profiles.find((q) => q.header === fields[field]);
		if (!p?.vocabulary) continue;
		const known = knownTableValues(kind, field);
		values[field] = Object.fromEntries(p.vocabulary.flatMap(({ value }) => (known.has(norm(value)) ? [[value, known.get(norm(value))!]] : [])));
	}
	return {
		headers: [...new Set(profiles.map((p) => p.header))].sort(),
		fields,
		values,
		actions: Object.fromEntries(TABLE_CHECKS.map((c) => [c.code, c.default])) as Record<TableCheckCode, Action>
	};
}
