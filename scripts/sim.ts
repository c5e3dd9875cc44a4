/**
 * `npm run sim -- [options]` — runs the county model; prints a summary table (or JSON) and writes
 * tidy CSV of the weekly series that DuckDB reads.
 *
 *   --scenario history  the county's history, Aug 2015 (warm-up) → Jun 2022, with the published
 *                       timeline (sim/engine/history.ts); prints its fit to the published record
 *                       ("targets": received, closed, closure, satisfaction). Takes no mode, levers or --weeks.
 *   --mode M            one-way | two-way | multi | custom (default multi)
 *   --compare A,B,…     several modes, paired by seed (overrides --mode)
 *   --base P            the preset a custom scenario starts from: one-way | two-way | multi (default multi)
 *   --structure K=V     a structure field of the custom scenario (repeatable): feedback, responsiveChannels,
 *                       topDownAssignment, villageHandling, liaisons, targetedService (true/false),
 *                       topDownPressure (0–1)
 *   --sinking X, --coordination X, --participation X   levers of the custom scenario, in [0, 1]
 *   --out-migration X, --budget X, --digital-access X   context parameters
 *   --param NAME=X      any model parameter (repeatable; see sim/MODEL.md)
 *   --start S           history: from the county as its history left it in mid-2022 (default; the history,
 *                       Aug 2015 → Jun 2022, is run first with the same parameters and seed, once per replicate
 *                       for all the compared scenarios, and counts in no output); zero: from a county with no
 *                       grievance and uniform trust (the first year is then a transient). See sim/MODEL.md §5.
 *   --weeks N           horizon in weeks after the start (default 260 = five years)
 *   --reps N            replicates per scenario (default 1)
 *   --seed N            seed of the random streams (default 1)
 *   --scale X           fraction of the full county, [1/128, 1] (default 1)
 *   --out FILE          CSV of the weekly series (default: none)
 *   --format long|wide  long: scenario,mode,replicate,week,metric,value (default);
 *                       wide: scenario,mode,replicate,week,<one column per metric>
 *   --json              print the summary as JSON instead of a table (with the model's version,
 *                       "modelVersion", sim/engine/version.ts)
 * The CSV has no version line: a comment line is not part of the tidy format, and DuckDB's and
 * d3's readers would take it for data; the run's table and JSON name the version.
 * A preset is what it is: levers and structure fields apply to custom scenarios only, and giving
 * them to a run without one is refused. Bad input of any kind: a message on standard error and
 * exit code 2.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCounty } from '../sim/county/build-county';
import { csvLine } from '../sim/dataset/csv';
import { runComparison, type ReplicateResult, type Scenario } from '../sim/engine/experiments';
import { HISTORY_WEEKS, runHistory, targetFits, type RecordCounts } from '../sim/engine/history';
import { COUNTY_SEED, MIN_SCALE, type RunSummary } from '../sim/engine/model';
import { isMode, isPreset, LEVER_NAMES, MODES, PRESETS, specProblems, STRUCTURE_FLAGS, type Levers, type Mode, type Preset, type Structure } from '../sim/engine/modes';
import { WEEKLY_METRICS } from '../sim/engine/outputs';
import { isParameterName, PARAMETERS, parameterProblems, type ParameterName } from '../sim/engine/parameters';
import { STARTS, type Start } from '../sim/engine/start';
import { MODEL_VERSION } from '../sim/engine/version';
import { fail as failWith, integerOption, numberOption, parseDecimal } from './cli-options';

function fail(message: string): never {
	return failWith('sim', message);
}

const options = {
	scenario: { type: 'string' },
	mode: { type: 'string' },
	compare: { type: 'string' },
	base: { type: 'string' },
	start: { type: 'string' },
	structure: { type: 'string', multiple: true },
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
	format: { type: 'string' },
	json: { type: 'boolean' }
} as const;

let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: false }>>['values'];
try {
	({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
} catch (e) {
	fail((e as Error).message);
}

if (values.scenario !== undefined && values.scenario !== 'history') fail(`--scenario must be history, got "${values.scenario}"`);
const history = values.scenario === 'history';
if (history) {
	const clash = (['mode', 'compare', 'base', 'structure', 'weeks', 'start', 'sinking', 'coordination', 'participation'] as const).filter((k) => values[k] !== undefined);
	if (clash.length) fail(`--scenario history follows the published timeline: it takes no ${clash.map((k) => `--${k}`).join(', ')}`);
}
const modes = (values.compare ?? values.mode ?? 'multi').split(',').map((m) => m.trim());
for (const m of modes) if (!isMode(m)) fail(`unknown mode "${m}"; choose from ${MODES.join(', ')}`);
const baseText = values.base ?? 'multi';
if (!isPreset(baseText)) fail(`--base must be one of ${PRESETS.join(', ')}, got "${baseText}"`);
const base: Preset = baseText;
const startText = values.start ?? 'history';
if (!(STARTS as readonly string[]).includes(startText)) fail(`--start must be one of ${STARTS.join(', ')}, got "${startText}"`);
const start = startText as Start;
const weeks = history ? HISTORY_WEEKS : integerOption('sim', 'weeks', values.weeks, 260, 1, 2600);
const reps = integerOption('sim', 'reps', values.reps, 1, 1, 1000);
const seed = integerOption('sim', 'seed', values.seed, 1, 0, 2 ** 32 - 1);
const scale = numberOption('sim', 'scale', values.scale, 1, MIN_SCALE, 1);

const levers: Partial<Levers> = {};
for (const k of LEVER_NAMES) if (values[k] !== undefined) levers[k] = numberOption('sim', k, values[k], 0, 0, 1);
const structure: Partial<Record<keyof Structure, unknown>> = {};
for (const pair of values.structure ?? []) {
	const [name, text, ...rest] = pair.split('=');
	if (text === undefined || rest.length) fail(`--structure needs NAME=VALUE, got "${pair}"`);
	const flag = (STRUCTURE_FLAGS as readonly string[]).includes(name);
	if (!flag && name !== 'topDownPressure') fail(`--structure: unknown field "${name}"; choose from ${[...STRUCTURE_FLAGS, 'topDownPressure'].join(', ')}`);
	structure[name as keyof Structure] = flag ? (text === 'true' ? true : text === 'false' ? false : text) : (parseDecimal(text) ?? text);
}
const problems = specProblems(structure, levers);
if (problems.length) fail(problems.join('; '));
const custom = Object.keys(levers).length + Object.keys(structure).length + (values.base ? 1 : 0) > 0;
if (custom && !modes.includes('custom')) {
	fail(`levers, --structure and --base set the custom scenario, and ${modes.join(', ')} ${modes.length > 1 ? 'are presets' : 'is a preset'} that fixes its own: add "custom" (e.g. --mode custom --base ${isPreset(modes[0]) ? modes[0] : 'multi'} --coordination 1)`);
}

const params: Partial<Record<ParameterName, number>> = {};
const context = { 'out-migration': 'outMigration', budget: 'budget', 'digital-access': 'digitalAccess' } as const;
for (const [flag, name] of Object.entries(context)) {
	const text = values[flag as keyof typeof context];
	const [lo, hi] = PARAMETERS[name].range;
	if (text !== undefined) params[name] = numberOption('sim', flag, text, 0, lo, hi);
}
for (const pair of values.param ?? []) {
	const [name, text, ...rest] = pair.split('=');
	if (!isParameterName(name) || text === undefined || rest.length) fail(`--param needs NAME=VALUE with a known parameter name (see sim/MODEL.md), got "${pair}"`);
	const x = parseDecimal(text);
	if (x === null) fail(`--param ${name} must be a number, got "${text}"`);
	params[name as ParameterName] = x;
}
const paramProblems = parameterProblems(params);
if (paramProblems.length) fail(paramProblems.join('; '));
const format = values.format ?? 'long';
if (format !== 'long' && format !== 'wide') fail(`--format must be long or wide, got "${format}"`);

/** Opens the CSV file before any run, so an unwritable path fails at once. */
async function openOut(path: string): Promise<WriteStream> {
	const out = createWriteStream(path);
	await new Promise<void>((resolve, reject) => {
		out.once('open', () => resolve());
		out.once('error', reject);
	}).catch((e: NodeJS.ErrnoException) => fail(`cannot write --out ${path}: ${e.code ?? e.message}`));
	return out;
}

/** Six significant digits (NaN — a week with nothing to measure — becomes the empty field). */
const round = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(6)));

function csvChunk(mode: Mode | 'history', r: ReplicateResult): string {
	let chunk = '';
	for (let wk = 0; wk < weeks; wk++) {
		if (format === 'long') for (const m of WEEKLY_METRICS) chunk += csvLine([mode, mode, r.replicate, wk, m, round(r.series[m][wk])]);
		else chunk += csvLine([mode, mode, r.replicate, wk, ...WEEKLY_METRICS.map((m) => round(r.series[m][wk]))]);
	}
	return chunk;
}

/** The headline numbers of a run, the JSON summary's keys. */
function headline(s: RunSummary) {
	return {
		closureRate: s.county.closureRate,
		daysMedian: s.county.daysMedian,
		daysP90: s.county.daysP90,
		satisfaction: s.county.satisfaction,
		orderIndex: s.means.orderIndex,
		vitalityIndex: s.means.vitalityIndex,
		trust: s.means.trust,
		liaisonsActive: s.means.liaisonsActive,
		escalationsPer1000: s.county.escalationsPer1000,
		received: s.county.received,
		closed: s.county.closed,
		resolvedLocally: s.totals.resolvedLocally,
		/** For the run's county: a reduced --scale costs less. */
		costMillionYuan: s.totals.cost.total / 1e6,
		costPerYearMillionYuan: s.cost.perYear / 1e6,
		costPerHouseholdYuan: s.cost.perHousehold,
		costPerCaseYuan: s.cost.perCase,
		costPerSolvedCaseYuan: s.cost.perSolvedCase,
		efficiency: s.means.efficiency,
		equityGapSatisfaction: s.equityGap.satisfaction
	};
}
type Headline = ReturnType<typeof headline>;

async function main(): Promise<void> {
	const county = buildCounty({ seed: COUNTY_SEED, scale });
	const out = values.out ? await openOut(values.out) : null;
	out?.write(csvLine(format === 'long' ? ['scenario', 'mode', 'replicate', 'week', 'metric', 'value'] : ['scenario', 'mode', 'replicate', 'week', ...WEEKLY_METRICS]));
	const started = performance.now();
	const scenarios: { label: string; mode: Mode; structure: Structure; levers: Levers; summary: Headline }[] = [];
	const counts: RecordCounts[] = [];
	const runs = (modes as Mode[]).map((mode): Scenario => (mode === 'custom' ? { mode, base, structure: structure as Partial<Structure>, levers, seed, weeks, params, start } : { mode, seed, weeks, params, start }));
	// Replicate by replicate: the scenarios share each replicate's history.
	const all: ReplicateResult[][] = history
		? [
				Array.from({ length: reps }, (_, r) => {
					const run = runHistory({ params, seed, replicate: r, county });
					counts.push(run.counts);
					return { replicate: r, summary: run.model.summary(), series: run.model.series };
				})
			]
		: runComparison(runs, reps, county);
	for (const [i, mode] of (history ? (['custom'] as Mode[]) : (modes as Mode[])).entries()) {
		const results = all[i];
		for (const r of results) out?.write(csvChunk(history ? 'history' : mode, r));
		const heads = results.map((r) => headline(r.summary));
		const mean = Object.fromEntries(Object.keys(heads[0]).map((k) => [k, heads.reduce((a, h) => a + h[k as keyof Headline], 0) / heads.length])) as Headline;
		const s = results[0].summary;
		scenarios.push({ label: history ? 'history' : mode === 'custom' && base !== 'multi' ? `custom (from ${base})` : mode, mode, structure: s.structure, levers: s.levers, summary: mean });
	}
	const targets = history ? targetFits(counts) : undefined;
	if (out) await new Promise<void>((resolve) => out.end(resolve));
	if (values.json) {
		// NaN (nothing closed, say) is written as null.
		console.log(JSON.stringify({ modelVersion: MODEL_VERSION, replicates: reps, start: history ? 'history scenario' : start, weeks, scale, households: county.households.count, seed, scenarios, ...(targets ? { targets } : {}) }, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
		return;
	}
	const num = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '–');
	const head = ['scenario', 'order', 'vitality', 'closure', 'days (median)', 'satisfaction', 'yuan/household/yr', 'yuan/solved case', 'closed/100 h', 'equity gap'];
	const rows = scenarios.map(({ label, summary: m }) => [
		label,
		num(m.orderIndex, 3),
		num(m.vitalityIndex, 3),
		num(m.closureRate, 3),
		num(m.daysMedian, 1),
		num(m.satisfaction, 3),
		num(m.costPerHouseholdYuan, 0),
		num(m.costPerSolvedCaseYuan, 0),
		num(m.efficiency, 2),
		num(m.equityGapSatisfaction, 3)
	]);
	const from = history ? 'of the county’s history (Aug 2015 – Jun 2022)' : start === 'history' ? 'from the county as of mid-2022 (its history run first)' : 'from zero';
	console.log(`model ${MODEL_VERSION}: ${reps} replicate(s) × ${history ? 1 : modes.length} scenario(s), ${weeks} weeks ${from}, ${county.households.count.toLocaleString('en')} households, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	console.log(head.map((h, i) => h.padEnd(widths[i])).join('  '));
	for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
	if (targets) {
		console.log(`\nfit to the published record (county and town cases, Aug 2016 – Dec 2021; mean of ${reps} replicate(s), 90% of replicates):`);
		for (const t of targets) console.log(`  ${t.name.padEnd(12)} published ${t.kind === 'at-least' ? '≥ ' : ''}${num(t.published, t.published < 1 ? 4 : 0).padEnd(8)} model ${num(t.model, t.model < 1 ? 4 : 0)} [${num(t.low, t.low < 1 ? 4 : 0)}, ${num(t.high, t.high < 1 ? 4 : 0)}]  ${t.within ? 'within' : 'OUTSIDE'} ±${(t.tolerance * 100).toFixed(1)}%`);
	}
	if (values.out) console.log(`weekly series (${format}) written to ${values.out}`);
}

main().catch((e: unknown) => {
	// The options were checked above; anything else is a bug, reported without a stack trace.
	console.error(`sim: ${e instanceof RangeError ? '' : 'internal error: '}${e instanceof Error ? e.message : String(e)}`);
	process.exit(e instanceof RangeError ? 2 : 1);
});
