/**
 * `npm run data` — writes the synthetic dataset the site serves (static/data/*.csv + meta.json).
 * The ledger cases are drawn from the model's history of the county (sim/dataset/ledger-cases.ts).
 *   --seed N     generator seed (default: the county's, COUNTY_SEED in sim/county/published.ts);
 *                it builds the county, seeds the history runs and every draw of the cases
 *   --cases N    county+town ledger cases (default: the published 8,812); a scaled dataset for
 *                performance work, written to data-scaled/N/ unless --out is given (beyond the
 *                model's cases, each is taken several times with its own times in its weeks)
 *   --out DIR    output folder
 * Same seed and options → identical bytes.
 * DATASET=DIR (environment): use the dataset in DIR (written by `npm run import`) instead of
 * generating one: it is checked and copied to static/data, so `DATASET=DIR npm run build` builds
 * the site on it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, SITE_DATA_DIR } from '../src/lib/server/dataset';
import { writeDataset } from './dataset-writer';
import { prepareAnswers } from './prepare-answers';
import { writeDataPackage } from './data-package';
import { useDataset } from './use-dataset';

function fail(message: string): never {
	console.error(`generate-data: ${message}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: { seed: { type: 'string' }, cases: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' } },
		strict: true
	}));
} catch (e) {
	fail((e as Error).message);
}
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail(`--seed must be an integer in [0, 2^32), got ${values.seed}`);
const cases = values.cases === undefined ? undefined : Number(values.cases);
if (cases !== undefined && !(Number.isInteger(cases) && cases >= 100 && cases <= 50_000_000)) {
	fail(`--cases must be an integer between 100 and 50,000,000, got ${values.cases}`);
}
const out = values.out ?? (cases === undefined ? SITE_DATA_DIR : `data-scaled/${cases}`);
if (process.env.DATASET && out === SITE_DATA_DIR) {
	const problem = await useDataset(process.env.DATASET, SITE_DATA_DIR);
	if (problem) fail(problem);
	// The pages' publish-time answers, from the copied tables (a dataset from elsewhere may lack them or hold stale ones).
	const prepared = await prepareAnswers(SITE_DATA_DIR);
	// The data package (every table as CSV and Parquet, datapackage.json), served as data/.
	await writeDataPackage(SITE_DATA_DIR);
	if (!values.quiet) console.log(`generate-data: using the dataset in ${process.env.DATASET} (copied to ${SITE_DATA_DIR}; ${prepared.files} prepared answers)`);
	process.exit(0);
}

const started = performance.now();
const meta = await writeDataset({ seed, countyTownCases: cases, dir: out });
// The pages' publish-time answers, from the tables just written (src/lib/server/prepared-writer.ts).
const prepared = await prepareAnswers(out);
// The data package (every table as CSV and Parquet, datapackage.json), served as data/.
const pkg = await writeDataPackage(out);
if (!values.quiet) {
	const rows = Object.entries(meta.tables).map(([t, m]) => `${t} ${m.rows.toLocaleString('en')}`).join(', ');
	console.log(
		`generate-data: wrote ${out} (seed ${seed}; ${rows}; ${prepared.files} prepared answers; data package of ${pkg.resources.length} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
