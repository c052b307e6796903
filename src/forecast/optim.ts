/**
 * Nelder–Mead simplex minimiser (Nelder & Mead 1965; standard coefficients
 * reflection 1, expansion 2, contraction 0.5, shrink 0.5). Constraints are
 * handled by the objective returning `Infinity` outside the feasible set.
 */

/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** initial step per coordinate (default 0.1·|x|, at least 0.05) */
  step?: number[];
  maxIter?: number;
  /** stop when the spread of function values is below this (default 1e-8) */
  tol?: number;
}

/**
 * Minimise `f` starting from `x0`.
 *
 * @example
 * const r = nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]);
 * // r.x ≈ [1, -2], r.value ≈ 0
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: NelderMeadOptions = {},
): { x: number[]; value: number; iterations: number } {
  const n = x0.length;
  const maxIter = opts.maxIter ?? 200 * n;
  const tol = opts.tol ?? 1e-8;
  const ev = (x: Float64Array) => {
    const v = f(x as unknown as number[]);
    return Number.isNaN(v) ? Infinity : v;
  };
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] += opts.step?.[i] ?? Math.max(0.05, 0.1 * Math.abs(x0[i]));
    pts.push(p);
  }
  const vals = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) vals[i] = ev(pts[i]);
  const c = new Float64Array(n);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    // best, worst and second-worst vertices
    let lo = 0;
    let hi = 0;
    for (let i = 1; i <= n; i++) {
      if (vals[i] < vals[lo]) lo = i;
      if (vals[i] > vals[hi]) hi = i;
    }
    if (lo === hi) hi = lo === 0 ? 1 : 0;
    let nh = lo;
    for (let i = 0; i <= n; i++) if (i !== hi && vals[i] > vals[nh]) nh = i;
    if (Number.isFinite(vals[hi]) && Math.abs(vals[hi] - vals[lo]) <= tol * (Math.abs(vals[lo]) + tol)) break;
    c.fill(0);
    for (let i = 0; i <= n; i++) if (i !== hi) for (let j = 0; j < n; j++) c[j] += pts[i][j] / n;
    const worst = pts[hi];
    const xr = new Float64Array(n);
    for (let j = 0; j < n; j++) xr[j] = 2 * c[j] - worst[j];
    const fr = ev(xr);
    if (fr < vals[lo]) {
      const xe = new Float64Array(n);
      for (let j = 0; j < n; j++) xe[j] = 3 * c[j] - 2 * worst[j];
      const fe = ev(xe);
      if (fe < fr) {
        pts[hi] = xe;
        vals[hi] = fe;
      } else {
        pts[hi] = xr;
        vals[hi] = fr;
      }
    } else if (fr < vals[nh]) {
      pts[hi] = xr;
      vals[hi] = fr;
    } else {
      const outside = fr < vals[hi];
      const xc = new Float64Array(n);
      for (let j = 0; j < n; j++) xc[j] = outside ? c[j] + 0.5 * (xr[j] - c[j]) : c[j] + 0.5 * (worst[j] - c[j]);
      const fc = ev(xc);
      if (fc < (outside ? fr : vals[hi])) {
        pts[hi] = xc;
        vals[hi] = fc;
      } else {
        const b = pts[lo];
        for (let i = 0; i <= n; i++) {
          if (i === lo) continue;
          for (let j = 0; j < n; j++) pts[i][j] = b[j] + 0.5 * (pts[i][j] - b[j]);
          vals[i] = ev(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: Array.from(pts[best]), value: vals[best], iterations: iter };
}
