/**
 * Iman–Conover (1982) rank correlation: rearrange the columns of a sample so
 * their rank correlations approach a target matrix, keeping every marginal
 * exactly. Works on the uniforms (all inputs are monotone transforms of them).
 */
import { cholesky } from '../stats/linalg.js';
import { invNorm } from '../stats/normal.js';
import type { Rng } from '../stats/rng.js';

/**
 * Rearrange, in place, columns `cols` of the column-major matrix `u` (column c
 * of run i at u[c·n + i]) so that their rank correlations approximate
 * `target` (k×k, row-major).
 * Uses van der Waerden scores Φ⁻¹(i/(n+1)), randomly permuted with `rng`.
 *
 * @example
 * imanConover(u, 8192, [0, 3], Float64Array.from([1, 0.5, 0.5, 1]), new Rng(1));
 */
export function imanConover(u: Float64Array, n: number, cols: number[], target: Float64Array, rng: Rng): void {
  const k = cols.length;
  if (n < 3 || k < 2) return;
  // scores, one random permutation per column
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = invNorm((i + 1) / (n + 1));
  const s = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    const col = Float64Array.from(base);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      const t = col[i];
      col[i] = col[j];
      col[j] = t;
    }
    for (let i = 0; i < n; i++) s[i * k + c] = col[i];
  }
  // correlation of the scores, E = Q Qᵀ; target C = P Pᵀ; T = S (Q⁻¹)ᵀ Pᵀ
  const e = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += s[i * k + a] * s[i * k + b];
      e[a * k + b] = sum;
    }
  const diag = Array.from({ length: k }, (_, a) => Math.sqrt(e[a * k + a]));
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) e[a * k + b] /= diag[a] * diag[b];
  const q = cholesky(e, k, 'strict');
  const p = cholesky(target, k, 'strict');
  if (!q || !p) throw new Error('Iman–Conover: correlation matrix is not positive definite');
  // M = (Q⁻¹)ᵀ Pᵀ  => T = S M ; compute Q⁻¹ by forward substitution
  const qi = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < k; i++) {
      let sum = i === c ? 1 : 0;
      for (let j = 0; j < i; j++) sum -= q[i * k + j] * qi[j * k + c];
      qi[i * k + c] = sum / q[i * k + i];
    }
  }
  const mm = new Float64Array(k * k); // mm[a][b] = Σ_j qi[j][a] · p[b][j]
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += qi[j * k + a] * p[b * k + j];
      mm[a * k + b] = sum;
    }
  const t = new Float64Array(n);
  const idx = new Uint32Array(n);
  const sorted = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let a = 0; a < k; a++) sum += s[i * k + a] * mm[a * k + c];
      t[i] = sum;
      idx[i] = i;
      sorted[i] = u[cols[c] * n + i];
    }
    idx.sort((x, y) => t[x] - t[y] || x - y);
    sorted.sort();
    for (let r = 0; r < n; r++) u[cols[c] * n + idx[r]] = sorted[r];
  }
}
