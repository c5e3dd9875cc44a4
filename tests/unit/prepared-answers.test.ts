import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gridData, GRID_TABLES } from '../../src/lib/data/grid-queries';
import { integrationData, INTEGRATION_TABLES } from '../../src/lib/data/integration-queries';
import { decodeRankingSlice, rankingSlice } from '../../src/lib/data/ranking-queries';
import { bulletin, LEDGER_QUARTERS, LEDGER_TABLES, ledgerFromSlice, ledgerSlice, NO_FILTERS, type LedgerFilters, type LedgerSlice } from '../../src/lib/data/ledger-queries';
import { overviewData, OVERVIEW_TABLES } from '../../src/lib/data/overview-queries';
import { decodeSlice, preparedName, type PreparedIndex } from '../../src/lib/data/prepared';
import type { QueryRunner } from '../../src/lib/data/query-runner';
import { emptyTableSql } from '../../src/lib/data/table-loader';
import { COUNTY, type Scope, type Village } from '../../src/lib/data/scope';
import { openNodeDb, type NodeDb } from '../../src/lib/server/dataset';
import { preparedAnswers, writePrepared } from '../../src/lib/server/prepared-writer';
import { LEDGER_TYPES } from '../../sim/dataset/case-vocabulary';
import { openWasmDb } from './wasm-db';

// The prepared answers are written at build time by DuckDB in Node; the pages read them instead of
// asking the browser's engine. They must be the engine's answers: here the engine is DuckDB-WASM
// on the Arrow files the browser loads (a village's cases appended from its own file, as the
// browser does), and the prepared files are written by the writer and read back as the pages read them.
const dir = inject('dataDir');
let node: NodeDb;
let wasm: QueryRunner;
let appendVillage: (village: string) => Promise<void>;
let out: string;
let villages: Village[];

const TOWN = '610922109';
const VILLAGES = ['610922109203', '610922100001'];
/** Several places: the county, two towns, two villages (of two towns). */
let PLACES: Scope[];

beforeAll(async () => {
	node = await openNodeDb(dir);
	const w = await openWasmDb(dir, [...new Set([...OVERVIEW_TABLES, ...LEDGER_TABLES, ...GRID_TABLES, ...INTEGRATION_TABLES])]);
	wasm = w.runner;
	w.conn.query(emptyTableSql('cases'));
	appendVillage = (v) => w.append('cases', `cases/${v}.arrow`);
	for (const v of VILLAGES) await appendVillage(v);
	villages = await node.query<Village>(`SELECT unit_id::VARCHAR AS id, town_code AS town, name_zh AS zh, name_en AS en FROM units WHERE level = 'village' ORDER BY unit_id`);
	PLACES = [COUNTY, { ...COUNTY, town: TOWN }, { ...COUNTY, town: '610922100' }, ...VILLAGES.map((id) => ({ ...COUNTY, town: villages.find((v) => v.id === id)!.town, village: id }))];
	// The writer's files for these places only (all of them take half a minute: `npm run data` does that).
	const wanted = new Set([
		...PLACES.flatMap((p) => [null, ...LEDGER_TYPES].map((ledger) => preparedName.ledgers({ ...p, ledger }))),
		...PLACES.flatMap((p) => [null, 'red', 'green'].map((colour) => preparedName.grid({ ...p, colour: colour as Scope['colour'] }))),
		...PLACES.map((p) => preparedName.integration(p)),
		...[null, TOWN].map((t) => preparedName.overview(t)),
		...[LEDGER_QUARTERS[0], LEDGER_QUARTERS[9], LEDGER_QUARTERS.at(-1)!].map((q) => preparedName.bulletin(q)),
		...[null, ...LEDGER_TYPES].map((l) => preparedName.ranking(l))
	]);
	out = await mkdtemp(join(tmpdir(), 'ggs-prepared-'));
	await writePrepared(node, out, villages, (name) => wanted.has(name));
});

afterAll(async () => {
	node?.close();
	if (out) await rm(out, { recursive: true, force: true });
});

const read = async (name: string) => JSON.parse(await readFile(join(out, 'prepared', `${name}.json`), 'utf8'));

describe('prepared answers', () => {
	it('cover every page state the pages can show: each place, ledger type, colour and quarter, villages apart', async () => {
		const all = preparedAnswers(villages);
		const names = new Set(all.map((a) => a.name));
		expect(names.size).toBe(all.length);
		const places = 1 + 11 + villages.length;
		expect(all.filter((a) => a.name.startsWith('ledgers/'))).toHaveLength(places * (1 + LEDGER_TYPES.length));
		expect(all.filter((a) => a.name.startsWith('grid/'))).toHaveLength(places * 4);
		expect(all.filter((a) => a.name.startsWith('integration/'))).toHaveLength(places);
		expect(all.filter((a) => a.name.startsWith('overview/'))).toHaveLength(12);
		expect(all.filter((a) => a.name.startsWith('bulletin/'))).toHaveLength(LEDGER_QUARTERS.length);
		expect(all.filter((a) => a.name.startsWith('ranking/'))).toHaveLength(1 + LEDGER_TYPES.length);
		for (const v of villages) expect(names.has(preparedName.ledgers({ town: v.town, village: v.id, ledger: 'demand' }))).toBe(true);
		const index = (await read('index')) as PreparedIndex;
		expect(index.villages.every((n) => VILLAGES.some((v) => n.includes(v)))).toBe(true);
		expect(index.core.some((n) => VILLAGES.some((v) => n.includes(v)))).toBe(false);
	});

	it('for the overview, the "321" page, the integration page and the bulletin are the engine’s answers', async () => {
		for (const t of [null, TOWN]) expect(await read(preparedName.overview(t))).toEqual(await overviewData(wasm, t));
		for (const p of PLACES) {
			expect(await read(preparedName.integration(p))).toEqual(await integrationData(wasm, p));
			for (const colour of [null, 'red', 'green'] as const) {
				const s = { ...p, colour };
				expect(await read(preparedName.grid(s))).toEqual(await gridData(wasm, s));
			}
		}
		for (const q of [LEDGER_QUARTERS[0], LEDGER_QUARTERS[9], LEDGER_QUARTERS.at(-1)!]) expect(await read(preparedName.bulletin(q))).toEqual({ quarter: q, rows: await bulletin(wasm, q) });
		// The town ranking's slices (the period is summed in the browser from them).
		for (const l of [null, ...LEDGER_TYPES]) expect(decodeRankingSlice(await read(preparedName.ranking(l)))).toEqual(await rankingSlice(wasm, l));
	});

	it('for the ledger page give the engine’s answer for any period, ledger type and place (property)', async () => {
		// Each place and ledger type: the prepared slice (read back) and the engine's own.
		const slices = new Map<string, { prepared: LedgerSlice; engine: LedgerSlice }>();
		for (const p of PLACES)
			for (const ledger of [null, ...LEDGER_TYPES]) {
				const f: LedgerFilters = { ...NO_FILTERS, town: p.town, village: p.village, ledger };
				slices.set(preparedName.ledgers(f), { prepared: decodeSlice(await read(preparedName.ledgers(f))), engine: await ledgerSlice(wasm, f) });
			}
		let withCases = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...PLACES),
				fc.constantFrom(null, ...LEDGER_TYPES),
				fc.integer({ min: 0, max: LEDGER_QUARTERS.length - 1 }),
				fc.integer({ min: 0, max: LEDGER_QUARTERS.length - 1 }),
				async (p, ledger, a, b) => {
					const f: LedgerFilters = { town: p.town, village: p.village, ledger, from: LEDGER_QUARTERS[Math.min(a, b)], to: LEDGER_QUARTERS[Math.max(a, b)] };
					const { prepared, engine } = slices.get(preparedName.ledgers(f))!;
					const answer = ledgerFromSlice(prepared, f);
					expect(answer).toEqual(ledgerFromSlice(engine, f));
					if (answer.key.received > 0 && answer.steps.length > 0) withCases++;
				}
			),
			{ numRuns: 300, seed: 14 }
		);
		// Most generated filters reach answers with cases and step times (not empty periods).
		expect(withCases).toBeGreaterThan(200);
		// The prepared slices are smaller: months gathered into quarters.
		const county = slices.get(preparedName.ledgers(NO_FILTERS))!;
		expect(county.prepared.rows.length).toBeLessThan(county.engine.rows.length / 2);
	});
});
