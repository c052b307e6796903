import { describe, expect, it } from 'vitest';
import { chiScale, chiScaleAt, chiScaleTable, pchisq, qchisq } from '../../src/stats/chisq.js';
import { Rng } from '../../src/stats/rng.js';

// Reference values from R 4.2.2: qchisq(p, df), pchisq(x, df) printed with 17 digits.
describe('qchisq (Wilson–Hilferty + Newton on the regularized gamma)', () => {
  it.each([
    [0.5, 4, 3.356693980033322],
    [0.95, 10, 18.307038053275146],
    [1e-10, 2.5, 2.2101150154935937e-8],
    [0.999999, 3, 30.664849706154268],
    [0.01, 0.7, 2.7781075483963881e-6],
    [0.5, 200, 199.33372983863086],
  ])('qchisq(%s, %s) = %s', (p, df, x) => {
    expect(Math.abs(qchisq(p, df) - x) / x).toBeLessThan(1e-10);
  });
  it('matches the brief values', () => {
    expect(qchisq(0.5, 4)).toBeCloseTo(3.356694, 6);
    expect(qchisq(0.95, 10)).toBeCloseTo(18.30704, 5);
  });
  it('pchisq matches R and inverts qchisq', () => {
    expect(pchisq(5, 3)).toBeCloseTo(0.8282028557032668, 14);
    for (const df of [0.5, 1, 2.5, 7, 40])
      for (const p of [1e-9, 0.01, 0.2, 0.5, 0.8, 0.99])
        expect(Math.abs(pchisq(qchisq(p, df), df) - p) / p).toBeLessThan(1e-10);
  });
  it('handles the ends and invalid input', () => {
    expect(qchisq(0, 3)).toBe(0);
    expect(qchisq(1, 3)).toBe(Infinity);
    expect(qchisq(-0.1, 3)).toBeNaN();
    expect(() => qchisq(0.5, 0)).toThrow(RangeError);
  });
});

describe('chiScaleTable (tabulated sqrt(ν/χ²_ν))', () => {
  it('matches the exact scale within 5e-6 relative, tails included', () => {
    for (const df of [1.5, 3, 8, 30]) {
      const tab = chiScaleTable(df);
      const us = [1e-15, 1e-9, 1e-4, 0.003, 1 / 64, 0.02, 0.3, 0.5, 0.77, 0.98, 0.999, 1 - 1e-9];
      const rng = new Rng(7, df);
      for (let i = 0; i < 300; i++) us.push(rng.uniform());
      for (const u of us) {
        const exact = u > 0.5 ? Math.sqrt(df / qchisq(u, df)) : chiScale(u, df);
        expect(Math.abs(chiScaleAt(tab, u) / exact - 1)).toBeLessThan(5e-6);
      }
    }
  });
  it('gives Student-t marginals: z·w(u) at the t quantile level has the right frequency', () => {
    // P(|Z|·w ≤ qt(0.975, 4)) = 0.95 for Z ~ N(0,1), w = sqrt(4/χ²_4)
    const tab = chiScaleTable(4);
    const rng = new Rng(1, 0);
    let inside = 0;
    const n = 200000;
    for (let i = 0; i < n; i++) {
      const w = chiScaleAt(tab, rng.uniform());
      const z = Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
      if (Math.abs(z * w) <= 2.7764451051977987) inside++;
    }
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(0.003);
  });
});
