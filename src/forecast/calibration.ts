/**
 * Interval calibration: how wide a method's intervals are, learned across
 * series and applied to each series through its own scale.
 *
 * The predictive distribution of horizon h is a Student t with ν degrees of
 * freedom and scale k(h)·s around the point forecast, on the log scale for a
 * strictly positive series (relative errors; median = point) and on the
 * original scale otherwise. s is the series' own one-step scale, shrunk
 * towards the corpus prior (`seriesScale` in intervals.ts):
 *
 *   s² = (m·d² + κ·s0²) / (m + κ),
 *
 * d = mean absolute one-step change of the series (of log values for a
 * positive series; the MASE scale, relative), m = number of changes, s0 the
 * prior scale and κ its weight in changes. Because s comes from each series'
 * own changes, intervals adapt per series (a calm series gets narrow
 * intervals, a volatile one wide); the prior keeps very short series from
 * trusting 6 changes too much and gives a series that a model fits exactly
 * (16, 17, 18) or a constant one a non-zero width.
 *
 * ν and k(h) per method and the prior (s0, κ) are estimated by
 * `node bench/m4/calibrate.mjs --write` from the standardised forecast errors
 * (log actual − log point)/s of the 23.000 M4 yearly series at their forecast
 * origin (train → 6 test values): ν and k(h) make the 80 % and 95 % intervals
 * cover 80 % and 94,5 % at every horizon. They are validated on corpora
 * not used to fit them (the M3 yearly dev half; the reverse fit on M3 dev
 * checked on M4) in bench/RESULTS.md. The numbers are data
 * (`calibration-data.ts`), never per series.
 */
import { CALIBRATION_DATA } from './calibration-data.js';

/** One method's calibration: Student-t degrees of freedom and scale factors per horizon (index 0 = h 1). */
export interface MethodCalibration {
  nu: number;
  k: number[];
}

/** The calibration constants and where they come from. */
export interface CalibrationData {
  provenance: string;
  /** prior one-step scale s0 (relative: mean |Δ log y|) and its weight κ in one-step changes */
  prior: { s0: number; kappa: number };
  methods: Record<string, MethodCalibration>;
}

/** The shipped calibration (generated data; see the module comment). */
export const CALIBRATION_CONSTANTS: CalibrationData = CALIBRATION_DATA;

/** Scale factors k(h) per method, index 0 = horizon 1 (from `CALIBRATION_CONSTANTS`). */
export const CALIBRATION: Record<string, number[]> = Object.fromEntries(
  Object.entries(CALIBRATION_DATA.methods).map(([m, c]) => [m, c.k]),
);

/** Degrees of freedom ν of the Student-t predictive distribution per method. */
export const CALIBRATION_DF: Record<string, number> = Object.fromEntries(
  Object.entries(CALIBRATION_DATA.methods).map(([m, c]) => [m, c.nu]),
);

/**
 * Degrees of freedom of a method's calibrated predictive distribution
 * (undefined = the method has no calibration).
 *
 * @example
 * calibrationDf('unknown') // undefined
 */
export function calibrationDf(method: string): number | undefined {
  return CALIBRATION_DF[method];
}

/**
 * Per-horizon scale factors k(h) for `method` (1 when the method has none).
 * Beyond the last estimated horizon the factors continue the last step's
 * increase linearly (forecast errors of yearly data keep growing with h).
 *
 * @example
 * calibrationFactors('unknown', 3) // [1, 1, 1]
 */
export function calibrationFactors(method: string, horizon: number): number[] {
  const f = CALIBRATION[method];
  if (!f || !f.length) return new Array(horizon).fill(1);
  const last = f.length - 1;
  const step = last > 0 ? Math.max(0, f[last] - f[last - 1]) : 0;
  return Array.from({ length: horizon }, (_, i) => (i <= last ? f[i] : f[last] + (i - last) * step));
}
