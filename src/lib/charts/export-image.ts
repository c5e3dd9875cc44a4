/** Style properties copied inline so an exported chart looks as on screen without the page's CSS. */
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor'];

/** An SVG document ready to save or draw, with its size. */
export interface SvgImage {
	markup: string;
	width: number;
	height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone copy of an SVG element: computed styles inlined, explicit size, white background. */
export function standaloneSvg(svg: SVGSVGElement): SvgImage {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	originals.forEach((el, i) => {
		const style = getComputedStyle(el);
		const copy = copies[i] as SVGElement;
		copy.removeAttribute('class');
		copy.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
	});
	const { width, height } = svg.viewBox.baseVal;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', '#fff');
	clone.insertBefore(background, clone.firstChild);
	return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * An SVG drawing of a bar list drawn as HTML (HBars: a label, a bar, a value per row), read from
 * the page as shown, so the exported picture has the same labels, bars and numbers.
 */
export function barsImage(list: HTMLElement): SvgImage {
	const rows = [...list.querySelectorAll<HTMLElement>('[data-key]')].map((row) => ({
		label: row.querySelector('.label')?.textContent?.trim() ?? '',
		share: Number(row.querySelector('svg rect')?.getAttribute('width') ?? 0) / 100,
		value: (row.querySelector('.num')?.textContent?.trim() ?? '').replace(/\s*\(/, ' (')
	}));
	const rowHeight = 24;
	const [labelWidth, barWidth, valueWidth, pad] = [220, 300, 150, 8];
	const width = labelWidth + barWidth + valueWidth + 2 * pad;
	const height = rows.length * rowHeight + 2 * pad;
	const svg = document.createElementNS(SVG_NS, 'svg');
	const add = (parent: Element, name: string, attrs: Record<string, string | number>, text?: string) => {
		const el = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
		if (text !== undefined) el.textContent = text;
		parent.append(el);
		return el;
	};
	svg.setAttribute('xmlns', SVG_NS);
	for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, sans-serif', 'font-size': 12 })) svg.setAttribute(k, String(v));
	add(svg, 'rect', { width: '100%', height: '100%', fill: '#fff' });
	rows.forEach((r, i) => {
		const y = pad + i * rowHeight;
		add(svg, 'text', { x: pad + labelWidth - 8, y: y + rowHeight / 2, dy: '0.35em', 'text-anchor': 'end', fill: '#1b2430' }, r.label);
		add(svg, 'rect', { x: pad + labelWidth, y: y + 5, width: Math.max(0, r.share) * barWidth, height: rowHeight - 10, fill: '#3a6ea5' });
		add(svg, 'text', { x: pad + labelWidth + barWidth + 6, y: y + rowHeight / 2, dy: '0.35em', fill: '#1b2430' }, r.value);
	});
	return { markup: new XMLSerializer().serializeToString(svg), width, height };
}

function download(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(image: SvgImage, filename: string): void {
	download(filename, new Blob([image.markup], { type: 'image/svg+xml' }));
}

/** Renders the chart to a PNG at twice its size (sharp on high-density screens and in print). */
export async function downloadPng(image: SvgImage, filename: string): Promise<void> {
	const { width, height } = image;
	const url = URL.createObjectURL(new Blob([image.markup], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * 2);
		canvas.height = Math.round(height * 2);
		const ctx = canvas.getContext('2d')!;
		ctx.scale(2, 2);
		ctx.drawImage(img, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (blob) download(filename, blob);
	} finally {
		URL.revokeObjectURL(url);
	}
}
