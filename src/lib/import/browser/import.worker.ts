/**
 * The import worker: reads the user's files, suggests a mapping, checks the rows and builds the
 * dataset — the importer's pipeline (../pipeline.ts), the same SQL as the command line, on a
 * DuckDB-WASM instance of its own — and keeps the result in this browser (store.ts). The page
 * talks to it through comlink (import-client.ts); cancelling terminates it, DuckDB included.
 */
import * as Comlink from 'comlink';
import type { Village } from '$lib/data/scope';
import { csvText } from '$sim/dataset/csv';
import { readCsvSql, SCHEMAS, TABLE_NAMES, type TableName } from '$sim/dataset/schema';
import { emptyTableSql } from '$lib/data/table-loader';
import { COUNTY_SEED as DEFAULT_SEED } from '$sim/county/published';
import { detectEncoding, type Encoding } from '../decode';
import { mappingKey, parseMapping, type Mapping } from '../mapping';
import { knownValues, MAPPED_FIELDS, norm, STATUSES, type MappedField, type Status } from '../vocabulary';
import { applyMapping, deriveTables, readFiles, suggest, type ImportReport } from '../pipeline';
import { formatOf, type RawTable, type ReadFile, type SourceFile } from '../read';
import { profileColumns, type ColumnProfile } from '../suggest';
import { applyTableMapping, filledTables } from '../tables';
import { suggestTableMapping } from '../table-mapping';
import { FILE_KINDS, suggestKind, TABLE_KINDS, type FileKind, type TableKind } from '../table-vocabulary';
import { ImportError } from '../types';
import { importArea, UNNAMED_AREA } from '../lookups';
import { profileOf } from '$lib/data/profile';
import type { UnitRow } from '../units';
import { saveImport, STORED_FORMAT, type StoredImport } from './store';
import { openWasmImportDb, type WasmImportDb } from './wasm-import-db';
import { stageTimer, type StageTime, type Timed } from '../stages';

export type ImportStage = 'engine' | 'reading' | 'parsing' | 'profiling' | 'checking' | 'building' | 'saving';
export interface ImportProgress {
	stage: ImportStage;
	/** Bytes read of `total` (reading). */
	loaded?: number;
	total?: number;
	/** How long a finished stage of the work took (for the benchmark; the page shows nothing of it). */
	timing?: StageTime;
}
type OnProgress = (p: ImportProgress) => void;

export interface ReadResult {
	/** The files of cases, read (with files of other kinds, the cases' alone). */
	raw: RawTable;
	/** Every file chosen, in the page's order, with what it holds (suggested from its headers, or as the user chose). */
	files: (Omit<ReadFile, 'headers'> & { kind: FileKind })[];
	/** The columns of the files of each other kind (their mappings are `suggested.tables`). */
	tableProfiles: Partial<Record<TableKind, ColumnProfile[]>>;
	profiles: ColumnProfile[];
	suggested: Mapping;
	/** The key a mapping for these headers is remembered under. */
	key: string;
	/** The schema's fields and the statuses, for the page's choices (the vocabulary stays in the worker). */
	fields: readonly MappedField[];
	statuses: readonly Status[];
}

/** An ImportError reaches the page as `{ userError }` (its message is for the user); anything else is a defect and throws. */
export type Outcome<T> = { ok: T } | { userError: string };

let dbPromise: Promise<WasmImportDb> | null = null;

/** Reports each stage's duration to the page (as a progress message with `timing`). */
const timer = (onProgress: OnProgress, stage: ImportStage): Timed => stageTimer((timing) => onProgress({ stage, timing }));
let raw: RawTable | null = null;
/** With files of other kinds: every file's bytes by kind (the cases are read again after the others' checks), and whether `raw` holds the cases now. */
let byKind: Partial<Record<FileKind, SourceFile[]>> | null = null;
let rawIsCases = true;
let checked: { report: ImportReport; units: UnitRow[]; mapping: Mapping } | null = null;

function db(onProgress: OnProgress): Promise<WasmImportDb> {
	if (!dbPromise) {
		onProgress({ stage: 'engine' });
		const started = performance.now();
		dbPromise = openWasmImportDb();
		void dbPromise.then(() => onProgress({ stage: 'engine', timing: { stage: 'engine (DuckDB-WASM started)', ms: performance.now() - started } }), () => {});
		dbPromise.catch(() => (dbPromise = null));
	}
	return dbPromise;
}

async function outcome<T>(f: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: await f() };
	} catch (e) {
		if (e instanceof ImportError) return { userError: e.message };
		throw e;
	}
}

/** A file's bytes, read as a stream so the page sees the bytes come. */
async function readBytes(file: File, done: number, total: number, onProgress: OnProgress): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	let at = 0;
	await eachChunk(file, done, total, onProgress, (value) => {
		out.set(value, at);
		at += value.byteLength;
	});
	return at === out.length ? out : out.subarray(0, at);
}

/** Reads a file as a stream, reporting the bytes read, each chunk to `f`. */
async function eachChunk(file: File, done: number, total: number, onProgress: OnProgress, f: (chunk: Uint8Array) => void): Promise<void> {
	const reader = file.stream().getReader();
	let at = 0;
	let told = 0;
	for (;;) {
		const { done: end, value } = await reader.read();
		if (end) break;
		f(value);
		at += value.byteLength;
		if (at - told > 1 << 20) {
			told = at;
			onProgress({ stage: 'reading', loaded: done + at, total });
		}
	}
}

/** The start of a file kept with it when DuckDB reads the file itself (its format and header are read from it). */
const HEAD = 1 << 20;

/**
 * A chosen file for the importer. A delimited text in UTF-8 (as detected, or chosen) is checked
 * to be valid UTF-8 as it streams by and then handed over as the File itself, which DuckDB reads
 * in slices: the file is never held whole in memory (before, its bytes were, and a copy of them
 * as a Blob). Any other file (another encoding, a workbook, Parquet, JSON) is read into memory.
 */
async function readSource(file: File, encoding: Encoding | undefined, done: number, total: number, onProgress: OnProgress): Promise<SourceFile> {
	const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
	const format = formatOf(file.name, head);
	const delimited = format === 'csv' || format === 'tsv';
	// As detectEncoding decides (a byte order mark, then UTF-16 by its zero bytes, then valid UTF-8), or as chosen.
	const utf8 = delimited && (encoding === undefined ? !detectEncoding(head).encoding.startsWith('utf-16') : encoding === 'utf-8');
	if (utf8) {
		const check = new TextDecoder('utf-8', { fatal: true });
		let valid = true;
		await eachChunk(file, done, total, onProgress, (chunk) => {
			if (!valid) return;
			try {
				check.decode(chunk, { stream: true });
			} catch {
				valid = false;
			}
		});
		try {
			if (valid) check.decode();
		} catch {
			valid = false;
		}
		if (valid) return { name: file.name, bytes: head, blob: file, encoding };
	}
	// Not UTF-8 after all (GB18030 is decoded from the bytes), or not delimited text: read whole, as before.
	return { name: file.name, bytes: await readBytes(file, done, total, onProgress), encoding };
}

const api = {
	/** Starts the worker's DuckDB before a file is chosen (the page calls it when it opens), so reading a file does not wait for it. */
	async warm(): Promise<void> {
		await db(() => {}).catch(() => {});
	},

	/** Reads the files (replacing what was read before): their columns' profiles and a suggested mapping. */
	read(files: { file: File; encoding?: Encoding }[], onProgress: OnProgress, kinds?: FileKind[]): Promise<Outcome<ReadResult>> {
		return outcome(async () => {
			checked = null;
			byKind = null;
			// The engine starts (if the page has not warmed it) while the files are read.
			const engine = db(onProgress);
			const total = files.reduce((s, f) => s + f.file.size, 0);
			const sources: SourceFile[] = [];
			let done = 0;
			for (const { file, encoding } of files) {
				sources.push(await timer(onProgress, 'reading')('read file', () => readSource(file, encoding, done, total, onProgress)));
				done += file.size;
			}
			const d = await engine;
			onProgress({ stage: 'parsing', loaded: total, total });
			raw = await readFiles(d, sources, timer(onProgress, 'parsing'));
			// What each file holds (cases, tasks, households): as chosen, else as its headers suggest.
			const fileKinds = raw.files.map((f, i) => kinds?.[i] ?? suggestKind(f.headers));
			const read = raw.files.map(({ headers: _, ...f }, i) => ({ ...f, kind: fileKinds[i] }));
			const tables: NonNullable<Mapping['tables']> = {};
			const tableProfiles: ReadResult['tableProfiles'] = {};
			if (fileKinds.some((k) => k !== 'cases')) {
				byKind = Object.fromEntries(FILE_KINDS.map((k) => [k, sources.filter((_, i) => fileKinds[i] === k)]));
				if (!byKind.cases!.length) throw new ImportError(`no file of cases among ${read.map((f) => f.name).join(', ')}: the pages need the cases (choose what each file holds)`);
				onProgress({ stage: 'profiling' });
				for (const kind of TABLE_KINDS) {
					if (!byKind[kind]!.length) continue;
					tableProfiles[kind] = await profileColumns(d, await readFiles(d, byKind[kind]!));
					tables[kind] = suggestTableMapping(kind, tableProfiles[kind]!);
				}
				raw = await readFiles(d, byKind.cases!, timer(onProgress, 'parsing'));
				rawIsCases = true;
			}
			sources.length = 0;
			onProgress({ stage: 'profiling' });
			const { profiles, mapping } = await suggest(d, raw, { seed: DEFAULT_SEED }, timer(onProgress, 'profiling'));
			if (Object.keys(tables).length) mapping.tables = tables;
			return { raw, files: read, tableProfiles, profiles, suggested: mapping, key: mappingKey(raw.headers), fields: MAPPED_FIELDS, statuses: STATUSES };
		});
	},

	/** A mapping document (text of a JSON file) checked, or why it cannot be used. */
	parseMapping(text: string): Promise<Outcome<Mapping>> {
		return outcome(async () => {
			let doc: unknown;
			try {
				doc = JSON.parse(text);
			} catch (e) {
				throw new ImportError(`not JSON (${(e as Error).message.slice(0, 120)})`);
			}
			return parseMapping(doc);
		});
	},

	/** The statuses the importer knows these spellings as (unknown ones are left out). */
	async knownStatuses(values: string[]): Promise<Record<string, string>> {
		const known = knownValues('status');
		return Object.fromEntries(values.flatMap((v) => (known.has(norm(v)) ? [[v, known.get(norm(v))!]] : [])));
	},

	/** Checks the rows read under `mapping` (and builds the cleaned cases): the report. */
	check(mapping: Mapping, onProgress: OnProgress): Promise<Outcome<ImportReport>> {
		return outcome(async () => {
			if (!raw) throw new ImportError('no file has been read');
			onProgress({ stage: 'checking' });
			const d = await db(onProgress);
			// The other kinds' checks read their files over the cases' rows: the cases are read again for a new check.
			if (!rawIsCases && byKind) raw = await readFiles(d, byKind.cases!);
			rawIsCases = true;
			const applied = await applyMapping(d, raw, mapping, { seed: DEFAULT_SEED }, timer(onProgress, 'checking'));
			const report = applied.report;
			let units = applied.units;
			for (const kind of TABLE_KINDS) {
				const files = byKind?.[kind] ?? [];
				if (!files.length) continue;
				const part = mapping.tables?.[kind];
				if (!part) throw new ImportError(`${files.map((f) => f.name).join(', ')}: no mapping for ${kind}`);
				rawIsCases = false;
				const done = await timer(onProgress, 'checking')(`check: ${kind}`, async () => applyTableMapping(d, await readFiles(d, files), kind, part, mapping, units));
				units = done.units;
				(report.tables ??= {})[kind] = done.report;
			}
			checked = { report, units, mapping };
			return report;
		});
	},

	/** Builds the dashboard's tables from the checked cases and keeps them in this browser. */
	use(onProgress: OnProgress): Promise<Outcome<StoredImport>> {
		return outcome(async () => {
			if (!checked || !raw) throw new ImportError('the rows have not been checked');
			if (checked.report.kept === 0) throw new ImportError('no case is left after the checks');
			const d = await db(onProgress);
			onProgress({ stage: 'building' });
			const timed = timer(onProgress, 'building');
			await deriveTables(d, timed);
			// The units, through the CSV reader with the declared types (one path into DuckDB).
			const path = await d.registerFile('units.csv', new TextEncoder().encode(csvText([SCHEMAS.units.columns.map(([n]) => n), ...checked.units])));
			await d.query(`CREATE OR REPLACE TABLE units AS SELECT * FROM ${readCsvSql('units', path)}`);
			await d.dropFile(path);
			onProgress({ stage: 'saving' });
			const tables = {} as Record<TableName, Uint8Array>;
			const described = {} as StoredImport['tables'];
			await timed('tables → Arrow streams', async () => {
				for (const t of TABLE_NAMES) {
					await d.query(emptyTableSql(t));
					const cols = SCHEMAS[t].columns.map(([n, type]) => `${n}::${type} AS ${n}`).join(', ');
					// In case order without a sort: buildCases wrote `cases` ORDER BY case_id, and DuckDB keeps a table's insertion order.
					tables[t] = await d.arrowStream(`SELECT ${cols} FROM ${t}`);
					const [{ n }] = await d.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`);
					described[t] = { rows: n, bytes: tables[t].byteLength };
				}
			});
			const villages = await d.query<Village>(
				`SELECT unit_id::VARCHAR AS id, town_code AS town, name_zh AS zh, name_en AS en FROM units WHERE level = 'village' ORDER BY unit_id`
			);
			const { report, mapping } = checked;
			// Its places, period and fields, as the command line keeps them (scripts/import.ts).
			const { tables: filled } = await filledTables(d, mapping, report.tables ?? {});
			const profile = await timed('dataset profile', () => profileOf(d, { area: importArea(mapping), mapped: Object.keys(mapping.fields), unnamed: UNNAMED_AREA, tables: filled }));
			const stored: StoredImport = {
				format: STORED_FORMAT,
				version: 1,
				generation: `g${Date.now().toString(36)}`,
				files: [...report.files.map((f) => f.name), ...Object.values(report.tables ?? {}).flatMap((t) => t!.files)],
				rows: report.rows,
				kept: report.kept,
				at: new Date().toISOString(),
				places: report.places.mode,
				...(mapping.places.name && { placeName: mapping.places.name }),
				villages,
				tables: described,
				report,
				profile
			};
			await timed('store (OPFS / IndexedDB)', () => saveImport(stored, tables));
			return stored;
		});
	}
};

export type ImportWorkerApi = typeof api;
Comlink.expose(api);
