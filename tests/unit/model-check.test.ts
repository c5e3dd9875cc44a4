import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CHECK_OUTPUTS,
	CHECK_SCENARIOS,
	changes,
	hasChangelogEntry,
	matrixDifferences,
	moved,
	referenceProblems,
	referenceText,
	runMatrix,
	storedScenarios,
	updateDecision,
	type ModelCheckReference
} from '../../sim/engine/model-check';
import { MODEL_VERSION } from '../../sim/engine/version';

const run = promisify(execFile);
const simCheck = (args: string[]) => run('node_modules/.bin/tsx', ['scripts/sim-check.ts', ...args]);

// The stored references are only read here; alterations are made to copies.
const stored: ModelCheckReference = JSON.parse(await readFile('sim/reference/model-check.json', 'utf8'));
const changelog = await readFile('sim/CHANGELOG.md', 'utf8');
/** Two scenarios of the matrix (the whole matrix runs in npm test as npm run sim:check). */
const SUBSET = ['one-way', 'multi budget=0.5'];
const subset = storedScenarios(stored).filter((s) => SUBSET.includes(s.name));
const subsetRun = runMatrix(subset, stored.options);

describe('the stored references', () => {
	it('are of this model version and of the check as defined, with a changelog entry for the version', () => {
		expect(referenceProblems(stored)).toEqual([]);
		const update = 'run npm run sim:check -- --update (see sim/MODEL.md §8.1)';
		expect(stored.modelVersion, `the references are another model version's: ${update}`).toBe(MODEL_VERSION);
		expect(matrixDifferences(stored), `the check changed: ${update}`).toEqual([]);
		expect(hasChangelogEntry(changelog, MODEL_VERSION), `sim/CHANGELOG.md needs "## Model ${MODEL_VERSION}"`).toBe(true);
		expect(stored.scenarios).toHaveLength(CHECK_SCENARIOS.length);
	});

	it('match a rerun of a subset of the matrix', () => {
		expect(subset.map((s) => s.name)).toEqual(SUBSET);
		expect(changes(stored, subsetRun), 'the model’s outputs moved: npm run sim:check lists them; a meant change needs a new MODEL_VERSION (sim/MODEL.md §8.1)').toEqual([]);
	});

	it('report the scenario and output when a stored value is altered beyond the tolerance, and only then', () => {
		const copy = structuredClone(stored);
		const scenario = copy.scenarios.find((s) => s.name === 'multi budget=0.5')!;
		const value = scenario.values['means.orderIndex']!;
		scenario.values['means.orderIndex'] = value * (1 + 1e-8);
		expect(changes(copy, subsetRun)).toEqual([]);
		scenario.values['means.orderIndex'] = value * (1 + 1e-5);
		copy.scenarios.find((s) => s.name === 'one-way')!.values['cost.perYear'] = null;
		expect(changes(copy, subsetRun)).toEqual([
			{ scenario: 'one-way', output: 'cost.perYear', reference: null, now: subsetRun.values.get('one-way')!['cost.perYear'] },
			{ scenario: 'multi budget=0.5', output: 'means.orderIndex', reference: value * (1 + 1e-5), now: value }
		]);
	});
});

describe('the tolerance', () => {
	it('is relative 1e-6 with an absolute floor of 1e-9, and nothing to measure matches only itself', () => {
		expect(moved(1000, 1000 * (1 + 9e-7))).toBe(false);
		expect(moved(1000, 1000 * (1 + 2e-6))).toBe(true);
		expect(moved(0, 5e-10)).toBe(false);
		expect(moved(0, 2e-9)).toBe(true);
		expect(moved(null, NaN)).toBe(false);
		expect(moved(null, 0)).toBe(true);
		expect(moved(0, NaN)).toBe(true);
	});
});

describe('--update', () => {
	const decide = (o: Partial<Parameters<typeof updateDecision>[0]>) => updateDecision({ reference: stored, moved: 0, modelVersion: MODEL_VERSION, changelog, sameVersion: false, ...o });
	const next = String(Number(MODEL_VERSION) + 1);

	it('refuses moved outputs while MODEL_VERSION is the references’ version, saying what to do', () => {
		const d = decide({ moved: 3 });
		expect(d.ok).toBe(false);
		if (!d.ok) expect(d.message).toMatch(/3 value\(s\) moved but MODEL_VERSION is still .*sim\/engine\/version\.ts.*sim\/CHANGELOG\.md.*--same-version/);
		expect(decide({ moved: 3, sameVersion: true }).ok).toBe(true);
		expect(decide({ moved: 0 }).ok).toBe(true);
	});

	it('takes a new version only with its changelog entry, and never an older one', () => {
		const d = decide({ moved: 3, modelVersion: next });
		expect(d.ok).toBe(false);
		if (!d.ok) expect(d.message).toContain(`no entry for model ${next}: add a section "## Model ${next}"`);
		expect(decide({ moved: 3, modelVersion: next, sameVersion: true }).ok).toBe(false);
		expect(decide({ moved: 3, modelVersion: next, changelog: `${changelog}\n## Model ${next}\n\nCalibrated.\n` }).ok).toBe(true);
		const older = decide({ reference: { ...stored, modelVersion: next }, moved: 3, modelVersion: MODEL_VERSION });
		expect(older.ok).toBe(false);
		if (!older.ok) expect(older.message).toMatch(/older than the references/);
		expect(decide({ reference: null, changelog: '# Model changelog\n' }).ok).toBe(false);
	});
});

describe('npm run sim:check', () => {
	let dir: string;
	let file: string;
	let text: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'ggs-check-'));
		file = join(dir, 'model-check.json');
		// A copy of the references with one scenario, one of whose values is altered: the check
		// reruns the references' own scenarios, so this costs one scenario's runs.
		const copy = structuredClone(stored);
		copy.scenarios = copy.scenarios.filter((s) => s.name === 'one-way');
		copy.scenarios[0].values['county.daysMedian']! *= 1.01;
		text = referenceText(copy);
		await writeFile(file, text);
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('fails with exit code 1 and a table of what moved', async () => {
		const err = await simCheck(['--reference', file]).catch((e) => e);
		expect(err.code).toBe(1);
		expect(err.stdout).toMatch(/1 of \d+ values moved beyond the tolerance, in 1 scenario/);
		expect(err.stdout).toMatch(/^one-way\s+county\.daysMedian\s+[\d.]+\s+[\d.]+\s+-[\d.e-]+ \(-0\.99%\)$/m);
		expect(err.stderr).toMatch(/outputs moved while MODEL_VERSION is still/);
		expect(err.stderr).not.toMatch(/\n\s+at /);
	});

	it('refuses --update without a new model version and leaves the file as it was', async () => {
		const err = await simCheck(['--update', '--reference', file]).catch((e) => e);
		expect(err.code).toBe(1);
		expect(err.stderr).toMatch(/--update refused: 1 value\(s\) moved but MODEL_VERSION is still/);
		expect(await readFile(file, 'utf8')).toBe(text);
	});

	it.each([
		[['--same-version'], /--same-version goes with --update/],
		[['--reference'], /argument missing|--reference/],
		[['--frobnicate'], /Unknown option/],
		[['extra'], /Unexpected argument|positional/]
	])('rejects %j with exit code 2, no stack trace', async (args, message) => {
		const err = await simCheck(args as string[]).catch((e) => e);
		expect(err.code).toBe(2);
		expect(err.stderr).toMatch(message);
		expect(err.stderr).not.toMatch(/\n\s+at /);
	});

	it('names every output it compares', () => {
		expect(stored.outputs).toEqual(CHECK_OUTPUTS.map((o) => o.name));
	});
});
