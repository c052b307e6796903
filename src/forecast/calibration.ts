/**
 * Method-level interval calibration factors: multipliers of the analytic
 * forecast standard deviation per horizon, so that intervals cover what they
 * claim. Estimated by `bench/m3/calibrate.mjs` on the *training parts only*
 * of the M3 yearly dev series (last 6 training values held out, fitted on the
 * rest; test values are never used): for each method and horizon the factor
 * is the one that makes the 80 % and 95 % intervals cover 80 % and 95 % of the
 * held-out training values as closely as possible. Horizons beyond the last
 * estimated one use the last factor.
 */

/** Factors per method, index 0 = horizon 1. Regenerate with `node bench/m3/calibrate.mjs --write`. */
export const CALIBRATION: Record<string, number[]> = {
  // @calibration-start
  // @calibration-end
};

/**
 * Per-horizon sd multipliers for `method` (1 when the method has none).
 *
 * @example
 * calibrationFactors('unknown', 3) // [1, 1, 1]
 */
export function calibrationFactors(method: string, horizon: number): number[] {
  const f = CALIBRATION[method];
  return Array.from({ length: horizon }, (_, i) => (f && f.length ? f[Math.min(i, f.length - 1)] : 1));
}
