import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LEDGER_TYPES } from '$sim/dataset/case-vocabulary';
import { gridData } from '../data/grid-queries';
import { integrationData } from '../data/integration-queries';
import { bulletin, ledgerQuarters, ledgerSlice, noFilters, type LedgerFilters, type LedgerSlice } from '../data/ledger-queries';
import { overviewData } from '../data/overview-queries';
import { rankingSlice } from '../data/ranking-queries';
import { encodeSlice, preparedName, type PreparedIndex } from '../data/prepared';
import { DEFAULT_PROFILE, type DatasetProfile } from '../data/profile';
import type { QueryRunner } from '../data/query-runner';
import { COLOURS, COUNTY, type Scope, type Village } from '../data/scope';
import type { DatasetMeta } from './dataset';

/** One prepared answer: its name and how DuckDB computes it (the browser engine's query functions). */
export interface PreparedAnswer {
	name: string;
	/** Whether it is a village's (the service worker keeps those later, when the page is idle). */
	village: boolean;
	compute: (db: QueryRunner) => Promise<unknown>;
}

/**
 * A slice with its months gathered into quarters (each row at its quarter's first month): the
 * ledger page picks periods by quarter, so every answer summed from it is the same, from a third
 * of the rows.
 */
export function byQuarter(slice: LedgerSlice): LedgerSlice {
	const groups = new Map<string, LedgerSlice['rows'][number]>();
	for (const r of slice.rows) {
		const month = Math.floor(r.month / 3) * 3;
		const id = `${r.part}|${r.dim}|${r.key}|${month}`;
		const g = groups.get(id);
		if (!g) groups.set(id, { ...r, month });
		else for (const f of ['cases', 'closed', 'closedLocally', 'escalated', 'surveyed', 'satisfied', 'handled', 'onTime', 'repeats'] as const) g[f] += r[f];
	}
	return { ...slice, rows: [...groups.values()] };
}

/**
 * Every answer a dashboard page can show for a dataset without the engine (its towns and period:
 * profile.ts): the overview per town; the ledger slices per place (county, towns, villages) and ledger type; the towns' days
 * to close per ledger type (the ranking); the bulletin per
 * quarter; the "321" page per place and colour; the integration page per place.
 */
export function preparedAnswers(villages: readonly Village[], profile: DatasetProfile = DEFAULT_PROFILE): PreparedAnswer[] {
	const towns = profile.towns;
	const places: Scope[] = [COUNTY, ...towns.map((t) => ({ ...COUNTY, town: t.code })), ...villages.map((v) => ({ ...COUNTY, town: v.town, village: v.id }))];
	const out: PreparedAnswer[] = [];
	const NO_FILTERS = noFilters(profile);
	for (const t of [null, ...towns.map((x) => x.code)]) out.push({ name: preparedName.overview(t), village: false, compute: (db) => overviewData(db, t, profile) });
	for (const p of places)
		for (const ledger of [null, ...LEDGER_TYPES]) {
			const f: LedgerFilters = { ...NO_FILTERS, town: p.town, village: p.village, ledger };
			out.push({ name: preparedName.ledgers(f), village: p.village !== null, compute: async (db) => encodeSlice(byQuarter(await ledgerSlice(db, f))) });
		}
	for (const ledger of [null, ...LEDGER_TYPES]) out.push({ name: preparedName.ranking(ledger), village: false, compute: (db) => rankingSlice(db, ledger) });
	for (const q of ledgerQuarters(profile)) out.push({ name: preparedName.bulletin(q), village: false, compute: async (db) => ({ quarter: q, rows: await bulletin(db, q) }) });
	for (const p of places) {
		for (const colour of [null, ...COLOURS]) {
			const s = { ...p, colour };
			out.push({ name: preparedName.grid(s), village: p.village !== null, compute: (db) => gridData(db, s) });
		}
		out.push({ name: preparedName.integration(p), village: p.village !== null, compute: (db) => integrationData(db, p) });
	}
	return out;
}

/**
 * Writes every prepared answer as `prepared/<name>.json` under the dataset folder `dir` (the
 * folder emptied first), and `prepared/index.json` listing their names (`core`: the county's and
 * towns', which the service worker installs; `villages`: the rest) from `db` (DuckDB in Node over the dataset, the raw cases included: a
 * village's slices are derived from them as the browser derives them from its file). Returns what
 * meta.json says about them; `sha256` hashes the files in order and versions their URLs.
 */
export async function writePrepared(
	db: QueryRunner,
	dir: string,
	villages: readonly Village[],
	/** Only the answers so named (tests; the site needs them all). */
	only: (name: string) => boolean = () => true,
	profile: DatasetProfile = DEFAULT_PROFILE
): Promise<NonNullable<DatasetMeta['prepared']>> {
	const out = join(dir, 'prepared');
	await rm(out, { recursive: true, force: true });
	const hash = createHash('sha256');
	let bytes = 0;
	const answers = preparedAnswers(villages, profile).filter((a) => only(a.name));
	for (const { name, compute } of answers) {
		const text = JSON.stringify(await compute(db));
		const path = join(out, `${name}.json`);
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, text);
		hash.update(name).update('\0').update(text);
		bytes += Buffer.byteLength(text);
	}
	const index: PreparedIndex = { core: answers.filter((a) => !a.village).map((a) => a.name), villages: answers.filter((a) => a.village).map((a) => a.name) };
	await writeFile(join(out, 'index.json'), JSON.stringify(index));
	return { dir: 'prepared', files: answers.length, bytes, sha256: hash.digest('hex') };
}
