/**
 * Method-level interval calibration: a Student-t predictive distribution per
 * method, with degrees of freedom ν (one per method, pooled over horizons) and
 * multipliers of the analytic forecast standard deviation per horizon (the t
 * scale), so that intervals cover what they claim at every level. Yearly
 * forecast errors are heavier-tailed than normal: one Gaussian scale cannot
 * match the 80 % and the 95 % level at once, a t distribution can.
 *
 * Estimated by `bench/m3/calibrate.mjs` on the *training parts only* of the
 * M3 yearly dev series (rolling origins over the last 6 training values,
 * model refitted at each origin; test values are never used): for each
 * method, ν and the per-horizon factors minimise the squared distance of the
 * 80 % and 95 % coverage of the held-out training values from the centres of
 * the bands 77–83 % and 92–97 % (in units of the bands' half-widths), summed
 * over horizons. Horizons beyond the last estimated one use the last factor.
 * In-sample residual variances underestimate out-of-sample errors of short
 * series (estimated parameters, model selection), hence factors > 1.
 */

/** Factors per method, index 0 = horizon 1. Regenerate with `node bench/m3/calibrate.mjs --write`. */
export const CALIBRATION: Record<string, number[]> = {
  // @calibration-start
  naive: [1.12, 1.33, 1.49, 1.56, 1.67, 1.72],
  drift: [1.06, 1.28, 1.40, 1.51, 1.64, 1.83],
  ses: [1.17, 1.41, 1.55, 1.65, 1.74, 1.83],
  holt: [1.12, 1.35, 1.49, 1.65, 1.90, 1.99],
  damped: [1.13, 1.36, 1.52, 1.69, 1.84, 1.98],
  ets: [1.00, 1.15, 1.23, 1.32, 1.40, 1.59],
  arima: [1.25, 1.38, 1.50, 1.60, 1.75, 2.02],
  theta: [0.99, 1.20, 1.30, 1.43, 1.54, 1.61],
  dotm: [1.10, 1.41, 1.59, 1.84, 2.06, 2.24],
  comb: [1.05, 1.23, 1.30, 1.40, 1.51, 1.64],
  // @calibration-end
};

/**
 * Degrees of freedom ν of the Student-t predictive distribution per method
 * (absent = Gaussian). Regenerate with `node bench/m3/calibrate.mjs --write`.
 */
export const CALIBRATION_DF: Record<string, number> = {
  // @df-start
  naive: 5,
  drift: 3,
  ses: 7,
  holt: 2.5,
  damped: 3,
  ets: 4,
  arima: 3.5,
  theta: 4,
  dotm: 3.5,
  comb: 5,
  // @df-end
};

/**
 * Degrees of freedom of a method's calibrated predictive distribution
 * (undefined = Gaussian).
 *
 * @example
 * calibrationDf('unknown') // undefined
 */
export function calibrationDf(method: string): number | undefined {
  return CALIBRATION_DF[method];
}

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
