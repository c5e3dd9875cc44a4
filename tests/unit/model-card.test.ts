import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURE_OUTCOME, OUTCOMES, SERIES_OUTCOME } from '../../src/lib/model-card/anchors';
import { en } from '../../src/lib/model-card/content-en';
import { zh } from '../../src/lib/model-card/content-zh';
import { fingerprint } from '../../src/lib/model-card/fingerprint';
import { GROUP_TEXT, PARAMETER_ZH, PRESET_SOURCE_ZH, UNIT_ZH } from '../../src/lib/model-card/parameters-zh';
import { calibrationView, parseCalibration, parsePropositions, propositionsView } from '../../src/lib/model-card/reports';
import { richParts } from '../../src/lib/model-card/rich';
import { claimText, parameterText, reportPhrase } from '../../src/lib/model-card/text';
import { modelReports } from '../../src/lib/server/model-reports';
import { SUMMARY_MEASURES } from '../../src/lib/sim/sim-types';
import { LEVER_NAMES, PRESET_SOURCES, STRUCTURE_KEYS } from '../../sim/engine/modes';
import { PARAMETERS, PARAMETER_NAMES } from '../../sim/engine/parameters';

const FIXTURES = 'tests/fixtures';
const english = (name: keyof typeof PARAMETERS) => `${PARAMETERS[name].meaning}\n${PARAMETERS[name].source}`;

describe('the model card’s parameter table', () => {
	it('has Chinese and English text for every parameter, made from the English the code has now', () => {
		const missing = PARAMETER_NAMES.filter((n) => !PARAMETER_ZH[n]?.meaning || !PARAMETER_ZH[n]?.source);
		expect(missing, 'parameters without Chinese meaning and source in src/lib/model-card/parameters-zh.ts').toEqual([]);
		// A translation keeps the fingerprint of the English it translates: a changed meaning or source must be translated again.
		const stale = PARAMETER_NAMES.filter((n) => PARAMETER_ZH[n].of !== fingerprint(english(n))).map((n) => `${n} (of: '${fingerprint(english(n))}'): ${english(n)}`);
		expect(stale, 'parameters whose English changed since their Chinese was written: translate again and set `of`').toEqual([]);
		expect(Object.keys(PARAMETER_ZH).filter((n) => !(n in PARAMETERS)), 'translations of parameters the model no longer has').toEqual([]);
		for (const n of PARAMETER_NAMES) {
			const p = PARAMETERS[n];
			expect(p.meaning && p.source && p.unit, n).toBeTruthy();
			expect(UNIT_ZH[p.unit], `unit ${p.unit} of ${n}`).toBeTruthy();
			expect(GROUP_TEXT[p.mechanism]?.zh && GROUP_TEXT[p.mechanism]?.en, `mechanism ${p.mechanism} of ${n}`).toBeTruthy();
			for (const lang of ['zh', 'en'] as const) {
				const t = parameterText(lang, n);
				for (const w of [t.meaning, t.source, t.unit, t.group]) expect(w.lang, `${lang} ${n}`).toBe(lang);
			}
		}
	});

	it('has Chinese for every preset value’s source', () => {
		for (const k of [...STRUCTURE_KEYS, ...LEVER_NAMES]) {
			expect(PRESET_SOURCE_ZH[k]?.text, k).toBeTruthy();
			expect(PRESET_SOURCE_ZH[k].of, `${k}: English changed to "${PRESET_SOURCES[k]}" (of: '${fingerprint(PRESET_SOURCES[k])}')`).toBe(fingerprint(PRESET_SOURCES[k]));
		}
	});

	it('shows the English of a parameter the Chinese does not know yet, marked as English', () => {
		const saved = PARAMETER_ZH.issueRate;
		delete PARAMETER_ZH.issueRate;
		try {
			expect(parameterText('zh', 'issueRate').meaning).toEqual({ text: PARAMETERS.issueRate.meaning, lang: 'en' });
		} finally {
			PARAMETER_ZH.issueRate = saved;
		}
	});
});

describe('the model card’s words', () => {
	it('explain every outcome the sandbox shows, in both languages', () => {
		for (const m of SUMMARY_MEASURES) expect(OUTCOMES).toContain(MEASURE_OUTCOME[m]);
		for (const o of Object.values(SERIES_OUTCOME)) expect(OUTCOMES).toContain(o);
		for (const content of [zh, en]) for (const o of OUTCOMES) expect(content.plain.outcomes[o].body.length, o).toBeGreaterThan(20);
	});

	it('mark parameters (linked to their rows), code and links on the page', () => {
		expect(richParts('rate `issueRate`/52, see `sim/MODEL.md` and [the table](#parameters).')).toEqual([
			{ kind: 'text', text: 'rate ' },
			{ kind: 'param', name: 'issueRate', href: '#param-issueRate' },
			{ kind: 'text', text: '/52, see ' },
			{ kind: 'code', text: 'sim/MODEL.md' },
			{ kind: 'text', text: ' and ' },
			{ kind: 'link', text: 'the table', href: '#parameters' },
			{ kind: 'text', text: '.' }
		]);
	});

	it('name only parameters the model has', () => {
		const texts = (c: typeof zh) => [...Object.values(c.odd.parts).flatMap((p) => p.blocks.flatMap((b) => ('p' in b ? [b.p] : 'dl' in b ? b.dl.map(([, d]) => d) : 'ul' in b ? b.ul : b.ol))), c.parameters.intro];
		for (const c of [zh, en]) {
			const named = texts(c).flatMap((t) => richParts(t).flatMap((p) => (p.kind === 'code' ? [p.text] : [])));
			// What is code and not a parameter is a file or a command.
			for (const name of named) expect(name, 'a `name` that is neither a parameter nor a file or command').toMatch(/[/ ]|\.md$|\.ts$/);
		}
	});
});

describe('the stored reports', () => {
	it('are "missing" when the files are not there (the card says so, the build goes on)', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ggs-reports-'));
		try {
			const r = await modelReports(dir);
			expect(r.calibration).toEqual({ state: 'missing', file: join(dir, 'calibration.json') });
			expect(r.propositions).toEqual({ state: 'missing', file: join(dir, 'propositions.json') });
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('read the fixtures into the rows the card shows', async () => {
		const r = await modelReports(FIXTURES);
		if (r.calibration.state !== 'ready' || r.propositions.state !== 'ready') throw new Error('fixtures not read');
		const cal = calibrationView(r.calibration.report);
		expect(cal.free.map((f) => f.name)).toEqual(['issueRate', 'cadreHours', 'satisfiedThreshold']);
		expect(cal.free[0]).toMatchObject({ known: true, prior: [0.2, 1.5], chosen: 0.62, accepted: [0.48, 0.81], why: 'volume', otherDefault: PARAMETERS.issueRate.default });
		expect(cal.withinCount).toBe(2);
		expect(cal.targets.find((t) => t.name === 'satisfaction')).toMatchObject({ kind: 'at-least', within: true });
		expect(cal.tradeOffs.map((t) => t.r)).toEqual([0.71, -0.55]);
		expect(cal.notIdentified).toContain('consultTrustGain');

		const props = propositionsView(r.propositions.report);
		expect(props.groups.map((g) => g.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
		expect(props.groups[0].rows.map((x) => x.id)).toEqual(['P1a', 'P1b', 'P1c', 'P1d']);
		expect(props.groups[1].rows[0].secondary).toBeUndefined();
		expect(props).toMatchObject({ main: 9, agreeing: 7 });
	});

	it('that are there are worded in both languages: claims, comparisons, measures, targets and notes', async () => {
		// The fixtures, and the reports the build will show when they exist.
		for (const dir of [FIXTURES, 'sim/reports']) {
			const r = await modelReports(dir);
			if (r.propositions.state === 'ready') {
				for (const row of r.propositions.report.results) {
					for (const lang of ['zh', 'en'] as const) expect(claimText(lang, row.id, row.claim).lang, `${dir}: claim of ${row.id} in ${lang}`).toBe(lang);
					expect(reportPhrase('zh', 'comparisons', row.comparison).lang, `${dir}: Chinese of the comparison "${row.comparison}"`).toBe('zh');
					expect(reportPhrase('zh', 'measures', row.measure).lang, `${dir}: Chinese of the measure "${row.measure}"`).toBe('zh');
				}
			}
			if (r.calibration.state === 'ready') {
				const c = r.calibration.report;
				for (const content of [zh, en]) {
					expect(c.targets.filter((t) => !content.calibration.targets[t.name]).map((t) => t.name), `${dir}: targets without a name in content-*.ts`).toEqual([]);
					expect(c.free.filter((f) => !content.calibration.notes[f.why]).map((f) => f.why), `${dir}: "why" keys without words in content-*.ts`).toEqual([]);
					expect(content.calibration.methods[c.method], `${dir}: method ${c.method}`).toBeTruthy();
				}
			}
		}
	});

	it('that are malformed stop the build with the file and the field', async () => {
		const text = await readFile(join(FIXTURES, 'calibration.json'), 'utf8');
		const broken = JSON.parse(text);
		broken.targets[1].kind = 'roughly';
		expect(() => parseCalibration(JSON.stringify(broken), 'x/calibration.json')).toThrow('x/calibration.json: targets[1].kind must be "exact" or "at-least", got "roughly"');
		expect(() => parsePropositions('{"modelVersion": "2"', 'p.json')).toThrow(/^p\.json: {2}?is not JSON/);
		expect(() => parsePropositions(JSON.stringify({ modelVersion: '2', households: 1, replicates: 2, weeks: 52, seed: 1, results: [{}] }), 'p.json')).toThrow('p.json: results[0].effect must be an object');
		const dir = await mkdtemp(join(tmpdir(), 'ggs-reports-'));
		try {
			await writeFile(join(dir, 'propositions.json'), '[]');
			await expect(modelReports(dir)).rejects.toThrow(`${join(dir, 'propositions.json')}: the report must be an object`);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('keep NaN (written as null: an interval from too few replicates) as NaN', () => {
		const r = parsePropositions(JSON.stringify({ modelVersion: '2', households: 1, replicates: 2, weeks: 52, seed: 1, results: [{ id: 'P1a', claim: 'c', comparison: 'x', measure: 'm', mme: 0.02, effect: { mean: 0, low: null, high: null, n: 2, shareAbove: 0 }, verdict: 'inconclusive' }] }));
		expect(r.results[0].effect.low).toBeNaN();
	});
});
