/**
 * Sample paths: the path distribution behind a forecast (Gaussian or
 * multivariate Student t) and fast simulation from it (the Monte Carlo
 * engine draws millions of paths).
 */
import { invNorm } from '../stats/normal.js';
import { chiScaleAt, chiScaleTable, type ChiScaleTable } from '../stats/chisq.js';
import type { Rng } from '../stats/rng.js';
import type { Forecast, PathDistribution } from './types.js';
import { UsageError, shownArg } from '../errors.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';

/**
 * The path distribution of a forecast: a path is v = mean + L·z·sqrt(df/W)
 * with z iid N(0,1) and one W ~ χ²_df per path (no W when `df` is undefined:
 * Gaussian), then exp(v) when `log`, or max(v, min) when `min` is set. Its marginal quantiles are exactly the
 * forecast's intervals. For a forecast built by hand (no `dist`), independent
 * normal marginals are derived from its widest interval.
 *
 * @example
 * const d = pathDistribution(forecast([5, 6, 8, 9, 11, 12, 14], { horizon: 3 }));
 * d.chol.length // 9
 */
export function pathDistribution(f: Forecast): PathDistribution {
  if (f === null || typeof f !== 'object' || !Array.isArray((f as Partial<Forecast>).point))
    throw new UsageError({ code: 'forecast.err.forecastObject', params: { got: shownArg(f) } });
  if (f.dist) return f.dist;
  const h = f.horizon;
  const mean = Float64Array.from(f.point);
  const chol = new Float64Array(h * h);
  const iv = [...f.intervals].sort((a, b) => b.level - a.level)[0];
  if (iv) {
    const z = invNorm(0.5 + iv.level / 200);
    for (let i = 0; i < h; i++) chol[i * h + i] = Math.max(0, (iv.upper[i] - iv.lower[i]) / (2 * z));
  }
  return { mean, chol, log: false };
}

const TABLES = new Map<number, ChiScaleTable>();

/**
 * The tabulated Student-t mixing scale for `df` (built once per df and kept).
 *
 * @example
 * mixingTable(4).df // 4
 */
export function mixingTable(df: number): ChiScaleTable {
  let t = TABLES.get(df);
  if (!t) {
    if (TABLES.size > 64) TABLES.clear();
    t = chiScaleTable(df);
    TABLES.set(df, t);
  }
  return t;
}

/**
 * Simulate `nPaths` sample paths of a forecast: a Float64Array of
 * nPaths × horizon values, one row per path. Deterministic for a given rng
 * state. With Student-t marginals (`df`), each path first takes one uniform
 * for its mixing scale sqrt(df/W) (tabulated χ² quantile, relative error
 * < 2e-6), then its h normals; Gaussian paths use exactly the h normals.
 *
 * @example
 * const f = forecast([5, 6, 8, 9, 11, 12, 14], { horizon: 3 });
 * const paths = simulate(f, 1000, new Rng(42));
 * paths.length // 3000
 */
export function simulate(f: Forecast, nPaths: number, rng: Rng): Float64Array {
  const { mean, chol, log, df, min } = pathDistribution(f);
  const lo = min ?? -Infinity;
  const h = mean.length;
  // refused before the nPaths × h array is allocated (1e9 paths took minutes and 16 GB)
  checkIntegerArg('nPaths', nPaths, 0, Math.floor(API_LIMITS.simulateValues / Math.max(h, 1)));
  if (rng === null || typeof rng !== 'object' || typeof (rng as Partial<Rng>).uniform !== 'function')
    throw new UsageError({ code: 'forecast.err.rng', params: { got: shownArg(rng) } });
  const out = new Float64Array(nPaths * h);
  const z = new Float64Array(h);
  const tab = df !== undefined && Number.isFinite(df) ? mixingTable(df) : null;
  for (let p = 0; p < nPaths; p++) {
    const w = tab ? chiScaleAt(tab, rng.uniform()) : 1;
    for (let i = 0; i < h; i++) z[i] = w * invNorm(rng.uniform());
    const row = p * h;
    for (let i = 0; i < h; i++) {
      let v = mean[i];
      const base = i * h;
      for (let k = 0; k <= i; k++) v += chol[base + k] * z[k];
      out[row + i] = log ? Math.exp(v) : v < lo ? lo : v;
    }
  }
  return out;
}
