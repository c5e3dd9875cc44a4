import { LEDGER_TYPES } from '$sim/dataset/case-vocabulary';
import type { Dataset } from '$lib/data/dataset';
import { filtersFromSearch, filtersToSearch } from '$lib/data/ledger-filters';
import { LEDGER_TABLES, VILLAGE_ALONE_TABLES, VILLAGE_LEDGER_TABLES, ledgerFromSlice, ledgerSlice, noFilters, sliceKey, type LedgerData, type LedgerFilters, type LedgerSlice } from '$lib/data/ledger-queries';
import { PageQuery } from '$lib/data/PageQuery.svelte';
import { decodeSlice, preparedName } from '$lib/data/prepared';
import { hasField, type DatasetProfile } from '$lib/data/profile';

const FILTER_PARAMS = ['town', 'village', 'ledger', 'from', 'to'];

/** The prepared slice of a village's town (same ledger type), or null when there is none or it cannot be read. */
async function townSlice(dataset: Dataset, f: LedgerFilters): Promise<LedgerSlice | null> {
	const json = dataset.prepared(preparedName.ledgers({ ...f, village: null }));
	try {
		return json ? decodeSlice(await json) : null;
	} catch {
		return null;
	}
}

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
		// A village's slices are derived in the browser from its own cases, loaded on first use; its
		// towns' and villages' rows are its town's prepared slice's, when there is one (then the
		// engine loads no case_counts).
		query: async (f) => {
			if (!f.village) return ledgerSlice(await dataset.engine.ready(LEDGER_TABLES), f);
			const town = await townSlice(dataset, f);
			return ledgerSlice(await dataset.withVillageCases(town ? VILLAGE_LEDGER_TABLES : VILLAGE_ALONE_TABLES, f.village), f, town);
		},
		// The county's slice (the first period brushed) and the towns' (the first place chosen), read ahead.
		ahead: () => [none, ...profile.towns.map((t) => ({ ...none, town: t.code }))],
		// One control away: the place's other ledger types (not below a village). Not the ledger
		// type's other towns: at a million cases a town's slice is about 0.5 MB of JSON, and eleven
		// read at each change cost more main thread and memory than they save.
		around: (f) => (f.village || !hasField(profile, 'ledger') ? [] : [null, ...LEDGER_TYPES].filter((l) => l !== f.ledger).map((ledger) => ({ ...f, ledger })))
	});
}
