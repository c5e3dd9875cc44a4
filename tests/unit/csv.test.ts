import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/lib/charts/csv-download';
import { stampedTable } from '../../src/lib/charts/download-stamp';
import { csvLine, csvText, type CsvValue } from '../../sim/dataset/csv';

// Tricky fields, each with the text a CSV reader must get back.
const FIELDS: [CsvValue, string][] = [
	['plain', 'plain'],
	['a,b', 'a,b'],
	['say "hi"', 'say "hi"'],
	['two\nlines', 'two\nlines'],
	['cr\rhere', 'cr\rhere'],
	['石泉县', '石泉县'],
	['', ''],
	[null, ''],
	[undefined, ''],
	[Number.NaN, ''],
	[Number.POSITIVE_INFINITY, ''],
	[-0.25, '-0.25'],
	[1234, '1234'],
	[true, 'true'],
	[false, 'false']
];

describe('the CSV writer', () => {
	it('writes one line per row that a CSV reader reads back field for field', () => {
		const text = csvText([FIELDS.map(([v]) => v), FIELDS.map(([v]) => v).reverse()]);
		expect(text.endsWith('\n')).toBe(true);
		const rows = csvParseRows(text.slice(0, -1));
		expect(rows).toEqual([FIELDS.map(([, t]) => t), FIELDS.map(([, t]) => t).reverse()]);
	});

	it('quotes only the fields that need it', () => {
		expect(csvLine(['a', 'b,c', 'd"e', 1, null])).toBe('a,"b,c","d""e",1,\n');
	});

	it('writes a chart table as its header of labels, then the raw values', () => {
		const text = tableCsv(
			[
				{ key: 'town', label: '镇, town' },
				{ key: 'cases', label: 'Cases', numeric: true }
			],
			[
				{ town: '城关镇', cases: 1234 },
				{ town: 'x "y"', cases: null }
			]
		);
		expect(csvParseRows(text.trimEnd())).toEqual([
			['镇, town', 'Cases'],
			['城关镇', '1234'],
			['x "y"', '']
		]);
	});

	it('stamps a chart table with columns of one value for every row (the sandbox’s model version and seed), after its own', () => {
		const columns = [{ key: 'scenario', label: 'Scenario' }, { key: 'order', label: 'Order index', numeric: true }];
		const rows = [{ scenario: 'One-way', order: 0.25 }, { scenario: 'Yours', order: 0.5 }];
		const stamped = stampedTable(columns, rows, [{ label: 'Model version', value: '2' }, { label: 'Random seed', value: 7 }]);
		expect(csvParseRows(tableCsv(stamped.columns, stamped.rows).trimEnd())).toEqual([
			['Scenario', 'Order index', 'Model version', 'Random seed'],
			['One-way', '0.25', '2', '7'],
			['Yours', '0.5', '2', '7']
		]);
		expect(rows[0]).toEqual({ scenario: 'One-way', order: 0.25 });
		expect(stampedTable(columns, rows, [])).toEqual({ columns, rows });
	});
});
