import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPILE_MS, megabytes, STALL_MS, StartWatch } from '../../src/lib/data/engine-start';

const FILE = 'duckdb-eh.wasm';
/** The eh wasm on disk, and what a gzip host sends of it (about 7.7 MB). */
const DECODED = 34_242_586;
const GZIP = 7_730_000;

/**
 * A download at `bitsPerSecond` of a file the server sends as `length` bytes (decoding to
 * `decoded`), reported every `everyMs` as the worker does; checks the watch at each report and
 * returns the first verdict with its time, or null when the download completed.
 */
function download(watch: StartWatch, { bitsPerSecond, length, decoded, everyMs }: { bitsPerSecond: number; length: number; decoded: number; everyMs: number }) {
	watch.event({ type: 'response', length, encoded: decoded !== length }, 0);
	const seconds = (length * 8) / bitsPerSecond;
	for (let t = everyMs; ; t += everyMs) {
		const share = Math.min(1, t / 1000 / seconds);
		watch.event(share < 1 ? { type: 'progress', loaded: Math.round(share * decoded) } : { type: 'downloaded', loaded: decoded }, t);
		const verdict = watch.check(t);
		if (verdict) return { verdict, t };
		if (share === 1) return null;
	}
}

describe('the engine start watch', () => {
	it('lets a 400 kbps download of the whole engine run for minutes without a verdict, showing the bytes received', () => {
		const watch = new StartWatch(FILE, DECODED, 0);
		// 7.73 MB at 400 kbps is about 155 s: longer than the old fixed 90 s limit.
		expect(download(watch, { bitsPerSecond: 400_000, length: GZIP, decoded: DECODED, everyMs: 100 })).toBeNull();
		expect(watch.progress()).toEqual({ phase: 'compile', received: GZIP, total: GZIP });
	});

	it('counts network bytes, not decoded ones, for a compressed response', () => {
		const watch = new StartWatch(FILE, DECODED, 0);
		watch.event({ type: 'response', length: GZIP, encoded: true }, 0);
		watch.event({ type: 'progress', loaded: DECODED / 4 }, 1000);
		expect(watch.progress()).toEqual({ phase: 'download', received: GZIP / 4, total: GZIP });
		// Uncompressed: the bytes decoded are the bytes received.
		const plain = new StartWatch(FILE, DECODED, 0);
		plain.event({ type: 'response', length: DECODED, encoded: false }, 0);
		plain.event({ type: 'progress', loaded: 1_000_000 }, 1000);
		expect(plain.progress()).toEqual({ phase: 'download', received: 1_000_000, total: DECODED });
	});

	it('says the network stalled, with what arrived, when no byte came for the stall time', () => {
		const watch = new StartWatch(FILE, DECODED, 0);
		watch.event({ type: 'response', length: GZIP, encoded: true }, 500);
		watch.event({ type: 'progress', loaded: DECODED / 2 }, 3000);
		expect(watch.check(3000 + STALL_MS - 1)).toBeNull();
		expect(watch.check(3000 + STALL_MS)).toEqual({ kind: 'engine-stalled', file: FILE, received: GZIP / 2, total: GZIP, seconds: STALL_MS / 1000 });
		// The engine's worker failing after that is still the network's doing.
		expect(watch.explain('WebAssembly compilation aborted: Network error', 3000 + STALL_MS)).toMatchObject({ kind: 'engine-stalled' });
	});

	it('counts the wait for the first byte as a stall too (a link that never answers)', () => {
		const watch = new StartWatch(FILE, DECODED, 1000);
		expect(watch.check(1000 + STALL_MS - 1)).toBeNull();
		expect(watch.check(1000 + STALL_MS)).toEqual({ kind: 'engine-stalled', file: FILE, received: 0, total: 0, seconds: STALL_MS / 1000 });
	});

	it('names a missing file and a broken download as such, not as the browser', () => {
		const missing = new StartWatch(FILE, DECODED, 0);
		missing.event({ type: 'failed', reason: 'missing', status: 404 }, 10);
		expect(missing.check(10)).toEqual({ kind: 'engine-missing', file: FILE, status: 404 });
		expect(missing.explain('Incorrect response MIME type', 20)).toEqual({ kind: 'engine-missing', file: FILE, status: 404 });
		const broken = new StartWatch(FILE, DECODED, 0);
		broken.event({ type: 'response', length: GZIP, encoded: true }, 10);
		broken.event({ type: 'failed', reason: 'network', detail: 'network error' }, 900);
		expect(broken.explain('Failed to fetch', 950)).toEqual({ kind: 'network', file: FILE, detail: 'network error' });
	});

	it('blames the engine only once the whole file is in: an error then, or no start for the compile time', () => {
		const watch = new StartWatch(FILE, DECODED, 0);
		watch.event({ type: 'response', length: GZIP, encoded: true }, 0);
		watch.event({ type: 'downloaded', loaded: DECODED }, 2000);
		expect(watch.explain('out of memory', 2500)).toEqual({ kind: 'engine', detail: 'out of memory' });
		// Compiling may take long on a slow phone; no stall is counted once the download is done.
		expect(watch.check(2000 + COMPILE_MS - 1)).toBeNull();
		expect(watch.check(2000 + COMPILE_MS)).toMatchObject({ kind: 'engine' });
	});

	it('decides like an independent reading of the timeline: stalled exactly when some gap between bytes reaches the stall time', () => {
		let stalled = 0;
		let completed = 0;
		fc.assert(
			fc.property(
				// Gaps in ms between reports of the download, and the bytes each brought (0: a report with nothing new).
				fc.array(fc.record({ gap: fc.integer({ min: 0, max: STALL_MS * 1.5 }), bytes: fc.integer({ min: 0, max: 200_000 }) }), { minLength: 1, maxLength: 40 }),
				fc.boolean(),
				(reports, encoded) => {
					const decoded = reports.reduce((sum, r) => sum + r.bytes, 0);
					const length = encoded ? Math.max(1, Math.round(decoded / 4)) : decoded;
					const times: number[] = [];
					for (const r of reports) times.push((times.at(-1) ?? 0) + r.gap);
					const end = times.at(-1)!;
					// The independent reading. The page checks once a second (at whole seconds); the
					// verdict is the first check at which the last report with new bytes before it is
					// STALL_MS old. Checks at the very time of a report are left out.
					let expected: { at: number; loaded: number } | null = null;
					for (let c = 1000; c < end && !expected; c += 1000) {
						if (times.includes(c)) continue;
						const before = reports.filter((_, i) => times[i] < c);
						const lastByte = Math.max(0, ...before.flatMap((r, i) => (r.bytes > 0 ? [times[i]] : [])));
						if (c - lastByte >= STALL_MS) expected = { at: c, loaded: before.reduce((sum, r) => sum + r.bytes, 0) };
					}
					// The watch, fed the reports and checked in time order.
					const watch = new StartWatch(FILE, decoded || null, 0);
					watch.event({ type: 'response', length, encoded }, 0);
					let verdict: { at: number; kind: string; received?: number } | null = null;
					let loaded = 0;
					let t = 0;
					for (const [i, r] of reports.entries()) {
						for (let c = Math.floor(t / 1000) * 1000 + 1000; c < times[i] && !verdict; c += 1000) {
							const v = watch.check(c);
							if (v) verdict = { at: c, kind: v.kind, received: 'received' in v ? v.received : undefined };
						}
						if (verdict) break;
						t = times[i];
						loaded += r.bytes;
						watch.event(i === reports.length - 1 ? { type: 'downloaded', loaded } : { type: 'progress', loaded }, t);
					}
					if (!expected) {
						expect(verdict).toBeNull();
						expect(watch.check(end)).toBeNull();
						expect(watch.progress()).toEqual({ phase: 'compile', received: length, total: length });
						completed++;
					} else {
						// A download whose size is unknown (no bytes at all) reports nothing received.
						const received = !encoded ? expected.loaded : decoded > 0 ? Math.round((expected.loaded / decoded) * length) : 0;
						expect(verdict).toEqual({ at: expected.at, kind: 'engine-stalled', received: Math.min(received, length) });
						stalled++;
					}
				}
			),
			{ numRuns: 400 }
		);
		// Both outcomes are reached often enough for the comparison to mean something.
		expect(stalled).toBeGreaterThan(100);
		expect(completed).toBeGreaterThan(40);
	});

	it('writes bytes as megabytes with one decimal, and an unknown size as ?', () => {
		const fmt = (n: number, d: number) => n.toFixed(d);
		expect([megabytes(fmt, 7_730_000), megabytes(fmt, 0)]).toEqual(['7.7', '?']);
	});
});
