/**
 * Offers a file to the user as a download: the one place that turns a Blob into a saved file
 * (CSV tables, SVG and PNG pictures, scenario JSON). The object URL is revoked once the browser
 * has taken the file.
 */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
