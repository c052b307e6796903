import { describe, expect, it } from 'vitest';
import { CALIBRATION, CALIBRATION_DF, buildForecast, calibrationDf, calibrationFactors, naiveFit } from '../../src/forecast/index.js';
import { qt } from '../../src/stats/t.js';

describe('interval calibration (Student t: ν per method, scale factor per horizon)', () => {
  it('every calibrated method has heavy-tailed but finite-variance degrees of freedom', () => {
    for (const m of Object.keys(CALIBRATION)) {
      const nu = calibrationDf(m)!;
      expect(nu, m).toBeGreaterThan(2);
      expect(nu, m).toBeLessThanOrEqual(50);
    }
    expect(calibrationDf('unknown')).toBeUndefined();
    expect(CALIBRATION_DF.comb).toBe(calibrationDf('comb'));
  });
  it('factors repeat the last horizon beyond the estimated ones', () => {
    const k = calibrationFactors('comb', 8);
    expect(k[7]).toBe(CALIBRATION.comb[5]);
    expect(calibrationFactors('unknown', 2)).toEqual([1, 1]);
  });
  it('buildForecast: t intervals are mean ± qt(level, ν)·k·sd', () => {
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
  it('on the log scale the factors multiply the log-scale sd (the scale the calibration was fitted on)', () => {
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
