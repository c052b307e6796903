/**
 * Method-level interval calibration: a Student-t predictive distribution per
 * method, with degrees of freedom ν (one per method, pooled over horizons) and
 * multipliers k(h) of the analytic forecast standard deviation on the
 * modelling scale (log sd for positive series) per horizon (the t scale), so
 * that intervals cover what they claim at every level. Yearly forecast errors
 * are heavier-tailed than normal: one Gaussian scale cannot match the 80 % and
 * the 95 % level at once, a t distribution can.
 *
 * Estimated by `bench/m3/calibrate.mjs` from the forecast errors of the M3
 * yearly dev half at its forecast origin (each method fitted on a series'
 * training part and compared with its 6 held-out values; the benchmark
 * provider designates the dev half for tuning and holds out the other half):
 * for each method, ν and k(h) minimise the squared distance of the 80 % and
 * 95 % coverage from the centres of the bands 77–83 % and 92–97 % (in units of
 * the bands' half-widths), summed over horizons. 7 numbers per method from
 * 323 × 6 errors, none per series; the honest (cross-fitted: each half of the
 * series scored with constants fitted on the other half) coverage is in
 * bench/RESULTS.md. Horizons beyond the last estimated one use the last factor.
 * (Calibrating on rolling origins inside the training years instead
 * over-covered on the years that follow: in M3 the earlier years are more
 * volatile.)
 */

/** Factors per method, index 0 = horizon 1. Regenerate with `node bench/m3/calibrate.mjs --write`. */
export const CALIBRATION: Record<string, number[]> = {
  // @calibration-start
  naive: [0.99, 1.25, 1.41, 1.50, 1.51, 1.52],
  drift: [0.79, 0.96, 1.13, 1.18, 1.31, 1.33],
  ses: [0.98, 1.29, 1.46, 1.52, 1.53, 1.65],
  holt: [0.87, 1.11, 1.29, 1.42, 1.55, 1.64],
  damped: [0.84, 1.07, 1.25, 1.35, 1.43, 1.52],
  ets: [0.70, 0.86, 0.89, 0.98, 1.01, 1.06],
  arima: [0.81, 0.98, 1.07, 1.15, 1.23, 1.29],
  theta: [0.77, 0.97, 1.12, 1.21, 1.20, 1.27],
  dotm: [0.87, 1.12, 1.32, 1.42, 1.57, 1.70],
  comb: [0.74, 0.87, 0.95, 1.03, 1.00, 1.04],
  // @calibration-end
};

/**
 * Degrees of freedom ν of the Student-t predictive distribution per method
 * (absent = Gaussian). Regenerate with `node bench/m3/calibrate.mjs --write`.
 */
export const CALIBRATION_DF: Record<string, number> = {
  // @df-start
  naive: 6,
  drift: 3,
  ses: 8,
  holt: 3,
  damped: 3,
  ets: 3.5,
  arima: 2.5,
  theta: 4,
  dotm: 4,
  comb: 4,
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
