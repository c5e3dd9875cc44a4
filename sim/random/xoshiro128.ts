/**
 * xoshiro128** 1.1, the 32-bit all-purpose generator of Blackman & Vigna
 * ("Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021;
 * reference C code at https://prng.di.unimi.it/xoshiro128starstar.c).
 * Period 2^128 − 1; `jump()` advances 2^64 steps, giving 2^64 non-overlapping
 * streams, one per replicate. Pure 32-bit integer arithmetic, so results are
 * identical in every JavaScript engine.
 */
export class Xoshiro128 {
	readonly #s = new Uint32Array(4);

	/** Starts from the four state words as given (at least one must be non-zero). */
	constructor(state: ArrayLike<number>) {
		for (let i = 0; i < 4; i++) this.#s[i] = state[i] >>> 0;
		if ((this.#s[0] | this.#s[1] | this.#s[2] | this.#s[3]) === 0) {
			throw new RangeError('xoshiro128** state must not be all zero');
		}
	}

	/** Seeds the state from one integer through SplitMix32 (Vigna's recommended seeding). */
	static fromSeed(seed: number): Xoshiro128 {
		let x = seed >>> 0;
		const words = new Uint32Array(4);
		for (let i = 0; i < 4; i++) {
			x = (x + 0x9e3779b9) >>> 0;
			let z = x;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			words[i] = (z ^ (z >>> 16)) >>> 0;
		}
		return new Xoshiro128(words);
	}

	/** The next 32-bit unsigned integer. */
	nextUint32(): number {
		const s = this.#s;
		const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
		const t = s[1] << 9;
		s[2] ^= s[0];
		s[3] ^= s[1];
		s[1] ^= s[2];
		s[0] ^= s[3];
		s[2] ^= t;
		s[3] = rotl(s[3], 11);
		return result;
	}

	/** A float uniform on [0, 1) with 32 bits of randomness. */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Advances the state by 2^64 steps (the reference jump polynomial). */
	jump(): void {
		const s = this.#s;
		const acc = new Uint32Array(4);
		for (const word of JUMP) {
			for (let b = 0; b < 32; b++) {
				if (word & (1 << b)) {
					acc[0] ^= s[0];
					acc[1] ^= s[1];
					acc[2] ^= s[2];
					acc[3] ^= s[3];
				}
				this.nextUint32();
			}
		}
		s.set(acc);
	}

	/** The four state words (a copy): `new Xoshiro128(g.state())` continues where `g` is. */
	state(): Uint32Array {
		return this.#s.slice();
	}

	/** A copy of this generator in its current state. */
	clone(): Xoshiro128 {
		return new Xoshiro128(this.#s);
	}

	/**
	 * Independent stream number `index` of a seed: the seeded state jumped `index` times.
	 * Stream i of a seed is the same whichever other streams are used, so replicate i of two
	 * scenarios shares its random numbers (common random numbers for paired comparisons).
	 */
	static stream(seed: number, index: number): Xoshiro128 {
		const g = Xoshiro128.fromSeed(seed);
		for (let i = 0; i < index; i++) g.jump();
		return g;
	}
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

function rotl(x: number, k: number): number {
	return ((x << k) | (x >>> (32 - k))) >>> 0;
}
