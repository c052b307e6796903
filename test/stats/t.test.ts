import { describe, expect, it } from 'vitest';
import { dt, pt, qt } from '../../src/stats/t.js';
import { invNorm } from '../../src/stats/normal.js';
import { betaInc } from '../../src/stats/special.js';

// Reference values from R 4.2.2: qt(p, df), pt(x, df) printed with 17 digits.
describe('qt (Hill 396 + Newton on the exact tail)', () => {
  it.each([
    [0.975, 5, 2.5705818356363137],
    [0.9, 3, 1.6377443536962091],
    [0.995, 30, 2.7499956535672254],
    [1e-10, 2.5, -8765.4377713645972],
    [0.6, 0.5, 0.39797542678478237],
    [0.999, 1, 318.30883898555015],
    [0.975, 1e6, 1.9599663568141066],
    [0.975, 2, 4.3026527297494619],
    [1 - 1e-12, 4, 1316.0800251221385],
  ])('qt(%s, %s) = %s', (p, df, q) => {
    expect(Math.abs(qt(p, df) - q) / Math.abs(q)).toBeLessThan(1e-10);
  });
  it('matches the brief values to 9 decimals', () => {
    expect(qt(0.975, 5)).toBeCloseTo(2.570581836, 9);
    expect(qt(0.9, 3)).toBeCloseTo(1.637744354, 9);
    expect(qt(0.995, 30)).toBeCloseTo(2.749995653, 8);
  });
  it('is symmetric, normal at df = Infinity, and handles the ends', () => {
    expect(qt(0.025, 5)).toBeCloseTo(-qt(0.975, 5), 13);
    expect(qt(0.975, Infinity)).toBe(invNorm(0.975));
    expect(qt(0.5, 3)).toBe(0);
    expect(qt(0, 3)).toBe(-Infinity);
    expect(qt(1, 3)).toBe(Infinity);
    expect(qt(1.2, 3)).toBeNaN();
    expect(() => qt(0.9, 0)).toThrow(RangeError);
  });
  it('inverts pt over a grid of p and df', () => {
    for (const df of [0.7, 1, 1.5, 2, 3, 4.5, 10, 50, 1e4])
      for (const p of [1e-8, 0.001, 0.05, 0.3, 0.7, 0.9, 0.99])
        expect(Math.abs(pt(qt(p, df), df) - p) / p).toBeLessThan(1e-10);
  });
});

describe('pt and dt', () => {
  it.each([
    [-3, 4, 0.019970984035859413],
    [1e-3, 7, 0.50038499137750059],
  ])('pt(%s, %s) = %s', (x, df, p) => {
    expect(pt(x, df)).toBeCloseTo(p, 13);
  });
  it('dt is the Cauchy density at df = 1', () => {
    expect(dt(1, 1)).toBeCloseTo(1 / (2 * Math.PI), 14);
  });
});

describe('tabulated values used by the cost regression (formerly src/cost/tdist.ts)', () => {
  it('has the tabulated quantiles, the centre and the two-sided 5 % point', () => {
    expect(qt(0.975, 6)).toBeCloseTo(2.446911851144969, 9);
    expect(qt(0.975, 3)).toBeCloseTo(3.182446305284263, 9);
    expect(qt(0.95, 1)).toBeCloseTo(6.313751514675043, 8);
    expect(pt(0, 4)).toBeCloseTo(0.5, 14);
    expect(2 * pt(-2.446911851144969, 6)).toBeCloseTo(0.05, 10); // two-sided p-value, as in ols
    expect(betaInc(0.5, 2, 3)).toBeCloseTo(0.6875, 14); // I_½(2, 3) = 11/16
  });
});
