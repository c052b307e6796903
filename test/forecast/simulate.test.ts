import { describe, expect, it } from 'vitest';
import { cholesky, forecast, pathDistribution, simulate } from '../../src/forecast/index.js';
import { Rng } from '../../src/stats/rng.js';
import { quantileSorted } from '../../src/stats/distributions.js';

describe('path distribution and simulation', () => {
  it('Cholesky of a known matrix', () => {
    expect(Array.from(cholesky(new Float64Array([4, 2, 2, 5]), 2))).toEqual([2, 0, 1, 2]);
  });
  it('simulated marginal quantiles match the intervals (log scale)', () => {
    const f = forecast([120, 126, 131, 140, 138, 151, 158, 163, 170], { method: 'comb', horizon: 3, levels: [80, 95] });
    const d = pathDistribution(f);
    expect(d.log).toBe(true);
    const n = 100000;
    const paths = simulate(f, n, new Rng(7));
    for (let h = 0; h < 3; h++) {
      const col = Float64Array.from({ length: n }, (_, p) => paths[p * 3 + h]).sort();
      for (const iv of f.intervals) {
        const a = (1 - iv.level / 100) / 2;
        expect(Math.abs(quantileSorted(col, a) / iv.lower[h] - 1)).toBeLessThan(0.01);
        expect(Math.abs(quantileSorted(col, 1 - a) / iv.upper[h] - 1)).toBeLessThan(0.01);
      }
    }
  });
  it('linear scale for series with zeros or negatives; same seed → same paths', () => {
    const f = forecast([0, 2, -1, 3, 1, 4, 2, 5], { method: 'drift', horizon: 2 });
    expect(pathDistribution(f).log).toBe(false);
    expect(simulate(f, 10, new Rng(1))).toEqual(simulate(f, 10, new Rng(1)));
  });
  it('paths are correlated across horizons like a random walk', () => {
    const f = forecast([10, 11, 9, 12, 10, 13, 11, 12], { method: 'naive', horizon: 2, scale: 'linear', calibrate: false });
    const L = pathDistribution(f).chol;
    // cov(e1, e2) = σ², var(e2) = 2σ² → L = σ·[[1, 0], [1, 1]]
    expect(L[2]).toBeCloseTo(L[0], 10);
    expect(L[3]).toBeCloseTo(L[0], 10);
  });
});
