/** The checks the importer runs over the raw rows, what each may do, and the order drops are counted in. */
export type Action = 'drop' | 'keep' | 'fix';

export interface CheckSpec {
	code: string;
	/** What the user may choose; the first rows of the list are dropped under the first code that applies. */
	allowed: readonly Action[];
	default: Action;
}

/**
 * In order of precedence: a row dropped for several reasons is counted under the first. Fixes:
 * unparseable and sentinel dates become empty (a received time that cannot be read drops the
 * row anyway: a case needs one); a closure before receipt or years late loses its closing time
 * (the case counts as open); an unknown village becomes empty (an unknown town drops the row);
 * an unknown category becomes "other"; another unknown code value becomes empty (ledger type and
 * level: the mapping's defaults). Kept duplicate ids get new case numbers.
 */
export const CHECKS = [
	{ code: 'duplicate-row', allowed: ['drop', 'keep'], default: 'drop' },
	{ code: 'missing-required', allowed: ['drop'], default: 'drop' },
	{ code: 'unparseable-date', allowed: ['drop', 'fix'], default: 'fix' },
	{ code: 'sentinel-date', allowed: ['drop', 'fix'], default: 'fix' },
	{ code: 'unknown-place', allowed: ['drop', 'fix'], default: 'drop' },
	{ code: 'cancelled', allowed: ['drop', 'keep'], default: 'drop' },
	{ code: 'duplicate-id', allowed: ['drop', 'keep'], default: 'drop' },
	{ code: 'closed-before-received', allowed: ['drop', 'keep', 'fix'], default: 'drop' },
	{ code: 'closed-late', allowed: ['drop', 'keep', 'fix'], default: 'keep' },
	{ code: 'unknown-status', allowed: ['drop', 'keep'], default: 'keep' },
	{ code: 'unknown-category', allowed: ['drop', 'fix'], default: 'fix' },
	{ code: 'unknown-value', allowed: ['drop', 'fix'], default: 'fix' }
] as const satisfies readonly CheckSpec[];

export type CheckCode = (typeof CHECKS)[number]['code'];
export const CHECK_CODES = CHECKS.map((c) => c.code) as CheckCode[];
