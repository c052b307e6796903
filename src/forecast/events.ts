/**
 * Event regressors (interventions): level shifts and ramps from a given index.
 * Their effects are estimated by least squares on the first differences
 * (Δy_t = c + Σ β_k ΔX_k,t + e_t, the random-walk-with-drift intervention
 * model), removed from the series before a model is fitted, and added back to
 * the forecast. A level shift stays at its estimated size; a ramp keeps growing.
 */
import { UsageError } from '../errors.js';
import { leastSquares } from '../stats/linalg.js';
import type { EventRegressor } from './types.js';

/**
 * Value of one regressor at 0-based time t.
 *
 * @example
 * eventValue({ kind: 'ramp', start: 2 }, 4) // 3
 */
export function eventValue(e: EventRegressor, t: number): number {
  if (t < e.start) return 0;
  return e.kind === 'level' ? 1 : t - e.start + 1;
}

/** Estimated event effects and the series with them removed. */
export interface EventAdjustment {
  /** y minus the estimated event effects */
  adjusted: number[];
  /** effect per event (level: jump; ramp: change per period) */
  beta: number[];
  /** covariance of the estimated effects */
  betaCov: number[][];
  events: EventRegressor[];
  /** total event effect at 0-based time t (t ≥ n for the forecast) */
  effect(t: number): number;
}

/**
 * Estimate event effects on y and remove them.
 *
 * @example
 * const a = adjustForEvents([10, 11, 12, 20, 21, 22], [{ kind: 'level', start: 3 }]);
 * a.beta[0] // 7 (jump of 8 minus the drift of 1)
 */
export function adjustForEvents(y: number[], events: EventRegressor[]): EventAdjustment {
  const n = y.length;
  for (const e of events) {
    if (e.kind !== 'level' && e.kind !== 'ramp')
      throw new UsageError({ code: 'forecast.err.eventKind', params: { got: String(JSON.stringify(e.kind)) } });
    if (!Number.isInteger(e.start) || e.start < 1 || e.start > n - 1) {
      throw new UsageError({ code: 'forecast.err.eventStart', params: { max: n - 1, got: String(e.start) } });
    }
  }
  const k = events.length;
  if (n - 1 < k + 2)
    throw new UsageError({
      code: k === 1 ? 'forecast.err.eventCount1' : 'forecast.err.eventCount',
      params: { k, min: k + 3, n },
    });
  // design on differences: columns [1, ΔX_1..ΔX_k]
  const rows: number[][] = [];
  const d: number[] = [];
  for (let t = 1; t < n; t++) {
    rows.push([1, ...events.map((e) => eventValue(e, t) - eventValue(e, t - 1))]);
    d.push(y[t] - y[t - 1]);
  }
  const ls = leastSquares(rows, d, 1e-10);
  if (!ls) throw new UsageError({ code: 'forecast.err.collinear' });
  const { coef, inverseGram: inv } = ls;
  const beta = coef.slice(1);
  const rss = rows.reduce((s, r, i) => s + (d[i] - r.reduce((a, x, j) => a + x * coef[j], 0)) ** 2, 0);
  const s2 = rows.length > coef.length ? rss / (rows.length - coef.length) : 0;
  const betaCov = beta.map((_, i) => beta.map((__, j) => s2 * inv[i + 1][j + 1]));
  const effect = (t: number) => events.reduce((s, e, i) => s + beta[i] * eventValue(e, t), 0);
  return { adjusted: y.map((v, t) => v - effect(t)), beta, betaCov, effect, events };
}

/**
 * Extra forecast-error covariance from the estimation error of the event
 * effects: the forecast adds β̂·(X(n−1+h) − X(n−1)) to a model of the adjusted
 * series, so level shifts (X constant after the start) add nothing and ramps
 * add h_i·h_j·Var(β̂).
 *
 * @example
 * const a = adjustForEvents([10, 11, 12, 14, 16, 18, 20], [{ kind: 'ramp', start: 3 }]);
 * eventCovariance(a, 7, 2) // 2×2, proportional to [[1, 2], [2, 4]]
 */
export function eventCovariance(a: EventAdjustment, n: number, horizon: number): Float64Array {
  const cov = new Float64Array(horizon * horizon);
  const g = (i: number, k: number) => eventValue(a.events[k], n + i) - eventValue(a.events[k], n - 1);
  for (let i = 0; i < horizon; i++)
    for (let j = 0; j < horizon; j++) {
      let v = 0;
      for (let k = 0; k < a.beta.length; k++)
        for (let l = 0; l < a.beta.length; l++) v += g(i, k) * a.betaCov[k][l] * g(j, l);
      cov[i * horizon + j] = v;
    }
  return cov;
}
