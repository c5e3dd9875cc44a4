import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { openNodeDb, type NodeDb } from '../../src/lib/server/dataset';
import { classifySql, WRITE_KEYWORDS } from '../../src/lib/sql/classify';
import { parseEngineError } from '../../src/lib/sql/engine-error';
import { chooseChart, describeSql, queryFromSearch, resultColumns, MAX_URL_QUERY, type ResultRow } from '../../src/lib/sql/result';
import { checkConsoleSql, runConsoleSql } from '../../src/lib/sql/run';
import { examples } from '../../src/lib/sql/examples';
import { tokenize } from '../../src/lib/sql/tokens';

let db: NodeDb;
beforeAll(async () => {
	db = await openNodeDb(inject('dataDir'), ['units', 'case_counts', 'household_status', 'tasks']);
}, 60_000);
afterAll(() => db?.close());

/**
 * An independent oracle, DuckDB's own parser in Node (its JSON extension, which the self-hosted
 * browser engine lacks): 'parser' for a syntax error, else how many statements and whether all
 * are SELECTs (DESCRIBE, SHOW, SUMMARIZE, VALUES and FROM-first are SELECTs there).
 */
async function oracle(sql: string): Promise<'parser' | 'select' | 'several' | 'other'> {
	const [{ tree }] = await db.query<{ tree: string }>('SELECT json_serialize_sql($1::VARCHAR)::VARCHAR AS tree', [sql]);
	const t = JSON.parse(tree) as { error: boolean; error_type?: string; statements?: unknown[] };
	if (t.error) return t.error_type === 'parser' ? 'parser' : 'other';
	return (t.statements?.length ?? 0) > 1 ? 'several' : 'select';
}

/** What the dataset holds (tables and rows): unchanged by anything the console refused. */
async function fingerprint(): Promise<string> {
	const rows = await db.query<{ t: string; n: number }>(
		"SELECT table_name AS t, estimated_size AS n FROM duckdb_tables() UNION ALL SELECT 'units', count(*) FROM units ORDER BY ALL"
	);
	return JSON.stringify(rows);
}

describe('tokenizer', () => {
	it('sees comments, strings and quoted names as DuckDB does', () => {
		const r = tokenize(`SELECT 'a;b''c' AS "x;""y" /* one /* two */ still; */ -- gone; DROP\nFROM e'\\';' $t$;$t$ $1`);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.tokens.map((t) => t.kind)).toEqual(['word', 'string', 'word', 'quoted', 'word', 'string', 'string', 'param']);
		expect(r.tokens[1].value).toBe("a;b'c");
		expect(r.tokens[3].value).toBe('x;"y');
		expect(r.tokens.some((t) => t.kind === 'punct' && t.value === ';')).toBe(false);
	});
	it('reports what never closes', () => {
		expect(tokenize("SELECT 'abc")).toMatchObject({ ok: false, problem: 'unterminated-string', position: 7 });
		expect(tokenize('SELECT /* /* */')).toMatchObject({ ok: false, problem: 'unterminated-comment' });
	});
});

const READS = [
	'SELECT 1',
	'  select * from units limit 3 ;  ',
	'FROM units',
	'VALUES (1, 2)',
	'(SELECT 1)',
	'WITH a AS (SELECT 1 AS x), b(y) AS MATERIALIZED (SELECT 2) SELECT * FROM a, b',
	'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r',
	'DESCRIBE units',
	'SUMMARIZE units',
	'SHOW TABLES',
	'EXPLAIN SELECT * FROM units',
	'EXPLAIN ANALYZE SELECT count(*) FROM units',
	"SELECT * FROM information_schema.columns WHERE table_name = 'units'",
	'SELECT * FROM range(5)',
	"SELECT 'INSERT INTO x; DROP TABLE y' AS harmless -- DELETE FROM units",
	"PIVOT units ON level IN ('town', 'village') USING count(*)",
	"SELECT * FROM units PIVOT (count(*) FOR level IN ('town', 'village'))",
	'SELECT "name_zh" FROM "units"'
];

const REFUSED: [string, string][] = [
	['INSERT INTO units SELECT * FROM units', 'write'],
	['update units set households = 0', 'write'],
	['DELETE FROM units', 'write'],
	['CREATE TABLE t AS SELECT 1', 'write'],
	['DROP TABLE units', 'write'],
	['ALTER TABLE units ADD COLUMN z INTEGER', 'write'],
	["COPY units TO 'units.csv'", 'write'],
	["ATTACH 'x.db' AS x", 'write'],
	['INSTALL httpfs', 'write'],
	['LOAD httpfs', 'write'],
	['SET enable_external_access = true', 'write'],
	['PRAGMA enable_profiling', 'write'],
	['CALL pragma_version()', 'write'],
	["EXPORT DATABASE 'out'", 'write'],
	["IMPORT DATABASE 'out'", 'write'],
	['WITH a AS (SELECT 1) INSERT INTO units SELECT * FROM a', 'write'],
	['EXPLAIN ANALYZE DELETE FROM units', 'write'],
	['/* hi */ ( -- x\n DROP TABLE units', 'write'],
	['SELECT 1; SELECT 2', 'several'],
	['SELECT 1; DROP TABLE units', 'several'],
	["SELECT * FROM read_csv('http://example.org/x.csv')", 'outside'],
	["FROM 'https://example.org/x.parquet'", 'outside'],
	['SELECT * FROM "s3://bucket/x.parquet"', 'outside'],
	["DESCRIBE 'x.csv'", 'outside'],
	["FROM query('DROP TABLE units')", 'outside'],
	["SELECT * FROM glob('*')", 'outside'],
	["SELECT * FROM units u(a), 'x.csv' t", 'outside'],
	["SELECT * FROM units POSITIONAL JOIN 'x.csv'", 'outside'],
	["SELECT * FROM units JOIN main.read_text('x') ON true", 'outside'],
	["SELECT * FROM \"read_csv\"('x')", 'outside'],
	['SELECT * FROM units CROSS JOIN checkpoint()', 'outside'],
	["SELECT * FROM units u JOIN (SELECT * FROM range(3), 'x.parquet') v ON true", 'outside'],
	['SELECT * FROM "x/y.csv"', 'outside'],
	['GRANT ALL ON units TO x', 'write'],
	['CHECKPOINT', 'write'],
	['', 'empty'],
	['-- only a comment', 'empty']
];

describe('the read-only classifier (before the engine)', () => {
	it.each(READS)('accepts %s, and so does the engine’s check', async (sql) => {
		expect(classifySql(sql).ok).toBe(true);
		expect((await checkConsoleSql(db, sql)).kind).toBe('accepted');
	});
	it.each(REFUSED)('refuses %s (%s)', (sql, reason) => {
		expect(classifySql(sql)).toMatchObject({ ok: false, reason });
	});
	it('accepts every example', () => {
		for (const lang of ['zh', 'en'] as const) for (const e of examples(lang)) expect(classifySql(e.sql).ok, e.id).toBe(true);
	});
});

describe('the check on the engine', () => {
	it('reads a writing statement only as a subquery of DESCRIBE, which fails and changes nothing', async () => {
		const before = await fingerprint();
		for (const sql of ['INSERT INTO units SELECT * FROM units', 'DROP TABLE units', 'CREATE TABLE t AS SELECT 1', "COPY units TO 'x.csv'", 'SET threads = 1', 'DELETE FROM units']) {
			await expect(db.query(describeSql(sql)), sql).rejects.toThrow(/Parser Error/);
		}
		expect(await fingerprint()).toBe(before);
	});
	it('gives a syntax error’s position as an index in the text, after Chinese characters too', async () => {
		const sql = "SELECT '城关镇' AS 镇\nFROM units WHERE WHERE 1";
		expect(await checkConsoleSql(db, sql)).toMatchObject({ kind: 'error', error: { kind: 'parser', index: sql.lastIndexOf('WHERE') } });
		expect(await checkConsoleSql(db, '  SELECT 1 +  ')).toMatchObject({ kind: 'error', error: { kind: 'parser', index: '  SELECT 1 +'.length } });
	});
});

// Writing statements (and reads that reach outside), dressed in comments, case, whitespace, CTE
// prefixes, EXPLAIN, parentheses and extra statements: neither stage may accept one.
const WRITES = [
	'INSERT INTO units SELECT * FROM units',
	'INSERT OR REPLACE INTO units SELECT * FROM units',
	'UPDATE units SET households = 0 WHERE unit_id = 1',
	'DELETE FROM units WHERE unit_id = 1',
	'CREATE TABLE t AS SELECT 1',
	'CREATE OR REPLACE VIEW v AS SELECT 1',
	'CREATE MACRO m(x) AS x',
	'DROP TABLE units',
	'ALTER TABLE units RENAME TO u2',
	"COPY units TO 'out.csv'",
	"COPY ( SELECT 1 ) TO 'out.parquet'",
	"ATTACH 'other.db' AS other",
	'DETACH other',
	'INSTALL httpfs',
	'LOAD httpfs',
	'SET enable_external_access = true',
	'RESET threads',
	'PRAGMA enable_profiling',
	'CALL pragma_version()',
	"EXPORT DATABASE 'dir'",
	"IMPORT DATABASE 'dir'",
	'CHECKPOINT',
	'VACUUM',
	'BEGIN TRANSACTION',
	'TRUNCATE units',
	'USE memory',
	'PREPARE p AS SELECT 1',
	"SELECT * FROM read_csv ( 'http://example.org/x.csv' )",
	"FROM 'https://example.org/x.parquet'",
	"SELECT * FROM units , 'https://example.org/a.csv'",
	"FROM query ( 'DROP TABLE units' )",
	"SELECT * FROM glob ( '/etc/*' )",
	"DESCRIBE 'x.csv'"
];
const IS_WRITE = (s: string) => !/^(SELECT|FROM|DESCRIBE)/.test(s);

const separator = fc.oneof(
	fc.constantFrom(' ', '  ', '\t', '\n', ' \n  '),
	fc.constantFrom(' /* c */ ', '/*x*/', ' /* a /* nested */ b */ ', ' -- note ; DROP\n', '\n-- SELECT\n', " /* ' */ ")
);
const casing = (s: string, flips: boolean[]) =>
	s.replace(/'[^']*'|[A-Za-z_]+/g, (w, i: number) => (w.startsWith("'") ? w : [...w].map((ch, k) => (flips[(i + k) % flips.length] ? ch.toLowerCase() : ch.toUpperCase())).join('')));
const dressed = fc
	.record({
		core: fc.constantFrom(...WRITES),
		flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
		seps: fc.array(separator, { minLength: 1, maxLength: 6 }),
		prefix: fc.constantFrom('', 'WITH a AS (SELECT 1) ', 'WITH RECURSIVE a(x) AS NOT MATERIALIZED (SELECT 1) , b AS (SELECT 2) ', 'EXPLAIN ', 'EXPLAIN ANALYZE ', '( ', '/* lead */ '),
		extra: fc.constantFrom('', ';', ' ; ', '; SELECT 1', 'SELECT 1 ; ')
	})
	.map(({ core, flips, seps, prefix, extra }) => {
		const words = casing(prefix + core, flips).split(' ').filter(Boolean);
		const body = words.reduce((acc, w, i) => (i === 0 ? w : acc + seps[i % seps.length] + w), '');
		return { core, sql: extra.startsWith('SELECT') ? extra + body : body + extra };
	});

describe('property: no writing or outside-reaching statement is accepted', () => {
	it('refused by the classifier, and each write by the engine’s check on its own; DuckDB’s parser reads most as valid statements', async () => {
		const before = await fingerprint();
		let valid = 0;
		let runs = 0;
		let engineChecked = 0;
		await fc.assert(
			fc.asyncProperty(dressed, async ({ core, sql }) => {
				runs++;
				expect(classifySql(sql).ok, sql).toBe(false);
				// The oracle: does DuckDB's parser read the whole text as statements (the deep stage)?
				const verdict = await oracle(sql);
				if (verdict !== 'parser') valid++;
				// A valid statement that writes is never a single SELECT.
				if (IS_WRITE(core) && verdict !== 'parser') expect(['other', 'several'], sql).toContain(verdict);
				// The engine's check alone refuses every write (outside reads are not sent to Node's engine: it would try to fetch).
				if (IS_WRITE(core)) {
					engineChecked++;
					await expect(db.query(describeSql(sql)), sql).rejects.toThrow();
				}
			}),
			{ numRuns: 400, seed: 13 }
		);
		// Most generated statements (about 58%) are valid SQL that DuckDB's parser reads to the end.
		expect(valid).toBeGreaterThan(runs * 0.5);
		// Writes (27 of the 33 cores) all go through the engine's check on their own too.
		expect(engineChecked).toBeGreaterThan(runs * 0.7);
		expect(await fingerprint()).toBe(before);
	}, 120_000);

	it('accepts dressed read-only queries (the classifier is not a wall)', async () => {
		const reads = fc
			.record({ core: fc.constantFrom(...READS.filter((r) => !r.startsWith('EXPLAIN ANALYZE'))), flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), lead: fc.constantFrom('', '/* x */ ', '-- SELECT\n', '\n\t') })
			.map(({ core, lead }) => lead + core);
		let reached = 0;
		await fc.assert(
			fc.asyncProperty(reads, async (sql) => {
				expect(classifySql(sql).ok, sql).toBe(true);
				const checked = await checkConsoleSql(db, sql);
				if (checked.kind === 'accepted') reached++;
				expect(checked.kind, sql).toBe('accepted');
			}),
			{ numRuns: 150, seed: 7 }
		);
		expect(reached).toBe(150);
	}, 60_000);
	it('every write keyword is refused as the first word', () => {
		for (const k of WRITE_KEYWORDS) expect(classifySql(`${k.toLowerCase()} x`), k).toMatchObject({ ok: false, reason: 'write' });
	});
});

describe('running a query (DuckDB in Node)', () => {
	it('gives each example’s rows as running its SQL directly does', async () => {
		for (const e of examples('zh')) {
			const out = await runConsoleSql(db, e.sql, 1000);
			expect(out.kind, e.id).toBe('result');
			if (out.kind !== 'result') continue;
			const direct = await db.query<Record<string, unknown>>(e.sql);
			expect(out.total, e.id).toBe(direct.length);
			expect(out.columns.map((c) => c.name)).toEqual(Object.keys(direct[0]));
			const first = out.columns[0].key;
			const name = out.columns[0].name;
			const plain = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
			expect(out.rows.map((r) => String(r[first]))).toEqual(direct.map((r) => plain(r[name])).slice(0, 1000));
		}
	});
	it('runs EXPLAIN as written once its query passed, and refuses EXPLAIN of a write', async () => {
		const out = await runConsoleSql(db, 'EXPLAIN SELECT count(*) FROM units');
		expect(out).toMatchObject({ kind: 'result', query: 'explain' });
		if (out.kind === 'result') expect(String(out.rows[0][out.columns[out.columns.length - 1].key])).toMatch(/units/i);
		expect(await runConsoleSql(db, 'EXPLAIN ANALYZE DELETE FROM units')).toMatchObject({ kind: 'refused', refusal: { reason: 'write', keyword: 'DELETE' } });
		expect(await runConsoleSql(db, 'EXPLAIN SELECT nosuch FROM units')).toMatchObject({ kind: 'error', error: { detail: 'noColumn', index: 15 } });
	});
	it('limits the rows shown and counts them all', async () => {
		const out = await runConsoleSql(db, 'SELECT * FROM household_status', 1000);
		expect(out).toMatchObject({ kind: 'result', total: (await db.query<{ n: number }>('SELECT count(*) AS n FROM household_status'))[0].n });
		if (out.kind === 'result') expect(out.rows).toHaveLength(1000);
	});
	it('keeps columns with repeated names apart, and brings 128-bit sums as numbers', async () => {
		const out = await runConsoleSql(db, 'SELECT 1 AS a, 2 AS a, sum(households) AS s FROM units');
		expect(out.kind).toBe('result');
		if (out.kind !== 'result') return;
		const [{ s }] = await db.query<{ s: number }>('SELECT sum(households)::DOUBLE AS s FROM units');
		expect(out.rows[0]).toEqual({ c0: 1, c1: 2, c2: s });
	});
	it('points at the error’s position in the editor text', async () => {
		const sql = "\n\nSELECT name_zh,\n  nosuch\nFROM units WHERE name_zh = '城关镇'";
		const out = await runConsoleSql(db, sql);
		expect(out).toMatchObject({ kind: 'error', error: { kind: 'binder', detail: 'noColumn', name: 'nosuch', index: sql.indexOf('nosuch') } });
		const out2 = await runConsoleSql(db, "SELECT * FROM units WHERE name_zh = '城关镇' AND other = 1");
		expect(out2).toMatchObject({ kind: 'error', error: { index: "SELECT * FROM units WHERE name_zh = '城关镇' AND other = 1".indexOf('other') } });
		const out3 = await runConsoleSql(db, 'SELECT * FROM nosuch_table');
		expect(out3).toMatchObject({ kind: 'error', error: { kind: 'catalog', detail: 'noTable', name: 'nosuch_table', index: 14 } });
	});
	it('points at a refused statement’s keyword', async () => {
		const sql = 'SELECT 1;\n  DROP TABLE units';
		expect(await runConsoleSql(db, sql)).toMatchObject({ kind: 'refused', refusal: { reason: 'several' }, index: sql.indexOf('DROP') });
	});
});

describe('error messages', () => {
	it('reads the caret of a long line DuckDB cut short', () => {
		const line = `SELECT '${'x'.repeat(150)}' AS a, nosuch FROM u`;
		const raw = `Binder Error: Referenced column "nosuch" not found in FROM clause!\n\nLINE 1: ...${line.slice(100, 170)}...\n${' '.repeat(8 + 3 + line.indexOf('nosuch') - 100)}^`;
		expect(parseEngineError(raw, line).index).toBe(line.indexOf('nosuch'));
	});
});

describe('quick chart choice', () => {
	const cols = (...specs: [string, string][]) => resultColumns(specs.map(([column_name, column_type]) => ({ column_name, column_type })));
	it('draws bars for text and a number, a line for dates or months', () => {
		const rows: ResultRow[] = [{ c0: 'a', c1: 1 }, { c0: 'b', c1: 2 }];
		expect(chooseChart(cols(['t', 'VARCHAR'], ['n', 'BIGINT']), rows, 2)).toMatchObject({ kind: 'bars' });
		expect(chooseChart(cols(['d', 'DATE'], ['n', 'DOUBLE']), [{ c0: '2020-01-01', c1: 1 }, { c0: '2020-02-01', c1: 3 }], 2)).toMatchObject({ kind: 'line' });
		expect(chooseChart(cols(['m', 'VARCHAR'], ['n', 'HUGEINT']), [{ c0: '2020-01', c1: 1 }, { c0: '2020-02', c1: 3 }], 2)).toMatchObject({ kind: 'line' });
	});
	it('says why there is none', () => {
		expect(chooseChart(cols(['t', 'VARCHAR']), [{ c0: 'a' }], 1)).toEqual({ kind: 'none', why: 'no-number' });
		expect(chooseChart(cols(['n', 'INTEGER']), [{ c0: 1 }], 1)).toEqual({ kind: 'none', why: 'no-label' });
		expect(chooseChart(cols(['t', 'VARCHAR'], ['n', 'INTEGER']), [{ c0: 'a', c1: 1 }], 5)).toEqual({ kind: 'none', why: 'too-many' });
		expect(chooseChart(cols(['t', 'VARCHAR'], ['n', 'INTEGER']), [{ c0: 'a', c1: 1 }, { c0: 'a', c1: 2 }], 2)).toEqual({ kind: 'none', why: 'repeated' });
	});
});

describe('the query in the address', () => {
	it('reads ?q=, ignores an empty one and refuses a huge one', () => {
		expect(queryFromSearch('?q=SELECT%201')).toEqual({ sql: 'SELECT 1', tooLong: false });
		expect(queryFromSearch('?q=%20')).toEqual({ sql: null, tooLong: false });
		expect(queryFromSearch('?q=%E0%A4%A')).toMatchObject({ tooLong: false });
		expect(queryFromSearch(`?q=${'x'.repeat(MAX_URL_QUERY + 1)}`)).toEqual({ sql: null, tooLong: true });
	});
});
