/**
 * `npm run sim:validate [-- --reps N --seed N --scale X --weeks N --out FILE]` — tests each
 * proposition of the study (SPEC §3) with paired replicates and prints the comparison, the minimal
 * meaningful effect stated before running, the effect with its 90% interval and the verdict.
 * Nothing is tuned to make them hold. With `--out FILE` it also writes the report as JSON
 * (`PropositionsReport`, sim/engine/reports.ts), which the model card (`/model/`) shows:
 * `npm run sim:validate -- --out sim/reports/propositions.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { COUNTY_SEED, MIN_SCALE } from '../sim/engine/model';
import { testPropositions } from '../sim/engine/propositions';
import type { PropositionsReport } from '../sim/engine/reports';
// The model's version lives with the scenario format for now (it may move to sim/engine/version.ts).
import { MODEL_VERSION } from '../sim/engine/version';
import { fail, integerOption, numberOption } from './cli-options';

const { values } = (() => {
	try {
		return parseArgs({
			options: { reps: { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' }, weeks: { type: 'string' }, out: { type: 'string' } },
			strict: true,
			allowPositionals: false
		});
	} catch (e) {
		return fail('sim:validate', (e as Error).message);
	}
})();
const reps = integerOption('sim:validate', 'reps', values.reps, 20, 2, 1000);
const seed = integerOption('sim:validate', 'seed', values.seed, 1, 0, 2 ** 32 - 1);
const scale = numberOption('sim:validate', 'scale', values.scale, 1, MIN_SCALE, 1);
// At least a year: the growth of participation's effect (P4) compares the last year with the first.
const weeks = integerOption('sim:validate', 'weeks', values.weeks, 260, 52, 2600);
if (values.out !== undefined && !values.out.trim()) fail('sim:validate', '--out needs a file name');
const started = performance.now();
const county = buildCounty({ seed: COUNTY_SEED, scale });
const results = testPropositions({ reps, seed, county, weeks });
const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`propositions of the study, ${reps} paired replicates each, seed ${seed}, scale ${scale}, ${weeks} weeks (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
console.log('| id | proposition | comparison (B − A) | measure | minimal effect | effect | 90% interval | B > A in | verdict |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
	const id = r.secondary ? `${r.id} (also)` : r.id;
	console.log(`| ${id} | ${r.claim} | ${r.comparison} | ${r.measure} | ${f(r.mme)} | ${f(r.effect.mean)} | [${f(r.effect.low)}, ${f(r.effect.high)}] | ${(r.effect.shareAbove * 100).toFixed(0)}% of runs | ${r.verdict} |`);
}
const main = results.filter((r) => !r.secondary);
console.log(`\n${main.filter((r) => r.verdict === 'agrees').length} of ${main.length} main comparisons agree with the study.`);
if (values.out !== undefined) {
	const report: PropositionsReport = { modelVersion: MODEL_VERSION, households: county.households.count, replicates: reps, weeks, seed, results };
	await mkdir(dirname(values.out), { recursive: true });
	await writeFile(values.out, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(`report written to ${values.out}`);
}
