import { TOWNS } from '$sim/county/towns';
import type { Place } from './profile';

/** A village of the county: enough to name it and to check a link's `village=`. */
export interface Village {
	id: string;
	town: string;
	zh: string;
	en: string;
}

/** Household colours of the "321" model (放心户 / 关心户 / 连心户). */
export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

/**
 * Where a page looks (the county, a town or a village of it: the drill-down) and, on the "321"
 * page, which household colour it counts. Kept in the URL as `town`, `village` and `colour`.
 */
export interface Scope {
	town: string | null;
	village: string | null;
	colour: Colour | null;
}
export const COUNTY: Scope = { town: null, village: null, colour: null };

/** What a page accepts: every page takes a town; some drill down to villages; the "321" page also filters by colour. */
export interface ScopeOptions {
	/** The dataset's towns (default: the synthetic county's). */
	towns?: readonly Pick<Place, 'code'>[];
	villages?: readonly Village[];
	colour?: boolean;
}

/**
 * A value from the address as a notice quotes it: at most 20 characters and an ellipsis, so a
 * long or hostile parameter cannot flood the page.
 */
export function shortValue(v: string): string {
	return v.length > 20 ? `${v.slice(0, 20)}…` : v;
}

export function isCounty(s: Scope): boolean {
	return s.town === null && s.village === null && s.colour === null;
}

/** A stable text for a scope (cache keys, data attributes). */
export function scopeKey(s: Scope): string {
	return scopeToSearch(s, new URLSearchParams()).toString();
}

/**
 * Reads a scope from a query string. An unknown town, village or colour is dropped (listed in
 * `problems`, shortened), so any link opens a valid view; a village implies its town, and a village
 * of another town than the (valid) one named is dropped. Parameters the page does not take are ignored.
 */
export function scopeFromSearch(params: URLSearchParams, options: ScopeOptions = {}): { scope: Scope; problems: string[] } {
	const scope: Scope = { ...COUNTY };
	const problems: string[] = [];
	const short = shortValue;
	const town = params.get('town');
	if (town !== null) {
		if ((options.towns ?? TOWNS).some((t) => t.code === town)) scope.town = town;
		else problems.push(`town=${short(town)}`);
	}
	const village = options.villages ? params.get('village') : null;
	if (village !== null) {
		const v = options.villages!.find((x) => x.id === village);
		if (!v || (scope.town !== null && v.town !== scope.town)) problems.push(`village=${short(village)}`);
		else {
			scope.town = v.town;
			scope.village = v.id;
		}
	}
	const colour = options.colour ? params.get('colour') : null;
	if (colour !== null) {
		if ((COLOURS as readonly string[]).includes(colour)) scope.colour = colour as Colour;
		else problems.push(`colour=${short(colour)}`);
	}
	return { scope, problems };
}

/** Writes a scope into `params` (keeping the others), in a fixed order. */
export function scopeToSearch(s: Scope, params: URLSearchParams): URLSearchParams {
	for (const k of ['town', 'village', 'colour'] as const) params.delete(k);
	if (s.town) params.set('town', s.town);
	if (s.village) params.set('village', s.village);
	if (s.colour) params.set('colour', s.colour);
	return params;
}

/** A change of scope: a new town leaves the village it was in; a village brings its town. */
export function changeScope(s: Scope, change: Partial<Scope>, villages: readonly Village[] = []): Scope {
	const next = { ...s, ...change };
	if ('town' in change && !('village' in change)) next.village = null;
	if (change.village) next.town = villages.find((v) => v.id === change.village)?.town ?? next.town;
	return next;
}
