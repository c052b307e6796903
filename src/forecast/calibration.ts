/**
 * Method-level interval calibration factors: multipliers of the analytic
 * forecast standard deviation per horizon, so that intervals cover what they
 * claim. Estimated by `bench/m3/calibrate.mjs` on the *training parts only*
 * of the M3 yearly dev series (rolling origins over the last 6 training
 * values, model refitted at each origin; test values are never used): for
 * each method and horizon the factor puts the 80 % and 95 % coverage of the
 * held-out training values as close as possible to the centres of the bands
 * 77–83 % and 92–97 %. Horizons beyond the last estimated one use the last
 * factor. In-sample residual variances underestimate out-of-sample errors
 * of short series (estimated parameters, model selection), hence factors > 1.
 */

/** Factors per method, index 0 = horizon 1. Regenerate with `node bench/m3/calibrate.mjs --write`. */
export const CALIBRATION: Record<string, number[]> = {
  // @calibration-start
  naive: [1.34, 1.59, 1.74, 1.84, 2.06, 2.00],
  drift: [1.51, 1.71, 1.87, 2.13, 2.43, 2.49],
  ses: [1.31, 1.60, 1.71, 1.84, 2.03, 2.00],
  holt: [1.64, 1.97, 2.21, 2.50, 2.71, 3.15],
  damped: [1.55, 1.90, 2.06, 2.33, 2.75, 2.83],
  ets: [1.25, 1.46, 1.52, 1.66, 1.77, 1.90],
  arima: [1.60, 1.85, 1.90, 2.16, 2.35, 2.63],
  theta: [1.25, 1.48, 1.69, 1.80, 1.90, 2.01],
  dotm: [1.49, 1.84, 2.15, 2.50, 2.83, 3.20],
  comb: [1.27, 1.48, 1.55, 1.70, 1.85, 1.90],
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
