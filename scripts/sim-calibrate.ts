/**
 * `npm run sim:calibrate [-- options]` — calibrates the history scenario to the published record
 * (sim/engine/calibration.ts: ABC rejection over a two-stage Latin-hypercube sample) and writes
 * the fit report, sim/reports/calibration.json. With --write, the chosen values become the
 * defaults of the parameter table (sim/engine/parameters.ts), "calibrated to the published record".
 *
 *   --prior N      points of the first generation, from the prior (default 600)
 *   --population N points kept in each generation of the ABC-SMC (default 100)
 *   --budget N     most points tried in a later generation (default 1500)
 *   --check N      replicates of the final check at the chosen values (default 20)
 *   --seed N       seed of the sample and of the runs (default 1)
 *   --scale X      fraction of the full county (default 1; the record counts the full county)
 *   --no-sensitivity   skip moving every other parameter to its range's ends
 *   --out FILE     the report (default sim/reports/calibration.json)
 *   --write        set the chosen values as the parameter table's defaults
 *   --apply        only set the chosen values of the existing report (--out) as the defaults; no calibration
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { calibrate } from '../sim/engine/calibration';
import type { CalibrationReport } from '../sim/engine/reports';
import { COUNTY_SEED, MIN_SCALE } from '../sim/engine/model';
import { MODEL_VERSION } from '../sim/engine/version';
import { fail, integerOption, numberOption } from './cli-options';

const name = 'sim:calibrate';
const { values } = (() => {
	try {
		return parseArgs({
			options: {
				prior: { type: 'string' },
				population: { type: 'string' },
				budget: { type: 'string' },
				check: { type: 'string' },
				seed: { type: 'string' },
				scale: { type: 'string' },
				'no-sensitivity': { type: 'boolean' },
				out: { type: 'string' },
				write: { type: 'boolean' },
				apply: { type: 'boolean' }
			},
			strict: true,
			allowPositionals: false
		});
	} catch (e) {
		return fail(name, (e as Error).message);
	}
})();
const population = integerOption(name, 'population', values.population, 100, 5, 10_000);
const prior = integerOption(name, 'prior', values.prior, 600, population, 1_000_000);
const budget = integerOption(name, 'budget', values.budget, 1500, population, 1_000_000);
const checkReplicates = integerOption(name, 'check', values.check, 20, 2, 1000);
const seed = integerOption(name, 'seed', values.seed, 1, 0, 2 ** 32 - 1);
const scale = numberOption(name, 'scale', values.scale, 1, MIN_SCALE, 1);
const out = values.out ?? 'sim/reports/calibration.json';

/** Writes a report's chosen values into the parameter table as the defaults, with the calibrated source. */
async function writeDefaults(report: CalibrationReport): Promise<void> {
	const file = 'sim/engine/parameters.ts';
	let text = await readFile(file, 'utf8');
	for (const p of report.free) {
		const block = new RegExp(`(\\n\\t${p.name}: \\{[\\s\\S]*?default: )([^,]+)(,[\\s\\S]*?source: )([^\\n]+)(\\n)`);
		if (!block.test(text)) fail(name, `cannot find ${p.name} in ${file}`);
		text = text.replace(block, `$1${p.chosen}$3calibrated,$5`);
	}
	await writeFile(file, text);
	console.log(`defaults of ${report.free.map((p) => p.name).join(', ')} written to ${file}; run npm run sim:doc`);
}

if (values.apply) {
	let text: string;
	try {
		text = await readFile(out, 'utf8');
	} catch (e) {
		fail(name, `cannot read ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	let report: CalibrationReport;
	try {
		report = JSON.parse(text) as CalibrationReport;
		if (!Array.isArray(report.free) || report.free.some((p) => typeof p.name !== 'string' || typeof p.chosen !== 'number')) throw new Error('no free parameters with chosen values');
	} catch (e) {
		fail(name, `${out} is not a calibration report: ${(e as Error).message}`);
	}
	await writeDefaults(report);
	process.exit(0);
}

const started = performance.now();
let lastLine = 0;
const { report } = calibrate({
	seed,
	county: buildCounty({ seed: COUNTY_SEED, scale }),
	prior,
	population,
	budget,
	checkReplicates,
	sensitivity: !values['no-sensitivity'],
	onProgress: (stage, done, total) => {
		const now = performance.now();
		if (now - lastLine > 15_000) {
			lastLine = now;
			console.error(`${name}: ${stage} ${done}/${total} (${((now - started) / 1000).toFixed(0)} s)`);
		}
	}
});
report.modelVersion = MODEL_VERSION;
try {
	await mkdir(dirname(out), { recursive: true });
	await writeFile(out, `${JSON.stringify(report, null, '\t')}\n`);
} catch (e) {
	fail(name, `cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`calibration of the history to the published record (ABC-SMC): ${report.points} points simulated, ${report.accepted} of the last population within every tolerance, ${report.households.toLocaleString('en')} households (${((performance.now() - started) / 1000).toFixed(0)} s)`);
console.log(`generations: ${report.generations.map((g) => `ε ${g.epsilon}: ${g.kept} kept of ${g.simulated}`).join('; ')}\n`);
console.log('| free parameter | prior | chosen | accepted (weighted 5th–95th) |');
console.log('| --- | --- | --- | --- |');
for (const p of report.free) console.log(`| \`${p.name}\` | ${f(p.low)}–${f(p.high)} | ${f(p.chosen)} | ${f(p.acceptedLow)}–${f(p.acceptedHigh)} |`);
console.log(`\n| target | published | model (mean of ${report.checkReplicates}) | 90% of replicates | tolerance | within |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const t of report.targets) {
	console.log(`| ${t.name} | ${t.kind === 'at-least' ? '≥ ' : ''}${f(t.published)} | ${f(t.model)} | ${f(t.low)}–${f(t.high)} | ±${(t.tolerance * 100).toFixed(1)}% | ${t.within ? 'yes' : 'NO'} |`);
}
if (report.tradeOffs.length) console.log(`\ntrade-offs among accepted points: ${report.tradeOffs.map((t) => `${t.a}~${t.b} r=${t.r}`).join(', ')}`);
if (values['no-sensitivity']) console.log('\nsensitivity skipped (--no-sensitivity): parameters the record cannot identify not listed');
else console.log(`\nnot identified by the record (whole range moves no fitted target by one tolerance): ${report.notIdentified.length} parameters`);
console.log(`report written to ${out}`);

if (values.write) await writeDefaults(report);
