/**
 * From a model's point forecasts and analytic error covariance to calibrated
 * prediction intervals and the path distribution behind them (Gaussian, or a
 * multivariate Student t when the calibration gives degrees of freedom).
 */
import { qt } from '../stats/t.js';
import type { ModelFit } from './model.js';
import type { Forecast } from './types.js';
import { calibrationDf, calibrationFactors } from './calibration.js';

/**
 * Cholesky factor (lower-triangular, row-major) of a symmetric positive
 * semi-definite h×h matrix; non-positive pivots become 0 (degenerate directions).
 *
 * @example
 * cholesky(new Float64Array([4, 2, 2, 5]), 2) // [2, 0, 1, 2]
 */
export function cholesky(a: Float64Array, h: number): Float64Array {
  const L = new Float64Array(h * h);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * h + j];
      for (let k = 0; k < j; k++) s -= L[i * h + k] * L[j * h + k];
      if (i === j) {
        L[i * h + i] = s > 1e-14 * Math.abs(a[i * h + i]) && s > 0 ? Math.sqrt(s) : 0;
      } else {
        const d = L[j * h + j];
        L[i * h + j] = d > 0 ? s / d : 0;
      }
    }
  }
  return L;
}

/**
 * Largest forecast coefficient of variation (analytic sd / point, at any
 * horizon) for which `scale: 'auto'` uses the log scale. Beyond it the
 * variance-matched log-normal has an absurd right tail (e.g. 95 % upper bounds
 * of millions for a series near 1.500 with a falling trend); such forecasts
 * use the linear scale floored at 0. On the M3 yearly dev half (each setting
 * with its own calibration), MSIS95 of `comb`/`holt` is 22.9/117.9 with the
 * log scale always and 20.8/28.9 with this limit, coverage unchanged (a limit
 * of 1 gave 22.1/32.8).
 */
export const CV_MAX_LOG = 0.5;

/** Options of `buildForecast`. */
export interface BuildOptions {
  horizon: number;
  levels: number[];
  scale: 'auto' | 'linear' | 'log';
  /** per-horizon multipliers of the forecast standard deviation on the modelling scale (log sd for log-scale forecasts; 1 = analytic) */
  factors?: number[];
  /**
   * degrees of freedom of Student-t marginals (heavy tails); undefined or
   * Infinity = Gaussian. The factors then scale the t distribution's scale.
   */
  df?: number;
  /** the series the model was fitted on (log scale needs it strictly positive) */
  y: number[];
}

/**
 * Turn a fitted model into a `Forecast`: point forecasts, the path
 * distribution (mean, Cholesky factor of the scale matrix and `df`; log
 * scale for positive series unless `scale: 'linear'`) and intervals that are
 * exactly its marginal quantiles: mean ± qt(level, df)·scale (normal
 * quantiles when `df` is undefined or Infinity).
 *
 * @example
 * buildForecast(naiveFit([1, 2, 3]), { horizon: 2, levels: [80], scale: 'linear', y: [1, 2, 3] })
 */
export function buildForecast(fit: ModelFit, o: BuildOptions): Forecast {
  const h = o.horizon;
  const { point, cov } = fit.predict(h);
  const k = o.factors ?? new Array(h).fill(1);
  const c = new Float64Array(h * h);
  for (let i = 0; i < h; i++)
    for (let j = 0; j < h; j++) {
      const v = cov[i * h + j];
      c[i * h + j] = Number.isFinite(v) ? v : 0;
    }
  const positive = o.y.every((v) => v > 0) && point.every((v) => v > 0);
  if (o.scale === 'log' && !positive) {
    (fit.model.notes ??= []).push('log-scale intervals need a strictly positive series and forecast: linear scale used');
  }
  // 'auto': log scale unless the forecast sd reaches the point forecast at some horizon (a
  // variance-matched log-normal would then have an absurd right tail: use the linear scale, floored at 0)
  const cvMax = Math.max(...point.map((p, i) => Math.sqrt(Math.max(0, c[i * h + i])) / p));
  const log = o.scale === 'log' ? positive : o.scale === 'auto' && positive && cvMax <= CV_MAX_LOG;
  const floor0 = o.scale === 'auto' && !log && o.y.every((v) => v > 0);
  if (floor0 && positive) {
    (fit.model.notes ??= []).push(`forecast sd up to ${Math.round(cvMax * 100)} % of the point forecast: intervals on the linear scale, floored at 0 (a log scale would give an absurd upper tail)`);
  }
  const mean = new Float64Array(h);
  for (let i = 0; i < h; i++) mean[i] = log ? Math.log(point[i]) : point[i];
  if (log) {
    // log-normal with median = point and the same variance: sd_log² = log(1 + sd²/point²);
    // correlations are kept from the linear scale
    const sdl = Array.from({ length: h }, (_, i) => Math.sqrt(Math.log1p(Math.max(0, c[i * h + i]) / (point[i] * point[i]))));
    const sdn = Array.from({ length: h }, (_, i) => Math.sqrt(Math.max(0, c[i * h + i])));
    for (let i = 0; i < h; i++)
      for (let j = 0; j < h; j++) {
        const r = sdn[i] > 0 && sdn[j] > 0 ? c[i * h + j] / (sdn[i] * sdn[j]) : 0;
        c[i * h + j] = r * sdl[i] * sdl[j];
      }
  }
  // calibration: the factors scale the distribution on its modelling scale (log or linear)
  for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) c[i * h + j] *= k[i] * k[j];
  const chol = cholesky(c, h);
  const sd = Array.from({ length: h }, (_, i) => Math.sqrt(Math.max(0, c[i * h + i])));
  const df = o.df !== undefined && Number.isFinite(o.df) ? o.df : undefined;
  if (o.df !== undefined && !(o.df > 0)) throw new RangeError(`df must be > 0 (got ${o.df})`);
  const intervals = o.levels.map((level) => {
    const z = qt(0.5 + level / 200, df ?? Infinity);
    const lo = (v: number): number => (floor0 && v < 0 ? 0 : v);
    const lower = sd.map((s, i) => (log ? Math.exp(mean[i] - z * s) : lo(mean[i] - z * s)));
    const upper = sd.map((s, i) => (log ? Math.exp(mean[i] + z * s) : lo(mean[i] + z * s)));
    return { level, lower, upper };
  });
  const dist = { mean, chol, log, ...(df !== undefined ? { df } : {}), ...(floor0 ? { min: 0 } : {}) };
  return { method: fit.model.method, model: fit.model, horizon: h, point, intervals, dist };
}

/**
 * Calibration factors for a method and horizon (1 for unknown methods).
 *
 * @example
 * factorsFor('comb', 8).length // 8
 */
export function factorsFor(method: string, horizon: number): number[] {
  return calibrationFactors(method, horizon);
}

/**
 * Degrees of freedom of the calibrated Student-t intervals of a method
 * (undefined = Gaussian, for methods without a calibrated value).
 *
 * @example
 * dfFor('unknown') // undefined
 */
export function dfFor(method: string): number | undefined {
  return calibrationDf(method);
}
