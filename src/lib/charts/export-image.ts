/** Style properties copied inline so an exported chart looks as on screen without the page's CSS. */
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor'];

/** A standalone copy of an SVG element: computed styles inlined, explicit size, white background. */
export function standaloneSvg(svg: SVGSVGElement): string {
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
	return new XMLSerializer().serializeToString(clone);
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

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
	download(filename, new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
}

/** Renders the chart to a PNG at twice its size (sharp on high-density screens and in print). */
export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
	const { width, height } = svg.viewBox.baseVal;
	const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
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
