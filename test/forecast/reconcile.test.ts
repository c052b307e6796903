import { describe, expect, it } from 'vitest';
import {
  bottomUp,
  mintWeights,
  reconcile,
  reconcileNonNegative,
  shrinkageCovariance,
  summingMatrix,
} from '../../src/forecast/reconcile.js';

// Expected values from the same formulas written in base R (R 4.2.2): hts shrink.estim and
// G = solve(t(S) %*% solve(W) %*% S) %*% t(S) %*% solve(W); the script is test/forecast/reconcile.R.
const E3 = Float64Array.from([5, 2, 1, 1, -3, -1, -1, -2, 8, 4, 2, 1, -6, -2, -3, 0, 2, 1, 0, 2, -1, 0, -2, 1]); // 6 years × (total + 3 children)

describe('summingMatrix', () => {
  it('is [1ᵀ; I] for one total over k children', () => {
    expect(Array.from(summingMatrix(3))).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe('shrinkageCovariance (Schäfer–Strimmer, as hts shrink.estim / mint_shrink)', () => {
  it('matches R on a 5 × 2 case: λ = 4/49, diagonal kept, off-diagonal shrunk', () => {
    const s = shrinkageCovariance(Float64Array.from([1, 2, -1, -1, 2, 1, 0, 1, -2, -1]), 5, 2);
    expect(s.lambda).toBeCloseTo(0.0816326530612244, 14);
    expect(Array.from(s.W)).toEqual([
      2,
      expect.closeTo(1.285714285714286, 13),
      expect.closeTo(1.285714285714286, 13),
      expect.closeTo(1.6, 14),
    ]);
    expect(s.R[1]).toBeCloseTo(1.285714285714286 / Math.sqrt(2 * 1.6), 13);
    expect(s.n).toBe(5);
  });
  it('matches R on a 6 × 4 hierarchy case', () => {
    expect(shrinkageCovariance(E3, 6, 4).lambda).toBeCloseTo(0.222927287956409, 13);
  });
  it('uncorrelated errors shrink fully to the diagonal (λ = 1)', () => {
    const s = shrinkageCovariance(Float64Array.from([1, 1, -1, 1, 1, -1, -1, -1]), 4, 2);
    expect(s.lambda).toBe(1);
    expect(Array.from(s.W)).toEqual([1, 0, 0, 1]);
  });
  it('needs at least two rows', () => {
    expect(() => shrinkageCovariance(Float64Array.from([1, 2]), 1, 2)).toThrow(RangeError);
  });
});

describe('mintWeights / reconcile', () => {
  it('matches R: G and the reconciled forecasts of the 6 × 4 case', () => {
    const S = summingMatrix(3);
    const G = mintWeights(S, shrinkageCovariance(E3, 6, 4).W, 4, 3);
    const R_G = [
      0.0239392852592829, 0.976060714740717, -0.0239392852592837, -0.0239392852592831, 0.00739618094417911,
      -0.00739618094417921, 0.992603819055821, -0.00739618094417915, 0.0846002611062618, -0.0846002611062619,
      -0.0846002611062618, 0.915399738893738,
    ];
    Array.from(G).forEach((g, i) => expect(g).toBeCloseTo(R_G[i], 12));
    const y = reconcile(S, G, [100, 50, 30, 10], 4, 3);
    [91.1593572730972, 50.2393928525928, 30.0739618094418, 10.8460026110626].forEach((v, i) =>
      expect(y[i]).toBeCloseTo(v, 10),
    );
  });
  it('with W = I (OLS) the gap between total and children is split equally over all nodes', () => {
    const S = summingMatrix(2);
    expect(
      Array.from(
        reconcile(S, mintWeights(S, Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), 3, 2), [12, 5, 4], 3, 2),
      ).map((v) => +v.toFixed(12)),
    ).toEqual([11, 6, 5]);
  });
  it('with weights 1/2, 1, 1 (R: G rows 0.25 0.75 −0.25 and 0.25 −0.25 0.75)', () => {
    expect(
      Array.from(mintWeights(summingMatrix(2), Float64Array.from([2, 0, 0, 0, 1, 0, 0, 0, 1]), 3, 2)).map(
        (v) => +v.toFixed(12),
      ),
    ).toEqual([0.25, 0.75, -0.25, 0.25, -0.25, 0.75]);
  });
  it('is a projection: coherent base forecasts come back unchanged; any input comes back coherent', () => {
    const S = summingMatrix(3);
    const G = mintWeights(S, shrinkageCovariance(E3, 6, 4).W, 4, 3);
    expect(Array.from(reconcile(S, G, [6, 1, 2, 3], 4, 3)).map((v) => +v.toFixed(12))).toEqual([6, 1, 2, 3]);
    for (const yhat of [
      [1, 2, 3, 4],
      [-5, 10, 0, 0.5],
      [1e6, 3e5, 2e5, 1e5],
    ]) {
      const y = reconcile(S, G, yhat, 4, 3);
      expect(Math.abs(y[0] - (y[1] + y[2] + y[3]))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y[0])));
    }
  });
  it('a weight matrix that is not positive definite is refused', () => {
    expect(() => mintWeights(summingMatrix(2), new Float64Array(9), 3, 2)).toThrow('not positive definite');
  });
  it('bottomUp sums the children', () => {
    expect(Array.from(bottomUp(summingMatrix(2), [2, 3], 3, 2))).toEqual([5, 2, 3]);
  });
});

describe('reconcileNonNegative (set negatives to 0, reconcile the rest again)', () => {
  const S = summingMatrix(2);
  const I3 = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  it('holds a negative child at 0 and gives the rest the GLS fit with that child fixed', () => {
    // unconstrained OLS of [1, 5, -2]: children (5.333…, −1.667) → hold child 2 at 0: child 1 = mean of 1 and 5 = 3
    const r = reconcileNonNegative(S, I3, [1, 5, -2], 3, 2);
    expect(r.zeroed).toBe(1);
    expect(Array.from(r.y).map((v) => +v.toFixed(12))).toEqual([3, 3, 0]);
  });
  it('equals plain MinT when nothing is negative, and is always coherent and non-negative', () => {
    const W = shrinkageCovariance(E3, 6, 4).W;
    const S3 = summingMatrix(3);
    const G = mintWeights(S3, W, 4, 3);
    expect(Array.from(reconcileNonNegative(S3, W, [100, 50, 30, 10], 4, 3, G).y)).toEqual(
      Array.from(reconcile(S3, G, [100, 50, 30, 10], 4, 3)),
    );
    for (const yhat of [
      [10, 50, 30, -40],
      [1, 100, -50, -50],
      [-10, -1, -2, -3],
    ]) {
      const { y } = reconcileNonNegative(S3, W, yhat, 4, 3, G);
      expect(Math.min(...y)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(y[0] - (y[1] + y[2] + y[3]))).toBeLessThanOrEqual(1e-12 * Math.max(1, y[0]));
    }
  });
});
