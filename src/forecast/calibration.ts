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
  naive: [1.34, 1.71, 1.71, 1.80, 1.97, 2.00],
  drift: [1.48, 2.11, 2.18, 2.37, 2.52, 2.49],
  ses: [1.43, 1.74, 1.72, 1.91, 2.06, 2.00],
  holt: [1.80, 2.61, 2.72, 2.98, 3.10, 3.39],
  damped: [1.68, 2.28, 2.25, 2.53, 2.83, 2.96],
  ets: [1.31, 1.67, 1.59, 1.70, 1.72, 1.91],
  arima: [1.93, 2.27, 2.33, 2.31, 2.65, 2.63],
  theta: [1.30, 1.69, 1.69, 1.88, 1.96, 2.01],
  dotm: [1.49, 2.18, 2.25, 2.56, 2.84, 3.20],
  comb: [1.40, 1.73, 1.73, 1.76, 1.90, 1.94],
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
