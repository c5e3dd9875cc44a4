/**
 * A declarative schema of fields and the two ways of reading values against it: from a link's
 * text (lenient: each bad field is reported and skipped) and from parsed JSON (strict: every
 * field present, of its type, in its range, nothing unknown). Scenarios describe themselves with
 * one schema (scenario.ts), so links, files and stored entries agree on what is valid.
 */

/** A leaf: a number in a range (whole or not), true/false, or one of a list of words. */
export type FieldSpec =
	| { readonly type: 'number'; readonly min: number; readonly max: number; readonly integer?: boolean }
	| { readonly type: 'boolean' }
	| { readonly type: 'choice'; readonly values: readonly string[] };

/** A nested object of leaves (a scenario's levers, its context). */
export interface GroupSpec {
	readonly type: 'group';
	readonly fields: Readonly<Record<string, FieldSpec>>;
}

export type Schema = Readonly<Record<string, FieldSpec | GroupSpec>>;

/** The values a schema describes, as a type. */
export type ValuesOf<S extends Schema> = {
	-readonly [K in keyof S]: S[K] extends GroupSpec ? { -readonly [L in keyof S[K]['fields']]: LeafValue<S[K]['fields'][L]> } : S[K] extends FieldSpec ? LeafValue<S[K]> : never;
};
type LeafValue<F extends FieldSpec> = F extends { type: 'number' } ? number : F extends { type: 'boolean' } ? boolean : F extends { type: 'choice'; values: readonly (infer V)[] } ? V : never;

export const group = <const F extends Record<string, FieldSpec>>(fields: F) => ({ type: 'group', fields }) as const satisfies GroupSpec;

export type ProblemCode =
	| 'json'
	| 'read'
	| 'tooLarge'
	| 'notObject'
	| 'kind'
	| 'missing'
	| 'unknown'
	| 'type'
	| 'format'
	| 'range'
	| 'integer'
	| 'choice'
	| 'newerVersion'
	| 'otherVersion';

/** What is wrong with one field, in terms the page translates. */
export interface ScenarioProblem {
	code: ProblemCode;
	/** The field's path in a file ('levers.sinking') or its name in a link ('sinking'); '' for the whole. */
	field: string;
	/** The value found, shortened (never the whole of a large value). */
	value?: string;
	/** The field's spec, for codes that say what it takes. */
	expected?: FieldSpec | { type: 'group' };
	/** A field of the schema the unknown one is probably a misspelling of. */
	suggestion?: string;
}

/** At most this many problems are collected from one value (a file may hold thousands of keys). */
const MAX_PROBLEMS = 20;

/**
 * A short, language-neutral description of any value, never walking into it: a value nested
 * 49,000 deep would overflow the stack of String() or JSON.stringify().
 */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (Array.isArray(value)) return '[…]';
	if (value !== null && typeof value === 'object') return '{…}';
	return String(value);
}

/** A plain decimal number as links write them: no hexadecimal, binary, octal, spaces, signs or words. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Leaf = { ok: true; value: number | boolean | string } | { ok: false; problem: Omit<ScenarioProblem, 'field'> };

function checkNumber(spec: Extract<FieldSpec, { type: 'number' }>, x: number, shown: string): Leaf {
	if (!Number.isFinite(x) || x < spec.min || x > spec.max) return { ok: false, problem: { code: 'range', value: shown, expected: spec } };
	if (spec.integer && !Number.isInteger(x)) return { ok: false, problem: { code: 'integer', value: shown, expected: spec } };
	return { ok: true, value: x === 0 ? 0 : x };
}

/** Reads a leaf from a link's text. */
export function leafFromText(spec: FieldSpec, text: string): Leaf {
	const shown = text.slice(0, 40);
	switch (spec.type) {
		case 'number':
			return DECIMAL.test(text) ? checkNumber(spec, Number(text), shown) : { ok: false, problem: { code: 'format', value: shown, expected: spec } };
		case 'boolean':
			if (text === '1' || text === 'true') return { ok: true, value: true };
			if (text === '0' || text === 'false') return { ok: true, value: false };
			return { ok: false, problem: { code: 'type', value: shown, expected: spec } };
		case 'choice':
			return spec.values.includes(text) ? { ok: true, value: text } : { ok: false, problem: { code: 'choice', value: shown, expected: spec } };
	}
}

/** Checks a leaf of parsed JSON: its type must be the field's (no text for numbers). */
export function leafFromJson(spec: FieldSpec, value: unknown): Leaf {
	const wrongType: Leaf = { ok: false, problem: { code: 'type', value: describeValue(value), expected: spec } };
	switch (spec.type) {
		case 'number':
			return typeof value === 'number' ? checkNumber(spec, value, describeValue(value)) : wrongType;
		case 'boolean':
			return typeof value === 'boolean' ? { ok: true, value } : wrongType;
		case 'choice':
			if (typeof value !== 'string') return wrongType;
			return spec.values.includes(value) ? { ok: true, value } : { ok: false, problem: { code: 'choice', value: describeValue(value), expected: spec } };
	}
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A known key that an unknown one probably meant: the same but for case, or one or two letters off. */
function suggest(key: string, known: readonly string[]): string | undefined {
	const lower = key.toLowerCase();
	return known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => editDistance(k.toLowerCase(), lower) <= 2 && k.length > 3);
}

function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 2 || a.length > 40 || b.length > 40) return 3;
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length];
}

/**
 * Checks parsed JSON against a schema, strictly: every field present and valid, no unknown key
 * (a misspelt `Levers` is not quietly ignored). `allowed` names keys of the outer object that
 * belong to its wrapper (a file's kind and name) and are checked by the caller.
 */
export function readStrict<S extends Schema>(
	value: unknown,
	schema: S,
	options: { path?: string; allowed?: readonly string[] } = {}
): { ok: true; values: ValuesOf<S> } | { ok: false; problems: ScenarioProblem[] } {
	const problems: ScenarioProblem[] = [];
	const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
	const add = (field: string, problem: Omit<ScenarioProblem, 'field'>) => {
		if (problems.length < MAX_PROBLEMS) problems.push({ field, ...problem });
	};
	const walk = (object: unknown, fields: Readonly<Record<string, FieldSpec | GroupSpec>>, path: string, allowed: readonly string[]) => {
		if (!isPlainObject(object)) {
			add(path, { code: path ? 'type' : 'notObject', value: describeValue(object), expected: { type: 'group' } });
			return undefined;
		}
		const known = Object.keys(fields);
		for (const key of Object.keys(object)) {
			if (problems.length >= MAX_PROBLEMS) break;
			if (!Object.hasOwn(fields, key) && !allowed.includes(key)) add(at(path, key), { code: 'unknown', suggestion: suggest(key, known) });
		}
		const out: Record<string, unknown> = {};
		for (const [key, spec] of Object.entries(fields)) {
			const field = at(path, key);
			if (!Object.hasOwn(object, key)) {
				add(field, { code: 'missing' });
				continue;
			}
			if (spec.type === 'group') out[key] = walk(object[key], spec.fields, field, []);
			else {
				const leaf = leafFromJson(spec, object[key]);
				if (leaf.ok) out[key] = leaf.value;
				else add(field, leaf.problem);
			}
		}
		return out;
	};
	const values = walk(value, schema, options.path ?? '', options.allowed ?? []);
	return problems.length ? { ok: false, problems } : { ok: true, values: values as ValuesOf<S> };
}

/**
 * Reads a schema's values from a link, leniently: `get` gives each leaf's text by its own name
 * (names are unique across groups: `sinking`, not `levers.sinking`). Absent leaves are left out;
 * a bad leaf is reported and left out, so a broken link still opens with what it could read.
 */
export function readLenient<S extends Schema>(get: (name: string) => string | null | undefined, schema: S): { values: Partial<Record<string, unknown>>; problems: ScenarioProblem[] } {
	const values: Record<string, unknown> = {};
	const problems: ScenarioProblem[] = [];
	const read = (name: string, spec: FieldSpec, set: (v: unknown) => void) => {
		const text = get(name);
		if (text === null || text === undefined) return;
		const leaf = leafFromText(spec, text);
		if (leaf.ok) set(leaf.value);
		else problems.push({ field: name, ...leaf.problem });
	};
	for (const [key, spec] of Object.entries(schema)) {
		if (spec.type !== 'group') read(key, spec, (v) => (values[key] = v));
		else for (const [leaf, leafSpec] of Object.entries(spec.fields)) read(leaf, leafSpec, (v) => ((values[key] ??= {}) as Record<string, unknown>)[leaf] = v);
	}
	return { values, problems };
}

/** Every leaf's link name; they must be unique across groups (tested). */
export function leafNames(schema: Schema): string[] {
	return Object.entries(schema).flatMap(([key, spec]) => (spec.type === 'group' ? Object.keys(spec.fields) : [key]));
}
