/**
 * Automatic ARIMA(p,d,q) for short annual series: d ∈ {0,1,2} by repeated
 * KPSS tests (level stationarity, 5 %), then p, q ≤ 2 (p + q ≤ 3) with and
 * without constant (mean for d = 0, drift for d = 1) chosen by AICc. ARMA
 * parameters by exact Gaussian maximum likelihood (Kalman filter on the
 * Harvey state-space form, σ² concentrated out) with Nelder–Mead under
 * stationarity and invertibility constraints.
 */
import type { ModelFit } from './model.js';
import { aicc, covFromPsi, mean } from './model.js';
import { nelderMead } from './optim.js';
import { note } from './notes.js';

/**
 * KPSS statistic for level stationarity with Bartlett long-run variance,
 * lag truncation ⌊4·(n/100)^¼⌋ (Kwiatkowski, Phillips, Schmidt & Shin 1992).
 * 5 % critical value 0.463.
 *
 * @example
 * kpssStat([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) > 0.463 // true (0.517): trending, not level-stationary
 */
export function kpssStat(y: number[]): number {
  const n = y.length;
  const m = mean(y);
  const e = y.map((v) => v - m);
  let s = 0;
  let eta = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
  }
  const l = Math.floor(4 * (n / 100) ** 0.25);
  let lr = e.reduce((a, v) => a + v * v, 0) / n;
  for (let j = 1; j <= l; j++) {
    let c = 0;
    for (let t = j; t < n; t++) c += e[t] * e[t - j];
    lr += (2 * (1 - j / (l + 1)) * c) / n;
  }
  if (!(lr > 0)) return 0;
  return eta / (n * n * lr);
}

/**
 * Number of differences by repeated KPSS tests at 5 % (at most 2; stops when too few points remain).
 *
 * @example
 * ndiffs(Array.from({ length: 30 }, (_, i) => (i + 1) ** 2)) // 2 (with 10 points KPSS has little power: 0)
 */
export function ndiffs(y: number[], maxD = 2): number {
  let d = 0;
  let x = y.slice();
  while (d < maxD && x.length >= 5 && !isConstant(x) && kpssStat(x) > 0.463) {
    x = diff(x);
    d++;
  }
  return d;
}

function isConstant(x: number[]): boolean {
  return x.every((v) => Math.abs(v - x[0]) <= 1e-12 * (Math.abs(x[0]) + 1));
}

function diff(x: number[]): number[] {
  return x.slice(1).map((v, i) => v - x[i]);
}

/** Stationarity of 1 − a1·B − a2·B² (order ≤ 2), with a small margin. */
function stationary(a: number[]): boolean {
  if (a.length === 0) return true;
  if (a.length === 1) return Math.abs(a[0]) < 0.99;
  const [a1, a2] = a;
  return a1 + a2 < 0.99 && a2 - a1 < 0.99 && Math.abs(a2) < 0.99;
}

interface ArmaLik {
  m2ll: number;
  sigma2: number;
  innov: number[];
  /** filtered state at the end */
  a: number[];
}

/** Exact Gaussian −2 log L of a zero-mean ARMA(p,q) (σ² concentrated out), via the Kalman filter. */
function armaKalman(w: number[], ar: number[], ma: number[], keep = false, mu = 0): ArmaLik | null {
  const p = ar.length;
  const q = ma.length;
  const r = Math.max(p, q + 1);
  const phi = new Float64Array(r);
  for (let i = 0; i < p; i++) phi[i] = ar[i];
  const R = new Float64Array(r);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = ma[i];
  const P = initialCov(phi, R, r);
  if (!P) return null;
  const a = new Float64Array(r);
  const au = new Float64Array(r);
  const Pu = new Float64Array(r * r);
  const TP = new Float64Array(r * r);
  const n = w.length;
  let ssq = 0;
  let logF = 0;
  const innov: number[] = keep ? new Array(n) : [];
  for (let t = 0; t < n; t++) {
    const F = P[0];
    if (!(F > 1e-300)) return null;
    const v = w[t] - mu - a[0];
    if (keep) innov[t] = v;
    ssq += (v * v) / F;
    logF += Math.log(F);
    // update: au = a + P z v / F, Pu = P − P z zᵀ P / F (z = e1)
    for (let i = 0; i < r; i++) au[i] = a[i] + (P[i * r] * v) / F;
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) Pu[i * r + j] = P[i * r + j] - (P[i * r] * P[j * r]) / F;
    if (t === n - 1) break;
    // predict: a = T au, P = T Pu Tᵀ + R Rᵀ with (T x)_i = φ_i x_0 + x_{i+1}
    for (let i = 0; i < r; i++) a[i] = phi[i] * au[0] + (i + 1 < r ? au[i + 1] : 0);
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) TP[i * r + j] = phi[i] * Pu[j] + (i + 1 < r ? Pu[(i + 1) * r + j] : 0);
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) P[i * r + j] = TP[i * r] * phi[j] + (j + 1 < r ? TP[i * r + j + 1] : 0) + R[i] * R[j];
  }
  const sigma2 = ssq / n;
  if (!(sigma2 > 0)) return null;
  return { m2ll: n * Math.log(sigma2) + logF + n * (1 + Math.log(2 * Math.PI)), sigma2, innov, a: Array.from(au) };
}

/** Stationary state covariance: solves P = T P Tᵀ + R Rᵀ, i.e. (I − T⊗T) vec P = vec(R Rᵀ). */
function initialCov(phi: Float64Array, R: Float64Array, r: number): Float64Array | null {
  const r2 = r * r;
  const T = (i: number, j: number) => (j === 0 ? phi[i] : j === i + 1 ? 1 : 0);
  const M = new Float64Array(r2 * (r2 + 1));
  const W = r2 + 1;
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) {
      const row = i * r + j;
      M[row * W + row] += 1;
      for (let k = 0; k < r; k++) {
        const tik = T(i, k);
        if (tik === 0) continue;
        for (let l = 0; l < r; l++) M[row * W + k * r + l] -= tik * T(j, l);
      }
      M[row * W + r2] = R[i] * R[j];
    }
  for (let c = 0; c < r2; c++) {
    let piv = c;
    for (let k = c + 1; k < r2; k++) if (Math.abs(M[k * W + c]) > Math.abs(M[piv * W + c])) piv = k;
    if (Math.abs(M[piv * W + c]) < 1e-12) return null;
    if (piv !== c) for (let j = 0; j < W; j++) [M[c * W + j], M[piv * W + j]] = [M[piv * W + j], M[c * W + j]];
    for (let k = 0; k < r2; k++) {
      if (k === c) continue;
      const f = M[k * W + c] / M[c * W + c];
      if (f !== 0) for (let j = c; j < W; j++) M[k * W + j] -= f * M[c * W + j];
    }
  }
  const P = new Float64Array(r2);
  for (let i = 0; i < r2; i++) P[i] = M[i * W + r2] / M[i * W + i];
  return P;
}

/** Conditional sum of squares of an ARMA(p,q) with mean mu (errors before the start set to 0): n·log(SSE/n). */
function cssObjective(w: number[], ar: number[], ma: number[], mu: number): number {
  const p = ar.length;
  const q = ma.length;
  const n = w.length;
  const e = new Float64Array(n);
  let sse = 0;
  for (let t = p; t < n; t++) {
    let v = w[t] - mu;
    for (let i = 0; i < p; i++) v -= ar[i] * (w[t - 1 - i] - mu);
    for (let j = 0; j < q; j++) if (t - 1 - j >= 0) v -= ma[j] * e[t - 1 - j];
    e[t] = v;
    sse += v * v;
  }
  const m = n - p;
  return sse > 0 ? m * Math.log(sse / m) : -1e300;
}

/** ψ-weights of ARMA(p,q): ψ_0 = 1, ψ_j = θ_j + Σ φ_i ψ_{j−i}. */
function psiWeights(ar: number[], ma: number[], h: number): number[] {
  const psi = [1];
  for (let j = 1; j < h; j++) {
    let s = j <= ma.length ? ma[j - 1] : 0;
    for (let i = 1; i <= ar.length; i++) if (j - i >= 0) s += ar[i - 1] * psi[j - i];
    psi.push(s);
  }
  return psi;
}

/**
 * Fit one ARIMA(p,d,q) with or without constant (null when the series is too short for it).
 *
 * @example
 * arimaFit([10, 12, 13, 17, 18, 21, 22, 26], 0, 1, 0, true)?.model.params.drift // ≈ 16/7
 */
export function arimaFit(y: number[], p: number, d: number, q: number, constant: boolean): ModelFit | null {
  const n = y.length;
  const sc = y.reduce((a, v) => a + Math.abs(v), 0) / n || 1;
  let w = y.map((v) => v / sc);
  for (let i = 0; i < d; i++) w = diff(w);
  const nw = w.length;
  if (nw < p + q + (constant ? 1 : 0) + 3) return null;
  const mw = mean(w);
  const unpack = (x: number[]) => ({ ar: x.slice(0, p), ma: x.slice(p, p + q), mu: constant ? x[p + q] : 0 });
  const admissible = (ar: number[], ma: number[]) => stationary(ar) && stationary(ma.map((v) => -v));
  // conditional sum of squares: cheap, used for the search; exact likelihood refines it
  const css = (x: number[]) => {
    const { ar, ma, mu } = unpack(x);
    if (!admissible(ar, ma)) return Infinity;
    return cssObjective(w, ar, ma, mu);
  };
  const exact = (x: number[]) => {
    const { ar, ma, mu } = unpack(x);
    if (!admissible(ar, ma)) return Infinity;
    const r = armaKalman(w, ar, ma, false, mu);
    return r ? r.m2ll : Infinity;
  };
  const x0 = [...new Array(p).fill(0.1), ...new Array(q).fill(0.1), ...(constant ? [mw] : [])];
  let best: { x: number[]; value: number };
  // white noise (p = q = 0): the ML mean is the sample mean
  if (p + q === 0) best = { x: constant ? [mw] : [], value: exact(constant ? [mw] : []) };
  else {
    const sdw = Math.sqrt(w.reduce((a, v) => a + (v - mw) ** 2, 0) / nw) || 0.1;
    const step = [...new Array(p + q).fill(0.2), ...(constant ? [(0.5 * sdw) / Math.sqrt(nw) + 1e-3] : [])];
    const c = nelderMead(css, x0, { step, maxIter: 150 * x0.length, tol: 1e-7 });
    best = { x: c.x, value: exact(c.x) };
  }
  if (!Number.isFinite(best.value)) return null;
  const { ar, ma, mu } = unpack(best.x);
  const lik = armaKalman(w, ar, ma, true, mu)!;
  const k = p + q + (constant ? 1 : 0) + 1;
  // −2 log L on the original scale
  const m2ll = lik.m2ll + 2 * nw * Math.log(sc);
  const sigma2 = lik.sigma2 * sc * sc * (nw / Math.max(1, nw - k + 1));
  const residuals = [...new Array(d).fill(0), ...lik.innov.map((v) => v * sc)];
  const fitted = y.map((v, i) => v - residuals[i]);
  const params: Record<string, number> = {};
  ar.forEach((v, i) => (params[`ar${i + 1}`] = v));
  ma.forEach((v, i) => (params[`ma${i + 1}`] = v));
  if (constant) params[d === 0 ? 'mean' : 'drift'] = mu * sc;
  const form = `ARIMA(${p},${d},${q})`;
  const desc = `${form}${constant ? (d === 0 ? ' with non-zero mean' : ' with drift') : ''}`;
  return {
    model: {
      method: 'arima',
      description: desc,
      descriptionMsg: note(
        constant ? (d === 0 ? 'forecast.desc.arimaMean' : 'forecast.desc.arimaDrift') : 'forecast.desc.form',
        { form },
      ),
      params,
      aicc: aicc(m2ll, k, nw),
      n,
      fitted,
      residuals,
      sigma: Math.sqrt(sigma2),
    },
    predict(h) {
      // ARMA forecasts of w from the filtered state, then integrate d times
      const r = lik.a.length;
      let a = lik.a.slice();
      const wf: number[] = [];
      for (let i = 0; i < h; i++) {
        const next = new Array(r).fill(0);
        for (let row = 0; row < r; row++) {
          next[row] = (row < p ? ar[row] * a[0] : 0) + (row + 1 < r ? a[row + 1] : 0);
        }
        a = next;
        wf.push((a[0] + mu) * sc);
      }
      let levels = wf;
      let psi = psiWeights(ar, ma, h);
      const tails: number[] = [];
      let yy = y.slice();
      for (let i = 0; i < d; i++) {
        tails.push(yy[yy.length - 1]);
        yy = diff(yy);
      }
      for (let i = d - 1; i >= 0; i--) {
        let last = tails[i];
        levels = levels.map((v) => (last += v));
        let c = 0;
        psi = psi.map((v) => (c += v));
      }
      // uncertainty of the constant (mean or drift), long-run variance of w
      let g: number[] | undefined;
      if (constant && d <= 1) {
        const lrsd = (Math.sqrt(sigma2) * sumPoly(ma)) / sumAr(ar);
        const se = lrsd / Math.sqrt(nw);
        g = Array.from({ length: h }, (_, i) => (d === 0 ? 1 : i + 1) * se);
      }
      return { point: levels, cov: covFromPsi(psi, sigma2, h, undefined, g) };
    },
  };
}

/** |θ(1)| = |1 + Σθ|: numerator of the ARMA long-run standard deviation σ·|θ(1)|/|φ(1)|. */
function sumPoly(ma: number[]): number {
  return Math.abs(1 + ma.reduce((s, v) => s + v, 0));
}
/** |φ(1)| = |1 − Σφ|, floored at 0.05 so near-unit-root fits do not explode the mean's uncertainty. */
function sumAr(ar: number[]): number {
  return Math.max(0.05, Math.abs(1 - ar.reduce((s, v) => s + v, 0)));
}

/** Largest p + q searched (short annual series rarely support more). */
export const MAX_PQ = 2;

/**
 * Automatic ARIMA for short series (see module comment).
 *
 * @example
 * arimaAuto([12, 14, 15, 17, 20, 21, 24, 25, 27, 30]).model.description // e.g. 'ARIMA(0,1,0) with drift'
 */
export function arimaAuto(y: number[]): ModelFit {
  const d = ndiffs(y);
  let best: ModelFit | null = null;
  for (let p = 0; p <= 2; p++)
    for (let q = 0; q <= 2; q++) {
      if (p + q > MAX_PQ) continue;
      for (const c of d <= 1 ? [true, false] : [false]) {
        const m = arimaFit(y, p, d, q, c);
        if (m && Number.isFinite(m.model.aicc!) && (!best || m.model.aicc! < best.model.aicc!)) best = m;
      }
    }
  if (!best) best = arimaFit(y, 0, d, 0, false) ?? arimaFit(y, 0, 1, 0, false)!;
  (best.model.notes ??= []).push(note('forecast.note.arimaOrder', { d }));
  return best;
}
