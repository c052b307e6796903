/**
 * Sample paths: the Gaussian path distribution behind a forecast and fast
 * simulation from it (the Monte Carlo engine draws millions of paths).
 */
import { invNorm } from '../stats/normal.js';
import type { Rng } from '../stats/rng.js';
import type { Forecast, PathDistribution } from './types.js';

/**
 * The path distribution of a forecast: a path is v = mean + L·z with z iid
 * N(0,1), then exp(v) when `log`. Its marginal quantiles are exactly the
 * forecast's intervals. For a forecast built by hand (no `dist`), independent
 * normal marginals are derived from its widest interval.
 *
 * @example
 * const d = pathDistribution(forecast([5, 6, 8, 9, 11, 12, 14], { horizon: 3 }));
 * d.chol.length // 9
 */
export function pathDistribution(f: Forecast): PathDistribution {
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

/**
 * Simulate `nPaths` sample paths of a forecast: a Float64Array of
 * nPaths × horizon values, one row per path. Deterministic for a given rng state.
 *
 * @example
 * const f = forecast([5, 6, 8, 9, 11, 12, 14], { horizon: 3 });
 * const paths = simulate(f, 1000, new Rng(42));
 * paths.length // 3000
 */
export function simulate(f: Forecast, nPaths: number, rng: Rng): Float64Array {
  if (!Number.isInteger(nPaths) || nPaths < 0) throw new RangeError(`nPaths must be a non-negative integer (got ${nPaths})`);
  const { mean, chol, log } = pathDistribution(f);
  const h = mean.length;
  const out = new Float64Array(nPaths * h);
  const z = new Float64Array(h);
  for (let p = 0; p < nPaths; p++) {
    for (let i = 0; i < h; i++) z[i] = invNorm(rng.uniform());
    const row = p * h;
    for (let i = 0; i < h; i++) {
      let v = mean[i];
      const base = i * h;
      for (let k = 0; k <= i; k++) v += chol[base + k] * z[k];
      out[row + i] = log ? Math.exp(v) : v;
    }
  }
  return out;
}
