import { describe, expect, it } from 'vitest';
// the calibration fit used by bench/m4/calibrate.mjs (constants in src/forecast/calibration-data.ts)
import { byHorizon, coverage, crossFittedCoverage, fitCalibration } from '../../bench/m3/calib-lib.mjs';
import { qt } from '../../src/stats/t.js';
import { invNorm } from '../../src/stats/normal.js';
import { Rng } from '../../src/stats/rng.js';

/** |z| of n series × 6 horizons, z = scale(h) · T_4 (Student t, ν = 4: normal / sqrt(χ²₄/4), χ²₄ = −2 log(u₁u₂)). */
function tErrors(n: number, scale: number[], seed: number): number[][] {
  const rng = new Rng(seed, 0);
  return Array.from({ length: n }, () =>
    scale.map((s) => {
      const chi = -2 * Math.log(rng.uniform() * rng.uniform());
      return Math.abs((s * invNorm(rng.uniform())) / Math.sqrt(chi / 4));
    }),
  );
}

describe('interval calibration fit (bench/m3/calib-lib.mjs)', () => {
  const scale = [0.7, 0.9, 1, 1.2, 1.3, 1.5];
  const errs = tErrors(6000, scale, 7);
  it('recovers ν and the scale per horizon of Student-t errors', () => {
    const fit = fitCalibration(byHorizon(errs), qt);
    expect(fit.nu).toBeGreaterThanOrEqual(3);
    expect(fit.nu).toBeLessThanOrEqual(6);
    // k trades off against the fitted ν (k·qt(ν) is what counts) and the loss aims at 94.5 %
    const ks = fit.ks ?? []; // null only if no ν was tried
    expect(ks).toHaveLength(scale.length);
    ks.forEach((k: number, h: number) => {
      expect(k / scale[h]).toBeGreaterThan(0.88);
      expect(k / scale[h]).toBeLessThan(1.08);
    });
    const c = coverage(errs, fit.nu, fit.ks, qt);
    expect(c.n).toBe(36000);
    expect(c.cov80).toBeGreaterThan(0.79);
    expect(c.cov80).toBeLessThan(0.81);
    expect(c.cov95).toBeGreaterThan(0.935);
    expect(c.cov95).toBeLessThan(0.955);
  });
  it('cross-fitted coverage scores each half with constants fitted on the other half', () => {
    const cf = crossFittedCoverage(errs, qt);
    expect(cf.n).toBe(36000);
    expect(cf.cov80).toBeGreaterThan(0.78);
    expect(cf.cov80).toBeLessThan(0.82);
    // a calibration fitted on errors twice as large over-covers the other half: the folds are really separate
    const mixed = errs.map((e, i) => (i % 2 === 0 ? e.map((z) => 2 * z) : e));
    const cm = crossFittedCoverage(mixed, qt);
    const fitBig = fitCalibration(byHorizon(mixed.filter((_: number[], i: number) => i % 2 === 0)), qt);
    const fitSmall = fitCalibration(byHorizon(mixed.filter((_: number[], i: number) => i % 2 === 1)), qt);
    const onSmall = coverage(
      mixed.filter((_: number[], i: number) => i % 2 === 1),
      fitBig.nu,
      fitBig.ks,
      qt,
    );
    const onBig = coverage(
      mixed.filter((_: number[], i: number) => i % 2 === 0),
      fitSmall.nu,
      fitSmall.ks,
      qt,
    );
    expect(onSmall.cov80).toBeGreaterThan(0.93); // too wide for the other half
    expect(onBig.cov80).toBeLessThan(0.6); // too narrow for the other half
    expect(cm.cov80).toBeCloseTo((onSmall.in80 + onBig.in80) / 36000, 12);
  });
  it('coverage counts |z| ≤ k·qt(level) per horizon, the last factor repeating', () => {
    const c = coverage([[0.5, 1, 3]], Infinity, [1, 2], qt);
    // 80 %: 1.2816·[1, 2, 2] → 0.5 in, 1 in, 3 out; 95 %: 1.96·[1, 2, 2] → all in
    expect(c).toEqual({ n: 3, in80: 2, in95: 3, cov80: 2 / 3, cov95: 1 });
  });
});
