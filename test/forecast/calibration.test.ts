import { describe, expect, it } from 'vitest';
import {
  CALIBRATION,
  CALIBRATION_CONSTANTS,
  CALIBRATION_DF,
  POSITIVE_FLOOR,
  buildForecast,
  floorPositive,
  calibrationDf,
  calibrationFactors,
  driftFit,
  etsFit,
  forecast,
  naiveFit,
  seriesScale,
  simulate,
} from '../../src/forecast/index.js';
import { Rng } from '../../src/stats/rng.js';
import { qt } from '../../src/stats/t.js';

describe("interval calibration (Student t: ν per method, factor k(h) per horizon, times the series' own one-step scale)", () => {
  it('every calibrated method has heavy-tailed but finite-variance degrees of freedom', () => {
    for (const m of Object.keys(CALIBRATION)) {
      const nu = calibrationDf(m)!;
      expect(nu, m).toBeGreaterThan(2);
      expect(nu, m).toBeLessThanOrEqual(50);
    }
    expect(calibrationDf('unknown')).toBeUndefined();
    expect(CALIBRATION_DF.comb).toBe(calibrationDf('comb'));
  });
  it('beyond the estimated horizons the factors continue the last step linearly', () => {
    const c = CALIBRATION.comb;
    const k = calibrationFactors('comb', 8);
    expect(k.slice(0, 6)).toEqual(c);
    expect(k[7]).toBeCloseTo(c[5] + 2 * (c[5] - c[4]), 12);
    expect(calibrationFactors('unknown', 2)).toEqual([1, 1]);
  });
  it('the constants are data with provenance: fitted on M4, a positive prior, factors growing with h', () => {
    expect(CALIBRATION_CONSTANTS.provenance).toMatch(/bench\/m4\/calibrate\.mjs/);
    expect(CALIBRATION_CONSTANTS.provenance).toMatch(/M4/);
    expect(CALIBRATION_CONSTANTS.prior.s0).toBeGreaterThan(0);
    expect(CALIBRATION_CONSTANTS.prior.kappa).toBeGreaterThan(0);
    for (const [m, k] of Object.entries(CALIBRATION))
      for (let i = 1; i < k.length; i++) expect(k[i], m).toBeGreaterThanOrEqual(k[i - 1]);
  });
  it('seriesScale: s² = (m·d² + κ·s0²)/(m + κ) with d the mean absolute (log) change, m = n − 1', () => {
    const prior = { s0: 0.1, kappa: 2 };
    const d = (Math.log(17 / 16) + Math.log(18 / 17)) / 2;
    expect(seriesScale([16, 17, 18], true, prior)).toBeCloseTo(Math.sqrt((2 * d * d + 2 * 0.01) / 4), 14);
    // original scale: changes in units, prior relative to the mean absolute level (17)
    expect(seriesScale([16, 17, 18], false, prior)).toBeCloseTo(Math.sqrt((2 * 1 + 2 * 1.7 ** 2) / 4), 14);
    // constant and all-zero series still get a positive scale from the prior
    expect(seriesScale([5, 5, 5], true, prior)).toBeCloseTo(0.1 * Math.sqrt(2 / 4), 14);
    expect(seriesScale([0, 0, 0], false, prior)).toBeCloseTo(0.1 * Math.sqrt(2 / 4), 14);
    // the prior matters less the longer the series
    const long = Array.from({ length: 41 }, (_, i) => 100 * 1.05 ** i * (i % 2 ? 1.02 : 0.98));
    const dl = (() => {
      let a = 0;
      for (let i = 1; i < 41; i++) a += Math.abs(Math.log(long[i] / long[i - 1]));
      return a / 40;
    })();
    expect(Math.abs(seriesScale(long, true, prior) - dl)).toBeLessThan(
      Math.abs(seriesScale(long.slice(-6), true, prior) - dl) + 1e-12,
    );
  });
  it('calibrated intervals: exp(log point ± qt(level, ν)·k(h)·s) on a positive series', () => {
    const y = [10, 12, 11, 14];
    const prior = CALIBRATION_CONSTANTS.prior;
    const f = forecast(y, { method: 'naive', horizon: 2, levels: [80, 95] });
    const { nu, k } = { nu: CALIBRATION_DF.naive, k: CALIBRATION.naive };
    const s = seriesScale(y, true, prior);
    expect(f.dist!.log).toBe(true);
    expect(f.dist!.df).toBe(nu);
    for (const [j, level] of [80, 95].entries())
      for (let i = 0; i < 2; i++) {
        expect(Math.log(f.intervals[j].upper[i] / 14)).toBeCloseTo(qt(0.5 + level / 200, nu) * k[i] * s, 12);
        expect(Math.log(14 / f.intervals[j].lower[i])).toBeCloseTo(qt(0.5 + level / 200, nu) * k[i] * s, 12);
      }
  });
  it('a series a model fits exactly (16, 17, 18) still gets an interval of positive width', () => {
    for (const method of ['drift', 'holt', 'ets', 'auto', 'ensemble'] as const) {
      const f = forecast([16, 17, 18], { method, horizon: 3 });
      for (const iv of f.intervals)
        for (let i = 0; i < 3; i++) expect(iv.upper[i] - iv.lower[i], method).toBeGreaterThan(0.5);
    }
  });
  it('strictly positive series: no negative point or bound, points inside their intervals, for every method', () => {
    const falling = [100, 90, 70, 55, 40, 28, 20, 14, 8, 5];
    for (const method of [
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
      'auto',
    ] as const)
      for (const scale of ['auto', 'linear'] as const) {
        const f = forecast(falling, { method, horizon: 8, levels: [50, 80, 95], scale });
        f.point.forEach((p, i) => {
          expect(p, `${method} ${scale}`).toBeGreaterThanOrEqual(POSITIVE_FLOOR * 5 - 1e-12);
          for (const iv of f.intervals) {
            expect(iv.lower[i], `${method} ${scale}`).toBeGreaterThanOrEqual(0);
            expect(iv.lower[i]).toBeLessThanOrEqual(p);
            expect(iv.upper[i]).toBeGreaterThanOrEqual(p);
          }
        });
      }
  });
  it('an additive trend past zero is floored at POSITIVE_FLOOR × the smallest value (the M4 Y1665 failure)', () => {
    const y = [50, 45, 40, 35, 30, 25, 20, 15];
    const raw = etsFit(y, { error: 'A', trend: 'A' }).predict(6).point;
    expect(Math.min(...raw)).toBeLessThan(0);
    const f = forecast(y, { method: 'holt', horizon: 6 });
    expect(Math.min(...f.point)).toBeCloseTo(POSITIVE_FLOOR * 15, 12);
    for (const iv of f.intervals) for (let i = 0; i < 6; i++) expect(iv.upper[i]).toBeGreaterThan(iv.lower[i]);
  });
  it('long series do not overflow the call stack (no argument spreading over the series)', () => {
    const y = Array.from({ length: 300_000 }, (_, i) => 10 + (i % 7));
    expect(floorPositive([-1, 20], y)).toEqual([POSITIVE_FLOOR * 10, 20]);
    const f = forecast(y, { method: 'naive', horizon: 2 });
    expect(f.point).toEqual([y[y.length - 1], y[y.length - 1]]);
  });
  it('pathDistribution matches the calibrated intervals: simulated quantiles ≈ the bounds', () => {
    const f = forecast([410, 432, 455, 470, 498, 520, 533, 560], { horizon: 3, levels: [80, 95] });
    const n = 200_000;
    const paths = simulate(f, n, new Rng(7, 0));
    for (let i = 0; i < 3; i++) {
      const col = Float64Array.from({ length: n }, (_, p) => paths[p * 3 + i]).sort();
      for (const iv of f.intervals) {
        const a = (1 - iv.level / 100) / 2;
        expect(col[Math.floor(a * n)] / iv.lower[i]).toBeCloseTo(1, 2);
        expect(col[Math.floor((1 - a) * n)] / iv.upper[i]).toBeCloseTo(1, 2);
      }
    }
  });
  it('a series with zeros or negative values: calibrated intervals on the original scale around the point', () => {
    const y = [3, -1, 4, 2, 5, 6, 4, 7];
    const f = forecast(y, { method: 'drift', horizon: 2, levels: [95] });
    expect(f.dist!.log).toBe(false);
    const s = seriesScale(y, false, CALIBRATION_CONSTANTS.prior);
    const w = qt(0.975, CALIBRATION_DF.drift) * CALIBRATION.drift[0] * s;
    expect(f.intervals[0].upper[0] - f.point[0]).toBeCloseTo(w, 10);
    expect(f.point[0] - f.intervals[0].lower[0]).toBeCloseTo(w, 10);
    expect(driftFit(y).predict(1).point[0]).toBeCloseTo(f.point[0], 12);
  });
  it('uncalibrated buildForecast: t intervals are mean ± qt(level, ν)·k·sd', () => {
    const y = [1, 2, 3, 5];
    const fit = naiveFit(y);
    const sd = fit.predict(1).cov[0] ** 0.5;
    const f = buildForecast(fit, { horizon: 1, levels: [80, 95], scale: 'linear', factors: [1.5], df: 3, y });
    expect(f.dist!.df).toBe(3);
    expect(f.intervals[1].upper[0] - 5).toBeCloseTo(qt(0.975, 3) * 1.5 * sd, 12);
    expect(5 - f.intervals[0].lower[0]).toBeCloseTo(1.6377443536962102 * 1.5 * sd, 12);
    const g = buildForecast(fit, { horizon: 1, levels: [95], scale: 'linear', df: Infinity, y });
    expect(g.dist!.df).toBeUndefined();
    expect(g.intervals[0].upper[0] - 5).toBeCloseTo(1.959963984540054 * sd, 12);
    expect(() => buildForecast(fit, { horizon: 1, levels: [95], scale: 'linear', df: 0, y })).toThrow(RangeError);
  });
  it('uncalibrated, on the log scale the factors multiply the log-scale sd', () => {
    const y = [10, 12, 11, 14];
    const fit = naiveFit(y);
    const v = fit.predict(2).cov;
    // uncalibrated log-normal sd: sd_log² = log(1 + var/point²), point = 14
    const sdl = [Math.sqrt(Math.log1p(v[0] / 196)), Math.sqrt(Math.log1p(v[3] / 196))];
    const f = buildForecast(fit, { horizon: 2, levels: [90], scale: 'log', factors: [1.5, 0.8], df: 4, y });
    expect(f.dist!.log).toBe(true);
    expect(Math.log(f.intervals[0].upper[0] / 14)).toBeCloseTo(qt(0.95, 4) * 1.5 * sdl[0], 12);
    expect(Math.log(14 / f.intervals[0].lower[1])).toBeCloseTo(qt(0.95, 4) * 0.8 * sdl[1], 12);
    // path scale matrix: diagonal of L·Lᵀ is (k·sd_log)²
    const L = f.dist!.chol;
    expect(Math.sqrt(L[2] ** 2 + L[3] ** 2)).toBeCloseTo(0.8 * sdl[1], 12);
  });
});
