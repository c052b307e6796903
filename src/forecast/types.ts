/**
 * Types of the forecasting engine (the Forecast contract in TEAM.md).
 */
import type { Msg } from '../text/messages.js';

/**
 * Forecasting methods. `auto` = the ensemble (global network + ETS + DOTM) for strictly positive
 * series; for other series `comb` from 12 points and simpler models for shorter ones.
 */
export type MethodName =
  | 'auto'
  | 'naive'
  | 'drift'
  | 'ses'
  | 'holt'
  | 'damped'
  | 'ets'
  | 'arima'
  | 'theta'
  | 'dotm'
  | 'comb'
  | 'global'
  | 'ensemble';

/** All method names, in display order. */
export const METHOD_NAMES: readonly MethodName[] = [
  'auto',
  'naive',
  'drift',
  'ses',
  'holt',
  'damped',
  'ets',
  'arima',
  'theta',
  'dotm',
  'comb',
  'global',
  'ensemble',
];

/**
 * An intervention regressor: a level shift (step 0,0,1,1,...) or a ramp
 * (0,0,1,2,3,...) starting at 0-based index `start` into `y`. A ramp keeps
 * growing in the forecast; a level shift stays.
 */
export interface EventRegressor {
  kind: 'level' | 'ramp';
  start: number;
}

/** Options for `forecast` / `fit`. */
export interface ForecastOptions {
  /** default `'auto'` */
  method?: MethodName;
  /** number of steps (years) ahead, 1..100 */
  horizon: number;
  /** interval levels in percent, default [80, 95] */
  levels?: number[];
  events?: EventRegressor[];
  /**
   * Interval scale: `'auto'` (default) builds calibrated intervals on the log scale for a strictly
   * positive series (relative errors; the point is the median) and on the original scale otherwise;
   * `'linear'` forces the original scale: uncalibrated, the textbook interval, not floored (as R's), while `'auto'`
   * floors its linear fallback at 0 for a positive series. Uncalibrated
   * (`calibrate: false`) intervals use the log scale only while the forecast sd stays below half the
   * point forecast (`CV_MAX_LOG`).
   */
  scale?: 'auto' | 'linear' | 'log';
  /** Calibrated intervals (default true: the method's ν and k(h) times the series' own one-step scale, see calibration.ts). `false` gives the textbook analytic intervals. */
  calibrate?: boolean;
}

/** A fitted model that explains itself. */
export interface FittedModel {
  /** method name actually used (e.g. `ets`) */
  method: string;
  /** the model's form in English, e.g. `ETS(M,Ad,N)` (JSON and logs; people read `descriptionMsg`) */
  description: string;
  /** the same description as a code with parameters, worded in the user's language by src/text/forecast.ts */
  descriptionMsg?: Msg;
  params: Record<string, number>;
  aicc?: number;
  /** number of observations fitted */
  n: number;
  /** one-step-ahead in-sample fitted values (length n) */
  fitted: number[];
  /** y − fitted (length n) */
  residuals: number[];
  /** residual standard deviation (original units; relative for multiplicative-error models, see `params.relativeSigma`) */
  sigma: number;
  /** members of a combination */
  members?: FittedModel[];
  /** notes about fallbacks and input handling: codes of src/text/forecast.ts */
  notes?: Msg[];
}

/**
 * The path distribution behind a forecast: v = mean + L·z·sqrt(df/W) with z iid
 * N(0,1) and one W ~ χ²_df per path (a multivariate Student t; Gaussian when
 * `df` is undefined or Infinity), then exp(v) if `log`.
 */
export interface PathDistribution {
  mean: Float64Array;
  /** h×h lower-triangular Cholesky factor, row-major (the scale matrix) */
  chol: Float64Array;
  log: boolean;
  /** degrees of freedom of the Student-t marginals; undefined or Infinity = Gaussian */
  df?: number;
  /**
   * Lower bound of the values (0 for a positive series forecast on the linear
   * scale: path values and interval bounds below it are set to it).
   */
  min?: number;
}

/** A point forecast with intervals. */
export interface Forecast {
  method: string;
  model: FittedModel;
  horizon: number;
  point: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** the path distribution whose marginals are the intervals (see `pathDistribution`) */
  dist?: PathDistribution;
}

/** Per-horizon accuracy of a rolling-origin backtest. */
export interface BacktestHorizon {
  h: number;
  /** number of forecasts evaluated at this horizon */
  count: number;
  smape: number;
  /** MAPE in percent (`mape`). */
  mape: number;
  mase: number;
  msis: number;
  coverage: Record<string, number>;
}

/** Result of `backtest`. */
export interface BacktestResult {
  method: MethodName;
  horizon: number;
  minTrain: number;
  /** number of forecast origins */
  origins: number;
  byHorizon: BacktestHorizon[];
  /** averages over all (origin, h) pairs */
  overall: { smape: number; mape: number; mase: number; msis: number; coverage: Record<string, number> };
  /** every individual forecast: origin = training length */
  details: { origin: number; h: number; actual: number; point: number; lower: number[]; upper: number[] }[];
}
