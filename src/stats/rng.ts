/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 (Blackman & Vigna, 2018,
 * https://prng.di.unimi.it/), 32-bit state words so it runs at full speed in
 * JavaScript without BigInt. Seeds are expanded with SplitMix32.
 *
 * Reproducibility contract: the same (seed, stream) always yields the same
 * sequence on every platform. Parallel work splits runs into fixed blocks and
 * gives each block its own stream, so results do not depend on thread count.
 */
import { shownArg as shown } from '../text/shown.js';

/** Mix a 32-bit value (SplitMix32 finaliser, as used by Vigna's seeding code). */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seeded xoshiro128** generator for one stream.
 *
 * @example
 * const rng = new Rng(2024, 0);
 * const u = rng.uniform(); // in (0, 1), same value for the same seed and stream
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any integer (only the low 32 bits of each of seed and stream are used); anything else
   *   (1.5, NaN, a text) is refused with a RangeError, as the standard statistics refuse bad
   *   arguments, instead of being truncated to another seed without a word
   * @param stream independent stream number (e.g. a block of Monte Carlo runs)
   * @example
   * const rng = new Rng(42);
   * rng.uniform(); // a number in (0, 1)
   * new Rng(1.5); // throws RangeError: Rng: seed must be an integer (got 1.5)
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isInteger(seed)) throw new RangeError(`Rng: seed must be an integer (got ${shown(seed)})`);
    const st = { s: (seed | 0) ^ Math.imul(stream | 0, 0x632be5ab) };
    // one extra mixing step per stream so neighbouring streams decorrelate
    st.s = splitmix32({ s: st.s ^ (stream >>> 0) }) | 0;
    this.a = splitmix32(st) | 0;
    this.b = splitmix32(st) | 0;
    this.c = splitmix32(st) | 0;
    this.d = splitmix32(st) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Uniform double in the open interval (0, 1) with 53 random bits
   * (never exactly 0 or 1, so it is safe for inverse-CDF sampling).
   * @example
   * new Rng(1).uniform() > 0 // true
   */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** Fill `out` with uniforms in (0, 1). */
  fillUniform(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
