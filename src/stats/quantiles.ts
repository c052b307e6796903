/**
 * The summary of one uncertain quantity used throughout the toolkit (funnel
 * forecasts, scenario results, report charts): its mean and seven quantiles.
 */
import { quantileSortedUnchecked } from './distributions.js';

/** Mean and quantiles of one uncertain quantity (R type 7 from samples, or a fine histogram for very many runs). */
export interface Quantiles {
  mean: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** The probabilities of `Quantiles` p5 … p95, in field order. */
export const QUANTILE_PROBS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * `Quantiles` from a mean and a quantile function evaluated at `QUANTILE_PROBS`.
 *
 * @example
 * quantilesWith(0, (p) => p).p90 // 0.9
 */
export function quantilesWith(mean: number, quantile: (p: number) => number): Quantiles {
  const q = QUANTILE_PROBS.map(quantile);
  return { mean, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}

/**
 * `Quantiles` (R type 7) of ascending-sorted values; the mean is computed from
 * them unless given (pass it to keep a mean summed in another order).
 *
 * @example
 * summarizeSorted(Float64Array.from([1, 2, 3, 4])) // { mean: 2.5, p5: 1.15, …, p50: 2.5, …, p95: 3.85 }
 */
export function summarizeSorted(sorted: ArrayLike<number>, mean?: number): Quantiles {
  let m = mean;
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < sorted.length; i++) m += sorted[i];
    m /= sorted.length;
  }
  return quantilesWith(m, (p) => quantileSortedUnchecked(sorted, p));
}
