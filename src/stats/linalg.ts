/**
 * Dense linear algebra for the toolkit's small matrices: one Cholesky
 * factorisation, one Gauss–Jordan inverse and one least-squares solver, used by
 * the forecast intervals, the hierarchy reconciliation, the Iman–Conover rank
 * correlation, the event regressors and OLS.
 *
 * Conventions: `Float64Array` matrices are row-major (entry (i, j) of an n×n
 * matrix at `i·n + j`); `number[][]` matrices are arrays of rows.
 */

/** How `cholesky` treats a pivot that is not clearly positive. */
export type CholeskyMode = 'strict' | 'semidefinite';

/**
 * Cholesky factor L (lower-triangular, row-major) of a symmetric n×n matrix, A = L·Lᵀ.
 *
 * - `'semidefinite'` (default): for positive semi-definite matrices; a pivot at or below
 *   1e-14 × its diagonal entry (a degenerate direction) becomes 0 and so does the rest of
 *   its column. Never fails.
 * - `'strict'`: for positive-definite matrices; returns null as soon as a pivot is at or
 *   below 1e-12 (the matrix is not positive definite).
 *
 * @example
 * cholesky(new Float64Array([4, 2, 2, 5]), 2)           // Float64Array [2, 0, 1, 2]
 * cholesky(new Float64Array([1, 1, 1, 1]), 2)           // Float64Array [1, 0, 1, 0]
 * cholesky(new Float64Array([1, 1, 1, 1]), 2, 'strict') // null
 */
export function cholesky(a: Float64Array, n: number, mode: 'strict'): Float64Array | null;
export function cholesky(a: Float64Array, n: number, mode?: 'semidefinite'): Float64Array;
export function cholesky(a: Float64Array, n: number, mode: CholeskyMode = 'semidefinite'): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (mode === 'strict') {
          if (!(s > 1e-12)) return null;
          L[i * n + i] = Math.sqrt(s);
        } else L[i * n + i] = s > 1e-14 * Math.abs(a[i * n + i]) && s > 0 ? Math.sqrt(s) : 0;
      } else {
        const d = L[j * n + j];
        L[i * n + j] = mode === 'strict' || d > 0 ? s / d : 0;
      }
    }
  }
  return L;
}

/**
 * The Gram matrix XᵀX of a matrix given as rows.
 *
 * @example
 * gram([[1, 0], [1, 1], [1, 2]]) // [[3, 3], [3, 5]]
 */
export function gram(X: readonly (readonly number[])[]): number[][] {
  const p = X[0]?.length ?? 0;
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[i] * r[j], 0)),
  );
}

/**
 * Inverse of a square matrix by Gauss–Jordan elimination with partial pivoting, or null
 * when it is singular: a pivot below `tol` × the largest absolute entry.
 *
 * @example
 * invert([[2, 0], [0, 4]]) // [[0.5, 0], [0, 0.25]]
 * invert([[1, 2], [2, 4]]) // null
 */
export function invert(a: readonly (readonly number[])[], tol = 1e-12): number[][] | null {
  const k = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...a.map((r) => Math.max(...r.map(Math.abs))), 1e-300);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (Math.abs(m[piv][c]) < tol * scale) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * k; j++) m[c][j] /= d;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * k; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(k));
}

/** Result of `leastSquares`: the coefficients and (XᵀX)⁻¹. */
export interface LeastSquaresFit {
  coef: number[];
  /** (XᵀX)⁻¹, the unscaled coefficient covariance. */
  inverseGram: number[][];
}

/**
 * Least squares y ≈ X·β via the normal equations, β = (XᵀX)⁻¹Xᵀy; null when XᵀX is
 * singular (`tol` as in `invert`; for a Gram matrix the largest entry is on the diagonal).
 *
 * @example
 * leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5])?.coef // [1, 2]
 */
export function leastSquares(
  X: readonly (readonly number[])[],
  y: readonly number[],
  tol = 1e-12,
): LeastSquaresFit | null {
  const inv = invert(gram(X), tol);
  if (!inv) return null;
  const p = inv.length;
  const xty = Array.from({ length: p }, (_, i) => X.reduce((s, r, t) => s + r[i] * y[t], 0));
  return { coef: inv.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0)), inverseGram: inv };
}
