/**
 * `npm run bench:import` — the importer in Node (DuckDB in Node), on generated case tables of
 * 100,000 and 1,000,000 rows written as CSV and as Parquet: time to read the file, to the checks'
 * report (values, places, checks, cleaned cases), and the process's peak memory (each run in its
 * own process, so peaks do not mix).
 *   --sizes 100000,1000000   case rows (default)
 *   --formats csv,parquet    which of the two files to import (default both)
 *   --browser                the same CSV and Parquet files imported on the built site's /import/ page in
 *                            headless Chromium instead (scripts/bench-import-browser.ts; build first;
 *                            --build DIR measures another build)
 * Files are generated once into .cache/bench-import/ (the generator's scaled cases).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { csvLine } from '../sim/dataset/csv';
import { readCsvSql, SCHEMAS } from '../sim/dataset/schema';
import { datasetTables } from '../sim/dataset/tables';
import { emptyMapping } from '../src/lib/import/mapping';
import { applyMapping, readFiles, suggest } from '../src/lib/import/pipeline';
import { stageTimer, type StageTime } from '../src/lib/import/stages';
import { loadavg } from 'node:os';
import { DEFAULT_SEED } from '../src/lib/server/dataset';
import { openImportDb } from '../src/lib/server/import-db';
import { fail } from './cli-options';
import { benchBrowserImport } from './bench-import-browser';

const DIR = '.cache/bench-import';
const { values } = parseArgs({ options: { sizes: { type: 'string' }, one: { type: 'string' }, browser: { type: 'boolean' }, build: { type: 'string' }, formats: { type: 'string' } }, strict: true });

async function files(size: number): Promise<{ csv: string; parquet: string }> {
	const csv = `${DIR}/cases-${size}.csv`;
	const parquet = `${DIR}/cases-${size}.parquet`;
	if (!existsSync(csv)) {
		await mkdir(DIR, { recursive: true });
		const out = createWriteStream(`${csv}.tmp`);
		out.write(csvLine(SCHEMAS.cases.columns.map(([c]) => c)));
		let chunk = '';
		for (const row of datasetTables(buildCounty({ seed: DEFAULT_SEED }), { seed: DEFAULT_SEED, countyTownCases: size }).cases()) {
			chunk += csvLine(row);
			if (chunk.length > 1 << 20) {
				if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
				chunk = '';
			}
		}
		out.write(chunk);
		await new Promise<void>((r) => out.end(() => r()));
		await rename(`${csv}.tmp`, csv);
	}
	if (!existsSync(parquet)) {
		const db = await openImportDb();
		await db.query(`COPY (SELECT * FROM ${readCsvSql('cases', csv)}) TO '${parquet}' (FORMAT parquet)`);
		db.close();
	}
	return { csv, parquet };
}

/** One measured import, in this process. */
async function one(path: string): Promise<void> {
	const stages: StageTime[] = [];
	const timed = stageTimer((t) => stages.push(t));
	const started = performance.now();
	const bytes = await timed('read file', async () => new Uint8Array(await readFile(path)));
	const db = await timed('engine', () => openImportDb());
	const raw = await readFiles(db, [{ name: path, bytes }], timed);
	const read = performance.now();
	await suggest(db, raw, { seed: DEFAULT_SEED }, timed);
	const profiled = performance.now();
	const field = (c: string) => (c === 'town_code' ? 'town' : c === 'village_id' ? 'village' : c);
	const mapping = { ...emptyMapping(raw.headers), fields: Object.fromEntries(SCHEMAS.cases.columns.map(([c]) => [field(c), c])) };
	const { report } = await applyMapping(db, raw, mapping, { seed: DEFAULT_SEED }, timed);
	const checked = performance.now();
	db.close();
	const rss = process.resourceUsage().maxRSS * 1024;
	console.log(JSON.stringify({ rows: report.rows, kept: report.kept, bytes: bytes.length, readMs: read - started, profileMs: profiled - read, checksMs: checked - started, peakRss: rss, stages }));
}

/** Every run's stages side by side (seconds). */
export function printStages(runs: { run: string; stages: StageTime[] }[], title = 'stage (s)'): void {
	const names: string[] = [];
	for (const r of runs) for (const s of r.stages) if (!names.includes(s.stage)) names.push(s.stage);
	const w = Math.max(...names.map((n) => n.length), title.length);
	console.log(`\n${title}${' '.repeat(w + 1 - title.length)}${runs.map((r) => r.run.padStart(16)).join('')}`);
	for (const n of names) {
		const cells = runs.map((r) => {
			const ms = r.stages.filter((s) => s.stage === n).reduce((a, s) => a + s.ms, 0);
			return (r.stages.some((s) => s.stage === n) ? (ms / 1000).toFixed(2) : '–').padStart(16);
		});
		console.log(`${n.padEnd(w + 1)}${cells.join('')}`);
	}
}

if (values.one) {
	await one(values.one);
	process.exit(0);
}
const sizes = (values.sizes ?? '100000,1000000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) fail('bench-import', `--sizes must be whole numbers ≥ 100, got "${values.sizes}"`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
if (values.browser) {
	console.log(`load average before: ${load()} (2 cores)`);
	console.log('rows (as the page says)        format   file MB  mapping s  checks s  kept s  overview s  peak PSS MiB  longest task ms (import / overview)  load avg (1 min)');
	const stageRows: { run: string; stages: StageTime[] }[] = [];
	const memoryRows: { run: string; stages: StageTime[] }[] = [];
	for (const size of sizes) {
		const f = await files(size);
		for (const [format, path] of ([['csv', f.csv], ['parquet', f.parquet]] as const).filter(([fmt]) => (values.formats ?? 'csv,parquet').split(',').includes(fmt))) {
			const r = await benchBrowserImport(path, values.build ?? 'build');
			const mb = (await readFile(path)).length / 2 ** 20;
			stageRows.push({ run: `${size} ${format}`, stages: r.stages });
			memoryRows.push({ run: `${size} ${format}`, stages: r.peakByStage.map((p) => ({ stage: p.stage, ms: (p.peakPssMiB / 1024) * 1000 })) });
			console.log(
				`${r.rows.padEnd(30)} ${format.padEnd(8)} ${mb.toFixed(1).padStart(7)} ${r.mappingS.toFixed(1).padStart(10)} ${r.checksS.toFixed(1).padStart(9)} ${r.keptS.toFixed(1).padStart(7)} ${r.overviewS.toFixed(1).padStart(11)} ${r.peakPssMiB.toFixed(0).padStart(13)} ${`${r.longestTaskMs.importing.toFixed(0)} / ${r.longestTaskMs.overview.toFixed(0)}`.padStart(16)}  ${loadavg()[0].toFixed(1).padStart(24)}`
			);
		}
	}
	printStages(stageRows);
	// The same table layout: a stage's peak PSS in GiB (the page's stages as it marks them, then the overview).
	printStages(memoryRows, 'peak PSS (GiB)');
	console.log(`load average after: ${load()}`);
	process.exit(0);
}
console.log(`load average before: ${load()} (2 cores)`);
console.log('rows       format   file MB  read s  profile s  to checks s  peak RSS MiB  load avg (1 min)');
const stageRows: { run: string; stages: StageTime[] }[] = [];
for (const size of sizes) {
	const f = await files(size);
	for (const [format, path] of [['csv', f.csv], ['parquet', f.parquet]] as const) {
		const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-import.ts', '--one', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
		const r = JSON.parse(out.trim().split('\n').pop()!);
		stageRows.push({ run: `${r.rows} ${format}`, stages: r.stages });
		console.log(
			`${String(r.rows).padEnd(10)} ${format.padEnd(8)} ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)} ${(r.readMs / 1000).toFixed(1).padStart(7)} ${(r.profileMs / 1000).toFixed(1).padStart(10)} ${(r.checksMs / 1000).toFixed(1).padStart(12)} ${(r.peakRss / 2 ** 20).toFixed(0).padStart(13)}  ${loadavg()[0].toFixed(1).padStart(8)}`
		);
	}
}
printStages(stageRows);
console.log(`load average after: ${load()}`);
