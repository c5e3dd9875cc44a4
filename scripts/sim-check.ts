/**
 * `npm run sim:check [-- options]` — the model check (sim/engine/model-check.ts): reruns a fixed
 * matrix of scenarios at a small scale and compares a fixed list of summary outputs with the stored
 * references (sim/reference/model-check.json). Prints what moved beyond the tolerance.
 *
 *   --update           rewrite the references from this model. Refused when outputs moved while
 *                      MODEL_VERSION (sim/engine/version.ts) is still the references' version, and
 *                      when a new version has no "## Model N" entry in sim/CHANGELOG.md
 *   --same-version     with --update: keep the version although outputs moved (the same model on
 *                      another machine or Node version, a refactor that reorders floating-point sums)
 *   --reference FILE   another references file (default sim/reference/model-check.json)
 *   --all              list every moved value (default: the first 40)
 *
 * Exit code 0: nothing moved (or the references were written); 1: something moved, the references
 * are missing, out of date or unreadable, or --update was refused; 2: bad arguments.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	CHECK_OPTIONS,
	CHECK_OUTPUTS,
	CHECK_SCENARIOS,
	changes,
	changelogHeading,
	hasChangelogEntry,
	makeReference,
	matrixDifferences,
	referenceProblems,
	referenceText,
	runMatrix,
	storedScenarios,
	TOLERANCE,
	updateDecision,
	type Change,
	type MatrixRun,
	type ModelCheckReference
} from '../sim/engine/model-check';
import { MODEL_VERSION } from '../sim/engine/version';
import { fail as failWith } from './cli-options';

const TOOL = 'sim:check';
function fail(message: string): never {
	return failWith(TOOL, message);
}
/** Something moved, or the references cannot be used or written: a message and exit code 1. */
function stop(message: string): never {
	console.error(`${TOOL}: ${message}`);
	process.exit(1);
}

const options = {
	update: { type: 'boolean' },
	'same-version': { type: 'boolean' },
	reference: { type: 'string' },
	all: { type: 'boolean' }
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: false }>>['values'];
try {
	({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
} catch (e) {
	fail((e as Error).message);
}
if (values['same-version'] && !values.update) fail('--same-version goes with --update (it lets moved outputs keep the model version)');
if (values.reference !== undefined && !values.reference.trim()) fail('--reference needs a file name');

const root = fileURLToPath(new URL('..', import.meta.url));
const referencePath = values.reference ?? fileURLToPath(new URL('../sim/reference/model-check.json', import.meta.url));
const changelogPath = fileURLToPath(new URL('../sim/CHANGELOG.md', import.meta.url));
/** A path as the developer typed it or relative to where they are, if inside. */
const shown = (path: string) => {
	const rel = relative(process.cwd(), path);
	return rel && !rel.startsWith('..') ? rel : path;
};

/** The stored references: null when there is no file; a message (exit 1) when it cannot be used. */
async function loadReference(): Promise<ModelCheckReference | null> {
	let text: string;
	try {
		text = await readFile(referencePath, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		return stop(`cannot read ${shown(referencePath)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return stop(`${shown(referencePath)} is not valid JSON: restore it from git (git checkout -- ${shown(referencePath)}) or delete it and run npm run sim:check -- --update`);
	}
	const problems = referenceProblems(data);
	if (problems.length) stop(`${shown(referencePath)} is not a model-check reference file (${problems.join('; ')})`);
	return data as ModelCheckReference;
}

const significant = (x: number | null) => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toPrecision(8));
function changeText(c: Change): string {
	if (c.reference === null || c.now === null) return c.now === null ? 'now nothing to measure' : 'had nothing to measure';
	const d = c.now - c.reference;
	const rel = c.reference !== 0 ? ` (${d > 0 ? '+' : ''}${((d / Math.abs(c.reference)) * 100).toPrecision(2)}%)` : '';
	return `${d > 0 ? '+' : ''}${d.toPrecision(3)}${rel}`;
}

function printChanges(moved: Change[], compared: number): void {
	const scenarios = new Set(moved.map((c) => c.scenario)).size;
	console.log(`\n${moved.length} of ${compared} values moved beyond the tolerance, in ${scenarios} scenario(s):\n`);
	const limit = values.all ? moved.length : 40;
	const head = ['scenario', 'output', 'reference', 'now', 'change'];
	const rows = moved.slice(0, limit).map((c) => [c.scenario, c.output, significant(c.reference), significant(c.now), changeText(c)]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
	console.log(line(head));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(r));
	if (moved.length > limit) console.log(`… and ${moved.length - limit} more (--all lists every one)`);
}

async function main(): Promise<void> {
	const started = performance.now();
	const reference = await loadReference();
	const changelog = await readFile(changelogPath, 'utf8').catch((e: NodeJS.ErrnoException) => stop(`cannot read ${shown(changelogPath)}: ${e.code ?? e.message}`));
	const o = reference?.options ?? CHECK_OPTIONS;
	// The model is compared on the references' own scenarios and options, so a change of the
	// check's matrix is never taken for (or hides) a change of the model.
	const storedRun: MatrixRun | null = reference ? runMatrix(storedScenarios(reference), reference.options) : null;
	const moved = reference && storedRun ? changes(reference, storedRun) : [];
	const compared = reference ? reference.scenarios.reduce((n, s) => n + CHECK_OUTPUTS.filter((x) => Object.hasOwn(s.values, x.name)).length, 0) : 0;
	const matrix = reference ? matrixDifferences(reference) : [];
	const households = storedRun?.households;
	const header = () =>
		console.log(
			`model check, model ${MODEL_VERSION}: ${reference ? reference.scenarios.length : CHECK_SCENARIOS.length} scenarios × ${o.replicates} replicates, ` +
				`${households ? `${households.toLocaleString('en')} households (scale 1/${Math.round(1 / o.scale)})` : `scale 1/${Math.round(1 / o.scale)}`}, ${o.weeks} weeks, seed ${o.seed}\n` +
				`references: ${shown(referencePath)}${reference ? ` (model ${reference.modelVersion})` : ' (none yet)'}; ` +
				`tolerance |now − reference| ≤ max(${TOLERANCE.absolute.toExponential()}, ${TOLERANCE.relative.toExponential()} × |reference|)`
		);
	const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	header();
	if (moved.length) printChanges(moved, compared);

	if (values.update) {
		const decision = updateDecision({ reference, moved: moved.length, modelVersion: MODEL_VERSION, changelog, sameVersion: Boolean(values['same-version']) });
		if (!decision.ok) stop(`--update refused: ${decision.message}`);
		if (reference && !moved.length && !matrix.length && reference.modelVersion === MODEL_VERSION) {
			console.log(`\nreferences are current (nothing moved; nothing written), ${elapsed()}`);
			return;
		}
		const run = storedRun && !matrix.length ? storedRun : runMatrix();
		const next = makeReference(run, MODEL_VERSION);
		try {
			await mkdir(dirname(referencePath), { recursive: true });
			await writeFile(referencePath, referenceText(next));
		} catch (e) {
			stop(`cannot write ${shown(referencePath)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
		}
		for (const m of matrix) console.log(`check changed: ${m}`);
		console.log(`\nreferences written to ${shown(referencePath)} (${decision.note}${matrix.length ? `; the check's matrix changed in ${matrix.length} way(s)` : ''}), ${elapsed()}`);
		if (relative(root, referencePath) === 'sim/reference/model-check.json') console.log('commit them with the change (and the MODEL_VERSION bump and CHANGELOG entry, if any)');
		return;
	}

	const problems: string[] = [];
	if (!reference) problems.push(`no references at ${shown(referencePath)}: run npm run sim:check -- --update`);
	else {
		if (moved.length) {
			problems.push(
				reference.modelVersion === MODEL_VERSION
					? `outputs moved while MODEL_VERSION is still ${MODEL_VERSION}: if the change is meant, bump MODEL_VERSION in sim/engine/version.ts, add "${changelogHeading('<new version>')}" to sim/CHANGELOG.md and run npm run sim:check -- --update; if not, find what changed the model`
					: `outputs moved since model ${reference.modelVersion}'s references (MODEL_VERSION is now ${MODEL_VERSION}): if this is the new model, run npm run sim:check -- --update`
			);
		} else if (reference.modelVersion !== MODEL_VERSION) {
			problems.push(`the references are model ${reference.modelVersion}'s and MODEL_VERSION is ${MODEL_VERSION} (nothing moved): run npm run sim:check -- --update to record the version`);
		}
		if (matrix.length) problems.push(`the check's matrix differs from its references' (${matrix.join('; ')}): run npm run sim:check -- --update (no new model version needed: the check changed, not the model)`);
	}
	if (!hasChangelogEntry(changelog, MODEL_VERSION)) problems.push(`sim/CHANGELOG.md has no entry "${changelogHeading(MODEL_VERSION)}" for the current MODEL_VERSION: add one saying what changed in the outputs and why`);
	if (problems.length) {
		console.error('');
		for (const p of problems) console.error(`${TOOL}: ${p}`);
		console.error(`${TOOL}: failed, ${elapsed()}`);
		process.exit(1);
	}
	console.log(`\nall ${compared} values within tolerance, ${elapsed()}`);
}

main().catch((e: unknown) => {
	// Arguments were checked above; anything else is reported without a stack trace.
	console.error(`${TOOL}: ${e instanceof RangeError ? '' : 'internal error: '}${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});
