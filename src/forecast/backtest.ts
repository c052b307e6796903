/**
 * Rolling-origin backtest with an expanding window: fit on y[0..o), forecast
 * up to `horizon` steps, compare with y[o..], for every origin o from
 * `minTrain` to n − 1. Values marked not `observed` (filled in for fitting, e.g. an
 * interpolated gap year) are never scored and never a forecast origin.
 */
import { UsageError } from '../errors.js';
import type { BacktestResult, MethodName } from './types.js';
import { forecast } from './select.js';
import { mape, msis, naiveScale, smape } from './metrics.js';

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
  const n = y.length;
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
