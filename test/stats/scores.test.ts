import { describe, expect, it } from 'vitest';
import {
  binomialInterval,
  brier,
  crpsPool,
  crpsSorted,
  halfSpread,
  meanAbsDiff,
  pitSorted,
} from '../../src/stats/scores.js';
import { invNorm } from '../../src/stats/normal.js';

/** A sorted sample of N(mu, s²) at the midpoint quantiles (i + 0.5)/n: a near-exact empirical stand-in. */
const normalSample = (mu: number, s: number, n = 20_000) =>
  Float64Array.from({ length: n }, (_, i) => mu + s * invNorm((i + 0.5) / n));

describe('proper scores of sample forecasts', () => {
  it("crpsSorted: E|X − y| − ½E|X − X'| of the sample; a point forecast scores its absolute error", () => {
    expect(crpsSorted(Float64Array.from([1, 2, 3]), 2)).toBeCloseTo(2 / 3 - 4 / 9, 15);
    expect(crpsSorted(Float64Array.from([5]), 2)).toBe(3);
  });
  it('crpsSorted of a normal sample matches the closed form (R: σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π] = 0.793110383480896 for y = 1.3, N(0, 2²))', () => {
    expect(crpsSorted(normalSample(0, 2), 1.3)).toBeCloseTo(0.793110383480896, 3);
  });
  it('crpsPool: one component is its CRPS; pooling a sample with itself changes nothing; the pair term is E|A − B|', () => {
    const a = normalSample(10, 1, 2000);
    const b = normalSample(14, 2, 3000);
    expect(crpsPool([a], [1], 11)).toBeCloseTo(crpsSorted(a, 11), 12);
    expect(crpsPool([a, a], [0.3, 0.7], 11)).toBeCloseTo(crpsSorted(a, 11), 10);
    expect(meanAbsDiff(Float64Array.from([0, 1]), Float64Array.from([3]))).toBe(2.5);
    expect(halfSpread(Float64Array.from([1, 2, 3]))).toBeCloseTo(4 / 9, 15);
    // the pool of two separated forecasts is better than the worse one at an outcome between them
    const p = crpsPool([a, b], [0.5, 0.5], 12);
    expect(p).toBeLessThan(Math.max(crpsSorted(a, 12), crpsSorted(b, 12)));
  });
  it('pitSorted counts ties half; brier is the squared error of a probability', () => {
    expect(pitSorted(Float64Array.from([1, 2, 3, 4]), 2.5)).toBe(0.5);
    expect(pitSorted(Float64Array.from([1, 2, 2, 4]), 2)).toBe(0.5);
    expect(pitSorted(Float64Array.from([1, 2]), 0)).toBe(0);
    expect(brier(0.8, true)).toBeCloseTo(0.04, 15);
    expect(brier(0.8, false)).toBeCloseTo(0.64, 15);
  });
  it('binomialInterval is the exact Clopper–Pearson interval (R binom.test)', () => {
    const cases: [number, number, number, number][] = [
      [5, 6, 0.3587654, 0.9957893],
      [4, 6, 0.2227781, 0.9567281],
      [0, 6, 0, 0.4592581],
      [9, 11, 0.4822441, 0.9771688],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [a, b] = binomialInterval(k, n);
      expect(a).toBeCloseTo(lo, 6);
      expect(b).toBeCloseTo(hi, 6);
    }
    expect(binomialInterval(6, 6)[1]).toBe(1);
  });
});
