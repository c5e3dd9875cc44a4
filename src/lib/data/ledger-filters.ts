import { LEDGER_TYPES } from '$sim/dataset/case-vocabulary';
import { ledgerQuarters, noFilters, type LedgerFilters } from './ledger-queries';
import { DEFAULT_PROFILE, type DatasetProfile } from './profile';
import { scopeFromSearch, shortValue, type Village } from './scope';

/**
 * Reads the ledger page's filters from a query string. Unknown towns, villages or ledgers, periods
 * out of range and inverted periods are dropped (listed in `problems`), so any link opens a valid
 * view. A village implies its town (see scope.ts).
 */
export function filtersFromSearch(
	params: URLSearchParams,
	villages: readonly Village[] = [],
	profile: DatasetProfile = DEFAULT_PROFILE
): { filters: LedgerFilters; problems: string[] } {
	const LEDGER_QUARTERS = ledgerQuarters(profile);
	const NO_FILTERS = noFilters(profile);
	const { scope, problems } = scopeFromSearch(params, { villages, towns: profile.towns });
	const filters: LedgerFilters = { ...NO_FILTERS, town: scope.town, village: scope.village };
	const ledger = params.get('ledger');
	if (ledger !== null) {
		if ((LEDGER_TYPES as readonly string[]).includes(ledger)) filters.ledger = ledger;
		else problems.push(`ledger=${shortValue(ledger)}`);
	}
	// A quarter 'YYYYQn', or a year (older links): a year starts at its first quarter with data and
	// ends at its last.
	const period = (key: 'from' | 'to') => {
		const v = params.get(key);
		if (v === null) return;
		const quarters = /^\d{4}$/.test(v) ? LEDGER_QUARTERS.filter((q) => q.startsWith(v)) : LEDGER_QUARTERS.filter((q) => q === v.toUpperCase());
		if (quarters.length) filters[key] = key === 'from' ? quarters[0] : quarters[quarters.length - 1];
		else problems.push(`${key}=${shortValue(v)}`);
	};
	period('from');
	period('to');
	if (filters.from > filters.to) {
		problems.push(`from=${filters.from} > to=${filters.to}`);
		filters.from = NO_FILTERS.from;
		filters.to = NO_FILTERS.to;
	}
	return { filters, problems };
}

/** The query string of a set of filters (only those that differ from no filter). */
export function filtersToSearch(f: LedgerFilters, profile: DatasetProfile = DEFAULT_PROFILE): URLSearchParams {
	const NO_FILTERS = noFilters(profile);
	const p = new URLSearchParams();
	if (f.town) p.set('town', f.town);
	if (f.village) p.set('village', f.village);
	if (f.ledger) p.set('ledger', f.ledger);
	if (f.from !== NO_FILTERS.from) p.set('from', String(f.from));
	if (f.to !== NO_FILTERS.to) p.set('to', String(f.to));
	return p;
}

export function isUnfiltered(f: LedgerFilters, profile: DatasetProfile = DEFAULT_PROFILE): boolean {
	return filtersToSearch(f, profile).toString() === '';
}

/**
 * The bulletin's quarter from `q` ('YYYYQn', one the bulletin covers): the latest when it is
 * absent or not one of them; `bad` is then the value as the notice quotes it (shortened).
 */
export function bulletinQuarterFromSearch(params: URLSearchParams, profile: DatasetProfile = DEFAULT_PROFILE): { quarter: string; bad: string | null } {
	const BULLETIN_QUARTERS = ledgerQuarters(profile);
	const latest = BULLETIN_QUARTERS[BULLETIN_QUARTERS.length - 1];
	const q = params.get('q');
	if (q === null) return { quarter: latest, bad: null };
	return BULLETIN_QUARTERS.includes(q) ? { quarter: q, bad: null } : { quarter: latest, bad: shortValue(q) };
}
