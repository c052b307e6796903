import { describe, expect, it } from 'vitest';
import { gammaVariate, tScaleVariate } from '../../src/stats/gamma.js';
import { invNorm } from '../../src/stats/normal.js';
import { Rng } from '../../src/stats/rng.js';
import { qt } from '../../src/stats/t.js';

const N = 200_000;
describe('gamma and Student-t variates (Marsaglia–Tsang)', () => {
  for (const shape of [0.5, 1, 2.5, 7]) {
    it(`Gamma(${shape}) has mean and variance = shape`, () => {
      const rng = new Rng(42, shape * 10);
      let s = 0,
        s2 = 0;
      for (let i = 0; i < N; i++) {
        const g = gammaVariate(shape, rng);
        s += g;
        s2 += g * g;
      }
      const mean = s / N;
      const v = s2 / N - mean * mean;
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / N));
      expect(Math.abs(v / shape - 1)).toBeLessThan(0.03);
    });
  }
  it('z·√(ν/χ²_ν) has the quantiles of Student t (R: qt(0.9, 4) = 1.533206, qt(0.975, 4) = 2.776445)', () => {
    const rng = new Rng(7, 0);
    const x = new Float64Array(N);
    for (let i = 0; i < N; i++) x[i] = invNorm(rng.uniform()) * tScaleVariate(4, rng);
    x.sort();
    expect(x[Math.floor(0.9 * N)]).toBeCloseTo(qt(0.9, 4), 1);
    expect(x[Math.floor(0.975 * N)]).toBeCloseTo(qt(0.975, 4), 1);
    expect(x[Math.floor(0.5 * N)]).toBeCloseTo(0, 1);
  });
  it('is reproducible for a seed and refuses shape ≤ 0', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          gammaVariate(3, r)
      )(new Rng(1, 2)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          gammaVariate(3, r)
      )(new Rng(1, 2)),
    );
    expect(a).toEqual(b);
    expect(() => gammaVariate(0, new Rng(1))).toThrow(/> 0/);
  });
});
