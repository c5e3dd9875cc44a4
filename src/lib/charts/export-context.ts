import { getContext, setContext } from 'svelte';
import { getDataset, type Dataset } from '$lib/data/dataset';
import type { I18n } from '$lib/i18n/i18n.svelte';
import { getI18n } from '$lib/i18n/i18n.svelte';
import type { DatasetMeta } from '$lib/server/dataset';

/**
 * What a chart's exported files say about their scope (issue #15: exports that stand alone):
 * the place, the period and the levels the numbers cover. A page sets it once for the charts it
 * holds (`setExportContext`); a chart whose numbers cover another scope (the overview's town
 * table, always the whole county) overrides part of it (ChartFrame's `scope`).
 */
export interface ExportContext {
	/** The place as the page names it, in its language (池河镇 / Chihe). */
	place: string;
	/** The period: `from` and `to` as written in file names (2016-08, 2016Q3), `label` as read. */
	period?: { from: string; to: string; label: string };
	/** The levels of the ledgers counted, in words. */
	levels?: string;
	/** What the data are: the synthetic-data line, or an imported dataset's own name. */
	note?: string;
}

/** The line that says what the data are: synthetic (with its seed), or the imported dataset's name. */
export function datasetNote(i18n: I18n, meta: Pick<DatasetMeta, 'synthetic' | 'seed' | 'imported'>): string {
	if (meta.synthetic) return i18n.t('exports.synthetic', { seed: meta.seed });
	return i18n.t('exports.imported', { name: meta.imported?.files.join(i18n.lang === 'zh' ? '、' : ', ') || '–' });
}

const KEY = Symbol('export-context');

/**
 * Sets the scope of the charts inside this component (call while it is created); `get` is read at
 * each export. The dataset's line (synthetic or imported) is added from the layout's Dataset.
 */
export function setExportContext(get: () => Omit<ExportContext, 'note'>): void {
	const i18n = getI18n();
	const dataset = getDataset();
	setContext(KEY, () => ({ ...get(), note: datasetNote(i18n, dataset.meta) }));
}

export function getExportContext(): (() => ExportContext) | undefined {
	return getContext<(() => ExportContext) | undefined>(KEY);
}

/** A part of a file name safe on Windows, macOS and Linux: no separators, reserved or control characters, no spaces. */
export function safeNamePart(text: string): string {
	return text
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
		.replace(/[\s_]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 60);
}

/** A download's file name: place, period and the chart's own name (`池河镇_2016-08_2021-12_cases-by-month.csv`). */
export function exportFileName(base: string, ext: string, context?: ExportContext | null): string {
	const parts = context ? [context.place, context.period?.from, context.period?.to] : [];
	const name = [...parts.filter((p): p is string => !!p).map(safeNamePart), safeNamePart(base)].filter(Boolean).join('_');
	return `${name || 'chart'}.${ext}`;
}

/** The subtitle of an exported picture: place · period · levels. */
export function exportSubtitle(context?: ExportContext | null): string {
	if (!context) return '';
	return [context.place, context.period?.label, context.levels].filter(Boolean).join(' · ');
}

/** The place a page shows, as its exports name it: the village (after its town), the town, or the county. */
export function placeOf(i18n: I18n, scope: { town: string | null; village: string | null }, dataset: Pick<Dataset, 'villages' | 'profile'>): string {
	const town = dataset.profile.towns.find((t) => t.code === scope.town);
	const village = dataset.villages.find((v) => v.id === scope.village);
	if (village) return [town ? i18n.placeName(town) : '', i18n.villageName(village)].filter(Boolean).join(i18n.lang === 'zh' ? '' : ' ');
	return town ? i18n.placeName(town) : i18n.t('exports.county');
}
