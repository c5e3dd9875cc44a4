/**
 * Mappings remembered in this browser per set of headers (localStorage), so a second export of
 * the same ledger needs no mapping work. What is kept is checked again when read (by the importer's
 * own parser, in the worker): a damaged entry is reported and ignored.
 */
import type { Mapping } from '$lib/import/mapping';

const PREFIX = 'ggs-import-mapping:';

/** The storage key of a mapping for headers whose mappingKey is `key`. */
export const rememberedKey = (key: string) => PREFIX + key;

export function rememberMapping(storage: Pick<Storage, 'setItem'>, key: string, mapping: Mapping): boolean {
	try {
		storage.setItem(rememberedKey(key), JSON.stringify(mapping));
		return true;
	} catch {
		return false; // storage full or refused: the mapping is still exported on request
	}
}

/** The remembered mapping's text for `key`, or null. */
export function recallMapping(storage: Pick<Storage, 'getItem'>, key: string): string | null {
	try {
		return storage.getItem(rememberedKey(key));
	} catch {
		return null;
	}
}

export function forgetMapping(storage: Pick<Storage, 'removeItem'>, key: string): void {
	try {
		storage.removeItem(rememberedKey(key));
	} catch {
		// nothing kept
	}
}

/**
 * The mapping with column `header` holding `field` (null: no field): a column holds one field and
 * a field comes from one column, so whatever held either before lets go.
 */
export function assignField<F extends string>(fields: Partial<Record<F, string>>, header: string, field: F | null): Partial<Record<F, string>> {
	const out: Partial<Record<F, string>> = {};
	for (const [f, h] of Object.entries(fields) as [F, string][]) if (h !== header && f !== field) out[f] = h;
	if (field !== null) out[field] = header;
	return out;
}

/** The field a column holds under `fields`, or null. */
export function fieldOf<F extends string>(fields: Partial<Record<F, string>>, header: string): F | null {
	return ((Object.entries(fields) as [F, string][]).find(([, h]) => h === header)?.[0] ?? null) as F | null;
}
