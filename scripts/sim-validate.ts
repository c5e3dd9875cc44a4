/**
 * `npm run sim:validate [-- --reps N --seed N --scale X]` — tests each proposition of the study
 * (SPEC §3) with paired replicates and prints the comparison, the effect with its 90% interval,
 * and whether the model agrees with the study. Nothing is tuned to make them hold.
 */
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { COUNTY_SEED } from '../sim/engine/model';
import { testPropositions } from '../sim/engine/propositions';

const { values } = parseArgs({ options: { reps: { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' } }, strict: true });
const reps = Number(values.reps ?? 20);
const seed = Number(values.seed ?? 1);
const scale = Number(values.scale ?? 1);
if (!Number.isInteger(reps) || reps < 2 || !Number.isInteger(seed) || !(scale > 0 && scale <= 1)) {
	console.error('sim:validate: --reps must be an integer ≥ 2, --seed an integer, --scale in (0, 1]');
	process.exit(2);
}
const started = performance.now();
const results = testPropositions({ reps, seed, county: buildCounty({ seed: COUNTY_SEED, scale }) });
const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`propositions of the study, ${reps} paired replicates each, seed ${seed}, scale ${scale} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
console.log('| id | proposition | comparison (B − A) | measure | effect | 90% interval | B > A in | agrees |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
	console.log(
		`| ${r.id} | ${r.claim} | ${r.comparison} | ${r.measure} | ${f(r.effect.mean)} | [${f(r.effect.low)}, ${f(r.effect.high)}] | ${(r.effect.shareAbove * 100).toFixed(0)}% of runs | ${r.agrees ? 'yes' : 'NO'} |`
	);
}
console.log(`\n${results.filter((r) => r.agrees).length} of ${results.length} agree with the study.`);
