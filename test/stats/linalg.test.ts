/**
 * src/stats/linalg.ts: matrices row-major; reference values by hand and from R
 * (`chol`, `solve`, `lm.fit`), R's `chol` returning the upper factor Lᵀ.
 */
import { describe, expect, it } from 'vitest';
import { cholesky, gram, invert, leastSquares } from '../../src/stats/linalg.js';

describe('cholesky(a, n, mode): lower factor L with A = L·Lᵀ', () => {
  it('factors a positive-definite 3×3 matrix as R: t(chol(matrix(c(4,12,-16,12,37,-43,-16,-43,98),3)))', () => {
    const a = new Float64Array([4, 12, -16, 12, 37, -43, -16, -43, 98]);
    const want = [2, 0, 0, 6, 1, 0, -8, 5, 3];
    expect(Array.from(cholesky(a, 3))).toEqual(want);
    expect(Array.from(cholesky(a, 3, 'strict') ?? [])).toEqual(want);
  });
  it("'semidefinite' (the default) zeroes a degenerate direction; 'strict' returns null", () => {
    const singular = new Float64Array([1, 1, 1, 1]);
    expect(Array.from(cholesky(singular, 2))).toEqual([1, 0, 1, 0]);
    expect(cholesky(singular, 2, 'strict')).toBeNull();
    expect(cholesky(new Float64Array([1, 2, 2, 1]), 2, 'strict')).toBeNull();
  });
  it('reproduces the matrix: L·Lᵀ = A', () => {
    const a = new Float64Array([2, 0.5, 0.3, 0.5, 1, 0.2, 0.3, 0.2, 1.5]);
    const L = cholesky(a, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L[i * 3 + k] * L[j * 3 + k];
        expect(s).toBeCloseTo(a[i * 3 + j], 14);
      }
  });
});

describe('gram, invert and leastSquares', () => {
  it('gram(X) is XᵀX', () => {
    expect(
      gram([
        [1, 0],
        [1, 1],
        [1, 2],
      ]),
    ).toEqual([
      [3, 3],
      [3, 5],
    ]);
  });
  it('invert matches R solve(matrix(c(4,7,2,6),2)) and is null for a singular matrix', () => {
    const inv = invert([
      [4, 2],
      [7, 6],
    ]);
    expect(inv?.[0][0]).toBeCloseTo(0.6, 14);
    expect(inv?.[0][1]).toBeCloseTo(-0.2, 14);
    expect(inv?.[1][0]).toBeCloseTo(-0.7, 14);
    expect(inv?.[1][1]).toBeCloseTo(0.4, 14);
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
  });
  it('leastSquares matches R lm.fit(cbind(1, 1:5), c(2,4,5,4,5))$coefficients = (2.2, 0.6)', () => {
    const fit = leastSquares(
      [1, 2, 3, 4, 5].map((x) => [1, x]),
      [2, 4, 5, 4, 5],
    );
    expect(fit?.coef[0]).toBeCloseTo(2.2, 12);
    expect(fit?.coef[1]).toBeCloseTo(0.6, 12);
    // (XᵀX)⁻¹ = [[1.1, −0.3], [−0.3, 0.1]]
    expect(fit?.inverseGram[0][0]).toBeCloseTo(1.1, 12);
    expect(fit?.inverseGram[0][1]).toBeCloseTo(-0.3, 12);
    expect(fit?.inverseGram[1][1]).toBeCloseTo(0.1, 12);
  });
  it('leastSquares is null for collinear columns', () => {
    expect(
      leastSquares(
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [1, 2, 3],
      ),
    ).toBeNull();
  });
});
