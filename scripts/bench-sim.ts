/**
 * `npm run bench:sim` — simulation speed in Node (one core):
 *   - one full-county five-year run per mode: ms and agent-steps per second (households × weeks)
 *   - a bare loop that reads and writes the same per-household bytes each week (the memory bound)
 *     and the model's rate as a share of it
 *   - 20 replicates of each of the three modes, in sequence
 *   - heap and array memory of one run
 *   - runs from the county's history (the sandbox's start), at full scale and at the previews'
 *     scales (1/8, 1/32): the history alone, a run that runs its own history first, and a run
 *     from a history state already computed (what the sandbox does for every scenario but the
 *     first of a replicate), beside a run from zero; and the bytes of a history state
 * Targets: one run ≤ 250 ms; 20 replicates × 3 modes ≤ 15 s; ≤ 100 MB per run.
 */
import { buildCounty } from '../sim/county/build-county';
import { COUNTY_SEED, DEFAULT_WEEKS, Model } from '../sim/engine/model';
import { historyBytes } from '../sim/engine/start';
import type { Mode } from '../sim/engine/modes';

const MODES: Mode[] = ['one-way', 'two-way', 'multi'];
const county = buildCounty({ seed: COUNTY_SEED });
const n = county.households.count;
const agentSteps = n * DEFAULT_WEEKS;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const mode of MODES) new Model({ mode, county, seed: 99 }).run(); // warm up the JIT

console.log(`simulation benchmark — ${n.toLocaleString('en')} households × ${DEFAULT_WEEKS} weeks = ${(agentSteps / 1e6).toFixed(1)} M agent-steps a run`);
const single: Record<string, number> = {};
for (const mode of MODES) {
	const times: number[] = [];
	for (let r = 0; r < 5; r++) {
		const t = performance.now();
		new Model({ mode, county, seed: 1, replicate: r }).run();
		times.push(performance.now() - t);
	}
	single[mode] = median(times);
	console.log(`one run, ${mode.padEnd(8)} ${single[mode].toFixed(0).padStart(5)} ms   ${(agentSteps / single[mode] / 1e3).toFixed(1)} M agent-steps/s   (target ≤ 250 ms)`);
}

// The memory bound: the per-household columns a week touches, read and written once each.
const trust = new Float32Array(n);
const grievance = new Float32Array(n);
const lastSolved = new Uint8Array(n);
const openIssues = new Uint8Array(n);
const colour = new Uint8Array(n);
const type = county.households.type.slice();
const village = county.households.village;
const bare = () => {
	for (let wk = 0; wk < DEFAULT_WEEKS; wk++) {
		for (let h = 0; h < n; h++) {
			trust[h] = trust[h] * 0.999 + 0.001;
			grievance[h] = grievance[h] * 0.99;
			lastSolved[h] ^= 1;
			openIssues[h] = (openIssues[h] + village[h]) & 3;
			colour[h] = (colour[h] + type[h]) & 3;
		}
	}
};
bare();
const bareTimes: number[] = [];
for (let r = 0; r < 5; r++) {
	const t = performance.now();
	bare();
	bareTimes.push(performance.now() - t);
}
const bareMs = median(bareTimes);
const bytesPerAgent = 4 + 4 + 1 + 1 + 1 + 1 + 4;
console.log(`bare loop over the same ${bytesPerAgent} bytes per household per week: ${bareMs.toFixed(0)} ms   ${(agentSteps / bareMs / 1e3).toFixed(1)} M agent-steps/s`);
for (const mode of MODES) console.log(`  model ${mode.padEnd(8)} runs at ${((bareMs / single[mode]) * 100).toFixed(0)}% of the memory-bound rate`);

let t = performance.now();
for (const mode of MODES) for (let r = 0; r < 20; r++) new Model({ mode, county, seed: 1, replicate: r }).run();
console.log(`20 replicates × 3 modes (one core): ${((performance.now() - t) / 1000).toFixed(1)} s   (target ≤ 15 s)`);

globalThis.gc?.();
const before = process.memoryUsage();
const m = new Model({ mode: 'one-way', county, seed: 1 }).run();
const after = process.memoryUsage();
// The run's own state: every typed array it holds (households, issue pool, series, calendar).
const typed = (o: object) =>
	Object.values(o).reduce((sum: number, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
const stateBytes = typed(m.world) + typed(m.world.issues) + typed(m.series);
const mb = (b: number) => (b / 1048576).toFixed(1);
console.log(
	`memory of one run (one-way, the largest backlog): typed-array state ${mb(stateBytes)} MB, heap growth ${mb(after.heapUsed - before.heapUsed)} MB ` +
		`(issue pool ${m.world.issues.size.toLocaleString('en')} slots; the shared county structure not counted)   (target ≤ 100 MB per run)`
);

// Runs from the county's history (multi-dimensional, the sandbox's default scenario).
console.log('runs from the county as of mid-2022 (multi-dimensional, five years after the history):');
for (const scale of [1, 1 / 8, 1 / 32]) {
	const c = scale === 1 ? county : buildCounty({ seed: COUNTY_SEED, scale });
	const reps = scale === 1 ? 3 : 7;
	const time = (f: () => unknown) => {
		const t = performance.now();
		f();
		return performance.now() - t;
	};
	const state = Model.history({ county: c, seed: 1 });
	new Model({ county: c, seed: 1, history: state }).run(); // warm up
	const zero: number[] = [];
	const history: number[] = [];
	const own: number[] = [];
	const reused: number[] = [];
	for (let r = 0; r < reps; r++) {
		zero.push(time(() => new Model({ county: c, seed: 1, replicate: r }).run()));
		history.push(time(() => Model.history({ county: c, seed: 1, replicate: r })));
		own.push(time(() => new Model({ county: c, seed: 1, replicate: r, start: 'history' }).run()));
		reused.push(time(() => new Model({ county: c, seed: 1, history: state }).run()));
	}
	const label = scale === 1 ? 'full county' : `scale 1/${Math.round(1 / scale)}`;
	console.log(
		`  ${label.padEnd(12)} from zero ${median(zero).toFixed(0).padStart(4)} ms   history alone ${median(history).toFixed(0).padStart(4)} ms   ` +
			`running its own history ${median(own).toFixed(0).padStart(4)} ms   from a computed history ${median(reused).toFixed(0).padStart(4)} ms   ` +
			`(history state ${(historyBytes(state) / 1048576).toFixed(2)} MB)`
	);
}
