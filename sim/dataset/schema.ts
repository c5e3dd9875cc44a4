/**
 * The tables of the dashboard dataset (SPEC §2): column names and DuckDB types. The generator
 * writes CSV in exactly this column order, and every reader (DuckDB in Node at build time,
 * DuckDB-WASM in the browser) declares these types instead of sniffing them, so a malformed file
 * fails loudly rather than loading with the wrong types.
 */
export type ColumnType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

export interface TableSchema {
	name: TableName;
	columns: readonly (readonly [string, ColumnType])[];
}

/** Tables generated row by row. */
export const RAW_TABLES = ['units', 'households', 'household_status', 'liaisons', 'cases', 'tasks', 'cadres'] as const;
/** Tables derived from the cases by SQL (pre-aggregated: see case-cubes.ts). */
export const DERIVED_TABLES = ['case_counts', 'case_days', 'case_villages'] as const;
export const TABLE_NAMES = [...RAW_TABLES, ...DERIVED_TABLES] as const;
export type TableName = (typeof TABLE_NAMES)[number];
/**
 * Tables the browser can load (written as Arrow too). The raw cases are not among them: the pages
 * query the derived tables, whose size does not grow with the number of cases. (A village's own
 * cases are written as one small Arrow file per village, loaded when a user drills down to it.)
 */
export const BROWSER_TABLES = TABLE_NAMES.filter((t): t is Exclude<TableName, 'cases'> => t !== 'cases');
export type BrowserTable = (typeof BROWSER_TABLES)[number];

export const SCHEMAS: Record<TableName, TableSchema> = {
	units: {
		name: 'units',
		columns: [
			['unit_id', 'BIGINT'],
			['level', 'VARCHAR'],
			['parent_id', 'BIGINT'],
			['town_code', 'VARCHAR'],
			['kind', 'VARCHAR'],
			['name_zh', 'VARCHAR'],
			['name_en', 'VARCHAR'],
			['households', 'INTEGER'],
			['population', 'INTEGER']
		]
	},
	households: {
		name: 'households',
		columns: [
			['household_id', 'INTEGER'],
			['town_code', 'VARCHAR'],
			['village_id', 'BIGINT'],
			['grid_id', 'BIGINT'],
			['liaison_id', 'INTEGER'],
			['size', 'INTEGER'],
			['type', 'VARCHAR']
		]
	},
	household_status: {
		name: 'household_status',
		columns: [
			['household_id', 'INTEGER'],
			['quarter', 'VARCHAR'],
			['colour', 'VARCHAR']
		]
	},
	liaisons: {
		name: 'liaisons',
		columns: [
			['liaison_id', 'INTEGER'],
			['line', 'VARCHAR'],
			['town_code', 'VARCHAR'],
			['village_id', 'BIGINT'],
			['grid_id', 'BIGINT'],
			['households_linked', 'INTEGER']
		]
	},
	cases: {
		name: 'cases',
		columns: [
			['case_id', 'INTEGER'],
			['ledger', 'VARCHAR'],
			['level', 'VARCHAR'],
			['town_code', 'VARCHAR'],
			['village_id', 'BIGINT'],
			['grid_id', 'BIGINT'],
			['household_id', 'INTEGER'],
			['category', 'VARCHAR'],
			['channel', 'VARCHAR'],
			['received_at', 'TIMESTAMP'],
			['registered_at', 'TIMESTAMP'],
			['reviewed_at', 'TIMESTAMP'],
			['acknowledged_at', 'TIMESTAMP'],
			['assigned_at', 'TIMESTAMP'],
			['handled_at', 'TIMESTAMP'],
			['reported_at', 'TIMESTAMP'],
			['signed_off_at', 'TIMESTAMP'],
			['surveyed_at', 'TIMESTAMP'],
			['archived_at', 'TIMESTAMP'],
			['due_at', 'TIMESTAMP'],
			['lead_dept', 'VARCHAR'],
			['co_depts', 'INTEGER'],
			['handoffs', 'INTEGER'],
			['escalated', 'BOOLEAN'],
			['solved', 'BOOLEAN'],
			['satisfaction', 'VARCHAR'],
			['revisited', 'BOOLEAN'],
			['repeat_of', 'INTEGER']
		]
	},
	tasks: {
		name: 'tasks',
		columns: [
			['task_id', 'INTEGER'],
			['town_code', 'VARCHAR'],
			['village_id', 'BIGINT'],
			['category', 'VARCHAR'],
			['assigned_on', 'DATE'],
			['due_on', 'DATE'],
			['completed_on', 'DATE'],
			['status', 'VARCHAR']
		]
	},
	cadres: {
		name: 'cadres',
		columns: [
			['cadre_id', 'INTEGER'],
			['role', 'VARCHAR'],
			['town_code', 'VARCHAR'],
			['village_id', 'BIGINT'],
			['start_on', 'DATE']
		]
	},
	case_counts: {
		name: 'case_counts',
		columns: [
			['town_code', 'VARCHAR'],
			['ledger', 'VARCHAR'],
			['month', 'INTEGER'],
			['dim', 'VARCHAR'],
			['key', 'VARCHAR'],
			['cases', 'INTEGER'],
			['closed', 'INTEGER'],
			['closed_locally', 'INTEGER'],
			['escalated', 'INTEGER'],
			['surveyed', 'INTEGER'],
			['satisfied', 'INTEGER'],
			['handled', 'INTEGER'],
			['on_time', 'INTEGER'],
			['repeats', 'INTEGER']
		]
	},
	case_days: {
		name: 'case_days',
		columns: [
			['town_code', 'VARCHAR'],
			['ledger', 'VARCHAR'],
			['quarter', 'INTEGER'],
			['step', 'INTEGER'],
			['bin', 'INTEGER'],
			['cases', 'INTEGER']
		]
	},
	case_villages: {
		name: 'case_villages',
		columns: [
			['village_id', 'VARCHAR'],
			['town_code', 'VARCHAR'],
			['ledger', 'VARCHAR'],
			['month', 'INTEGER'],
			['cases', 'INTEGER'],
			['closed', 'INTEGER'],
			['escalated', 'INTEGER']
		]
	}
};

/** The DuckDB `read_csv` call that reads a table's file with its declared types. */
export function readCsvSql(table: TableName, path: string): string {
	const columns = SCHEMAS[table].columns.map(([n, t]) => `'${n}': '${t}'`).join(', ');
	return `read_csv('${path.replaceAll("'", "''")}', header = true, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}}, strict_mode = true, auto_detect = false)`;
}
