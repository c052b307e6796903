import { describe, expect, it } from 'vitest';
import { invert } from '../../src/stats/linalg.js';
import { coefInterval, ols } from '../../src/stats/ols.js';
import { pt } from '../../src/stats/t.js';

describe('ols', () => {
  it('recovers an exact line', () => {
    const r = ols(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 3, 5],
    );
    expect(r.coef[0]).toBeCloseTo(1, 12);
    expect(r.coef[1]).toBeCloseTo(2, 12);
    expect(r.r2).toBeCloseTo(1, 12);
  });
  it('matches textbook standard errors (x = 1..5, y = 2,4,5,4,5)', () => {
    // slope 0.6, intercept 2.2, s = sqrt(2.4/3), se(slope) = s/sqrt(10)
    const r = ols(
      [1, 2, 3, 4, 5].map((x) => [1, x]),
      [2, 4, 5, 4, 5],
    );
    expect(r.coef[1]).toBeCloseTo(0.6, 12);
    expect(r.coef[0]).toBeCloseTo(2.2, 12);
    expect(r.se[1]).toBeCloseTo(Math.sqrt(0.8) / Math.sqrt(10), 12);
    expect(r.r2).toBeCloseTo(0.6, 12);
    expect(r.leverage.reduce((s, h) => s + h, 0)).toBeCloseTo(2, 12);
    const [lo, hi] = coefInterval(r, 1, 0.95);
    expect(hi - 0.6).toBeCloseTo(3.182446305284263 * r.se[1], 9);
    expect(lo).toBeLessThan(0.6);
    // two-sided p-value of the slope: 2·P(T₃ > 0.6 / se)
    expect(r.p[1]).toBeCloseTo(2 * (1 - pt(0.6 / r.se[1], 3)), 12);
  });
  it('rejects collinear regressors', () => {
    expect(() =>
      ols(
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/collinear/);
    expect(
      invert([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });
});
