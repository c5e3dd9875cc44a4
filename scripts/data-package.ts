/**
 * The data package (issue #15): every table of the dataset as CSV (the generator's own files) and
 * as Parquet (written here by DuckDB in Node from the CSV, read with the declared types), and
 * `datapackage.json`, a Frictionless Data Package (v2, readable as v1) whose schemas carry the
 * field descriptions and units of sim/dataset/field-guide.ts. Written into the dataset's folder
 * by `npm run data`, so it is served as data/ of the built site; it is never precached by the
 * service worker (src/lib/sw/strategy.ts keeps data/ out of the shell) and never committed
 * (static/data is generated).
 */
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FIELD_GUIDE } from '../sim/dataset/field-guide';
import { SCHEMAS, TABLE_NAMES, type ColumnType, type TableName } from '../sim/dataset/schema';
import { openNodeDb, readDatasetMeta } from '../src/lib/server/dataset';
import { PUBLISHED } from '../sim/county/published';

export const DATAPACKAGE_FILE = 'datapackage.json';
/** The data licence of the synthetic dataset (an imported one keeps its owner's terms: see `licenses`). */
export const DATA_LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** Frictionless field types of the DuckDB column types (Table Schema). */
export const FRICTIONLESS_TYPE: Record<ColumnType, string> = {
	INTEGER: 'integer',
	BIGINT: 'integer',
	DOUBLE: 'number',
	VARCHAR: 'string',
	BOOLEAN: 'boolean',
	DATE: 'date',
	TIMESTAMP: 'datetime'
};

export interface PackageField {
	name: string;
	type: string;
	format?: string;
	description: string;
	/** Not in the Table Schema standard: the description in Chinese, and the unit in both languages. */
	'description:zh': string;
	unit?: string;
	'unit:zh'?: string;
}

export interface PackageResource {
	name: string;
	path: string;
	title: string;
	'title:zh': string;
	description: string;
	'description:zh': string;
	format: 'csv' | 'parquet';
	mediatype: string;
	encoding?: string;
	bytes: number;
	hash: string;
	schema: { fields: PackageField[] };
	dialect?: { delimiter: string; header: boolean; quoteChar: string; doubleQuote: boolean };
}

export interface DataPackage {
	$schema: string;
	profile: string;
	name: string;
	title: string;
	'title:zh': string;
	description: string;
	'description:zh': string;
	version: string;
	created?: string;
	licenses: { name: string; title: string; path: string }[];
	sources: { title: string; path?: string }[];
	resources: PackageResource[];
}

async function fileFacts(path: string): Promise<{ bytes: number; hash: string }> {
	const [bytes, content] = await Promise.all([stat(path).then((s) => s.size), readFile(path)]);
	return { bytes, hash: `sha256:${createHash('sha256').update(content).digest('hex')}` };
}

/** The Table Schema of a table, with its descriptions (English, and Chinese beside it) and units. */
export function tableSchema(table: TableName): { fields: PackageField[] } {
	return {
		fields: SCHEMAS[table].columns.map(([name, type]) => {
			const guide = FIELD_GUIDE[table].fields[name];
			if (!guide) throw new Error(`data package: ${table}.${name} has no description in sim/dataset/field-guide.ts`);
			const field: PackageField = { name, type: FRICTIONLESS_TYPE[type], description: guide.description.en, 'description:zh': guide.description.zh };
			if (type === 'TIMESTAMP') field.format = '%Y-%m-%d %H:%M:%S';
			if (guide.unit) Object.assign(field, { unit: guide.unit.en, 'unit:zh': guide.unit.zh });
			return field;
		})
	};
}

/** Writes `<table>.parquet` for every table and datapackage.json into the dataset folder `dir`. */
export async function writeDataPackage(dir: string): Promise<DataPackage> {
	const meta = await readDatasetMeta(dir);
	const db = await openNodeDb(dir);
	try {
		for (const t of TABLE_NAMES) {
			const out = resolve(dir, `${t}.parquet`);
			await rm(out, { force: true });
			// Row order as in the CSV (DuckDB keeps insertion order); zstd keeps the files small.
			await db.query(`COPY ${t} TO '${out.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
		}
	} finally {
		db.close();
	}
	const resources: PackageResource[] = [];
	for (const t of TABLE_NAMES) {
		const guide = FIELD_GUIDE[t];
		const schema = tableSchema(t);
		const common = { title: guide.title.en, 'title:zh': guide.title.zh, description: guide.description.en, 'description:zh': guide.description.zh, schema };
		resources.push({
			name: t.replaceAll('_', '-'),
			path: `${t}.csv`,
			...common,
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			...(await fileFacts(join(dir, `${t}.csv`))),
			dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true }
		});
		resources.push({
			name: `${t.replaceAll('_', '-')}-parquet`,
			path: `${t}.parquet`,
			...common,
			format: 'parquet',
			mediatype: 'application/vnd.apache.parquet',
			...(await fileFacts(join(dir, `${t}.parquet`)))
		});
	}
	const synthetic = meta.synthetic;
	const pkg: DataPackage = {
		$schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
		profile: 'tabular-data-package',
		name: synthetic ? 'shiquan-governance-synthetic' : 'imported-governance-data',
		title: synthetic
			? 'Shiquan County grassroots governance: synthetic dataset'
			: `Imported dataset: ${meta.imported?.files.join(', ') ?? 'own records'}`,
		'title:zh': synthetic ? '石泉县基层治理：合成数据集' : `导入的数据集：${meta.imported?.files.join('、') ?? '自有记录'}`,
		description: synthetic
			? `Synthetic data generated from seed ${meta.seed} (generator ${meta.generator}), its totals calibrated to published figures (${PUBLISHED.ledgerCases.value} ledger cases Aug 2016 – Dec 2021, ${PUBLISHED.households.value} households); not Shiquan County's real records.`
			: `Imported from ${meta.imported?.files.join(', ')} (${meta.imported?.kept} of ${meta.imported?.rows} rows kept) on ${meta.imported?.at}.`,
		'description:zh': synthetic
			? `合成数据：由种子 ${meta.seed} 生成（生成器 ${meta.generator}），总量按公开数字校准（2016 年 8 月至 2021 年 12 月台账案件 ${PUBLISHED.ledgerCases.value} 件，${PUBLISHED.households.value} 户），并非石泉县的真实记录。`
			: `导入自 ${meta.imported?.files.join('、')}（${meta.imported?.rows} 行中保留 ${meta.imported?.kept} 行），导入时间 ${meta.imported?.at}。`,
		version: `${meta.generator}.${meta.seed}`,
		...(meta.imported ? { created: meta.imported.at } : {}),
		licenses: synthetic ? [{ ...DATA_LICENCE }] : [],
		sources: synthetic
			? [
					{ title: 'Field study of grassroots governance innovation in Shiquan County (field research Feb and Jul 2022): published totals used to calibrate the synthetic data' },
					{ title: 'National Bureau of Statistics of China, statistical division codes (2023): town and village codes' }
				]
			: (meta.imported?.files ?? []).map((title) => ({ title })),
		resources
	};
	await writeFile(join(dir, DATAPACKAGE_FILE), JSON.stringify(pkg, null, '\t') + '\n');
	return pkg;
}
