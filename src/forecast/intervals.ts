/**
 * From a model's point forecasts and analytic error covariance to calibrated
 * prediction intervals and the path distribution behind them (Gaussian, or a
 * multivariate Student t when the calibration gives degrees of freedom).
 */
import { cholesky } from '../stats/linalg.js';
import { qt } from '../stats/t.js';
import type { ModelFit } from './model.js';
import type { Forecast } from './types.js';
import { calibrationDf, calibrationFactors, CALIBRATION_CONSTANTS } from './calibration.js';
import { note } from './notes.js';

/**
 * Largest forecast coefficient of variation (analytic sd / point, at any
 * horizon) for which the uncalibrated (`calibrate: false`) `scale: 'auto'`
 * uses the log scale; beyond it the variance-matched log-normal has an absurd
 * right tail, so such textbook intervals use the linear scale floored at 0.
 * Calibrated intervals do not need it: their log-scale width comes from the
 * series' relative one-step scale, not from a linear-scale variance.
 */
export const CV_MAX_LOG = 0.5;

/**
 * Floor of point forecasts of a strictly positive series, as a share of its
 * smallest observed value: a linear trend extrapolated past zero is replaced
 * by this floor, so points stay positive and inside their (log-scale)
 * intervals. Applied to every method, and to each member of a combination
 * before combining.
 */
export const POSITIVE_FLOOR = 0.1;

/**
 * Points floored for a strictly positive series (unchanged otherwise).
 *
 * @example
 * floorPositive([-5, 3, 8], [4, 6, 5]) // [0.4, 3, 8]
 */
export function floorPositive(point: number[], y: number[]): number[] {
  if (!y.every((v) => v > 0)) return point;
  let lo = Infinity;
  for (const v of y) if (v < lo) lo = v; // a loop, not Math.min(...y): long series would overflow the call stack
  const f = POSITIVE_FLOOR * lo;
  return point.map((p) => (p > f ? p : f));
}

/**
 * The series' own one-step scale s shrunk towards the prior (see
 * calibration.ts): s² = (m·d² + κ·s0²)/(m + κ), d the mean absolute one-step
 * change (of log values when `log`, so s is relative), m = n − 1. On the
 * original scale the prior is s0 times the mean absolute value (s0 itself for
 * an all-zero series), so s > 0 for every series.
 *
 * @example
 * seriesScale([16, 17, 18], true, { s0: 0.1, kappa: 2 }) // ≈ 0.083: d ≈ 0.059 from 2 changes, prior 0.1 with weight 2
 */
export function seriesScale(y: number[], log: boolean, prior: { s0: number; kappa: number }): number {
  const n = y.length;
  const m = n - 1;
  let d = 0;
  for (let i = 1; i < n; i++) d += Math.abs(log ? Math.log(y[i] / y[i - 1]) : y[i] - y[i - 1]);
  d = m > 0 ? d / m : 0;
  let s0 = prior.s0;
  if (!log) {
    const level = y.reduce((a, v) => a + Math.abs(v), 0) / n;
    s0 = level > 0 ? prior.s0 * level : prior.s0;
  }
  return Math.sqrt((m * d * d + prior.kappa * s0 * s0) / (m + prior.kappa));
}

/** Options of `buildForecast`. */
export interface BuildOptions {
  horizon: number;
  levels: number[];
  scale: 'auto' | 'linear' | 'log';
  /**
   * Calibrated intervals (the default of `forecast`): Student-t with `nu` degrees of freedom and
   * scale k(h)·s, s the series' one-step scale shrunk towards `prior` (see calibration.ts). Without
   * it the intervals are the model's analytic (textbook) ones, optionally scaled by `factors`.
   */
  calibration?: { nu: number; k: number[]; prior: { s0: number; kappa: number } };
  /** uncalibrated path only: per-horizon multipliers of the analytic forecast sd (1 = analytic) */
  factors?: number[];
  /** uncalibrated path only: Student-t degrees of freedom (undefined or Infinity = Gaussian) */
  df?: number;
  /** the series the model was fitted on (log scale needs it strictly positive) */
  y: number[];
}

/** Correlations of an h×h covariance (random-walk correlations where a variance is 0). */
function correlations(c: Float64Array, h: number): Float64Array {
  const r = new Float64Array(h * h);
  const sd = Array.from({ length: h }, (_, i) => Math.sqrt(Math.max(0, c[i * h + i])));
  for (let i = 0; i < h; i++)
    for (let j = 0; j < h; j++) {
      const v =
        sd[i] > 0 && sd[j] > 0
          ? c[i * h + j] / (sd[i] * sd[j])
          : Math.sqrt(Math.min(i + 1, j + 1) / Math.max(i + 1, j + 1));
      r[i * h + j] = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
    }
  return r;
}

/**
 * Turn a fitted model into a `Forecast`: point forecasts (floored for a
 * strictly positive series, `POSITIVE_FLOOR`), the path distribution (mean,
 * Cholesky factor of the scale matrix and `df`) and intervals that are
 * exactly its marginal quantiles: mean ± qt(level, df)·scale, exponentiated
 * on the log scale.
 *
 * Calibrated (`calibration` given): scale(h) = k(h)·s with the series' own
 * one-step scale s (`seriesScale`); log scale for a strictly positive series
 * (so the point is the median and inside every interval, and no bound is
 * negative), the original scale otherwise; `scale: 'linear'` on a positive
 * series uses scale(h)·point(h) on the original scale, floored at 0.
 * Correlations between horizons come from the model's analytic covariance.
 * Uncalibrated: the model's analytic covariance (times `factors`).
 *
 * @example
 * buildForecast(naiveFit([1, 2, 3]), { horizon: 2, levels: [80], scale: 'linear', y: [1, 2, 3] })
 */
export function buildForecast(fit: ModelFit, o: BuildOptions): Forecast {
  const h = o.horizon;
  const raw = fit.predict(h);
  const point = floorPositive(raw.point, o.y);
  const cov = raw.cov;
  const c = new Float64Array(h * h);
  for (let i = 0; i < h; i++)
    for (let j = 0; j < h; j++) {
      const v = cov[i * h + j];
      c[i * h + j] = Number.isFinite(v) ? v : 0;
    }
  const positive = o.y.every((v) => v > 0) && point.every((v) => v > 0);
  if (o.scale === 'log' && !positive) {
    (fit.model.notes ??= []).push(note('forecast.note.logNeedsPositive'));
  }
  if (o.calibration) return calibrated(fit, point, c, positive, o);
  const k = o.factors ?? new Array(h).fill(1);
  // 'auto': log scale unless the forecast sd reaches the point forecast at some horizon (a
  // variance-matched log-normal would then have an absurd right tail: use the linear scale, floored at 0)
  const cvMax = Math.max(...point.map((p, i) => Math.sqrt(Math.max(0, c[i * h + i])) / p));
  const log = o.scale === 'log' ? positive : o.scale === 'auto' && positive && cvMax <= CV_MAX_LOG;
  const floor0 = o.scale === 'auto' && !log && o.y.every((v) => v > 0);
  if (floor0 && positive) {
    (fit.model.notes ??= []).push(note('forecast.note.linearScale', { pct: Math.round(cvMax * 100) }));
  }
  const mean = new Float64Array(h);
  for (let i = 0; i < h; i++) mean[i] = log ? Math.log(point[i]) : point[i];
  if (log) {
    // log-normal with median = point and the same variance: sd_log² = log(1 + sd²/point²);
    // correlations are kept from the linear scale
    const sdl = Array.from({ length: h }, (_, i) =>
      Math.sqrt(Math.log1p(Math.max(0, c[i * h + i]) / (point[i] * point[i]))),
    );
    const r = correlations(c, h);
    for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) c[i * h + j] = r[i * h + j] * sdl[i] * sdl[j];
  }
  for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) c[i * h + j] *= k[i] * k[j];
  const df = o.df !== undefined && Number.isFinite(o.df) ? o.df : undefined;
  if (o.df !== undefined && !(o.df > 0)) throw new RangeError(`df must be > 0 (got ${o.df})`);
  return assemble(fit, point, mean, c, log, df, floor0 ? 0 : undefined, o.levels);
}

/** The calibrated path of `buildForecast`. */
function calibrated(fit: ModelFit, point: number[], c: Float64Array, positive: boolean, o: BuildOptions): Forecast {
  const h = o.horizon;
  const cal = o.calibration!;
  if (!(cal.nu > 0)) throw new RangeError(`df must be > 0 (got ${cal.nu})`);
  const log = positive && o.scale !== 'linear';
  const s = seriesScale(o.y, positive, cal.prior);
  const sd = Array.from({ length: h }, (_, i) => {
    const k = cal.k[Math.min(i, cal.k.length - 1)];
    return positive && !log ? k * s * point[i] : k * s;
  });
  const r = correlations(c, h);
  const v = new Float64Array(h * h);
  for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) v[i * h + j] = r[i * h + j] * sd[i] * sd[j];
  const mean = Float64Array.from(point, (p) => (log ? Math.log(p) : p));
  const df = Number.isFinite(cal.nu) ? cal.nu : undefined;
  return assemble(fit, point, mean, v, log, df, positive && !log ? 0 : undefined, o.levels);
}

/** Intervals as the marginal quantiles of the path distribution (mean, scale matrix v). */
function assemble(
  fit: ModelFit,
  point: number[],
  mean: Float64Array,
  v: Float64Array,
  log: boolean,
  df: number | undefined,
  min: number | undefined,
  levels: number[],
): Forecast {
  const h = mean.length;
  const chol = cholesky(v, h);
  const sd = Array.from({ length: h }, (_, i) => Math.sqrt(Math.max(0, v[i * h + i])));
  const intervals = levels.map((level) => {
    const z = qt(0.5 + level / 200, df ?? Infinity);
    const lo = (x: number): number => (min !== undefined && x < min ? min : x);
    const lower = sd.map((s, i) => (log ? Math.exp(mean[i] - z * s) : lo(mean[i] - z * s)));
    const upper = sd.map((s, i) => (log ? Math.exp(mean[i] + z * s) : lo(mean[i] + z * s)));
    return { level, lower, upper };
  });
  const dist = { mean, chol, log, ...(df !== undefined ? { df } : {}), ...(min !== undefined ? { min } : {}) };
  return { method: fit.model.method, model: fit.model, horizon: h, point, intervals, dist };
}

/**
 * Calibration factors for a method and horizon (1 for unknown methods).
 *
 * @example
 * factorsFor('ensemble', 8).length // 8
 */
export function factorsFor(method: string, horizon: number): number[] {
  return calibrationFactors(method, horizon);
}

/**
 * Degrees of freedom of the calibrated Student-t intervals of a method
 * (undefined for methods without a calibration).
 *
 * @example
 * dfFor('unknown') // undefined
 */
export function dfFor(method: string): number | undefined {
  return calibrationDf(method);
}

/**
 * The calibration `buildForecast` uses for a method (undefined: none known).
 *
 * @example
 * calibrationFor('ensemble', 4)?.k.length // 4
 */
export function calibrationFor(method: string, horizon: number): BuildOptions['calibration'] {
  const nu = calibrationDf(method);
  if (nu === undefined) return undefined;
  return { nu, k: calibrationFactors(method, horizon), prior: CALIBRATION_CONSTANTS.prior };
}
