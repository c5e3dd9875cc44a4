/**
 * The model check (after SDEverywhere's model-check, which En-ROADS relies on): a fixed matrix of
 * scenarios run at a small scale, a fixed list of summary outputs of each, and stored reference
 * values of them (sim/reference/model-check.json, with the model version and the options they were
 * made with). Runs are deterministic for a seed, so any output that moves beyond a tight tolerance
 * is a real change of the model: it needs a new MODEL_VERSION and an entry in sim/CHANGELOG.md
 * before the references may be rewritten. `npm run sim:check` (scripts/sim-check.ts) reads and
 * writes the files; this module is plain computation (no file system), so tests use it directly.
 */
import { buildCounty } from '../county/build-county';
import { runReplicates } from './experiments';
import { COUNTY_SEED, type ModelOptions, type RunSummary } from './model';
import { LEVER_NAMES, type Levers, type Mode, type Preset } from './modes';
import type { ParameterName } from './parameters';
import { WEEKS_PER_YEAR } from './mechanisms/coproduction';

export const REFERENCE_KIND = 'grassroots-governance-model-check';

/** What the check runs: the same for every scenario. Part of the check, not of the model. */
export interface CheckOptions {
	/** Fraction of the full county (1/16 ≈ 4,000 households). */
	scale: number;
	weeks: number;
	/** Replicates per scenario; the stored value is their mean. */
	replicates: number;
	seed: number;
}

export const CHECK_OPTIONS: CheckOptions = { scale: 1 / 16, weeks: 260, replicates: 3, seed: 1 };

/** A scenario of the matrix: the engine options that differ from the defaults (so a changed default shows as moved outputs). */
export interface CheckScenario {
	name: string;
	mode: Mode;
	base?: Preset;
	levers?: Partial<Levers>;
	params?: Partial<Record<ParameterName, number>>;
	/** Where the run starts (default: the engine's, from zero); 'history' replays the county's history first. */
	start?: 'history';
}

const corner = (bits: number): CheckScenario => {
	const levers = Object.fromEntries(LEVER_NAMES.map((k, i) => [k, (bits >> (2 - i)) & 1])) as unknown as Levers;
	return { name: `custom ${LEVER_NAMES.map((k) => `${k}=${levers[k]}`).join(' ')}`, mode: 'custom', base: 'multi', levers };
};
const context = (name: 'outMigration' | 'digitalAccess' | 'budget', value: number): CheckScenario => ({ name: `multi ${name}=${value}`, mode: 'multi', params: { [name]: value } });

/**
 * The matrix: the three presets; the eight lever corners of a custom scenario on the
 * multi-dimensional structure (each lever 0 or 1); the extremes of the county's context on the
 * multi-dimensional preset; the presets again from the county's history (the sandbox's start).
 */
export const CHECK_SCENARIOS: readonly CheckScenario[] = [
	{ name: 'one-way', mode: 'one-way' },
	{ name: 'two-way', mode: 'two-way' },
	{ name: 'multi', mode: 'multi' },
	...Array.from({ length: 8 }, (_, bits) => corner(bits)),
	context('outMigration', 0),
	context('outMigration', 0.2),
	context('digitalAccess', 0),
	context('digitalAccess', 1),
	context('budget', 0.5),
	context('budget', 2),
	// The presets from the county as of mid-2022: the history (its timeline, the calibrated record) runs first.
	{ name: 'one-way from mid-2022', mode: 'one-way', start: 'history' },
	{ name: 'two-way from mid-2022', mode: 'two-way', start: 'history' },
	{ name: 'multi from mid-2022', mode: 'multi', start: 'history' }
];

/** The outputs compared: summary numbers of RunSummary (sim/engine/model-types.ts), by a stable name. */
export const CHECK_OUTPUTS: readonly { name: string; of: (s: RunSummary) => number }[] = [
	{ name: 'county.closureRate', of: (s) => s.county.closureRate },
	{ name: 'county.satisfaction', of: (s) => s.county.satisfaction },
	{ name: 'county.resolution', of: (s) => s.county.resolution },
	{ name: 'county.daysMedian', of: (s) => s.county.daysMedian },
	{ name: 'county.daysP90', of: (s) => s.county.daysP90 },
	{ name: 'county.reach', of: (s) => s.county.reach },
	{ name: 'county.receivedPerYear', of: (s) => s.county.received / (s.weeks / WEEKS_PER_YEAR) },
	{ name: 'county.escalationsPer1000', of: (s) => s.county.escalationsPer1000 },
	{ name: 'cross.daysMedian', of: (s) => s.byDepartments.cross.daysMedian },
	{ name: 'means.orderIndex', of: (s) => s.means.orderIndex },
	{ name: 'means.vitalityIndex', of: (s) => s.means.vitalityIndex },
	{ name: 'means.trust', of: (s) => s.means.trust },
	{ name: 'means.voice', of: (s) => s.means.voice },
	{ name: 'means.consulted', of: (s) => s.means.consulted },
	{ name: 'means.liaisonsActive', of: (s) => s.means.liaisonsActive },
	{ name: 'means.efficiency', of: (s) => s.means.efficiency },
	{ name: 'totals.resolvedLocally', of: (s) => s.totals.resolvedLocally },
	{ name: 'cost.perYear', of: (s) => s.cost.perYear },
	{ name: 'cost.perHousehold', of: (s) => s.cost.perHousehold },
	{ name: 'cost.perSolvedCase', of: (s) => s.cost.perSolvedCase },
	{ name: 'equityGap.satisfaction', of: (s) => s.equityGap.satisfaction },
	{ name: 'equityGap.daysMedian', of: (s) => s.equityGap.daysMedian },
	{ name: 'final.red', of: (s) => s.final.red }
];

/**
 * The tolerance: a value has moved when |now − reference| > max(ABSOLUTE, RELATIVE × |reference|).
 * Runs are deterministic for a seed, so on one machine the values repeat bit for bit; the margin is
 * for other machines and Node versions, where Math.exp, Math.log and Math.pow may differ in the
 * last bits (about 1e-16 relative) and sums may be taken in another order: 1e-6 relative is ten
 * orders of magnitude above that and far below any real change (a model change moves discrete
 * events, and each event moves these outputs by 1e-5 or more at this scale). A value with nothing
 * to measure (NaN, stored as null) matches only another such value.
 */
export const TOLERANCE = { relative: 1e-6, absolute: 1e-9 } as const;

/** The stored references (sim/reference/model-check.json). */
export interface ModelCheckReference {
	kind: typeof REFERENCE_KIND;
	modelVersion: string;
	options: CheckOptions;
	/** Households of the county the check ran on (for the reader; follows from the scale). */
	households: number;
	tolerance: typeof TOLERANCE;
	outputs: string[];
	scenarios: (CheckScenario & { values: Record<string, number | null> })[];
}

export interface MatrixRun {
	households: number;
	/** Mean over replicates of each output, by scenario name (NaN: nothing to measure). */
	values: Map<string, Record<string, number>>;
}

function engineOptions(s: CheckScenario, o: CheckOptions): Omit<ModelOptions, 'replicate' | 'county'> {
	return { mode: s.mode, base: s.base, levers: s.levers, params: s.params, weeks: o.weeks, seed: o.seed, ...(s.start ? { start: s.start } : {}) };
}

/** Runs scenarios of the matrix (by default all of them) with the given options. */
export function runMatrix(scenarios: readonly CheckScenario[] = CHECK_SCENARIOS, options: CheckOptions = CHECK_OPTIONS): MatrixRun {
	const county = buildCounty({ seed: COUNTY_SEED, scale: options.scale });
	const values = new Map<string, Record<string, number>>();
	for (const s of scenarios) {
		const runs = runReplicates(engineOptions(s, options), options.replicates, county);
		values.set(s.name, Object.fromEntries(CHECK_OUTPUTS.map((o) => [o.name, runs.reduce((a, r) => a + o.of(r.summary), 0) / runs.length])));
	}
	return { households: county.households.count, values };
}

/** The references of a run of the whole matrix, for this model version. */
export function makeReference(run: MatrixRun, modelVersion: string, scenarios: readonly CheckScenario[] = CHECK_SCENARIOS, options: CheckOptions = CHECK_OPTIONS): ModelCheckReference {
	return {
		kind: REFERENCE_KIND,
		modelVersion,
		options: { ...options },
		households: run.households,
		tolerance: { ...TOLERANCE },
		outputs: CHECK_OUTPUTS.map((o) => o.name),
		scenarios: scenarios.map((s) => {
			const values = run.values.get(s.name);
			if (!values) throw new RangeError(`scenario "${s.name}" was not run`);
			const copy: CheckScenario = JSON.parse(JSON.stringify(s));
			return { ...copy, values: Object.fromEntries(CHECK_OUTPUTS.map((o) => [o.name, Number.isFinite(values[o.name]) ? values[o.name] : null])) };
		})
	};
}

/** The file's text: tab-indented JSON (one value a line, so a diff shows what moved), ending with a newline. */
export const referenceText = (r: ModelCheckReference): string => `${JSON.stringify(r, null, '\t')}\n`;

/** Whether a value moved beyond the tolerance (null: nothing to measure). */
export function moved(reference: number | null, now: number): boolean {
	const nowFinite = Number.isFinite(now);
	if (reference === null || !nowFinite) return reference !== null || nowFinite;
	return Math.abs(now - reference) > Math.max(TOLERANCE.absolute, TOLERANCE.relative * Math.abs(reference));
}

export interface Change {
	scenario: string;
	output: string;
	reference: number | null;
	now: number | null;
}

/**
 * The outputs that moved: each stored scenario's stored values against a run of the same
 * scenarios (an output the check no longer computes, or a scenario not run, is skipped).
 */
export function changes(reference: ModelCheckReference, run: MatrixRun): Change[] {
	const out: Change[] = [];
	for (const s of reference.scenarios) {
		const now = run.values.get(s.name);
		if (!now) continue;
		for (const o of CHECK_OUTPUTS) {
			if (!Object.hasOwn(s.values, o.name)) continue;
			if (moved(s.values[o.name], now[o.name])) out.push({ scenario: s.name, output: o.name, reference: s.values[o.name], now: Number.isFinite(now[o.name]) ? now[o.name] : null });
		}
	}
	return out;
}

/** The scenarios of the references as the check runs them (their stored definitions). */
export const storedScenarios = (r: ModelCheckReference): CheckScenario[] => r.scenarios.map(({ values: _, ...s }) => s);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How the check's own matrix (scenarios, options, outputs) differs from the one the references
 * were made with: a change of the check, not of the model; it needs --update but no new version.
 */
export function matrixDifferences(r: ModelCheckReference): string[] {
	const out: string[] = [];
	const o = r.options;
	for (const k of Object.keys(CHECK_OPTIONS) as (keyof CheckOptions)[]) if (o[k] !== CHECK_OPTIONS[k]) out.push(`option ${k}: references ${o[k]}, check ${CHECK_OPTIONS[k]}`);
	const stored = new Map(storedScenarios(r).map((s) => [s.name, s]));
	for (const s of CHECK_SCENARIOS) {
		const was = stored.get(s.name);
		if (!was) out.push(`scenario "${s.name}" has no reference`);
		else if (!sameJson(was, s)) out.push(`scenario "${s.name}" is defined differently from its reference`);
	}
	const names = new Set(CHECK_SCENARIOS.map((s) => s.name));
	for (const s of r.scenarios) if (!names.has(s.name)) out.push(`scenario "${s.name}" is no longer in the check`);
	const outputs = CHECK_OUTPUTS.map((x) => x.name);
	for (const name of outputs) if (!r.outputs.includes(name)) out.push(`output ${name} has no reference`);
	for (const name of r.outputs) if (!outputs.includes(name)) out.push(`output ${name} is no longer in the check`);
	return out;
}

/** Problems of a parsed reference file's shape (empty: it can be used). */
export function referenceProblems(value: unknown): string[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
	const r = value as Partial<ModelCheckReference>;
	const problems: string[] = [];
	if (r.kind !== REFERENCE_KIND) problems.push(`kind is not "${REFERENCE_KIND}"`);
	if (typeof r.modelVersion !== 'string') problems.push('modelVersion is not a string');
	const o = r.options as Partial<CheckOptions> | undefined;
	if (!o || !(['scale', 'weeks', 'replicates', 'seed'] as const).every((k) => typeof o[k] === 'number')) problems.push('options need numbers scale, weeks, replicates and seed');
	if (!Array.isArray(r.outputs) || !r.outputs.every((x) => typeof x === 'string')) problems.push('outputs is not a list of names');
	if (!Array.isArray(r.scenarios) || !r.scenarios.every((s) => typeof s?.name === 'string' && typeof s.mode === 'string' && typeof s.values === 'object' && s.values !== null)) problems.push('scenarios is not a list of { name, mode, values }');
	return problems;
}

/** The heading a model version's entry starts with in sim/CHANGELOG.md. */
export const changelogHeading = (version: string) => `## Model ${version}`;

export function hasChangelogEntry(changelog: string, version: string): boolean {
	return changelog.split(/\r?\n/).some((line) => line.trim() === changelogHeading(version));
}

export type UpdateDecision = { ok: true; note: string } | { ok: false; message: string };

/**
 * Whether `--update` may rewrite the references, given the outputs that moved (against a run of
 * the references' own scenarios and options), the current MODEL_VERSION and sim/CHANGELOG.md:
 * moved outputs need a new version, a new version needs its changelog entry. `sameVersion` lets
 * moved outputs keep the version (the same model on another machine or Node version, a refactor
 * that only reorders floating-point sums); it never skips the changelog check of a new version.
 */
export function updateDecision(args: { reference: ModelCheckReference | null; moved: number; modelVersion: string; changelog: string; sameVersion: boolean }): UpdateDecision {
	const { reference, moved, modelVersion, changelog, sameVersion } = args;
	const bumped = reference === null || reference.modelVersion !== modelVersion;
	if (bumped && !hasChangelogEntry(changelog, modelVersion)) {
		return { ok: false, message: `sim/CHANGELOG.md has no entry for model ${modelVersion}: add a section "${changelogHeading(modelVersion)}" at the top saying what changed in the outputs and why, then run --update again` };
	}
	if (reference && bumped && /^\d+$/.test(reference.modelVersion) && /^\d+$/.test(modelVersion) && Number(modelVersion) < Number(reference.modelVersion)) {
		return { ok: false, message: `MODEL_VERSION (${modelVersion}) is older than the references' (${reference.modelVersion}): a new version must be a newer number` };
	}
	if (reference === null) return { ok: true, note: `first references, model ${modelVersion}` };
	if (bumped) return { ok: true, note: `model ${reference.modelVersion} → ${modelVersion}: ${moved} value(s) moved` };
	if (moved === 0) return { ok: true, note: `model ${modelVersion}: nothing moved` };
	if (sameVersion) return { ok: true, note: `model ${modelVersion} kept (--same-version): ${moved} value(s) moved` };
	return {
		ok: false,
		message:
			`${moved} value(s) moved but MODEL_VERSION is still ${modelVersion}, the references' version. ` +
			`A change of outputs is a new model: set MODEL_VERSION in sim/engine/version.ts to the next version, ` +
			`add a section "${changelogHeading('<new version>')}" at the top of sim/CHANGELOG.md (what changed in the outputs and why), and run --update again. ` +
			`Only if the model is the same (another machine or Node version, a refactor that reorders floating-point sums) keep the version with --update --same-version.`
	};
}
