import type { I18n } from '$lib/i18n/i18n.svelte';
import type { TableColumn } from './csv-download';

/** A table cell as shown: a number formatted (by the chart's own `formatCell`, as a percentage, or with its digits), '–' for none. */
export function cellText(i18n: I18n, c: TableColumn, v: string | number | null | undefined, formatCell?: (key: string, value: number) => string): string {
	if (v === null || v === undefined) return '–';
	if (typeof v === 'number') return formatCell ? formatCell(c.key, v) : c.percent !== undefined ? i18n.percent(v, c.percent) : i18n.number(v, c.digits);
	return v;
}
