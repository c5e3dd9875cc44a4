import type { ExportContext } from '$lib/charts/export-context';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { Town } from '$sim/county/towns';

/** The overview's period: the published ledger figures' (Aug 2016 – Dec 2021). */
export const OVERVIEW_PERIOD = { from: '2016-08', to: '2021-12' } as const;

/** What the overview's exports (and its embeds') say of their scope: the place chosen, the period, county and town ledgers. */
export function overviewExportContext(i18n: I18n, town: Town | null): Omit<ExportContext, 'note'> {
	return {
		place: town ? i18n.townName(town) : i18n.t('exports.county'),
		period: { ...OVERVIEW_PERIOD, label: `${i18n.month(OVERVIEW_PERIOD.from)} – ${i18n.month(OVERVIEW_PERIOD.to)}` },
		levels: i18n.t('exports.levels.countyTown')
	};
}

/** The county as the scope of a chart that always shows every town. */
export function countyExportScope(i18n: I18n): Partial<ExportContext> {
	return { place: i18n.t('exports.county') };
}
