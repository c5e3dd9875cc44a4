import { Xoshiro128 } from './xoshiro128';

/**
 * lowbias32, a 32-bit integer hash with low bias found by Chris Wellons' hash prospector
 * ("Prospecting for Hash Functions", 2018; github.com/skeeto/hash-prospector): xorshift–multiply
 * rounds with constants 0x7feb352d and 0x846ca68b.
 */
export function lowbias32(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x7feb352d);
	x ^= x >>> 15;
	x = Math.imul(x, 0x846ca68b);
	x ^= x >>> 16;
	return x >>> 0;
}

/**
 * A counter-based uniform generator: each draw is a pure function of its key — a stream's secret
 * words and up to three integers naming what is drawn (a household, its issue number, a week) —
 * instead of the next number of a sequence. Two scenarios compared with the same seed then draw
 * the same number for the same event however differently they ran before it (common random
 * numbers that survive divergence; Salmon et al. 2011, "Parallel random numbers: as easy as
 * 1, 2, 3", for the idea). The key words are spread by odd multipliers and the result mixed by
 * two rounds of lowbias32; `tests/unit/random.test.ts` checks uniformity and independence.
 */
export class KeyedUniform {
	readonly #k1: number;
	readonly #k2: number;

	constructor(k1: number, k2: number) {
		this.#k1 = k1 >>> 0;
		this.#k2 = k2 >>> 0;
	}

	/** Stream k of replicate r: its words come from the xoshiro128** stream 8r + k of the seed. */
	static stream(seed: number, index: number): KeyedUniform {
		const g = Xoshiro128.stream(seed, index);
		return new KeyedUniform(g.nextUint32(), g.nextUint32());
	}

	/** The 32-bit integer of key (a, b, c). */
	uint32(a: number, b = 0, c = 0): number {
		const x = Math.imul(a ^ this.#k1, 0x9e3779b1) ^ Math.imul((b + this.#k2) | 0, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
		return lowbias32(lowbias32(x) ^ this.#k2);
	}

	/** Whether the uniform of key (a, b, c) is below p: the same draw as `at`, with no number to return (none to allocate). */
	below(p: number, a: number, b = 0, c = 0): boolean {
		return this.uint32(a, b, c) < p * 4294967296;
	}

	/** A uniform on [0, 1) for key (a, b, c). */
	at(a: number, b = 0, c = 0): number {
		return this.uint32(a, b, c) * 2.3283064365386963e-10;
	}
}
