/**
 * Watching the engine start, kept free of browser globals so unit tests can check it: how far
 * the download of the engine's wasm has come (in the bytes the network carries), and when and
 * why to give up. There is no fixed time limit for the download — a village link at 400 kbps
 * needs minutes for ~8 MB — only a stall (no byte for STALL_MS) ends it, and then the message
 * says the network is slow or interrupted, not that the browser is too old. A browser that has
 * the whole file and still cannot start the engine is the engine's failure.
 */
import type { DataErrorInfo } from './data-error';

/** What the engine's worker reports about the wasm download (engine-worker.ts). */
export type EngineDownloadEvent =
	| { type: 'response'; length: number | null; encoded: boolean }
	| { type: 'progress'; loaded: number }
	| { type: 'downloaded'; loaded: number }
	| { type: 'failed'; reason: 'network'; detail: string }
	| { type: 'failed'; reason: 'missing'; status: number };

/** The engine's start as the page shows it. */
export interface EngineProgress {
	phase: 'download' | 'compile';
	/** Bytes received over the network so far (for a compressed response: estimated from the share decoded). */
	received: number;
	/** Bytes the network carries for the whole file, when the server said. */
	total: number | null;
}

/** No byte for this long while downloading: the network has stalled. */
export const STALL_MS = 20_000;
/** The whole file arrived, and the engine has not started this long after: it cannot start. */
export const COMPILE_MS = 60_000;

export class StartWatch {
	readonly #file: string;
	readonly #decodedSize: number | null;
	#length: number | null = null;
	#encoded = false;
	#loaded = 0;
	#downloaded = false;
	#lastByteAt: number;
	#downloadedAt = 0;
	#failed: DataErrorInfo | null = null;

	/**
	 * `file` names the wasm in messages; `decodedSize` is its size on disk (known at build time),
	 * to turn decoded bytes into network bytes when the server compresses it.
	 */
	constructor(file: string, decodedSize: number | null, now: number) {
		this.#file = file;
		this.#decodedSize = decodedSize;
		this.#lastByteAt = now;
	}

	/** Takes in what the worker reported at `now`. */
	event(e: EngineDownloadEvent, now: number): void {
		if (e.type === 'response') {
			this.#length = e.length;
			this.#encoded = e.encoded;
			this.#lastByteAt = now;
		} else if (e.type === 'progress' || e.type === 'downloaded') {
			if (e.loaded > this.#loaded) this.#lastByteAt = now;
			this.#loaded = Math.max(this.#loaded, e.loaded);
			if (e.type === 'downloaded') {
				this.#downloaded = true;
				this.#downloadedAt = now;
			}
		} else if (!this.#failed) {
			this.#failed =
				e.reason === 'missing'
					? { kind: 'engine-missing', file: this.#file, status: e.status }
					: { kind: 'network', file: this.#file, detail: e.detail };
		}
	}

	progress(): EngineProgress {
		const total = this.#length;
		let received = this.#loaded;
		if (this.#encoded) {
			// The worker counts decoded bytes; the network carried the compressed share of them.
			received = total !== null && this.#decodedSize ? Math.round((this.#loaded / this.#decodedSize) * total) : 0;
		}
		if (total !== null) received = Math.min(received, total);
		return { phase: this.#downloaded ? 'compile' : 'download', received: this.#downloaded && total !== null ? total : received, total };
	}

	/** Why to give up at `now`, or null to keep waiting. */
	check(now: number): DataErrorInfo | null {
		if (this.#failed) return this.#failed;
		if (!this.#downloaded) {
			if (now - this.#lastByteAt < STALL_MS) return null;
			const { received, total } = this.progress();
			return { kind: 'engine-stalled', file: this.#file, received, total: total ?? 0, seconds: Math.round(STALL_MS / 1000) };
		}
		if (now - this.#downloadedAt < COMPILE_MS) return null;
		return { kind: 'engine', detail: `not started ${Math.round(COMPILE_MS / 1000)} s after its ${this.#file} was downloaded` };
	}

	/**
	 * What to tell the user when the engine's worker reports `detail` as an error: a download
	 * that failed or stalled is the network's doing (the engine then fails only for want of its
	 * file); an error after a complete download is the engine's.
	 */
	explain(detail: string, now: number): DataErrorInfo {
		if (this.#failed) return this.#failed;
		if (!this.#downloaded && now - this.#lastByteAt >= STALL_MS) return this.check(now)!;
		return { kind: 'engine', detail };
	}
}

/** Bytes in megabytes (10⁶) with one decimal, by the page's number format; '?' for 0 (unknown). */
export function megabytes(number: (n: number, digits: number) => string, bytes: number): string {
	return bytes > 0 ? number(bytes / 1e6, 1) : '?';
}
