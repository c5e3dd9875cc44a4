/**
 * Writes the fixed SVG snapshot of every embeddable chart (src/lib/embed/registry.ts) in both
 * languages beside its prerendered embed page: build/[en/]embed/<page>/<chart>/snapshot.svg, for
 * the default view (issue #15 item 7). Run by `npm run build` after `vite build`; reads only the
 * built site (the page's HTML and the style sheets it links). `--out DIR` reads another build
 * (default: SITE_BUILD or build). A chart the dataset does not draw gets none (said); a page not
 * built is one line on stderr and exit code 1. Live-only charts (the sandbox's) get none.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { embedChart, embedEntries, SNAPSHOT_BARS, SNAPSHOT_FILE } from '../src/lib/embed/registry';
import { snapshotSvg } from '../src/lib/embed/snapshot';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const root = resolve(outAt >= 0 ? (args[outAt + 1] ?? '') : (process.env.SITE_BUILD ?? 'build'));

/** The style sheets a page links, read once each. */
const sheets = new Map<string, Promise<string>>();
function css(html: string, dir: string): Promise<string> {
	const hrefs = [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)].map((m) => resolve(dir, m[1]));
	return Promise.all(hrefs.map((f) => sheets.get(f) ?? sheets.set(f, readFile(f, 'utf8')).get(f)!)).then((all) => all.join('\n'));
}

async function main(): Promise<number> {
	if (!existsSync(root)) {
		console.error(`embed-snapshots: no built site at ${root} (run vite build first)`);
		return 1;
	}
	let bytes = 0;
	const missing: string[] = [];
	// The sandbox's charts are live only: drawn from runs in the visitor's browser, not by the build.
	const entries = embedEntries().filter(({ page, chart }) => embedChart(page, chart)?.snapshot);
	for (const { lang, page, chart } of entries) {
		const file = join(root, ...(lang ? [lang] : []), 'embed', page, chart, 'index.html');
		if (!existsSync(file)) {
			console.error(`embed-snapshots: the embed page ${file} was not built`);
			return 1;
		}
		const html = await readFile(file, 'utf8');
		const snapshot = snapshotSvg(html, chart, await css(html, dirname(file)), SNAPSHOT_BARS[chart]);
		if (!snapshot) {
			// A dataset without the table a chart reads (an import with no households) does not draw it.
			missing.push(`${lang ?? 'zh'}:${page}/${chart}`);
			continue;
		}
		await writeFile(join(dirname(file), SNAPSHOT_FILE), snapshot.markup);
		bytes += Buffer.byteLength(snapshot.markup);
	}
	console.log(`embed-snapshots: wrote ${entries.length - missing.length} snapshots (${Math.round(bytes / 1024)} kB) in ${root}`);
	if (missing.length) console.log(`embed-snapshots: not drawn for this dataset, no snapshot: ${missing.join(', ')}`);
	return 0;
}

main().then(
	(code) => (process.exitCode = code),
	(e: unknown) => {
		console.error(`embed-snapshots: ${e instanceof Error ? e.message : String(e)}`);
		process.exitCode = 1;
	}
);
