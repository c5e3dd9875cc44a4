import type { I18n } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/messages';
import type { Dataset } from './dataset';
import { hasField, type CaseField, type DatasetProfile } from './profile';

/**
 * How pages speak of their dataset: the synthetic county in its own words, any other dataset
 * (imported) by its area's name, its places and its period, without a Shiquan-specific sentence.
 */

/** Whether the pages show another dataset than the synthetic county (then the `own.*` wording). */
export const isOwn = (dataset: Pick<Dataset, 'meta'>): boolean => !dataset.meta.synthetic;

/** The area's name in the page's language. */
export function areaName(i18n: I18n, profile: DatasetProfile): string {
	return profile.area ? i18n.placeName(profile.area) : i18n.t('area.county');
}

/** A town of the dataset by its code, named in the page's language (the code when unknown). */
export function townLabel(i18n: I18n, profile: DatasetProfile, code: string): string {
	const t = profile.towns.find((x) => x.code === code);
	return t ? i18n.placeName(t) : code;
}

/** The source line of the dataset's charts. */
export function sourceLine(i18n: I18n, dataset: Pick<Dataset, 'meta' | 'seed' | 'profile'>): string {
	if (!isOwn(dataset)) return i18n.t('source.synthetic', { seed: dataset.seed });
	return i18n.t('own.source', { area: areaName(i18n, dataset.profile), files: dataset.meta.imported?.files.join(', ') ?? '' });
}

/** The message for a chart whose field the data lacks; null when it has it. */
export function fieldGap(i18n: I18n, profile: DatasetProfile, field: CaseField): string | null {
	return hasField(profile, field) ? null : i18n.t('gap.field', { field: i18n.t(`gap.field.${field}` as MessageKey) });
}

/** The dataset's period as the page's language writes months: { from, to }. */
export function periodWords(i18n: I18n, profile: DatasetProfile): { from: string; to: string } {
	return { from: i18n.month(profile.period.from), to: i18n.month(profile.period.to) };
}
