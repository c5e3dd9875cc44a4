/**
 * The prepared answers of a dataset folder (`npm run data` runs this after writing the tables;
 * `tsx scripts/prepare-answers.ts DIR` for another dataset): every answer the dashboard pages show
 * without the engine, computed by DuckDB in Node with the browser's query functions, written to
 * DIR/prepared/ and listed in DIR/meta.json. See src/lib/server/prepared-writer.ts.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openNodeDb, readDatasetMeta } from '../src/lib/server/dataset';
import { writePrepared } from '../src/lib/server/prepared-writer';
import type { Village } from '../src/lib/data/scope';
import { datasetProfile } from '../src/lib/data/profile';

/** Writes DIR's prepared answers and records them in its meta.json; returns the figures. */
export async function prepareAnswers(dir: string): Promise<{ files: number; bytes: number; ms: number }> {
	const started = performance.now();
	const meta = await readDatasetMeta(dir);
	const db = await openNodeDb(dir);
	try {
		const villages = await db.query<Village>(
			`SELECT unit_id::VARCHAR AS id, town_code AS town, name_zh AS zh, name_en AS en FROM units WHERE level = 'village' ORDER BY unit_id`
		);
		meta.prepared = await writePrepared(db, dir, villages, undefined, datasetProfile(meta));
	} finally {
		db.close();
	}
	await writeFile(join(dir, 'meta.json'), JSON.stringify(meta, null, '\t') + '\n');
	return { files: meta.prepared.files, bytes: meta.prepared.bytes, ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2];
	if (!dir) {
		console.error('prepare-answers: give the dataset folder, e.g. static/data');
		process.exit(2);
	}
	try {
		const r = await prepareAnswers(dir);
		console.log(`prepare-answers: ${r.files} answers, ${(r.bytes / 1e6).toFixed(1)} MB in ${dir}/prepared in ${(r.ms / 1000).toFixed(1)} s`);
	} catch (e) {
		console.error(`prepare-answers: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(2);
	}
}
