import { placeOf, type ExportContext } from '$lib/charts/export-context';
import type { Dataset } from '$lib/data/dataset';
import type { LedgerFilters } from '$lib/data/ledger-queries';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/messages';

/**
 * What the ledger page's exports say of their scope: the place (village, town or county), the
 * quarters brushed (one quarter, as the bulletin's, named once), every level's ledgers (the page counts village ledgers too) and the ledger type.
 */
export function ledgerExportContext(i18n: I18n, filters: LedgerFilters, dataset: Pick<Dataset, 'villages' | 'profile'>): Omit<ExportContext, 'note'> {
	const place = placeOf(i18n, filters, dataset);
	const quarter = (q: string) => i18n.t('bulletin.quarterName', { year: q.slice(0, 4), q: q.slice(5) });
	const levels = [i18n.t('exports.levels.all'), filters.ledger ? i18n.t(`ledger.${filters.ledger}` as MessageKey) : null].filter(Boolean).join(' · ');
	return { place, period: { from: filters.from, to: filters.to, label: filters.from === filters.to ? quarter(filters.from) : `${quarter(filters.from)} – ${quarter(filters.to)}` }, levels };
}
