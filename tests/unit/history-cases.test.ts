import { describe, expect, it } from 'vitest';
import { buildCounty } from '../../sim/county/build-county';
import { PUBLISHED } from '../../sim/county/published';
import { CaseRecorder, type RecordedCases } from '../../sim/dataset/case-recorder';
import { firstReceipts, generateCases, recordHistory, type CaseColumns } from '../../sim/dataset/ledger-cases';
import { HISTORY_START, historyOptions, historyWeek, RECORD_PERIOD, RecordObserver } from '../../sim/engine/history';
import { roadHoursFromCountySeat } from '../../sim/engine/mechanisms/capacity';
import { Model } from '../../sim/engine/model';
import { histogramQuantileDays } from '../../sim/engine/outputs';
import { defaultParameters } from '../../sim/engine/parameters';
import { COUNTY, VILLAGE } from '../../sim/engine/world';
import { formatTimestamp } from '../../sim/dataset/csv';

// The dataset's cases drawn from the model's history, on an eighth of the county (fast).
const SEED = 20160801;
const county = buildCounty({ seed: SEED, scale: 1 / 8 });
const town = (c: { household: Int32Array }, i: number) => county.households.town[c.household[i]];
const inRecord = (p: RecordedCases, s: number) => p.closed[s] >= 0 && p.closed[s] < RECORD_PERIOD.to;
const day = (seconds: number) => formatTimestamp(seconds).slice(0, 10);

/** The class a case is sampled in (0 open, 1 satisfied, 2 dissatisfied) and its stratum (month × level × town). */
function poolStratum(p: RecordedCases, s: number, month: string): string {
	return `${!inRecord(p, s) ? 0 : p.satisfied[s] ? 1 : 2}|${month}|${p.level[s] === COUNTY ? 'county' : 'town'}|${town(p, s)}`;
}
function caseStratum(c: CaseColumns, i: number): string {
	const klass = Number.isNaN(c.steps[8][i]) ? 0 : c.satisfaction[i] < 2 ? 1 : 2;
	return `${klass}|${day(c.received[i]).slice(0, 7)}|${c.level[i] === 0 ? 'county' : 'town'}|${town(c, i)}`;
}

describe('the case recorder', () => {
	it('records the cases the published record counts, as the history’s RecordObserver counts them', () => {
		const recorder = new CaseRecorder();
		const record = new RecordObserver();
		recorder.startReplicate(0);
		new Model({ ...historyOptions(), county, seed: SEED, observers: [recorder, record] }).run();
		const p = recorder.cases;
		let received = 0;
		let closed = 0;
		let satisfied = 0;
		for (let s = 0; s < p.count; s++) {
			if (p.level[s] === VILLAGE) {
				expect(p.received[s]).toBeGreaterThanOrEqual(historyWeek('2018-01-01'));
				continue;
			}
			received++;
			if (inRecord(p, s)) {
				closed++;
				satisfied += p.satisfied[s];
			}
			expect(p.received[s] >= RECORD_PERIOD.from && p.received[s] < RECORD_PERIOD.to).toBe(true);
			if (p.closed[s] >= 0) expect(p.closed[s]).toBeGreaterThanOrEqual(p.handled[s]);
		}
		const scale = county.households.count / PUBLISHED.households.value;
		expect(received).toBeCloseTo(record.counts.received * scale, 6);
		expect(closed).toBeCloseTo(record.counts.closed * scale, 6);
		expect(satisfied).toBeCloseTo(record.counts.satisfied * scale, 6);
	});
});

describe('cases drawn from the history', () => {
	const countyTown = (p: RecordedCases) => Array.from({ length: p.count }, (_, s) => s).filter((s) => p.level[s] !== VILLAGE);

	it('take exactly the published totals, in proportion to the model’s cases by class × month × level × town', () => {
		const n = 1000;
		const c = generateCases(county, { seed: SEED, countyTownCases: n });
		// The pool those cases were drawn from (replicates pooled until it covers each class).
		const pool = recordHistory(county, { seed: SEED, countyTownCases: n });
		const poolCountyTown = countyTown(pool);
		const ours = new Map<string, number>();
		let total = 0;
		let open = 0;
		let surveyed = 0;
		let satisfied = 0;
		for (let i = 0; i < c.count; i++) {
			if (c.level[i] === 2) continue;
			total++;
			if (Number.isNaN(c.steps[8][i])) open++;
			if (c.satisfaction[i] >= 0) {
				surveyed++;
				if (c.satisfaction[i] < 2) satisfied++;
			}
			const k = caseStratum(c, i);
			ours.set(k, (ours.get(k) ?? 0) + 1);
		}
		expect(total).toBe(n);
		expect(open).toBe(Math.round((n * 215) / 8812));
		expect(surveyed).toBe(n - open);
		expect(satisfied / surveyed).toBeGreaterThanOrEqual(PUBLISHED.satisfaction.value);
		// Each class's total over its strata by largest remainder: every stratum within one case of its share.
		const theirs = new Map<string, number>();
		const classTotal = [0, 0, 0];
		const classPool = [0, 0, 0];
		for (const s of poolCountyTown) classPool[!inRecord(pool, s) ? 0 : pool.satisfied[s] ? 1 : 2]++;
		for (const [k, v] of ours) classTotal[Number(k[0])] += v;
		// A pool case's month is that of its first copy's receipt.
		const receipts = firstReceipts(pool, SEED, county.households.count);
		for (const s of poolCountyTown) {
			const k = poolStratum(pool, s, day(receipts[s]).slice(0, 7));
			theirs.set(k, (theirs.get(k) ?? 0) + 1);
		}
		for (const [k, inPool] of theirs) {
			const klass = Number(k[0]);
			expect(Math.abs((ours.get(k) ?? 0) - (classTotal[klass] * inPool) / classPool[klass])).toBeLessThan(1);
		}
		for (const k of ours.keys()) expect(theirs.has(k)).toBe(true);
	});

	it('resample the model’s cases with replacement beyond the pool, each in its model week and household', () => {
		const pool = recordHistory(county, { seed: SEED });
		const n = Math.round(1.5 * countyTown(pool).length);
		const c = generateCases(county, { seed: SEED, countyTownCases: n });
		const week = (seconds: number) => Math.floor((seconds - Date.parse(`${HISTORY_START}T00:00:00Z`) / 1000) / (7 * 86400));
		const weeks = new Set<number>();
		for (let s = 0; s < pool.count; s++) weeks.add(pool.household[s] * 1000 + pool.received[s]);
		let total = 0;
		let open = 0;
		let outside = 0;
		for (let i = 0; i < c.count; i++) {
			if (!weeks.has(c.household[i] * 1000 + week(c.received[i]))) outside++;
			if (c.level[i] === 2) continue;
			total++;
			if (Number.isNaN(c.steps[8][i])) open++;
		}
		expect(outside).toBe(0);
		expect(total).toBe(n);
		expect(open).toBe(Math.round((n * 215) / 8812));
	});
});

describe('town differences', () => {
	/** Median days to close (whole weeks spread evenly over their days) of each town's county-level cases. */
	// The full county: at the calibrated volume an eighth has too few county-level cases a town for a median to trace roads.
	const full = buildCounty({ seed: SEED });
	function countyMedians(params: object): number[] {
		const p = recordHistory(full, { seed: SEED, params });
		const hist = full.towns.map(() => new Float64Array(400));
		for (let s = 0; s < p.count; s++) if (p.level[s] === COUNTY && inRecord(p, s)) hist[full.households.town[p.household[s]]][p.closed[s] - p.received[s]]++;
		return hist.map((h) => histogramQuantileDays(h, 0.5));
	}
	const correlation = (x: number[], y: number[]) => {
		const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
		const [mx, my] = [mean(x), mean(y)];
		let sxy = 0;
		let sxx = 0;
		let syy = 0;
		x.forEach((v, i) => {
			sxy += (v - mx) * (y[i] - my);
			sxx += (v - mx) ** 2;
			syy += (y[i] - my) ** 2;
		});
		return sxy / Math.sqrt(sxx * syy);
	};

	it('trace to the model’s roads: slower roads from the county seat slow far towns’ county cases far more than Chengguan’s', () => {
		const slow = { roadSpeed: 5 };
		const road = Array.from(roadHoursFromCountySeat(full.towns, { ...defaultParameters(), ...slow }));
		const far = road.map((h, t) => [h, t]).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, t]) => t);
		const gap = (m: number[]) => far.reduce((s, t) => s + m[t], 0) / far.length - m[0];
		const before = countyMedians({});
		const after = countyMedians(slow);
		expect(road[0]).toBe(0); // Chengguan is the county seat
		// How much each town's median moved follows its road: the towns' own loads cancel out of the change.
		expect(correlation(road, after.map((m, t) => m - before[t]))).toBeGreaterThan(0.8);
		expect(gap(after) - gap(before)).toBeGreaterThan(7);
	});
});
