/**
 * A mapping from a file's columns to the case schema: which column holds which field, how status
 * and code values translate, where the places come from, and what to do with each kind of problem.
 * It is a JSON document, versioned and keyed by the set of headers it was made for, so it can be
 * saved, remembered per set of headers and loaded again (`parseMapping` checks one).
 */
import { CASE_LEVELS, LEDGER_TYPES, type CaseLevel, type LedgerType } from '$sim/dataset/case-vocabulary';
import { CHECKS, type Action, type CheckCode } from './checks-spec';
import { CODES, DATE_FIELDS, MAPPED_FIELDS, type CodeField, type DateField, type MappedField } from './vocabulary';
import { ImportError } from './types';
import { parseTables, type TableMappings } from './table-mapping';

export const MAPPING_FORMAT = 'ggs-import-mapping';
export const MAPPING_VERSION = 1;

export interface Mapping {
	format: typeof MAPPING_FORMAT;
	version: typeof MAPPING_VERSION;
	/** The headers the mapping was made for, sorted (its key: see `mappingKey`). */
	headers: string[];
	/** Field → header of the column that holds it. `received_at` is required. */
	fields: Partial<Record<MappedField, string>>;
	/** strptime formats of date fields written in a form the importer does not read by itself (e.g. '%d.%m.%Y'). */
	dateFormats?: Partial<Record<DateField, string>>;
	/** Value as written (trimmed) → code, per status or code field; beyond the spellings the importer knows. */
	values: Partial<Record<CodeField | 'status', Record<string, string>>>;
	/**
	 * Places: the county's own units (towns and villages matched by code or name, or by `towns` and
	 * `villages`: value as written → town code / village id), or the file's own places as units.
	 */
	places: { mode: 'county' | 'own'; name?: string; towns?: Record<string, string>; villages?: Record<string, string> };
	/** Ledger type and level of cases whose file does not say. */
	defaults: { ledger: LedgerType; level: CaseLevel };
	/** Drop, keep or fix per kind of problem (missing ones: the default of checks-spec.ts). */
	actions: Partial<Record<CheckCode, Action>>;
	/** A closure this many days after receipt or later counts as `closed-late`. */
	lateDays: number;
	/** Files of the other kinds (tasks, households): how each maps to its table (table-mapping.ts). Absent: cases only. */
	tables?: TableMappings;
}

/** The key a mapping is remembered under: its set of headers. */
export function mappingKey(headers: readonly string[]): string {
	return [...new Set(headers)].sort().join('\u001f');
}

export function emptyMapping(headers: readonly string[]): Mapping {
	return {
		format: MAPPING_FORMAT,
		version: MAPPING_VERSION,
		headers: [...new Set(headers)].sort(),
		fields: {},
		values: {},
		places: { mode: 'county' },
		defaults: { ledger: 'demand', level: 'county' },
		actions: Object.fromEntries(CHECKS.map((c) => [c.code, c.default])) as Record<CheckCode, Action>,
		lateDays: 365
	};
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const stringMap = (x: unknown, what: string): Record<string, string> => {
	if (x === undefined) return {};
	if (!isRecord(x) || !Object.values(x).every((v) => typeof v === 'string')) throw new ImportError(`${what} must map text to text`);
	return x as Record<string, string>;
};

/** Checks a mapping document (parsed JSON) and returns it typed; a clear one-line message otherwise. */
export function parseMapping(doc: unknown): Mapping {
	if (!isRecord(doc) || doc.format !== MAPPING_FORMAT) throw new ImportError(`not a mapping: "format" must be "${MAPPING_FORMAT}"`);
	if (doc.version !== MAPPING_VERSION) throw new ImportError(`mapping version ${JSON.stringify(doc.version)} is not supported (this importer reads version ${MAPPING_VERSION})`);
	if (!Array.isArray(doc.headers) || !doc.headers.every((h) => typeof h === 'string')) throw new ImportError('mapping: "headers" must be a list of header names');
	const fields = stringMap(doc.fields, 'mapping: "fields"');
	for (const f of Object.keys(fields)) if (!(MAPPED_FIELDS as readonly string[]).includes(f)) throw new ImportError(`mapping: unknown field "${f}" (fields: ${MAPPED_FIELDS.join(', ')})`);
	const dateFormats = stringMap(doc.dateFormats, 'mapping: "dateFormats"');
	for (const f of Object.keys(dateFormats)) if (!(DATE_FIELDS as readonly string[]).includes(f)) throw new ImportError(`mapping: "dateFormats" names "${f}", which is not a date field`);
	const values: Mapping['values'] = {};
	if (doc.values !== undefined && !isRecord(doc.values)) throw new ImportError('mapping: "values" must be an object');
	for (const [field, map] of Object.entries((doc.values as Record<string, unknown>) ?? {})) {
		if (!(field in CODES)) throw new ImportError(`mapping: "values" names "${field}", which has no codes (${Object.keys(CODES).join(', ')})`);
		const codes = CODES[field as CodeField | 'status'];
		const m = stringMap(map, `mapping: values.${field}`);
		for (const [raw, code] of Object.entries(m)) {
			if (!codes.includes(code)) throw new ImportError(`mapping: values.${field} maps "${raw}" to "${code}", not one of ${codes.join(', ')}`);
		}
		values[field as CodeField | 'status'] = m;
	}
	const places = isRecord(doc.places) ? doc.places : { mode: 'county' };
	if (places.mode !== 'county' && places.mode !== 'own') throw new ImportError('mapping: places.mode must be "county" or "own"');
	if (places.name !== undefined && typeof places.name !== 'string') throw new ImportError('mapping: places.name must be text');
	const defaults = isRecord(doc.defaults) ? doc.defaults : {};
	const ledger = defaults.ledger ?? 'demand';
	const level = defaults.level ?? 'county';
	if (!(LEDGER_TYPES as readonly unknown[]).includes(ledger)) throw new ImportError(`mapping: defaults.ledger must be one of ${LEDGER_TYPES.join(', ')}`);
	if (!(CASE_LEVELS as readonly unknown[]).includes(level)) throw new ImportError(`mapping: defaults.level must be one of ${CASE_LEVELS.join(', ')}`);
	const actions: Mapping['actions'] = {};
	for (const [code, action] of Object.entries(stringMap(doc.actions, 'mapping: "actions"'))) {
		const check = CHECKS.find((c) => c.code === code);
		if (!check) throw new ImportError(`mapping: actions names "${code}", not a check (${CHECKS.map((c) => c.code).join(', ')})`);
		if (!(check.allowed as readonly string[]).includes(action)) throw new ImportError(`mapping: actions.${code} must be one of ${check.allowed.join(', ')}`);
		actions[check.code] = action as Action;
	}
	const tables = parseTables(doc.tables);
	const lateDays = doc.lateDays ?? 365;
	if (typeof lateDays !== 'number' || !Number.isFinite(lateDays) || lateDays < 1) throw new ImportError('mapping: lateDays must be a number of days ≥ 1');
	return {
		format: MAPPING_FORMAT,
		version: MAPPING_VERSION,
		headers: doc.headers as string[],
		fields,
		dateFormats,
		values,
		places: {
			mode: places.mode,
			...(places.name !== undefined && { name: places.name as string }),
			towns: stringMap(places.towns, 'mapping: places.towns'),
			villages: stringMap(places.villages, 'mapping: places.villages')
		},
		defaults: { ledger: ledger as LedgerType, level: level as CaseLevel },
		actions,
		lateDays,
		...(Object.keys(tables).length > 0 && { tables })
	};
}

/** Why a mapping cannot be used with these headers, or null when it can. */
export function mappingProblem(mapping: Mapping, headers: readonly string[]): string | null {
	if (!mapping.fields.received_at) return 'the mapping gives no column for the received time (fields.received_at)';
	const missing = Object.entries(mapping.fields).filter(([, h]) => !headers.includes(h as string));
	if (missing.length) return `the files have no column ${missing.map(([f, h]) => `"${h}" (for ${f})`).join(', ')}`;
	const used = new Map<string, string>();
	for (const [f, h] of Object.entries(mapping.fields)) {
		if (used.has(h as string)) return `column "${h}" is mapped twice (${used.get(h as string)} and ${f})`;
		used.set(h as string, f);
	}
	if (mapping.places.mode === 'county' && !mapping.fields.town && !mapping.fields.village) return 'places are the county\'s units but no column gives the town or village (fields.town)';
	return null;
}
