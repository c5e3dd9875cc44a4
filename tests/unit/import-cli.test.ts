import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

const run = promisify(execFile);
const cli = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/import.ts', '--quiet', ...args]);
const FX = 'tests/fixtures/import';
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'ggs-import-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run import', () => {
	it('checks the messy files, writes a dataset shaped like the generated one and the report (exit 0)', async () => {
		const out = join(dir, 'out');
		const report = join(dir, 'report.json');
		await cli(['--from', `${FX}/ledger-utf8-bom.csv`, '--from', `${FX}/ledger-gb18030.csv`, '--map', `${FX}/ledger.map.json`, '--out', out, '--report', report]);
		const r = JSON.parse(await readFile(report, 'utf8'));
		const source = JSON.parse(await readFile(`${FX}/source.json`, 'utf8'));
		expect(r.rows).toBe(source['ledger-utf8-bom.csv'].length + source['ledger-gb18030.csv'].length);
		expect(r.kept).toBe(r.rows - r.problems.reduce((s: number, p: { dropped: number }) => s + p.dropped, 0));
		const codes = r.problems.map((p: { code: string }) => p.code);
		for (const code of ['duplicate-row', 'duplicate-id', 'closed-before-received', 'unparseable-date', 'sentinel-date', 'cancelled', 'unknown-status']) expect(codes).toContain(code);
		for (const p of r.problems) {
			expect(Object.keys(p)).toEqual(expect.arrayContaining(['code', 'count', 'examples']));
			expect(Number.isInteger(p.count)).toBe(true);
			for (const e of p.examples) expect(Object.keys(e).sort()).toEqual(['file', 'row', 'values']);
		}
		// Same files and meta.json shape as the generated dataset the tests share.
		const generated = inject('dataDir');
		// (The shared test dataset is written without the prepared answers; the import writes them as `npm run data` does.)
		const list = async (d: string) => (await readdir(d)).filter((f) => f !== 'report.json' && f !== 'prepared').sort();
		expect(await list(out)).toEqual(await list(generated));
		expect(await readdir(out)).toContain('prepared');
		const meta = JSON.parse(await readFile(join(out, 'meta.json'), 'utf8'));
		const reference = JSON.parse(await readFile(join(generated, 'meta.json'), 'utf8'));
		expect(Object.keys(meta.tables).sort()).toEqual(Object.keys(reference.tables).sort());
		expect(meta.synthetic).toBe(false);
		expect(meta.tables.cases.rows).toBe(r.kept);
		expect(meta.villageCases.rows).toBe(r.kept);
		expect(meta.prepared.files).toBeGreaterThan(0);
		expect(meta.imported).toMatchObject({ files: ['ledger-utf8-bom.csv', 'ledger-gb18030.csv'], rows: r.rows, kept: r.kept, places: 'county' });
	});

	it('prints the suggested mapping without --map, or writes it with --suggest (exit 0)', async () => {
		const { stdout } = await cli(['--from', `${FX}/open311.json`]);
		expect(JSON.parse(stdout)).toMatchObject({ format: 'ggs-import-mapping', version: 1, fields: { received_at: 'requested_datetime' } });
		const path = join(dir, 'suggested.json');
		await cli(['--from', `${FX}/ledger.xlsx`, '--suggest', path]);
		expect(JSON.parse(await readFile(path, 'utf8')).fields.received_at).toBe('受理时间');
	});

	it.each([
		[['--map', `${FX}/ledger.map.json`, '--out', 'x'], /give at least one file/],
		[['--from', `${FX}/nope.csv`], /cannot read .*nope\.csv: no such file/],
		[['--from', `${FX}/ledger.xlsx`, '--map', 'package.json', '--out', 'x'], /not a mapping/],
		[['--from', `${FX}/open311.json`, '--map', `${FX}/ledger.map.json`, '--out', 'x'], /the files have no column "编号"/],
		[['--from', `${FX}/ledger.xlsx`, '--encoding', 'latin9'], /--encoding must be one of/],
		[['--from', `${FX}/ledger.xlsx`, '--frobnicate'], /Unknown option/]
	])('refuses %j with one line and exit code 2', async (args, message) => {
		const err = await cli(args as string[]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(message);
		expect(err.stderr.trim().split('\n')).toHaveLength(1);
		expect(err.stderr).not.toMatch(/\n\s+at /);
	});

	it('DATASET=DIR: a folder without a dataset is refused by npm run data with one line and exit code 2', async () => {
		const err = await run('node_modules/.bin/tsx', ['scripts/generate-data.ts'], { env: { ...process.env, DATASET: join(dir, 'nothing-here') } }).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(/DATASET=.*nothing-here holds no readable meta\.json/);
		expect(err.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('refuses a damaged workbook and a ragged CSV with exit code 2', async () => {
		const bad = join(dir, 'bad.xlsx');
		await writeFile(bad, 'PK\x03\x04 not really a zip');
		const e1 = await cli(['--from', bad]).catch((e) => e);
		expect(e1.code).toBe(2);
		expect(e1.stderr).toMatch(/bad\.xlsx: not a readable \.xlsx workbook/);
		const ragged = join(dir, 'ragged.csv');
		await writeFile(ragged, 'a,b\n1,2\n3,4,5\n');
		const e2 = await cli(['--from', ragged]).catch((e) => e);
		expect(e2.code).toBe(2);
		expect(e2.stderr).toMatch(/ragged\.csv: line 3 has 3 fields, the header has 2/);
	});
});
