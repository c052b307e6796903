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
export function nelderMead(f: (x: number[]) => number, x0: number[], opts: NelderMeadOptions = {}): { x: number[]; value: number; iterations: number } {
  const n = x0.length;
  const maxIter = opts.maxIter ?? 200 * n;
  const tol = opts.tol ?? 1e-8;
  const ev = (x: number[]) => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const s = opts.step?.[i] ?? Math.max(0.05, 0.1 * Math.abs(x0[i]));
    p[i] += s;
    pts.push(p);
  }
  let vals = pts.map(ev);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const order = vals.map((v, i) => i).sort((a, b) => vals[a] - vals[b]);
    const P = order.map((i) => pts[i]);
    const V = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) {
      pts[i] = P[i];
      vals[i] = V[i];
    }
    if (Number.isFinite(vals[n]) && Math.abs(vals[n] - vals[0]) <= tol * (Math.abs(vals[0]) + tol)) break;
    const c = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j] += pts[i][j] / n;
    const worst = pts[n];
    const xr = c.map((cj, j) => cj + (cj - worst[j]));
    const fr = ev(xr);
    if (fr < vals[0]) {
      const xe = c.map((cj, j) => cj + 2 * (cj - worst[j]));
      const fe = ev(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < vals[n];
      const xc = outside ? c.map((cj, j) => cj + 0.5 * (xr[j] - cj)) : c.map((cj, j) => cj + 0.5 * (worst[j] - cj));
      const fc = ev(xc);
      if (fc < (outside ? fr : vals[n])) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j]));
          vals[i] = ev(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: pts[best], value: vals[best], iterations: iter };
}
