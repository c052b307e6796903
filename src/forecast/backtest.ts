/**
 * Rolling-origin backtest with an expanding window: fit on y[0..o), forecast
 * up to `horizon` steps, compare with y[o..], for every origin o from
 * `minTrain` to n − 1. Values marked not `observed` (filled in for fitting, e.g. an
 * interpolated gap year) are never scored and never a forecast origin.
 */
import { UsageError, shownArg } from '../errors.js';
import type { BacktestResult, MethodName } from './types.js';
import { checkOptions, checkValues, forecast } from './select.js';
import { mape, msis, naiveScale, smape } from './metrics.js';
import { fitWindow } from './series.js';
import type { Series } from '../data/types.js';

/**
 * Backtest a method on a series.
 *
 * @example
 * const r = backtest([410, 432, 455, 470, 498, 520, 533, 560, 571, 590], { method: 'drift', horizon: 2 });
 * r.byHorizon[0].smape // sMAPE of the 1-step forecasts
 */
export function backtest(
  y: number[],
  opts: { method: MethodName; horizon: number; minTrain?: number; levels?: number[]; observed?: boolean[] },
): BacktestResult {
  // once, before any fit: a horizon of 1e9 would otherwise loop a billion times over empty horizons
  checkValues(y);
  checkOptions(opts);
  const n = y.length;
  const ob = opts.observed;
  if (ob !== undefined && !(Array.isArray(ob) && ob.length === n && ob.every((b) => typeof b === 'boolean')))
    throw new UsageError({ code: 'forecast.err.observed', params: { n, got: shownArg(ob) } });
  const levels = opts.levels ?? [80, 95];
  const minTrain = opts.minTrain ?? Math.max(3, Math.floor(n / 2));
  if (!Number.isInteger(minTrain) || minTrain < 3)
    throw new UsageError({ code: 'forecast.err.minTrain', params: { got: String(minTrain) } });
  if (n <= minTrain) throw new UsageError({ code: 'forecast.err.backtestShort', params: { minTrain, n } });
  const details: BacktestResult['details'] = [];
  const rows: { h: number; smape: number; mape: number; mase: number; msis: number; inside: boolean[] }[] = [];
  let origins = 0;
  // `observed[i]` false: y[i] was filled in for fitting (e.g. an interpolated gap year): never a truth, never an origin
  const obs = (i: number) => opts.observed === undefined || opts.observed[i] !== false;
  for (let o = minTrain; o < n; o++) {
    if (!obs(o - 1)) continue;
    const train = y.slice(0, o);
    const hh = Math.min(opts.horizon, n - o);
    const f = forecast(train, { method: opts.method, horizon: hh, levels: [...new Set([...levels, 95])] });
    const scale = naiveScale(train) || 1;
    origins++;
    for (let i = 0; i < hh; i++) {
      if (!obs(o + i)) continue;
      const a = y[o + i];
      const p = f.point[i];
      const ivs = levels.map((l) => f.intervals.find((iv) => iv.level === l)!);
      const iv95 = f.intervals.find((iv) => iv.level === 95)!;
      const lo = iv95.lower[i];
      const hi = iv95.upper[i];
      // the scale is the training series' naive MAE, 1 for a constant training series (MASE and MSIS stay finite)
      rows.push({
        h: i + 1,
        smape: smape([a], [p]),
        mape: mape([a], [p]),
        mase: Math.abs(a - p) / scale,
        msis: msis([a], [lo], [hi], [0, scale], 95),
        inside: ivs.map((iv) => a >= iv.lower[i] && a <= iv.upper[i]),
      });
      details.push({
        origin: o,
        h: i + 1,
        actual: a,
        point: p,
        lower: ivs.map((iv) => iv.lower[i]),
        upper: ivs.map((iv) => iv.upper[i]),
      });
    }
  }
  const summarise = (rs: typeof rows) => {
    const m = (f: (r: (typeof rows)[number]) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const coverage: Record<string, number> = {};
    levels.forEach((l, k) => (coverage[String(l)] = m((r) => (r.inside[k] ? 1 : 0))));
    return {
      smape: m((r) => r.smape),
      mape: m((r) => r.mape),
      mase: m((r) => r.mase),
      msis: m((r) => r.msis),
      coverage,
    };
  };
  const byHorizon = [];
  for (let h = 1; h <= opts.horizon; h++) {
    const rs = rows.filter((r) => r.h === h);
    if (rs.length) byHorizon.push({ h, count: rs.length, ...summarise(rs) });
  }
  return {
    method: opts.method,
    horizon: opts.horizon,
    minTrain,
    origins,
    byHorizon,
    overall: summarise(rows),
    details,
  };
}

/** The record of a method's intervals on a series' own history (`seriesTrackRecord`). */
export interface SeriesTrackRecord {
  /** The interval level scored (%). */
  level: number;
  /** Forecasts scored (origins × horizons with an observed actual) and how many fell inside the interval. */
  n: number;
  hits: number;
  /** Horizons scored (1 … horizon) and the first origin's training years. */
  horizon: number;
  minTrain: number;
  /** The first year forecast. */
  firstYear: number;
}

/**
 * How often a method's `level` % intervals held the series' own later values: the rolling-origin backtest of the
 * same fit window (gap years filled in for fitting are neither scored nor an origin), 1 … `horizon` years ahead.
 * Undefined when the window is too short for a backtest (no more points than `minTrain`).
 *
 * @example
 * seriesTrackRecord(loadBundled().get('viso.raadgivning.forbrug'), { method: 'auto', level: 80 })
 * // { level: 80, n: 21, hits: 11, horizon: 2, minTrain: 7, firstYear: 2018 } (say)
 */
export function seriesTrackRecord(
  s: Series,
  o: { method: MethodName; level: number; horizon?: number; from?: number },
): SeriesTrackRecord | undefined {
  const w = fitWindow(s, o.from);
  const horizon = o.horizon ?? 2;
  const minTrain = Math.max(3, Math.floor(w.values.length / 2));
  if (w.values.length <= minTrain) return undefined;
  const seen = new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
  const observed = w.years.map((y) => seen.has(y));
  const r = backtest(w.values, { method: o.method, horizon, minTrain, observed, levels: [o.level] });
  if (!r.details.length) return undefined;
  const hits = r.details.filter((d) => d.actual >= d.lower[0] && d.actual <= d.upper[0]).length;
  const firstYear = w.years[Math.min(...r.details.map((d) => d.origin))];
  return { level: o.level, n: r.details.length, hits, horizon, minTrain, firstYear };
}
