import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { CALIBRATION_DF, forecast, pathDistribution, simulate } from '../../src/forecast/index.js';
import { invNorm } from '../../src/stats/normal.js';
import { qt } from '../../src/stats/t.js';
import { Rng } from '../../src/stats/rng.js';
import { quantileSorted } from '../../src/stats/distributions.js';

describe('path distribution and simulation', () => {
  it('nPaths × horizon beyond 50 million values is refused before the array is allocated (1e9 paths took minutes and 16 GB); no rng or no forecast is named', () => {
    const f = forecast([10, 12, 13, 15, 16, 18, 19], { horizon: 2 });
    const t0 = Date.now();
    expect(() => simulate(f, 1e9, new Rng(1))).toThrow(
      'nPaths must be an integer from 0 to 25,000,000, got 1000000000',
    );
    expect(() => simulate(f, 1.5, new Rng(1))).toThrow(UsageError);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(simulate(f, 0, new Rng(1)).length).toBe(0);
    expect(() => simulate(f, 10, undefined as never)).toThrow('rng must be an Rng (e.g. new Rng(42)) (got undefined)');
    expect(() => pathDistribution(undefined as never)).toThrow(
      'the forecast must be a result of forecast(...) or forecastSeries(...) (got undefined)',
    );
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
    const f = forecast([10, 11, 9, 12, 10, 13, 11, 12], {
      method: 'naive',
      horizon: 2,
      scale: 'linear',
      calibrate: false,
    });
    const L = pathDistribution(f).chol;
    // cov(e1, e2) = σ², var(e2) = 2σ² → L = σ·[[1, 0], [1, 1]]
    expect(L[2]).toBeCloseTo(L[0], 10);
    expect(L[3]).toBeCloseTo(L[0], 10);
  });
  it('calibrated forecasts are Student t: df from the calibration, intervals = mean ± qt·scale', () => {
    const f = forecast([120, 126, 131, 140, 138, 151, 158, 163, 170], { method: 'comb', horizon: 3, levels: [80, 95] });
    const d = pathDistribution(f);
    expect(d.df).toBe(CALIBRATION_DF.comb);
    expect(d.df).toBeGreaterThan(2);
    for (let i = 0; i < 3; i++) {
      let s2 = 0;
      for (let k = 0; k <= i; k++) s2 += d.chol[i * 3 + k] ** 2;
      const sc = Math.sqrt(s2);
      expect(f.intervals[1].upper[i]).toBeCloseTo(Math.exp(d.mean[i] + qt(0.975, d.df!) * sc), 8);
      expect(f.intervals[0].lower[i]).toBeCloseTo(Math.exp(d.mean[i] - qt(0.9, d.df!) * sc), 8);
    }
  });
  it('textbook intervals (calibrate: false) stay Gaussian', () => {
    const f = forecast([10, 11, 9, 12, 10, 13, 11, 12], {
      method: 'naive',
      horizon: 1,
      scale: 'linear',
      calibrate: false,
    });
    const d = pathDistribution(f);
    expect(d.df).toBeUndefined();
    expect(f.intervals[1].upper[0] - d.mean[0]).toBeCloseTo(invNorm(0.975) * d.chol[0], 10);
  });
  it('Gaussian paths use exactly h normals per path; t paths one extra uniform first', () => {
    const g = forecast([10, 11, 9, 12, 10, 13, 11, 12], {
      method: 'naive',
      horizon: 2,
      scale: 'linear',
      calibrate: false,
    });
    const d = pathDistribution(g);
    const rng = new Rng(3);
    const z0 = invNorm(rng.uniform()),
      z1 = invNorm(rng.uniform());
    const p = simulate(g, 1, new Rng(3));
    expect(p[0]).toBeCloseTo(d.mean[0] + d.chol[0] * z0, 12);
    expect(p[1]).toBeCloseTo(d.mean[1] + d.chol[2] * z0 + d.chol[3] * z1, 12);
    const t = { ...g, dist: { ...d, df: 4 } };
    const n = 200000;
    const paths = simulate(t, n, new Rng(5));
    // marginal at h = 1 is mean + chol·t₄: 95 % of draws within ± qt(0.975, 4)·chol
    let inside = 0;
    for (let k = 0; k < n; k++) if (Math.abs(paths[2 * k] - d.mean[0]) <= qt(0.975, 4) * d.chol[0]) inside++;
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(0.003);
  });
});
