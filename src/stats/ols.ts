/**
 * Ordinary least squares for the tiny annual samples in this toolkit:
 * coefficients, standard errors, covariance, leverage and Cook's distance.
 */
import { leastSquares } from './linalg.js';
import { pt, qt } from './t.js';

/** Result of `ols`. */
export interface OlsResult {
  /** Regressor names, in column order. */
  names: string[];
  coef: number[];
  se: number[];
  /** t statistics and two-sided p-values (NaN when df = 0). */
  t: number[];
  p: number[];
  /** Coefficient covariance matrix (row-major, k×k). */
  cov: number[][];
  n: number;
  /** Residual degrees of freedom n − k. */
  df: number;
  /** Residual standard error. */
  sigma: number;
  r2: number;
  adjR2: number;
  fitted: number[];
  residuals: number[];
  /** Diagonal of the hat matrix. */
  leverage: number[];
  cooksD: number[];
}

/**
 * Fit y = X·β by least squares. `X` is row-major (n rows, k columns, include
 * a column of ones for an intercept). Throws if X has rank < k.
 *
 * @example
 * const r = ols([[1, 0], [1, 1], [1, 2]], [1, 3, 5], ['const', 'x']);
 * r.coef // [1, 2]
 */
export function ols(X: number[][], y: number[], names?: string[]): OlsResult {
  const n = y.length;
  const k = X[0]?.length ?? 0;
  if (X.length !== n || n === 0) throw new Error(`ols: X has ${X.length} rows but y has ${n} values`);
  if (n < k) throw new Error(`ols: ${n} observations for ${k} coefficients`);
  const ls = leastSquares(X, y);
  if (!ls) throw new Error("ols: regressors are collinear (singular X'X)");
  const { coef, inverseGram: inv } = ls;
  const fitted = X.map((r) => r.reduce((s, v, j) => s + v * coef[j], 0));
  const residuals = y.map((v, t) => v - fitted[t]);
  const sse = residuals.reduce((s, e) => s + e * e, 0);
  const df = n - k;
  const sigma2 = df > 0 ? sse / df : NaN;
  const cov = inv.map((row) => row.map((v) => v * sigma2));
  const se = cov.map((row, i) => Math.sqrt(row[i]));
  const t = coef.map((c, i) => c / se[i]);
  const p = t.map((ti) => (df > 0 ? 2 * pt(-Math.abs(ti), df) : NaN));
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const r2 = sst > 0 ? 1 - sse / sst : NaN;
  const adjR2 = df > 0 && sst > 0 ? 1 - (1 - r2) * ((n - 1) / df) : NaN;
  const leverage = X.map((r) => r.reduce((s, vi, i) => s + vi * r.reduce((s2, vj, j) => s2 + inv[i][j] * vj, 0), 0));
  // a point with leverage 1 is fitted exactly (e.g. by its own indicator): Cook's D is undefined there
  const cooksD = residuals.map((e, i) =>
    df > 0 && leverage[i] < 1 - 1e-9 ? ((e * e) / (k * sigma2)) * (leverage[i] / (1 - leverage[i]) ** 2) : NaN,
  );
  return {
    names: names ?? coef.map((_, i) => `x${i}`),
    coef,
    se,
    t,
    p,
    cov,
    n,
    df,
    sigma: Math.sqrt(sigma2),
    r2,
    adjR2,
    fitted,
    residuals,
    leverage,
    cooksD,
  };
}

/**
 * Confidence interval for coefficient `i` at `level` (e.g. 0.95), t-based.
 *
 * @example
 * coefInterval(ols([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3.1, 4.9, 7]), 1, 0.95)
 */
export function coefInterval(r: OlsResult, i: number, level = 0.95): [number, number] {
  const q = r.df > 0 ? qt(0.5 + level / 2, r.df) : NaN;
  return [r.coef[i] - q * r.se[i], r.coef[i] + q * r.se[i]];
}
