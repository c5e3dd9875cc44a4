import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { scriptRuns } from '../../src/lib/i18n/terms';
import { zh } from '../../src/lib/i18n/zh';

/**
 * Each catalogue in its own language (issue #15 item 9): no Chinese in the English messages, no
 * stray English words in the Chinese ones, and counts in English through plural forms.
 */

const HAN = /\p{Script=Han}/u;

/** English messages shown in Chinese on purpose, rendered inside an element marked lang="zh". */
const SHOWN_AS_CHINESE = new Set(['lang.switch']);

/** The Latin words of a Chinese message, placeholders left out. */
function latinWords(text: string): string[] {
	return text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
}

/**
 * Latin words a Chinese message may hold: names of things that have no Chinese name (products,
 * file formats, units, keys), SQL's own words and the data's column and table names, which a
 * reader types as they are.
 */
const ALLOWED_IN_ZH = new Set([
	// the language switch names the other language in it
	'English',
	// products, methods and formats known by these names
	'DuckDB', 'DuckDB-WASM', 'SQL', 'CSV', 'JSON', 'Arrow', 'HTTP', 'ODD', 'Shapley', 'Wilson', 'MODEL.md', 'npm',
	// units, keys and labels that are letters
	'MB', 'KB', 'N', 'A', 'B', 't', 'Ctrl', 'Enter', 'Mac', 'Tab', 'Shift', 'Home', 'End', 'Esc',
	// commands, scenario-file fields and values typed as they are
	'run', 'data', 'cases', 'sim', 'kind', 'grassroots-governance-scenario', 'true', 'false',
	// SQL keywords the console accepts or names
	'SELECT', 'WITH', 'FROM', 'VALUES', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'EXPLAIN', 'PIVOT', 'ON', 'IN', 'USING', 'information_schema',
	// table and column names of the dataset
	// file formats, encodings and standards an import or the data package names
	'Parquet', 'SVG', 'TSV', 'UTF-8', 'UTF-16', 'GB18030', 'GBK', 'Excel', 'xlsx', 'Open311', 'GeoReport', 'v2', 'Frictionless', 'datapackage.json',
	// a formula's n
	'n',
	// organisations and tools cited by name
	'CNNIC', 'En-ROADS',
	'units', 'cases.csv', 'arrow', 'case_counts', 'case_days', 'case_villages', 'dim', 'key', 'town_code', 'ledger', 'month', 'revisited', 'escalated'
]);

describe('the English catalogue', () => {
	it('has no Chinese outside the messages shown as Chinese', () => {
		const found = Object.entries(en).filter(([k, v]) => HAN.test(v) && !SHOWN_AS_CHINESE.has(k));
		expect(found).toEqual([]);
		// The control: the scan sees Chinese where there is some.
		expect(Object.entries(en).filter(([, v]) => HAN.test(v)).map(([k]) => k)).toEqual([...SHOWN_AS_CHINESE]);
	});

	it('says every count through its plural forms: no "(s)", no "{n} …s" in a message without them', () => {
		expect(Object.entries(en).filter(([, v]) => v.includes('(s)'))).toEqual([]);
		// Counts that are constants of the code, never 1 (rows a CSV holds, issues shown, replicates
		// of the explanation, weeks of a town block), a length over the limit, and points to a tenth
		// ("1.0 pts"), the ranking's minimum of cases, a lesson's minutes and its replicates, may be plain messages.
		const constant = new Set(['sql.csvLimit', 'sql.tooLong', 'follow.more', 'why.running', 'sim.towns.note', 'sim.table.points', 'ranking.few', 'learn.minutes', 'learn.chart.source']);
		const plainCounts = Object.entries(en).filter(([k, v]) => !/\.(one|other)$/.test(k) && !constant.has(k) && /\{(n|count|reps|weeks|days)\} [a-z]+s\b/.test(v));
		expect(plainCounts).toEqual([]);
		// The control: the pattern finds the plural messages' counted nouns.
		expect(Object.keys(en).filter((k) => k.endsWith('.other') && /\{n\} [a-z]+s\b/.test(en[k as keyof typeof en])).length).toBeGreaterThan(5);
	});
});

describe('the Chinese catalogue', () => {
	it('has no English word outside the allowed names', () => {
		const stray = Object.entries(zh).flatMap(([k, v]) => latinWords(v).filter((w) => !ALLOWED_IN_ZH.has(w)).map((w) => `${k}: ${w}`));
		expect(stray).toEqual([]);
	});

	it('the scan finds English words where there are some', () => {
		expect(latinWords('这是 stray English，{n} 件，DuckDB-WASM 计算')).toEqual(['stray', 'English', 'DuckDB-WASM']);
		// Every allowed word is still used: a word no message needs leaves the list.
		const used = new Set(Object.values(zh).flatMap(latinWords));
		expect([...ALLOWED_IN_ZH].filter((w) => !used.has(w))).toEqual([]);
	});
});

describe('Chinese terms in English text', () => {
	it('are split out whole (a middle dot joins the parts of a name), and the runs join to the text', () => {
		const text = 'Resource sinking (integrated governance, 集成式治理); red (连心户) or “三本账”、网格·联络';
		const runs = scriptRuns(text);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		expect(runs.filter((r) => r.zh).map((r) => r.text)).toEqual(['集成式治理', '连心户', '三本账', '网格·联络']);
		expect(runs.filter((r) => !r.zh).every((r) => !HAN.test(r.text))).toBe(true);
		expect(scriptRuns('no Chinese here')).toEqual([{ text: 'no Chinese here', zh: false }]);
	});
});
