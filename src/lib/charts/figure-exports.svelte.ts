import { getContext, setContext } from 'svelte';
import type { LegendEntry, SvgImage } from './export-image';

/** The functions that make and save pictures and tables (loaded when a figure is saved). */
export type ExportTools = typeof import('./export-tools');

/** Loads the export tools (a chunk of their own: no page's first view needs them). */
export function loadExportTools(): Promise<ExportTools> {
	return import('./export-tools');
}

/** A picture a chart offers the figure around it, to be saved as SVG or PNG (made with `tools` once they are loaded). */
export interface ExportPicture {
	image: (tools: ExportTools) => SvgImage | null;
	/** Its name when it is one of several in the figure (small multiples). */
	caption?: () => string | undefined;
}

/** What the colours of a figure's charts stand for, offered so that an exported picture says it too. */
export interface ExportLegend {
	items: () => readonly LegendEntry[];
}

/** The pictures and legends offered by the charts inside one figure (ChartFrame), in the order they were drawn. */
export class FigureExports {
	readonly pictures: ExportPicture[] = [];
	readonly legends: ExportLegend[] = [];

	add(picture: ExportPicture): () => void {
		return keep(this.pictures, picture);
	}

	addLegend(legend: ExportLegend): () => void {
		return keep(this.legends, legend);
	}

	/** The entries of every legend offered, each label once. */
	legendEntries(): LegendEntry[] {
		const entries = this.legends.flatMap((l) => l.items());
		return entries.filter((e, i) => entries.findIndex((f) => f.label === e.label) === i);
	}
}

function keep<T>(list: T[], item: T): () => void {
	list.push(item);
	return () => {
		const i = list.indexOf(item);
		if (i >= 0) list.splice(i, 1);
	};
}

const KEY = Symbol('figure-exports');

export function setFigureExports(exports: FigureExports): FigureExports {
	return setContext(KEY, exports);
}

/** Offers a chart's picture to the figure it is drawn in, for as long as the chart is shown (call while a component is created). */
export function offerExport(picture: ExportPicture): void {
	const figure = getContext<FigureExports | undefined>(KEY);
	if (figure) $effect(() => figure.add(picture));
}

/** Offers what a chart's colours stand for to the figure it is drawn in (call while a component is created). */
export function offerLegend(legend: ExportLegend): void {
	const figure = getContext<FigureExports | undefined>(KEY);
	if (figure) $effect(() => figure.addLegend(legend));
}
