/**
 * The internal shape every model returns: a self-describing fit plus a
 * predictor giving point forecasts and their (uncalibrated, analytic)
 * forecast-error covariance on the original scale.
 */
import type { FittedModel } from './types.js';

/** A fitted model that can predict. */
export interface ModelFit {
  model: FittedModel;
  /** point forecasts for h = 1..horizon and the h×h row-major error covariance */
  predict(horizon: number): { point: number[]; cov: Float64Array };
}

/**
 * Forecast-error covariance of an innovations model
 * y(n+h) − ŷ = Σ_{j<h} c_j ε(n+h−j) (c_0 = 1), optionally with per-horizon
 * multipliers `scale` (multiplicative errors: scale = point) and a rank-one
 * term g·gᵀ for parameter uncertainty.
 *
 * @example
 * covFromPsi([1, 1, 1], 4, 3) // random walk, σ² = 4: cov[i][j] = 4·min(i, j)
 */
export function covFromPsi(
  psi: number[],
  sigma2: number,
  horizon: number,
  scale?: number[],
  g?: number[],
): Float64Array {
  const cov = new Float64Array(horizon * horizon);
  for (let i = 0; i < horizon; i++) {
    for (let j = 0; j <= i; j++) {
      // errors at horizons i+1 and j+1 (j <= i) share innovations ε(n+1..n+j+1)
      let s = 0;
      for (let k = 0; k <= j; k++) s += psi[k] * psi[k + (i - j)];
      let v = sigma2 * s;
      if (scale) v *= scale[i] * scale[j];
      if (g) v += g[i] * g[j];
      cov[i * horizon + j] = v;
      cov[j * horizon + i] = v;
    }
  }
  return cov;
}

/**
 * Sum of squares.
 *
 * @example
 * sumSq([3, 4]) // 25
 */
export function sumSq(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/**
 * Arithmetic mean.
 *
 * @example
 * mean([1, 2, 6]) // 3
 */
export function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/**
 * AICc from −2·log-likelihood and k estimated parameters (Infinity when n ≤ k + 1).
 *
 * @example
 * aicc(100, 3, 20) // 100 + 6 + 24/16 = 107.5
 */
export function aicc(minus2loglik: number, k: number, n: number): number {
  if (n - k - 1 <= 0) return Infinity;
  return minus2loglik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/**
 * Ordinary least squares line y = a + b·t, t = 0..n−1.
 *
 * @example
 * linearTrend([1, 3, 5]) // { intercept: 1, slope: 2 }
 */
export function linearTrend(y: number[]): { intercept: number; slope: number } {
  const n = y.length;
  const tm = (n - 1) / 2;
  const ym = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tm) * (y[t] - ym);
    sxx += (t - tm) * (t - tm);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: ym - slope * tm, slope };
}
