import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { csvParse, type DSVRowString } from 'd3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gridData, GRID_TABLES } from '../../src/lib/data/grid-queries';
import { integrationData, INTEGRATION_TABLES } from '../../src/lib/data/integration-queries';
import { COUNTY } from '../../src/lib/data/scope';
import { openNodeDb } from '../../src/lib/server/dataset';
import { parseMapping } from '../../src/lib/import/mapping';
import { suggestKind } from '../../src/lib/import/table-vocabulary';

/**
 * Tasks and households of a county's own, through `npm run import`: every check's count, the rows
 * written and what the integration and "321" pages' queries answer on them, each against a
 * computation of its own from the fixtures' text and the generated county's units.
 */
const run = promisify(execFile);
const cli = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/import.ts', '--quiet', ...args]);
const FX = 'tests/fixtures/import';
type Row = DSVRowString<string>;
let dir: string;
let out: string;
let report: { tables: Record<string, { rows: number; kept: number; problems: { code: string; count: number; dropped: number; examples: unknown[] }[] }> };
let tasks: Row[];
let households: Row[];
let units: Row[];
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'ggs-import-tables-'));
	out = join(dir, 'out');
	await cli(['--from', `${FX}/ledger-utf8-bom.csv`, '--from', `${FX}/tasks.csv`, '--from', `${FX}/households.csv`, '--map', `${FX}/tables.map.json`, '--out', out, '--report', join(dir, 'report.json')]);
	report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
	tasks = csvParse(await readFile(`${FX}/tasks.csv`, 'utf8'));
	households = csvParse(await readFile(`${FX}/households.csv`, 'utf8'));
	units = csvParse(await readFile(join(inject('dataDir'), 'units.csv'), 'utf8'));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

// The county's places as the generated units name them: a town by its name, a village by its full name or its name within the town.
const townCode = (name: string) => units.find((u) => u.level === 'town' && u.name_zh === name)?.town_code ?? null;
const villageId = (town: string, name: string) => units.find((u) => u.level === 'village' && u.town_code === townCode(town) && (u.name_zh === name || u.name_zh === town + name))?.unit_id ?? null;
/** Dates as the fixtures write them: 2021-03-04, 2021/3/4, 2021年3月4日; null when not a real date. */
function day(s: string): string | null {
	const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(s);
	if (!m) return null;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? d.toISOString().slice(0, 10) : null;
}
const sentinel = (d: string | null) => d !== null && Number(d.slice(0, 4)) < 1901;
const use = (d: string | null) => (sentinel(d) ? null : d);

/** Each row's flags and the first code (in the checks' order) it is dropped under with the default actions. */
function classify(rows: Row[], flags: (r: Row) => Record<string, boolean>, id: string, drops: (f: Record<string, boolean>, r: Row) => string | null) {
	const seen = new Set<string>();
	const ids = new Set<string>();
	return rows.map((r) => {
		const line = JSON.stringify(Object.values(r));
		const copy = seen.has(line);
		seen.add(line);
		const repeat = !copy && r[id] !== '' && ids.has(r[id]!);
		if (!copy && r[id] !== '') ids.add(r[id]!);
		const f: Record<string, boolean> = { 'duplicate-row': copy, 'duplicate-id': repeat, ...flags(r) };
		return { r, f, drop: drops(f, r) };
	});
}
const ORDER = ['duplicate-row', 'missing-required', 'unparseable-date', 'sentinel-date', 'unknown-place', 'duplicate-id', 'completed-before-assigned', 'unknown-value'];

const taskRows = () =>
	classify(
		tasks,
		(r) => {
			const dates = [r['交办日期']!, r['完成时限']!, r['完成时间']!];
			const a = use(day(r['交办日期']!));
			const c = use(day(r['完成时间']!));
			return {
				'missing-required': r['交办日期'] === '' || (r['乡镇'] === '' && r['村(社区)'] === ''),
				'unparseable-date': dates.some((d) => d !== '' && day(d) === null),
				'sentinel-date': dates.some((d) => sentinel(day(d))),
				'unknown-place': townCode(r['乡镇']!) === null || (r['村(社区)'] !== '' && villageId(r['乡镇']!, r['村(社区)']!) === null),
				'completed-before-assigned': a !== null && c !== null && c < a,
				'unknown-value': !['促增收', '壮集体', '强治理', '基础设施', '公共服务'].includes(r['任务类别']!) || !['已完成', '进行中', '超期'].includes(r['完成情况']!)
			};
		},
		'任务编号',
		(f, r) => ORDER.find((c) => f[c] && (c !== 'unparseable-date' || use(day(r['交办日期']!)) === null) && (c !== 'sentinel-date' || use(day(r['交办日期']!)) === null) && c !== 'unknown-value') ?? null
	);

const COLOURS: Record<string, string> = { 绿: 'green', 黄: 'yellow', 红: 'red' };
const LINES: Record<string, string> = { 党员: 'party', 人大代表: 'deputy', 中心户长: 'household_head' };
const gridIds = () => new Set(units.filter((u) => u.level!.startsWith('grid')).map((u) => u.unit_id));
const householdRows = () =>
	classify(
		households,
		(r) => ({
			'missing-required': r['户编号'] === '' || (r['乡镇'] === '' && r['村(社区)'] === ''),
			'unparseable-date': false,
			'sentinel-date': false,
			'unknown-place': townCode(r['乡镇']!) === null || (r['村(社区)'] !== '' && villageId(r['乡镇']!, r['村(社区)']!) === null),
			'completed-before-assigned': false,
			'unknown-value':
				(r['家庭人口'] !== '' && !/^\d+$/.test(r['家庭人口']!)) ||
				!(r['三色']! in COLOURS) ||
				!(r['联户类别']! in LINES) ||
				!['务工', '外出务工', '空巢', '脱贫户'].includes(r['户类型']!) ||
				(r['网格编号'] !== '' && !gridIds().has(r['网格编号']))
		}),
		'户编号',
		(f) => ORDER.find((c) => f[c] && c !== 'unknown-value') ?? null
	);

describe('npm run import with files of tasks and households', () => {
	it('suggests each file’s kind from its headers', async () => {
		const headers = async (f: string) => Object.keys(csvParse(await readFile(`${FX}/${f}`, 'utf8').then((t) => t.replace(/^\uFEFF/, '')))[0]);
		expect(suggestKind(await headers('ledger-utf8-bom.csv'))).toBe('cases');
		expect(suggestKind(await headers('tasks.csv'))).toBe('tasks');
		expect(suggestKind(await headers('households.csv'))).toBe('households');
	});

	it('counts every check of the tasks as an independent reading of the file does, and writes the kept tasks', async () => {
		const rows = taskRows();
		const t = report.tables.tasks;
		expect(t.rows).toBe(tasks.length);
		for (const code of ORDER) {
			const p = t.problems.find((x) => x.code === code)!;
			expect([code, p.count]).toEqual([code, rows.filter((x) => x.f[code]).length]);
			expect([code, p.dropped]).toEqual([code, rows.filter((x) => x.drop === code).length]);
			expect(p.examples.length).toBe(Math.min(5, p.count));
		}
		// The fixture has each problem at least once (the test reaches every check), and some tasks are kept.
		for (const code of ORDER) expect([code, rows.some((x) => x.f[code])]).toEqual([code, true]);
		const kept = rows.filter((x) => x.drop === null);
		expect(t.kept).toBe(kept.length);
		const written = csvParse(await readFile(join(out, 'tasks.csv'), 'utf8'));
		expect(written.length).toBe(kept.length);
		// Done: the tasks with a completion date that could be read (the status column's '已完成' agrees for this file).
		expect(written.filter((w) => w.status === 'done').length).toBe(kept.filter((x) => use(day(x.r['完成时间']!)) !== null || x.r['完成情况'] === '已完成').length);
		expect(written.filter((w) => w.category === 'other').length).toBe(kept.filter((x) => x.r['任务类别'] === '文化建设').length);
		// The integration page's queries on the dataset written: tasks per town.
		const db = await openNodeDb(out, INTEGRATION_TABLES);
		try {
			const data = await integrationData(db, COUNTY);
			const perTown = new Map<string, number>();
			for (const x of kept) perTown.set(townCode(x.r['乡镇']!)!, (perTown.get(townCode(x.r['乡镇']!)!) ?? 0) + 1);
			expect(Object.fromEntries(data.units.filter((u) => u.tasks > 0).map((u) => [u.code, u.tasks]))).toEqual(Object.fromEntries(perTown));
			expect(data.years.reduce((s, y) => s + Number(y.tasks), 0)).toBe(kept.length);
			expect(data.months.reduce((s, m) => s + Number(m.tasks), 0)).toBe(kept.length);
		} finally {
			db.close();
		}
	});

	it('counts every check of the households, writes them with their colours and liaisons, and counts the units’ households', async () => {
		const rows = householdRows();
		const h = report.tables.households;
		expect(h.rows).toBe(households.length);
		for (const code of ORDER) {
			const p = h.problems.find((x) => x.code === code)!;
			expect([code, p.count]).toEqual([code, rows.filter((x) => x.f[code]).length]);
			expect([code, p.dropped]).toEqual([code, rows.filter((x) => x.drop === code).length]);
		}
		for (const code of ['duplicate-row', 'missing-required', 'unknown-place', 'duplicate-id', 'unknown-value']) expect([code, rows.some((x) => x.f[code])]).toEqual([code, true]);
		const kept = rows.filter((x) => x.drop === null);
		expect(h.kept).toBe(kept.length);
		const meta = JSON.parse(await readFile(join(out, 'meta.json'), 'utf8'));
		expect(meta.profile.tables).toMatchObject({ tasks: true, households: true, household_status: true, liaisons: true, grids: true, cadres: false });
		expect(meta.tables.households.rows).toBe(kept.length);
		// Quarters as written: 2022年第二季度 → 2022Q2.
		const quarter = (q: string) => (q === '2022年第二季度' ? '2022Q2' : q);
		const coloured = kept.filter((x) => x.r['三色']! in COLOURS);
		const outUnits = csvParse(await readFile(join(out, 'units.csv'), 'utf8'));
		const byVillage = new Map<string, number>();
		for (const x of kept) byVillage.set(villageId(x.r['乡镇']!, x.r['村(社区)']!)!, (byVillage.get(villageId(x.r['乡镇']!, x.r['村(社区)']!)!) ?? 0) + 1);
		expect(Object.fromEntries(outUnits.filter((u) => u.level === 'village' && u.households !== '0').map((u) => [u.unit_id, Number(u.households)]))).toEqual(Object.fromEntries(byVillage));
		expect(Number(outUnits.find((u) => u.level === 'county')!.households)).toBe(kept.length);
		const db = await openNodeDb(out, GRID_TABLES);
		try {
			const data = await gridData(db, COUNTY);
			const colours = new Map<string, number>();
			for (const x of coloured) {
				const k = `${quarter(x.r['季度']!)}|${COLOURS[x.r['三色']!]}`;
				colours.set(k, (colours.get(k) ?? 0) + 1);
			}
			expect(Object.fromEntries(data.colours.map((c) => [`${c.quarter}|${c.colour}`, Number(c.households)]))).toEqual(Object.fromEntries(colours));
			const lines = new Map<string, Set<string>>();
			for (const x of kept) {
				const l = LINES[x.r['联户类别']!];
				if (!lines.has(l)) lines.set(l, new Set());
				lines.get(l)!.add(x.r['联户长']!);
			}
			expect(Object.fromEntries(data.lines.map((l) => [l.line, Number(l.liaisons)]))).toEqual(Object.fromEntries([...lines].map(([l, s]) => [l, s.size])));
			expect(data.lines.reduce((s, l) => s + Number(l.households), 0)).toBe(kept.length);
			expect(data.nodes.find((n) => n.level === 'county')!.households).toBe(kept.length);
		} finally {
			db.close();
		}
	});

	it('reads a mapping without tables as before, and says in one line what is wrong with a bad tables part (exit 2)', async () => {
		const base = JSON.parse(await readFile(`${FX}/ledger.map.json`, 'utf8'));
		expect(parseMapping(base).tables).toBeUndefined();
		expect(() => parseMapping({ ...base, tables: { cadres: {} } })).toThrow(/tables names "cadres"/);
		expect(() => parseMapping({ ...base, tables: { tasks: { headers: [], fields: { due: 'x' } } } })).toThrow(/unknown field "due"/);
		const e = await cli(['--from', `${FX}/ledger-utf8-bom.csv`, '--from', `${FX}/tasks.csv`, '--map', `${FX}/ledger.map.json`, '--out', join(dir, 'x')]).catch((x) => x);
		expect(e.code).toBe(2);
		expect(e.stderr.trim().split('\n')).toHaveLength(1);
		expect(e.stderr).toMatch(/tasks\.csv hold tasks but the mapping has no "tables\.tasks"/);
	});
});
