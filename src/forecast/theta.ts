/**
 * Theta methods. `thetaFit`: the standard Theta method of Assimakopoulos &
 * Nikolopoulos (2000) in the SES-with-drift form of Hyndman & Billah (2003):
 * SES forecast plus half the slope of the linear trend. `dotmFit`: the
 * dynamic optimised Theta model of Fiorucci, Pellegrini, Louzada, Petropoulos
 * & Koehler (2016): θ, α and ℓ0 chosen by in-sample MSE, with the trend line
 * (A_t, B_t) re-estimated recursively at each time.
 */
import type { ModelFit } from './model.js';
import { covFromPsi, linearTrend, aicc } from './model.js';
import { etsFit } from './ets.js';
import { nelderMead } from './optim.js';
import { note } from './notes.js';

/**
 * Standard Theta (θ = 2): SES(α by maximum likelihood) + b/2 · (h − 1 + (1 − (1−α)^n)/α),
 * b the least-squares slope. Intervals: those of SES.
 *
 * @example
 * thetaFit([3, 5, 6, 8, 9, 11, 12]).model.description // 'Theta (θ = 2, SES α = …)'
 */
export function thetaFit(y: number[]): ModelFit {
  const n = y.length;
  const ses = etsFit(y, { error: 'A', trend: 'N' });
  const alpha = Math.max(1e-10, ses.model.params.alpha);
  const b = linearTrend(y).slope;
  const half = b / 2;
  const lead = (1 - (1 - alpha) ** n) / alpha;
  const sesFitted = ses.model.fitted;
  // in-sample one-step fit of the same rule (drift term with the sample size at time t)
  const fitted = sesFitted.map((f, t) => (t === 0 ? f : f + half * ((1 - (1 - alpha) ** t) / alpha)));
  const residuals = y.map((v, i) => v - fitted[i]);
  const sigma2 = ses.model.sigma ** 2;
  return {
    model: {
      method: 'theta',
      description: `Theta (θ = 2, SES α = ${alpha.toFixed(3)}, drift ${Number(half.toPrecision(4))})`,
      descriptionMsg: note('forecast.desc.theta', {
        alpha: alpha.toFixed(3),
        drift: String(Number(half.toPrecision(4))),
      }),
      params: { alpha, l0: ses.model.params.l0, drift: half, theta: 2 },
      aicc: ses.model.aicc,
      n,
      fitted,
      residuals,
      sigma: Math.sqrt(sigma2),
    },
    predict(h) {
      const base = ses.predict(h).point;
      const point = base.map((v, i) => v + half * (i + lead));
      const psi = [1, ...new Array(h - 1).fill(alpha)];
      return { point, cov: covFromPsi(psi, sigma2, h) };
    },
  };
}

interface DotmState {
  sse: number;
  l: number;
  A: number;
  B: number;
  fitted?: number[];
}

function dotmFilter(y: number[], l0: number, alpha: number, theta: number, keep: boolean): DotmState {
  const n = y.length;
  let l = l0;
  let ybar = 0;
  let A = 0;
  let B = 0;
  let sse = 0;
  const w = 1 - 1 / theta;
  const fitted = keep ? new Array<number>(n) : undefined;
  let decay = 1; // (1-α)^(t-1)
  for (let t = 1; t <= n; t++) {
    const yt = y[t - 1];
    const mu = t === 1 ? l : l + w * (decay * A + ((1 - decay) / alpha) * B);
    if (keep) fitted![t - 1] = mu;
    const e = yt - mu;
    sse += e * e;
    l = alpha * yt + (1 - alpha) * l;
    const ybarNew = ((t - 1) * ybar + yt) / t;
    B = t === 1 ? 0 : ((t - 2) * B + (6 * (yt - ybar)) / t) / (t + 1);
    ybar = ybarNew;
    A = ybar - ((t + 1) / 2) * B;
    decay *= 1 - alpha;
  }
  return { sse, l, A, B, fitted };
}

/**
 * Dynamic optimised Theta model (DOTM): minimises in-sample MSE over
 * ℓ0, α ∈ [0.01, 0.99] and θ ∈ [1, 20].
 *
 * @example
 * dotmFit([3, 5, 6, 8, 9, 11, 12]).predict(2).point
 */
export function dotmFit(y: number[]): ModelFit {
  const n = y.length;
  const s = y.reduce((a, v) => a + Math.abs(v), 0) / n || 1;
  const z = y.map((v) => v / s);
  const obj = ([l0, alpha, theta]: number[]) => {
    if (!(alpha >= 0.01 && alpha <= 0.99 && theta >= 1 && theta <= 20)) return Infinity;
    return dotmFilter(z, l0, alpha, theta, false).sse;
  };
  let best = { x: [z[0], 0.5, 2], value: Infinity };
  for (const start of [
    [z[0], 0.5, 2],
    [z[0], 0.2, 3],
  ]) {
    let r = nelderMead(obj, start, { step: [0.1, 0.15, 0.5], maxIter: 600 });
    r = nelderMead(obj, r.x, { step: [0.05, 0.05, 0.2], maxIter: 600 });
    if (r.value < best.value) best = r;
  }
  const [l0, alpha, theta] = best.x;
  const st = dotmFilter(z, l0, alpha, theta, true);
  const fitted = st.fitted!.map((v) => v * s);
  const residuals = y.map((v, i) => v - fitted[i]);
  const np = 3;
  const sigma2 = (st.sse * s * s) / Math.max(1, n - np);
  const m2ll = n * Math.log((st.sse * s * s) / n) + n * (1 + Math.log(2 * Math.PI));
  const w = 1 - 1 / theta;
  const decayN = (1 - alpha) ** n;
  return {
    model: {
      method: 'dotm',
      description: `Dynamic optimised Theta (θ = ${theta.toFixed(2)}, α = ${alpha.toFixed(3)})`,
      descriptionMsg: note('forecast.desc.dotm', { theta: theta.toFixed(2), alpha: alpha.toFixed(3) }),
      params: { alpha, theta, l0: l0 * s, A: st.A * s, B: st.B * s },
      aicc: aicc(m2ll, np + 1, n),
      n,
      fitted,
      residuals,
      sigma: Math.sqrt(sigma2),
    },
    predict(h) {
      const point = Array.from(
        { length: h },
        (_, i) => s * (st.l + w * (decayN * st.A + (i + 1 - 1 + 1 / alpha - decayN / alpha) * st.B)),
      );
      const psi = [1, ...new Array(h - 1).fill(alpha)];
      return { point, cov: covFromPsi(psi, sigma2, h) };
    },
  };
}
