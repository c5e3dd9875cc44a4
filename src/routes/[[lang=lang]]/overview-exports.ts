import type { ExportContext } from '$lib/charts/export-context';
import type { DatasetProfile, Place } from '$lib/data/profile';
import type { I18n } from '$lib/i18n/i18n.svelte';

/**
 * What the overview's exports (and its embeds') say of their scope: the place chosen, the
 * dataset's period (the published ledger figures' Aug 2016 – Dec 2021 for the synthetic county)
 * and the levels its headline counts (county and town ledgers there; every level for an import).
 */
export function overviewExportContext(i18n: I18n, profile: DatasetProfile, town: Place | null): Omit<ExportContext, 'note'> {
	const { from, to } = profile.period;
	return {
		place: town ? i18n.placeName(town) : i18n.t('exports.county'),
		period: { from, to, label: `${i18n.month(from)} – ${i18n.month(to)}` },
		levels: i18n.t(profile.levels ? 'exports.levels.countyTown' : 'exports.levels.all')
	};
}

/** The county as the scope of a chart that always shows every town. */
export function countyExportScope(i18n: I18n): Partial<ExportContext> {
	return { place: i18n.t('exports.county') };
}
