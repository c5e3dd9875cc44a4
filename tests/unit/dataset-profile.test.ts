import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { PUBLISHED } from '../../sim/county/published';
import { TOWNS } from '../../sim/county/towns';
import { monthIndex } from '../../sim/dataset/case-cubes';
import { filtersFromSearch, bulletinQuarterFromSearch } from '../../src/lib/data/ledger-filters';
import { BULLETIN_QUARTERS, LEDGER_QUARTERS, NO_FILTERS, ledgerQuarters, noFilters } from '../../src/lib/data/ledger-queries';
import { byTown, headline, overviewData } from '../../src/lib/data/overview-queries';
import { DEFAULT_PROFILE, datasetProfile, headlineScopeSql, periodMonthList, periodQuarters, type DatasetProfile } from '../../src/lib/data/profile';
import { countyFigures, parsePublished, PublishedError } from '../../src/lib/data/published-figures';
import { preparedAnswers } from '../../src/lib/server/prepared-writer';
import { openNodeDb, readDatasetMeta, readPublished, type NodeDb } from '../../src/lib/server/dataset';

const run = promisify(execFile);
const FX = 'tests/fixtures/import';
const fixture = JSON.parse(await readFile(`${FX}/open311.json`, 'utf8')) as Record<string, string>[];

let dir: string;
let out: string;
let report: { rows: number; kept: number };
let db: NodeDb;
let profile: DatasetProfile;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'ggs-profile-'));
	out = join(dir, 'o311');
	// The CLI as a county would run it, naming the area in English only.
	await run('node_modules/.bin/tsx', ['scripts/import.ts', '--quiet', '--from', `${FX}/open311.json`, '--map', `${FX}/open311.map.json`, '--out', out, '--report', join(dir, 'r.json'), '--name-en', 'Example City']);
	report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
	const meta = await readDatasetMeta(out);
	profile = datasetProfile(meta);
	db = await openNodeDb(out);
});
afterAll(async () => {
	db?.close();
	await rm(dir, { recursive: true, force: true });
});

describe('an imported dataset’s profile (meta.json)', () => {
	it('lists the file’s own places, its months, the area named in both languages, and the fields the mapping gave', async () => {
		expect(profile.towns.map((t) => t.zh)).toEqual([...new Set(fixture.map((r) => r.zipcode))].sort());
		expect(profile.area).toEqual({ zh: 'Example City', en: 'Example City' });
		// The months of the kept cases, read from the cases table by plain JavaScript.
		const cases = await db.query<{ r: string }>(`SELECT strftime(received_at, '%Y-%m') AS r FROM cases`);
		const months = cases.map((c) => c.r).sort();
		expect(profile.period).toEqual({ from: months[0], to: months[months.length - 1] });
		expect(profile.levels).toBeNull();
		// The mapping (open311.map.json) gives category, due time and agency; nothing else the charts need.
		const mapping = JSON.parse(await readFile(`${FX}/open311.map.json`, 'utf8'));
		expect(Object.keys(mapping.fields)).toEqual(expect.arrayContaining(['category', 'due_at', 'lead_dept']));
		expect(profile.fields.sort()).toEqual(['category', 'department', 'due']);
		expect(Object.values(profile.tables).every((v) => v === false)).toBe(true);
	});

	it('the headline counts every kept case of the period, the places’ counts add up to it', async () => {
		const h = await headline(db, null, profile);
		expect(h.cases).toBe(report.kept);
		const towns = await byTown(db, profile);
		expect(towns.map((t) => t.townCode)).toEqual(profile.towns.map((t) => t.code));
		expect(towns.reduce((s, t) => s + t.cases, 0)).toBe(report.kept);
		// Under the synthetic county's scope (Aug 2016 – Dec 2021, county and town levels) the same data has none: the profile is what counts them.
		expect((await headline(db, null)).cases).toBe(0);
	});

	it('the ledger filters and the bulletin take the dataset’s places and quarters; the prepared answers cover its places', async () => {
		const quarters = ledgerQuarters(profile);
		expect(quarters).toEqual([...new Set(periodMonthList(profile).map((m) => `${m.slice(0, 4)}Q${Math.ceil(Number(m.slice(5)) / 3)}`))]);
		const town = profile.towns[1].code;
		const { filters, problems } = filtersFromSearch(new URLSearchParams(`town=${town}&from=${quarters[0]}`), [], profile);
		expect(problems).toEqual([]);
		expect(filters).toMatchObject({ town, from: quarters[0], to: quarters[quarters.length - 1] });
		// A Shiquan town is not a place of this dataset.
		expect(filtersFromSearch(new URLSearchParams(`town=${TOWNS[0].code}`), [], profile).problems).toEqual([`town=${TOWNS[0].code}`]);
		expect(bulletinQuarterFromSearch(new URLSearchParams('q=2016Q3'), profile)).toEqual({ quarter: quarters[quarters.length - 1], bad: '2016Q3' });
		const names = preparedAnswers([], profile).map((a) => a.name);
		for (const t of profile.towns) expect(names).toContain(`overview/${t.code}`);
		for (const q of quarters) expect(names).toContain(`bulletin/${q}`);
		expect(names.some((n) => n.includes(TOWNS[0].code))).toBe(false);
		// What the build prerenders for the overview, from the written prepared answer, is the same.
		const written = JSON.parse(await readFile(join(out, 'prepared/overview/county.json'), 'utf8'));
		expect(written).toEqual(JSON.parse(JSON.stringify(await overviewData(db, null, profile))));
	});

	it('has no published figures without a published.json, and reads the ones supplied', async () => {
		const meta = await readDatasetMeta(out);
		expect(await readPublished(out, meta)).toEqual({});
		const doc = JSON.parse(await readFile(`${FX}/open311.published.json`, 'utf8'));
		await writeFile(join(out, 'published.json'), JSON.stringify(doc));
		const figures = await readPublished(out, meta);
		expect(Object.keys(figures)).toEqual(Object.keys(doc.figures));
		expect(figures.ledgerCases).toMatchObject({ value: doc.figures.ledgerCases.value, source: { text: doc.figures.ledgerCases.source } });
	});
});

describe('the default dataset is unchanged', () => {
	it('its meta.json has no profile: the synthetic county’s 11 towns, Aug 2016 – Dec 2021, county and town cases, all published figures', async () => {
		const meta = await readDatasetMeta(inject('dataDir'));
		expect(meta.profile).toBeUndefined();
		expect(datasetProfile(meta)).toBe(DEFAULT_PROFILE);
		expect(DEFAULT_PROFILE.towns.map((t) => [t.code, t.zh, t.en])).toEqual(TOWNS.map((t) => [t.code, t.nameZh, t.namePinyin]));
		expect(headlineScopeSql(DEFAULT_PROFILE)).toBe(`dim = 'level' AND key IN ('county', 'town') AND month BETWEEN ${monthIndex(2016, 8)} AND ${monthIndex(2021, 12)}`);
		// The quarters the pages offered before (22 from 2016Q3), written out independently.
		const expected: string[] = [];
		for (let y = 2016; y <= 2021; y++) for (let q = 1; q <= 4; q++) if (y > 2016 || q >= 3) expected.push(`${y}Q${q}`);
		expect(LEDGER_QUARTERS).toEqual(expected);
		expect(BULLETIN_QUARTERS).toEqual(expected);
		expect(NO_FILTERS).toEqual({ town: null, village: null, ledger: null, from: '2016Q3', to: '2021Q4' });
		expect(periodMonthList(DEFAULT_PROFILE)).toHaveLength(65);
		expect(await readPublished(inject('dataDir'), meta)).toEqual(countyFigures());
		expect(Object.keys(countyFigures()).sort()).toEqual(Object.keys(PUBLISHED).sort());
	});

	it('its headline is the published ledger count with and without the profile given', async () => {
		const synthetic = await openNodeDb(inject('dataDir'), ['case_counts', 'units', 'liaisons', 'tasks', 'cadres']);
		try {
			const h = await headline(synthetic, null, DEFAULT_PROFILE);
			expect(h.cases).toBe(PUBLISHED.ledgerCases.value);
			expect(await headline(synthetic, null)).toEqual(h);
		} finally {
			synthetic.close();
		}
	});
});

describe('periods', () => {
	it('quarters and months cover any period exactly once, in order (property)', () => {
		let deep = 0;
		fc.assert(
			fc.property(fc.integer({ min: 1990 * 12, max: 2090 * 12 }), fc.integer({ min: 0, max: 200 }), (a, span) => {
				const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
				const p: DatasetProfile = { ...DEFAULT_PROFILE, period: { from: ym(a), to: ym(a + span) } };
				const months = periodMonthList(p);
				expect(months).toHaveLength(span + 1);
				const quarters = periodQuarters(p);
				// Every month's quarter is offered, and no other.
				const ofMonth = [...new Set(months.map((m) => `${m.slice(0, 4)}Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
				expect(quarters).toEqual(ofMonth);
				expect(noFilters(p)).toMatchObject({ from: quarters[0], to: quarters[quarters.length - 1] });
				if (quarters.length > 1) deep++;
			}),
			{ numRuns: 300 }
		);
		expect(deep).toBeGreaterThan(250);
	});
});

describe('published.json', () => {
	const good = { format: 'ggs-published', version: 1, figures: { satisfaction: { value: 0.9, kind: 'at-least', period: { to: '2022-12-31' }, source: 'report' } } };
	it('reads a valid document', () => {
		expect(parsePublished(good).figures.satisfaction).toEqual({ value: 0.9, kind: 'at-least', period: { to: '2022-12-31' }, source: { text: 'report' } });
	});
	it.each([
		[{ ...good, format: 'x' }, /"format" must be "ggs-published"/],
		[{ ...good, version: 2 }, /version 2 is not supported/],
		[{ ...good, figures: { cases: good.figures.satisfaction } }, /unknown figure "cases"/],
		[{ ...good, figures: { satisfaction: { ...good.figures.satisfaction, value: 98.5 } } }, /share between 0 and 1/],
		[{ ...good, figures: { satisfaction: { ...good.figures.satisfaction, period: { to: '31.12.2022' } } } }, /period.to must be a date/],
		[{ ...good, figures: { satisfaction: { ...good.figures.satisfaction, source: '' } } }, /source must say/],
		[{ ...good, area: { fr: 'Ville' } }, /"area" must be/]
	])('refuses a malformed document with one line (%#)', (doc, message) => {
		expect(() => parsePublished(doc)).toThrow(PublishedError);
		expect(() => parsePublished(doc)).toThrow(message);
	});
	it('the CLI refuses a malformed published.json with one line and exit code 2', async () => {
		const bad = join(dir, 'bad-published.json');
		await writeFile(bad, JSON.stringify({ ...good, version: 3 }));
		const e = await run('node_modules/.bin/tsx', ['scripts/import.ts', '--quiet', '--from', `${FX}/open311.json`, '--map', `${FX}/open311.map.json`, '--out', join(dir, 'x'), '--published', bad]).catch((x) => x);
		expect(e.code).toBe(2);
		expect(e.stderr.trim().split('\n')).toHaveLength(1);
		expect(e.stderr).toMatch(/version 3 is not supported/);
	});
});
