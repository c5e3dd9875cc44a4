import type { Dataset } from '$lib/data/dataset';
import { filtersFromSearch, filtersToSearch } from '$lib/data/ledger-filters';
import { LEDGER_TABLES, VILLAGE_LEDGER_TABLES, ledgerFromSlice, ledgerSlice, noFilters, sliceKey, type LedgerData, type LedgerFilters, type LedgerSlice } from '$lib/data/ledger-queries';
import { PageQuery } from '$lib/data/PageQuery.svelte';
import { decodeSlice, preparedName } from '$lib/data/prepared';
import type { DatasetProfile } from '$lib/data/profile';

const FILTER_PARAMS = ['town', 'village', 'ledger', 'from', 'to'];

/** A ledger view's filters as a key (and as the address's query). */
export const ledgerKey = (f: LedgerFilters, profile?: DatasetProfile) => filtersToSearch(f, profile).toString();

/**
 * The ledger page's state and answers (the page and its charts' embeds share it): the filters in
 * the address; an answer summed from a slice (ledger-queries.ts), one per place and ledger type,
 * prepared at build time (or read by the engine), kept, so a period change (a brush) is summed at once.
 */
export function ledgerPageQuery(dataset: Dataset, prerendered: () => LedgerData): PageQuery<LedgerFilters, LedgerData, LedgerSlice> {
	const profile = dataset.profile;
	// The view without parameters: the whole county, or the prerendered answer's town (the embed of a town's villages, which needs one).
	const town = prerendered().filters.town;
	const none = { ...noFilters(profile), town };
	return new PageQuery<LedgerFilters, LedgerData, LedgerSlice>({
		dataset,
		state: {
			parse: (params) => {
				if (town && !params.has('town')) params.set('town', town);
				const { filters, problems } = filtersFromSearch(params, dataset.villages, profile);
				return { state: filters, problems };
			},
			write: (f, params) => {
				for (const k of FILTER_PARAMS) params.delete(k);
				for (const [k, v] of filtersToSearch(f, profile)) params.set(k, v);
			},
			key: (f) => ledgerKey(f, profile),
			initial: none
		},
		prerendered,
		unit: { key: sliceKey, answer: (slice, f) => ledgerFromSlice(slice, f) },
		prepared: (f) => preparedName.ledgers(f),
		decode: decodeSlice,
		// A village's slices are derived in the browser from its own cases, loaded on first use.
		query: async (f) => ledgerSlice(await (f.village ? dataset.withVillageCases(VILLAGE_LEDGER_TABLES, f.village) : dataset.engine.ready(LEDGER_TABLES)), f),
		// The county's slice (the first period brushed) and the towns' (the first place chosen), read ahead.
		ahead: () => [none, ...profile.towns.map((t) => ({ ...none, town: t.code }))]
	});
}
