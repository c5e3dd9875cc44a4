import type { CalibrationReport, PropositionsReport } from '$sim/engine/reports';
import type { PropositionResult, Verdict } from '$sim/engine/propositions';
import { isParameterName, PARAMETERS } from '$sim/engine/parameters';

/**
 * The model's stored reports as the model card reads them at build time: a report file is either
 * missing — the card says so — or read and checked; a file that is there but not a report of the
 * right shape is an error that stops the build (it names the file and the field), never a page
 * that silently shows nothing.
 */
export type Stored<T> = { state: 'missing'; file: string } | { state: 'ready'; file: string; report: T };

export const REPORT_FILES = { calibration: 'calibration.json', propositions: 'propositions.json' } as const;

const VERDICTS: readonly Verdict[] = ['agrees', 'does not', 'too small to matter', 'inconclusive'];

class Reader {
	constructor(private readonly file: string) {}
	fail(path: string, what: string): never {
		throw new Error(`${this.file}: ${path} ${what}`);
	}
	/** The report's top-level object, from its text. */
	report(text: string): Record<string, unknown> {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (e) {
			return this.fail('', `is not JSON: ${(e as Error).message}`);
		}
		return this.object(json, 'the report');
	}
	object(v: unknown, path: string): Record<string, unknown> {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'must be an object');
		return v as Record<string, unknown>;
	}
	array(v: unknown, path: string): unknown[] {
		if (!Array.isArray(v)) this.fail(path, 'must be an array');
		return v;
	}
	string(v: unknown, path: string): string {
		if (typeof v !== 'string') this.fail(path, 'must be a string');
		return v;
	}
	/** A number; JSON writes NaN (an interval from too few replicates) as null, read back as NaN. */
	number(v: unknown, path: string): number {
		if (v === null) return NaN;
		if (typeof v !== 'number') this.fail(path, 'must be a number');
		return v;
	}
	boolean(v: unknown, path: string): boolean {
		if (typeof v !== 'boolean') this.fail(path, 'must be true or false');
		return v;
	}
}

/** Reads the text of a calibration report (`npm run sim:calibrate`); throws, naming `file` and the field, if it is not one. */
export function parseCalibration(text: string, file: string = REPORT_FILES.calibration): CalibrationReport {
	const r = new Reader(file);
	const o = r.report(text);
	return {
		modelVersion: r.string(o.modelVersion, 'modelVersion'),
		method: r.string(o.method, 'method'),
		households: r.number(o.households, 'households'),
		replicatesPerPoint: r.number(o.replicatesPerPoint, 'replicatesPerPoint'),
		points: r.number(o.points, 'points'),
		accepted: r.number(o.accepted, 'accepted'),
		tolerance: r.number(o.tolerance, 'tolerance'),
		generations: r.array(o.generations, 'generations').map((v, i) => {
			const g = r.object(v, `generations[${i}]`);
			return { epsilon: r.number(g.epsilon, `generations[${i}].epsilon`), simulated: r.number(g.simulated, `generations[${i}].simulated`), kept: r.number(g.kept, `generations[${i}].kept`) };
		}),
		seed: r.number(o.seed, 'seed'),
		free: r.array(o.free, 'free').map((v, i) => {
			const f = r.object(v, `free[${i}]`);
			const at = (k: string) => `free[${i}].${k}`;
			return {
				name: r.string(f.name, at('name')),
				low: r.number(f.low, at('low')),
				high: r.number(f.high, at('high')),
				chosen: r.number(f.chosen, at('chosen')),
				acceptedLow: r.number(f.acceptedLow, at('acceptedLow')),
				acceptedHigh: r.number(f.acceptedHigh, at('acceptedHigh')),
				why: r.string(f.why, at('why'))
			};
		}),
		targets: r.array(o.targets, 'targets').map((v, i) => {
			const t = r.object(v, `targets[${i}]`);
			const at = (k: string) => `targets[${i}].${k}`;
			const kind = r.string(t.kind, at('kind'));
			if (kind !== 'exact' && kind !== 'at-least') return r.fail(at('kind'), `must be "exact" or "at-least", got "${kind}"`);
			return {
				name: r.string(t.name, at('name')),
				published: r.number(t.published, at('published')),
				kind,
				model: r.number(t.model, at('model')),
				low: r.number(t.low, at('low')),
				high: r.number(t.high, at('high')),
				tolerance: r.number(t.tolerance, at('tolerance')),
				within: r.boolean(t.within, at('within'))
			};
		}),
		checkReplicates: r.number(o.checkReplicates, 'checkReplicates'),
		notIdentified: r.array(o.notIdentified, 'notIdentified').map((v, i) => r.string(v, `notIdentified[${i}]`)),
		tradeOffs: r.array(o.tradeOffs, 'tradeOffs').map((v, i) => {
			const t = r.object(v, `tradeOffs[${i}]`);
			return { a: r.string(t.a, `tradeOffs[${i}].a`), b: r.string(t.b, `tradeOffs[${i}].b`), r: r.number(t.r, `tradeOffs[${i}].r`) };
		})
	};
}

/** Reads the text of a propositions report (`npm run sim:validate -- --out FILE`); throws, naming `file` and the field, if it is not one. */
export function parsePropositions(text: string, file: string = REPORT_FILES.propositions): PropositionsReport {
	const r = new Reader(file);
	const o = r.report(text);
	return {
		modelVersion: r.string(o.modelVersion, 'modelVersion'),
		households: r.number(o.households, 'households'),
		replicates: r.number(o.replicates, 'replicates'),
		weeks: r.number(o.weeks, 'weeks'),
		seed: r.number(o.seed, 'seed'),
		results: r.array(o.results, 'results').map((v, i): PropositionResult => {
			const p = r.object(v, `results[${i}]`);
			const at = (k: string) => `results[${i}].${k}`;
			const e = r.object(p.effect, at('effect'));
			const verdict = r.string(p.verdict, at('verdict'));
			if (!(VERDICTS as readonly string[]).includes(verdict)) r.fail(at('verdict'), `must be one of ${VERDICTS.join(', ')}, got "${verdict}"`);
			return {
				id: r.string(p.id, at('id')),
				claim: r.string(p.claim, at('claim')),
				comparison: r.string(p.comparison, at('comparison')),
				measure: r.string(p.measure, at('measure')),
				mme: r.number(p.mme, at('mme')),
				effect: {
					mean: r.number(e.mean, at('effect.mean')),
					low: r.number(e.low, at('effect.low')),
					high: r.number(e.high, at('effect.high')),
					n: r.number(e.n, at('effect.n')),
					shareAbove: r.number(e.shareAbove, at('effect.shareAbove'))
				},
				verdict: verdict as Verdict,
				...(p.secondary === undefined ? {} : { secondary: r.boolean(p.secondary, at('secondary')) })
			};
		})
	};
}

/** A free parameter of the calibration as the card shows it, with what the parameter table says of it. */
export interface FreeRow {
	name: string;
	/** Whether the name is a parameter of the model (a row of the table to link to). */
	known: boolean;
	prior: [number, number];
	chosen: number;
	accepted: [number, number];
	why: string;
	/** The table's current default, when it is not the chosen value (a report older than the parameters). */
	otherDefault: number | null;
}

export interface CalibrationView {
	free: FreeRow[];
	targets: CalibrationReport['targets'];
	withinCount: number;
	/** Strongest first. */
	tradeOffs: CalibrationReport['tradeOffs'];
	notIdentified: string[];
}

/** The rows of the calibration section. */
export function calibrationView(report: CalibrationReport): CalibrationView {
	return {
		free: report.free.map((f) => {
			const known = isParameterName(f.name);
			const current: number | null = known ? PARAMETERS[f.name as keyof typeof PARAMETERS].default : null;
			return { name: f.name, known, prior: [f.low, f.high], chosen: f.chosen, accepted: [f.acceptedLow, f.acceptedHigh], why: f.why, otherDefault: current !== null && current !== f.chosen ? current : null };
		}),
		targets: report.targets,
		withinCount: report.targets.filter((t) => t.within).length,
		tradeOffs: [...report.tradeOffs].sort((x, y) => Math.abs(y.r) - Math.abs(x.r)),
		notIdentified: report.notIdentified
	};
}

/** One proposition (P1, P2, …) with its rows: the main comparisons first, then the secondary readings. */
export interface PropositionGroup {
	/** P1 for P1a … P1d. */
	id: string;
	rows: PropositionResult[];
}

export interface PropositionsView {
	groups: PropositionGroup[];
	main: number;
	agreeing: number;
}

/** The propositions report by proposition, in the order of the report. */
export function propositionsView(report: PropositionsReport): PropositionsView {
	const groups: PropositionGroup[] = [];
	for (const row of report.results) {
		const id = propositionOf(row.id);
		let g = groups.find((x) => x.id === id);
		if (!g) groups.push((g = { id, rows: [] }));
		g.rows.push(row);
	}
	for (const g of groups) g.rows.sort((a, b) => Number(!!a.secondary) - Number(!!b.secondary));
	const main = report.results.filter((r) => !r.secondary);
	return { groups, main: main.length, agreeing: main.filter((r) => r.verdict === 'agrees').length };
}

/** The proposition a result's id belongs to: P1a → P1. */
export const propositionOf = (id: string) => id.replace(/^(P\d+)[a-z]$/, '$1');
