/**
 * `npm run import` — imports a county's own case records (CSV/TSV in UTF-8, UTF-16 or GB18030,
 * .xlsx, Parquet, Open311 GeoReport v2 JSON), checks them and writes a dataset the site builds from:
 *   --from FILE      a file to import (repeat for several files; files of cases of the same kind are matched
 *                    by header; a file of tasks or households goes to its table: its kind is the mapping's
 *                    part made for its headers, else what its headers suggest)
 *   --map MAP.json   the mapping (src/lib/import/mapping.ts); without it, the suggested mapping is
 *                    printed (or written with --suggest MAP.json) to start from
 *   --out DIR        where the dataset is written (then: DATASET=DIR npm run build)
 *   --report R.json  the checks' report: rows, kept, problems [{ code, count, dropped, action, examples }]
 *   --encoding E     utf-8 | utf-16le | utf-16be | gb18030 (default: detected)
 *   --format F       csv | tsv | xlsx | parquet | json (default: from the file name)
 *   --name-zh NAME   the area's name in Chinese (the pages' titles); --name-en NAME in English
 *                    (default: published.json's "area", else the mapping's places.name, in both)
 *   --published P    a published.json of figures to set beside the data's (copied into DIR;
 *                    src/lib/data/published-figures.ts); without it no page shows published figures
 * Exit code 0 when the dataset (or the suggestion) was written; 2 with a one-line message when the
 * files or the mapping cannot be used; 1 for a defect of the importer.
 */
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENCODINGS, type Encoding } from '../src/lib/import/decode';
import { mappingKey, parseMapping, type Mapping } from '../src/lib/import/mapping';
import { applyMapping, readFiles, suggest } from '../src/lib/import/pipeline';
import { FORMATS, type SourceFile, type SourceFormat } from '../src/lib/import/read';
import { ImportError } from '../src/lib/import/types';
import { DEFAULT_SEED } from '../src/lib/server/dataset';
import { openImportDb } from '../src/lib/server/import-db';
import { fail } from './cli-options';
import { profileOf } from '../src/lib/data/profile';
import { parsePublished, PublishedError } from '../src/lib/data/published-figures';
import { importArea, UNNAMED_AREA } from '../src/lib/import/lookups';
import { PUBLISHED_FILE } from '../src/lib/server/dataset';
import { writeImportedDataset } from './import-dataset';
import { applyTableMapping, filledTables, kindOfFile } from '../src/lib/import/tables';
import { suggestTableMapping } from '../src/lib/import/table-mapping';
import { suggestKind, TABLE_KINDS, type FileKind } from '../src/lib/import/table-vocabulary';
import { profileColumns } from '../src/lib/import/suggest';
import { prepareAnswers } from './prepare-answers';

const TOOL = 'import';

const parse = () =>
	parseArgs({
		options: {
			from: { type: 'string', multiple: true },
			map: { type: 'string' },
			out: { type: 'string' },
			report: { type: 'string' },
			suggest: { type: 'string' },
			encoding: { type: 'string' },
			format: { type: 'string' },
			'name-zh': { type: 'string' },
			'name-en': { type: 'string' },
			published: { type: 'string' },
			quiet: { type: 'boolean' }
		},
		strict: true,
		allowPositionals: false
	});
let values!: ReturnType<typeof parse>['values'];
try {
	({ values } = parse());
} catch (e) {
	fail(TOOL, (e as Error).message);
}
const from = values.from ?? [];
if (from.length === 0) fail(TOOL, 'give at least one file with --from FILE');
if (values.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(values.encoding)) fail(TOOL, `--encoding must be one of ${ENCODINGS.join(', ')}, got "${values.encoding}"`);
if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) fail(TOOL, `--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
if (values.map !== undefined && values.out === undefined) fail(TOOL, '--map needs --out DIR (where the dataset is written)');
if (values.map !== undefined && values.suggest !== undefined) fail(TOOL, 'give either --map (import) or --suggest (write the suggested mapping), not both');
for (const k of ['name-zh', 'name-en'] as const) if (values[k] !== undefined && values[k]!.trim() === '') fail(TOOL, `--${k} must not be empty`);
if (values.published !== undefined && values.map === undefined) fail(TOOL, '--published needs --map and --out (the figures go with the dataset)');

const fileError = (path: string, e: unknown) => fail(TOOL, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);

async function main(): Promise<void> {
	const sources: SourceFile[] = [];
	for (const path of from) {
		const bytes = await readFile(path).catch((e) => fileError(path, e));
		sources.push({ name: basename(path), bytes: new Uint8Array(bytes), encoding: values.encoding as Encoding | undefined, format: values.format as SourceFormat | undefined });
	}
	let mapping: Mapping | undefined;
	if (values.map !== undefined) {
		const text = await readFile(values.map, 'utf8').catch((e) => fileError(values.map!, e));
		let doc;
		try {
			doc = JSON.parse(text);
		} catch (e) {
			fail(TOOL, `${values.map} is not JSON (${(e as Error).message})`);
		}
		mapping = parseMapping(doc);
	}
	// The published figures, checked before any work (a bad file: one line, exit 2).
	let published: { text: string; area: { zh?: string; en?: string } | null } | null = null;
	if (values.published !== undefined) {
		const text = await readFile(values.published, 'utf8').catch((e) => fileError(values.published!, e));
		try {
			published = { text, area: parsePublished(JSON.parse(text)).area };
		} catch (e) {
			if (e instanceof SyntaxError) fail(TOOL, `${values.published} is not JSON (${e.message})`);
			if (e instanceof PublishedError) fail(TOOL, `${values.published}: ${e.message}`);
			throw e;
		}
	}
	const db = await openImportDb();
	try {
		// Each file's kind (cases, tasks, households): the mapping's part for its headers, else what its headers suggest.
		let raw = await readFiles(db, sources);
		const kinds = raw.files.map((f) => (mapping ? kindOfFile(f.headers, mapping, suggestKind(f.headers)) : suggestKind(f.headers)));
		const byKind = (k: FileKind) => sources.filter((_, i) => kinds[i] === k);
		const mixed = kinds.some((k) => k !== 'cases');
		if (mixed && byKind('cases').length === 0) throw new ImportError(`no file of cases among ${sources.map((s) => s.name).join(', ')} (${raw.files.map((f, i) => `${f.name}: ${kinds[i]}`).join(', ')}); the pages need the cases`);
		if (mixed) raw = await readFiles(db, byKind('cases'));
		if (!mapping) {
			const { mapping: suggested } = await suggest(db, raw, { seed: DEFAULT_SEED });
			for (const kind of TABLE_KINDS) {
				if (byKind(kind).length === 0) continue;
				const rawK = await readFiles(db, byKind(kind));
				(suggested.tables ??= {})[kind] = suggestTableMapping(kind, await profileColumns(db, rawK));
			}
			const json = JSON.stringify(suggested, null, '\t') + '\n';
			if (values.suggest) {
				await writeFile(values.suggest, json);
				console.error(`${TOOL}: wrote the suggested mapping for ${raw.headers.length} columns to ${values.suggest}; check it, then run with --map ${values.suggest} --out DIR`);
			} else process.stdout.write(json);
			return;
		}
		if (mappingKey(mapping.headers) !== mappingKey(raw.headers) && !values.quiet) console.error(`${TOOL}: note: the mapping was made for other headers; the columns it names are all present`);
		const applied = await applyMapping(db, raw, mapping, { seed: DEFAULT_SEED });
		const report = applied.report;
		let units = applied.units;
		// Tasks and households after the cases: they are placed in the cases' units.
		for (const kind of TABLE_KINDS) {
			const files = byKind(kind);
			if (files.length === 0) continue;
			const part = mapping.tables?.[kind];
			if (!part) throw new ImportError(`${files.map((f) => f.name).join(', ')} hold ${kind} but the mapping has no "tables.${kind}" (write one with --suggest)`);
			const done = await applyTableMapping(db, await readFiles(db, files), kind, part, mapping, units);
			units = done.units;
			(report.tables ??= {})[kind] = done.report;
		}
		sources.length = 0;
		if (values.report) {
			await mkdir(dirname(values.report), { recursive: true });
			await writeFile(values.report, JSON.stringify(report, null, '\t') + '\n');
		}
		if (report.kept === 0) fail(TOOL, `no case is left after the checks (${report.rows} rows, all dropped${values.report ? `; see ${values.report}` : ''})`);
		// The area's name: given, from the published figures, or the mapping's; each language falls back to the other.
		const area = importArea(mapping, { zh: values['name-zh'] ?? published?.area?.zh, en: values['name-en'] ?? published?.area?.en });
		const { filled, tables } = await filledTables(db, mapping, report.tables ?? {});
		const profile = await profileOf(db, { area, mapped: Object.keys(mapping.fields), unnamed: UNNAMED_AREA, tables });
		await writeImportedDataset(db, values.out!, report, units, DEFAULT_SEED, profile, filled);
		if (published) await writeFile(join(values.out!, PUBLISHED_FILE), published.text);
		else await rm(join(values.out!, PUBLISHED_FILE), { force: true });
		// The pages' publish-time answers, as `npm run data` writes them for the synthetic dataset.
		await prepareAnswers(values.out!);
		if (!values.quiet) {
			const drops = report.problems.filter((p) => p.dropped > 0).map((p) => `${p.code} ${p.dropped}`);
			const others = Object.entries(report.tables ?? {}).map(([k, t]) => `, ${t.kept} of ${t.rows} ${k} rows kept`);
			console.log(`${TOOL}: ${report.rows} rows, ${report.kept} cases kept${drops.length ? ` (dropped: ${drops.join(', ')})` : ''}${others.join('')}; wrote ${values.out}`);
		}
	} finally {
		db.close();
	}
}

try {
	await main();
} catch (e) {
	if (e instanceof ImportError) fail(TOOL, e.message);
	console.error(`${TOOL}: internal error: ${(e as Error).message.split('\n')[0]}`);
	process.exit(1);
}
