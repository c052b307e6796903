/**
 * Gamma, χ² and Student-t variates from a seeded generator (Marsaglia & Tsang, "A simple method
 * for generating gamma variables", ACM TOMS 26(3), 2000): a few uniforms per draw, no tables,
 * the same sequence for the same seed and stream.
 */
import { invNorm } from './normal.js';
import type { Rng } from './rng.js';

/**
 * A Gamma(shape, 1) variate (shape > 0); shape < 1 by Gamma(shape + 1)·U^(1/shape).
 *
 * @example
 * const g = gammaVariate(2.5, new Rng(1)); // mean 2.5, variance 2.5 over many draws
 */
export function gammaVariate(shape: number, rng: Rng): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return gammaVariate(shape + 1, rng) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = invNorm(rng.uniform());
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The Student-t mixing scale √(ν / W) with W ~ χ²_ν: z·scale is t with ν degrees of freedom
 * for z standard normal.
 *
 * @example
 * const t = invNorm(rng.uniform()) * tScaleVariate(4, rng); // Student t, 4 degrees of freedom
 */
export function tScaleVariate(df: number, rng: Rng): number {
  return Math.sqrt(df / (2 * gammaVariate(df / 2, rng)));
}
