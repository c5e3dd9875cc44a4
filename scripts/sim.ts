/**
 * `npm run sim -- [options]` — runs the county model and writes tidy CSV that DuckDB reads.
 *
 *   --mode M            one-way | two-way | multi | custom (default multi)
 *   --compare A,B,…     several modes, paired by seed (overrides --mode)
 *   --weeks N           horizon in weeks (default 260 = five years)
 *   --reps N            replicates per scenario (default 1)
 *   --seed N            seed of the random streams (default 1)
 *   --scale X           fraction of the full county, (0, 1] (default 1)
 *   --sinking X, --coordination X, --participation X   levers in [0, 1]
 *   --out-migration X, --budget X, --digital-access X   context parameters
 *   --param NAME=X      any model parameter (repeatable; see sim/MODEL.md)
 *   --out FILE          CSV of the weekly series (default: none, summary only)
 *   --format long|wide  long: scenario,mode,replicate,week,metric,value (default);
 *                       wide: scenario,mode,replicate,week,<one column per metric>
 * Prints a summary table (means over replicates) to standard output. Bad options: a message on
 * standard error and exit code 2.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { runReplicates, type Scenario } from '../sim/engine/experiments';
import { COUNTY_SEED } from '../sim/engine/model';
import { MODES, type Mode } from '../sim/engine/modes';
import { WEEKLY_METRICS } from '../sim/engine/outputs';
import { PARAMETERS, parameterProblems, type ParameterName } from '../sim/engine/parameters';

function fail(message: string): never {
	console.error(`sim: ${message}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			mode: { type: 'string' },
			compare: { type: 'string' },
			weeks: { type: 'string' },
			reps: { type: 'string' },
			seed: { type: 'string' },
			scale: { type: 'string' },
			sinking: { type: 'string' },
			coordination: { type: 'string' },
			participation: { type: 'string' },
			'out-migration': { type: 'string' },
			budget: { type: 'string' },
			'digital-access': { type: 'string' },
			param: { type: 'string', multiple: true },
			out: { type: 'string' },
			format: { type: 'string' }
		},
		strict: true,
		allowPositionals: false
	}));
} catch (e) {
	fail((e as Error).message);
}

function number(name: string, text: string | undefined, fallback: number, check: (x: number) => boolean, rule: string): number {
	if (text === undefined) return fallback;
	const x = Number(text);
	if (text.trim() === '' || !Number.isFinite(x) || !check(x)) fail(`--${name} must be ${rule}, got "${text}"`);
	return x;
}

const isMode = (m: string): m is Mode => (MODES as readonly string[]).includes(m);
const modes = (values.compare ?? values.mode ?? 'multi').split(',').map((m) => m.trim());
for (const m of modes) if (!isMode(m)) fail(`unknown mode "${m}"; choose from ${MODES.join(', ')}`);
const weeks = number('weeks', values.weeks, 260, (x) => Number.isInteger(x) && x >= 1 && x <= 2600, 'an integer from 1 to 2600');
const reps = number('reps', values.reps, 1, (x) => Number.isInteger(x) && x >= 1 && x <= 1000, 'an integer from 1 to 1000');
const seed = number('seed', values.seed, 1, (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, 'an integer in [0, 2^32)');
const scale = number('scale', values.scale, 1, (x) => x > 0 && x <= 1, 'a number in (0, 1]');
const unit = (x: number) => x >= 0 && x <= 1;
const levers: Scenario['levers'] = {};
for (const k of ['sinking', 'coordination', 'participation'] as const) {
	if (values[k] !== undefined) levers[k] = number(k, values[k], 0, unit, 'a number in [0, 1]');
}
const params: Partial<Record<ParameterName, number>> = {};
const context = { 'out-migration': 'outMigration', budget: 'budget', 'digital-access': 'digitalAccess' } as const;
for (const [flag, name] of Object.entries(context)) {
	const text = values[flag as keyof typeof context];
	if (text !== undefined) {
		const [lo, hi] = PARAMETERS[name].range;
		params[name] = number(flag, text, 0, (x) => x >= lo && x <= hi, `a number in [${lo}, ${hi}]`);
	}
}
for (const pair of values.param ?? []) {
	const [name, text] = pair.split('=');
	if (!(name in PARAMETERS) || text === undefined) fail(`--param needs NAME=VALUE with a known parameter name, got "${pair}"`);
	params[name as ParameterName] = Number(text);
}
const problems = parameterProblems(params);
if (problems.length) fail(problems.join('; '));
const format = values.format ?? 'long';
if (format !== 'long' && format !== 'wide') fail(`--format must be long or wide, got "${format}"`);

const county = buildCounty({ seed: COUNTY_SEED, scale });
const out = values.out ? createWriteStream(values.out) : null;
if (out) {
	out.write(format === 'long' ? 'scenario,mode,replicate,week,metric,value\n' : `scenario,mode,replicate,week,${WEEKLY_METRICS.join(',')}\n`);
}
const fmt = (x: number) => (Number.isNaN(x) ? '' : Number.isInteger(x) ? String(x) : x.toPrecision(6));
const rows: string[][] = [];
const started = performance.now();
for (const mode of modes as Mode[]) {
	const scenario: Scenario = { mode, seed, weeks, levers, params };
	const results = runReplicates(scenario, reps, county);
	for (const r of results) {
		if (!out) continue;
		let chunk = '';
		for (let wk = 0; wk < weeks; wk++) {
			if (format === 'long') {
				for (const m of WEEKLY_METRICS) chunk += `${mode},${mode},${r.replicate},${wk},${m},${fmt(r.series[m][wk])}\n`;
			} else {
				chunk += `${mode},${mode},${r.replicate},${wk},${WEEKLY_METRICS.map((m) => fmt(r.series[m][wk])).join(',')}\n`;
			}
		}
		out.write(chunk);
	}
	const mean = (f: (s: (typeof results)[number]['summary']) => number) => results.reduce((a, r) => a + f(r.summary), 0) / results.length;
	rows.push([
		mode,
		mean((s) => s.means.orderIndex).toFixed(3),
		mean((s) => s.means.vitalityIndex).toFixed(3),
		mean((s) => s.county.closureRate).toFixed(3),
		mean((s) => s.county.daysMedian).toFixed(1),
		mean((s) => s.county.satisfaction).toFixed(3),
		(mean((s) => s.totals.cost) / 1e6).toFixed(1),
		mean((s) => s.means.efficiency).toFixed(2),
		mean((s) => s.equityGap.satisfaction).toFixed(3)
	]);
}
if (out) await new Promise<void>((resolve) => out.end(resolve));
const head = ['mode', 'order', 'vitality', 'closure', 'days (median)', 'satisfaction', 'cost (M yuan)', 'closed/100 h', 'equity gap'];
console.log(`${reps} replicate(s) × ${modes.length} scenario(s), ${weeks} weeks, ${county.households.count.toLocaleString('en')} households, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
console.log(head.map((h, i) => h.padEnd(widths[i])).join('  '));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
if (values.out) console.log(`weekly series (${format}) written to ${values.out}`);
