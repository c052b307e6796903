/**
 * Forecast reconciliation for a hierarchy (a total and its children, or any
 * summing matrix S): MinT (Wickramasuriya, Athanasopoulos & Hyndman 2019,
 * "Optimal forecast reconciliation for hierarchical and grouped time series
 * through trace minimization", JASA 114:804–819) with the Schäfer–Strimmer
 * shrinkage estimator of the one-step error covariance, as `mint_shrink` in
 * R's hts and fabletools; and non-negative reconciliation by setting negative
 * bottom values to zero and reconciling the rest again (active set).
 *
 * Matrices are row-major Float64Arrays. Nodes are ordered as the rows of S:
 * aggregates first, then the bottom series (S = [1ᵀ; I] for one total).
 */
import { cholesky } from '../stats/linalg.js';

/**
 * The summing matrix of a two-level hierarchy: a total over `k` children,
 * (k + 1) × k, rows [1 … 1] then the identity.
 *
 * @example
 * summingMatrix(2) // Float64Array [1, 1, 1, 0, 0, 1]
 */
export function summingMatrix(k: number): Float64Array {
  const S = new Float64Array((k + 1) * k);
  for (let j = 0; j < k; j++) {
    S[j] = 1;
    S[(j + 1) * k + j] = 1;
  }
  return S;
}

/** Result of `shrinkageCovariance`. */
export interface ShrunkCovariance {
  /** p × p shrunk covariance λ·diag(Σ̂) + (1 − λ)·Σ̂ */
  W: Float64Array;
  /** shrinkage intensity in [0, 1] (1 = diagonal only) */
  lambda: number;
  /** p × p correlation matrix of W */
  R: Float64Array;
  /** rows of errors used */
  n: number;
}

/**
 * Schäfer–Strimmer shrinkage of the (uncentred) sample covariance of one-step
 * forecast errors towards its diagonal: Σ̂ = EᵀE/n, λ̂ = Σ_{i≠j} Var̂(r̂_ij) /
 * Σ_{i≠j} r̂_ij² on the errors scaled by their root mean squares (clipped to
 * [0, 1]), W = λ̂·diag(Σ̂) + (1 − λ̂)·Σ̂ (the estimator of R hts `shrink.estim`
 * used by `min_trace(method = "mint_shrink")`). `errors` is n × p, row-major.
 *
 * @example
 * const s = shrinkageCovariance(Float64Array.from([1, 2, -1, -1, 2, 1, 0, 1, -2, -1]), 5, 2);
 * s.lambda // 0.0816… = 4/49 (confirmed with base R)
 */
export function shrinkageCovariance(errors: Float64Array, n: number, p: number): ShrunkCovariance {
  if (n < 2) throw new RangeError(`shrinkage needs at least 2 rows of errors (got ${n})`);
  const cov = new Float64Array(p * p);
  for (let t = 0; t < n; t++)
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) cov[i * p + j] += errors[t * p + i] * errors[t * p + j];
  for (let i = 0; i < p * p; i++) cov[i] /= n;
  const sd = Array.from({ length: p }, (_, i) => Math.sqrt(cov[i * p + i]));
  // scaled errors, their cross-products and the cross-products of their squares
  const xs = new Float64Array(n * p);
  for (let t = 0; t < n; t++) for (let i = 0; i < p; i++) xs[t * p + i] = sd[i] > 0 ? errors[t * p + i] / sd[i] : 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      let a = 0;
      let b = 0;
      for (let t = 0; t < n; t++) {
        const w = xs[t * p + i] * xs[t * p + j];
        a += w * w;
        b += w;
      }
      num += (a - (b * b) / n) / (n * (n - 1));
      const r = sd[i] > 0 && sd[j] > 0 ? cov[i * p + j] / (sd[i] * sd[j]) : 0;
      den += r * r;
    }
  }
  const lambda = den > 0 ? Math.max(0, Math.min(1, num / den)) : 1;
  const W = new Float64Array(p * p);
  const R = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      W[i * p + j] = i === j ? cov[i * p + j] : (1 - lambda) * cov[i * p + j];
      R[i * p + j] = i === j ? 1 : sd[i] > 0 && sd[j] > 0 ? W[i * p + j] / (sd[i] * sd[j]) : 0;
    }
  }
  return { W, lambda, R, n };
}

/** Solve A·X = B for symmetric positive definite A (m × m) and B (m × c), by Cholesky. */
function solveSpd(A: Float64Array, m: number, B: Float64Array, c: number): Float64Array {
  const L = cholesky(A, m);
  for (let i = 0; i < m; i++)
    if (!(L[i * m + i] > 0)) throw new RangeError('reconciliation: the weight matrix is not positive definite');
  const X = Float64Array.from(B);
  for (let col = 0; col < c; col++) {
    for (let i = 0; i < m; i++) {
      let s = X[i * c + col];
      for (let k = 0; k < i; k++) s -= L[i * m + k] * X[k * c + col];
      X[i * c + col] = s / L[i * m + i];
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = X[i * c + col];
      for (let k = i + 1; k < m; k++) s -= L[k * m + i] * X[k * c + col];
      X[i * c + col] = s / L[i * m + i];
    }
  }
  return X;
}

/**
 * MinT weights G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ (k × m) for an m × k summing matrix S
 * and an m × m error covariance W: the reconciled bottom forecasts are G·ŷ,
 * all reconciled forecasts S·G·ŷ. Optionally only the bottom columns in
 * `active` are free (the others are held at 0; their rows of G are 0).
 *
 * @example
 * mintWeights(summingMatrix(2), Float64Array.from([2, 0, 0, 0, 1, 0, 0, 0, 1]), 3, 2)
 * // Float64Array [0.25, 0.75, -0.25, 0.25, -0.25, 0.75] (weights 1/2, 1, 1 → OLS-like split)
 */
export function mintWeights(
  S: Float64Array,
  W: Float64Array,
  m: number,
  k: number,
  active?: readonly number[],
): Float64Array {
  const act = active ?? Array.from({ length: k }, (_, j) => j);
  const a = act.length;
  const G = new Float64Array(k * m);
  if (a === 0) return G;
  // Sa = columns `act` of S (m × a); W⁻¹Sa by solving W·X = Sa
  const Sa = new Float64Array(m * a);
  for (let i = 0; i < m; i++) for (let c = 0; c < a; c++) Sa[i * a + c] = S[i * k + act[c]];
  const WiSa = solveSpd(W, m, Sa, a); // m × a
  const M = new Float64Array(a * a); // Saᵀ W⁻¹ Sa
  for (let r = 0; r < a; r++)
    for (let c = 0; c < a; c++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Sa[i * a + r] * WiSa[i * a + c];
      M[r * a + c] = s;
    }
  // Ga = M⁻¹ (W⁻¹Sa)ᵀ  (a × m)
  const Bt = new Float64Array(a * m);
  for (let r = 0; r < a; r++) for (let i = 0; i < m; i++) Bt[r * m + i] = WiSa[i * a + r];
  const Ga = solveSpd(M, a, Bt, m);
  for (let r = 0; r < a; r++) for (let i = 0; i < m; i++) G[act[r] * m + i] = Ga[r * m + i];
  return G;
}

/**
 * Reconcile one vector of base forecasts ŷ (length m): ỹ = S·G·ŷ.
 *
 * @example
 * const S = summingMatrix(2);
 * reconcile(S, mintWeights(S, Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), 3, 2), [12, 5, 4], 3, 2)
 * // Float64Array [11, 6, 5] (OLS: the gap of 3 split equally over the three nodes)
 */
export function reconcile(
  S: Float64Array,
  G: Float64Array,
  yhat: ArrayLike<number>,
  m: number,
  k: number,
): Float64Array {
  const b = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += G[j * m + i] * yhat[i];
    b[j] = s;
  }
  return bottomUp(S, b, m, k);
}

/**
 * All nodes from bottom values: S·b.
 *
 * @example
 * bottomUp(summingMatrix(2), [2, 3], 3, 2) // Float64Array [5, 2, 3]
 */
export function bottomUp(S: Float64Array, b: ArrayLike<number>, m: number, k: number): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += S[i * k + j] * b[j];
    y[i] = s;
  }
  return y;
}

/**
 * Non-negative MinT: reconcile; while a bottom value is negative, hold the
 * negative ones at 0 and reconcile the others again with the same W (an
 * active-set approximation of the constrained GLS solution; at most k rounds).
 * Returns all nodes (coherent: aggregates are sums of the bottom values) and
 * the number of bottom series held at zero.
 *
 * @example
 * const S = summingMatrix(2);
 * const W = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
 * reconcileNonNegative(S, W, [1, 5, -2], 3, 2) // { y: Float64Array [3, 3, 0], zeroed: 1 }
 */
export function reconcileNonNegative(
  S: Float64Array,
  W: Float64Array,
  yhat: ArrayLike<number>,
  m: number,
  k: number,
  G?: Float64Array,
): { y: Float64Array; zeroed: number } {
  let active = Array.from({ length: k }, (_, j) => j);
  let g = G ?? mintWeights(S, W, m, k);
  for (let round = 0; round <= k; round++) {
    const b = new Float64Array(k);
    for (const j of active) {
      let s = 0;
      for (let i = 0; i < m; i++) s += g[j * m + i] * yhat[i];
      b[j] = s;
    }
    const neg = active.filter((j) => b[j] < 0);
    if (!neg.length) return { y: bottomUp(S, b, m, k), zeroed: k - active.length };
    active = active.filter((j) => b[j] >= 0);
    g = mintWeights(S, W, m, k, active);
  }
  return { y: new Float64Array(m), zeroed: k };
}
