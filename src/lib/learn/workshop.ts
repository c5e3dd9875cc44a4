/**
 * The workshop (after En-ROADS' facilitated workshops): one shared scenario built from the room's
 * proposals, each a change of one lever, part of the structure or county condition. DOM-free:
 * the record, its cumulative scenarios, reading a stored record (damaged ones refused, so the
 * page can ignore them with a notice), the effects of each step and the exports.
 */
import { isPreset, LEVER_NAMES, PRESETS, STRUCTURE_FLAGS, type Levers, type Preset, type Structure } from '$sim/engine/modes';
import { PARAMETERS } from '$sim/engine/parameters';
import { pairedInterval, type Interval } from '$sim/engine/statistics';
import { CONTEXT_KEYS, customised, MODEL_VERSION, presetScenario, type Context, type Scenario } from '$lib/sim/scenario';
import type { ReplicateOutput } from '$lib/sim/sim-types';
import { METRICS } from './claims';

export type Change =
	| { kind: 'lever'; key: keyof Levers; value: number }
	| { kind: 'flag'; key: (typeof STRUCTURE_FLAGS)[number]; value: boolean }
	| { kind: 'pressure'; key: 'topDownPressure'; value: number }
	| { kind: 'context'; key: keyof Context; value: number };

export interface Proposal {
	change: Change;
	/** Who proposed it (a person or a team; may be empty). */
	by: string;
}

export const WORKSHOP_KIND = 'ggs-workshop';
export const WORKSHOP_FORMAT = 1;
export const STORAGE_KEY = 'ggs-workshop';

export interface WorkshopRecord {
	kind: typeof WORKSHOP_KIND;
	format: typeof WORKSHOP_FORMAT;
	start: Preset;
	proposals: Proposal[];
}

export const emptyRecord = (start: Preset = 'two-way'): WorkshopRecord => ({ kind: WORKSHOP_KIND, format: WORKSHOP_FORMAT, start, proposals: [] });

/** The range a change's value may take: levers and pressure 0–1, county conditions their parameter's range. */
export function changeRange(change: Pick<Change, 'kind' | 'key'>): readonly [number, number] {
	if (change.kind === 'context') return PARAMETERS[change.key as keyof Context].range;
	return [0, 1];
}

/** The scenario with one change applied (a lever or structure change makes a custom scenario from the same preset). */
export function applyChange(s: Scenario, change: Change): Scenario {
	switch (change.kind) {
		case 'lever':
			return customised(s, { levers: { [change.key]: change.value } });
		case 'flag':
		case 'pressure':
			return customised(s, { structure: { [change.key]: change.value } as Partial<Structure> });
		case 'context':
			return { ...s, context: { ...s.context, [change.key]: change.value } };
	}
}

/** The value a change's field has in a scenario. */
export function currentValue(s: Scenario, change: Pick<Change, 'kind' | 'key'>): number | boolean {
	if (change.kind === 'lever') return s.levers[change.key as keyof Levers];
	if (change.kind === 'context') return s.context[change.key as keyof Context];
	return s.structure[change.key as keyof Structure];
}

/** The scenario after each step: the start, then after each proposal. */
export function cumulative(record: WorkshopRecord): Scenario[] {
	const out = [presetScenario(record.start)];
	for (const p of record.proposals) out.push(applyChange(out[out.length - 1], p.change));
	return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readChange(v: unknown): Change | null {
	if (!isObject(v) || Object.keys(v).some((k) => !['kind', 'key', 'value'].includes(k))) return null;
	const { kind, key, value } = v;
	const inRange = (x: unknown, [lo, hi]: readonly [number, number]) => typeof x === 'number' && x >= lo && x <= hi;
	if (kind === 'lever' && (LEVER_NAMES as readonly unknown[]).includes(key) && inRange(value, [0, 1])) return { kind, key: key as keyof Levers, value: value as number };
	if (kind === 'flag' && (STRUCTURE_FLAGS as readonly unknown[]).includes(key) && typeof value === 'boolean') return { kind, key: key as Change['key'] as (typeof STRUCTURE_FLAGS)[number], value };
	if (kind === 'pressure' && key === 'topDownPressure' && inRange(value, [0, 1])) return { kind, key, value: value as number };
	if (kind === 'context' && (CONTEXT_KEYS as readonly unknown[]).includes(key) && inRange(value, PARAMETERS[key as keyof Context].range)) return { kind, key: key as keyof Context, value: value as number };
	return null;
}

/** Reads a stored or imported record: the record, or null when it is damaged in any way (the page then starts afresh, with a notice). */
export function readRecord(text: string | null): { record: WorkshopRecord | null; damaged: boolean } {
	if (text === null) return { record: null, damaged: false };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { record: null, damaged: true };
	}
	if (!isObject(data) || data.kind !== WORKSHOP_KIND || data.format !== WORKSHOP_FORMAT || !isPreset(data.start) || !Array.isArray(data.proposals)) return { record: null, damaged: true };
	const proposals: Proposal[] = [];
	for (const p of data.proposals) {
		const change = isObject(p) ? readChange(p.change) : null;
		if (!change || !isObject(p) || typeof p.by !== 'string' || p.by.length > 200) return { record: null, damaged: true };
		proposals.push({ change, by: p.by });
	}
	return { record: { kind: WORKSHOP_KIND, format: WORKSHOP_FORMAT, start: data.start, proposals }, damaged: false };
}

/** The outcomes a workshop step shows. */
export const WORKSHOP_METRICS = ['order', 'vitality', 'closure', 'satisfaction', 'cost'] as const;
export type WorkshopMetric = (typeof WORKSHOP_METRICS)[number];

export interface StepResult {
	/** Means over replicates. */
	means: Record<WorkshopMetric, number>;
	/** Paired difference from the step before (none for the start). */
	effects: Record<WorkshopMetric, Interval> | null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each step's means and its paired effect against the step before, from the runs of `cumulative(record)` in order. */
export function stepResults(runs: readonly (readonly ReplicateOutput[])[]): StepResult[] {
	return runs.map((outputs, i) => {
		const read = (m: WorkshopMetric, list: readonly ReplicateOutput[]) => list.map((o) => METRICS[m].read(o));
		const means = Object.fromEntries(WORKSHOP_METRICS.map((m) => [m, mean(read(m, outputs))])) as StepResult['means'];
		if (i === 0) return { means, effects: null };
		const before = runs[i - 1];
		const effects = Object.fromEntries(
			WORKSHOP_METRICS.map((m) => {
				const now = read(m, outputs);
				const then = read(m, before);
				return [m, pairedInterval(now.map((v, r) => v - then[r]))];
			})
		) as Record<WorkshopMetric, Interval>;
		return { means, effects };
	});
}

/** The export as JSON: the record, the model version and each step's scenario and results. */
export function workshopJson(record: WorkshopRecord, results: readonly StepResult[]): string {
	const scenarios = cumulative(record);
	return JSON.stringify(
		{
			...record,
			model: MODEL_VERSION,
			steps: scenarios.map((scenario, i) => ({ proposal: i === 0 ? null : record.proposals[i - 1], scenario, results: results[i] ?? null }))
		},
		null,
		2
	);
}

export { PRESETS };
