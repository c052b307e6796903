/**
 * The cross-learned (global) model: one small neural network shared by all
 * series, trained once on windows of the M4 yearly training parts (23.000
 * series; `bench/m4/train-global.mjs`) and applied unchanged to any strictly
 * positive annual series. It sees the last `L` values of a series as log
 * ratios to the last value and predicts the log ratios of the next `H`
 * values (direct multi-horizon output; horizons beyond `H` are forecast by
 * feeding the forecasts back in). The weights are data (`global-weights.ts`,
 * with provenance), never fitted per series: what the network learned is how
 * yearly series in general continue, which is what short series alone cannot
 * tell (cross-learning, as in the M4 winners).
 *
 * Series shorter than `L` are padded with their first value, and the share of
 * padded positions is an input, so one network serves every length from 3
 * points (windows that short are in its training data).
 */
import type { ModelFit } from './model.js';
import { GLOBAL_WEIGHTS } from './global-weights.js';
import { note } from './notes.js';

/** The network's description: input length, output horizons, layers, weights. */
export interface GlobalNet {
  /** input window length (values) */
  L: number;
  /** horizons predicted at once */
  H: number;
  /** hidden units */
  hidden: number;
  /** inputs and targets are log ratios clipped to ±clip */
  clip: number;
  /** members of the ensemble (different random starts), averaged on the log scale */
  nets: { W1: number[]; W2: number[]; b2: number[] }[];
  /** where the weights come from (corpus, command) */
  provenance: string;
}

/** Number of inputs of the network for window length L: L − 1 log ratios, the padded share, a constant. */
export function globalInputs(L: number): number {
  return L + 1;
}

/**
 * Network inputs of the series y: log(y[n−L+i]/y[n−1]) for i = 0..L−2 (positions
 * before the start take the first value), clipped to ±clip, then the padded
 * share max(0, L − n)/L and a constant 1.
 *
 * @example
 * globalFeatures([1, 2, 4], 4, 4) // [log(1/4), log(1/4), log(2/4), 0.25, 1]
 */
export function globalFeatures(y: ArrayLike<number>, L: number, clip: number): Float64Array {
  const n = y.length;
  const last = y[n - 1];
  const f = new Float64Array(L + 1);
  for (let i = 0; i < L - 1; i++) {
    const v = Math.log(y[Math.max(0, n - L + i)] / last);
    f[i] = v > clip ? clip : v < -clip ? -clip : v;
  }
  f[L - 1] = Math.max(0, L - n) / L;
  f[L] = 1;
  return f;
}

/**
 * Log ratios log(ŷ(n+h)/y(n)), h = 1..H, predicted by one ensemble member
 * (a leaky-ReLU hidden layer, linear output).
 *
 * @example
 * netOutput(GLOBAL_WEIGHTS.nets[0], globalFeatures([5, 6, 7], 20, 4), 20, 32, 6).length // 6
 */
export function netOutput(
  net: GlobalNet['nets'][number],
  x: Float64Array,
  L: number,
  hidden: number,
  H: number,
): Float64Array {
  const p = globalInputs(L);
  const o = new Float64Array(H);
  for (let h = 0; h < H; h++) o[h] = net.b2[h];
  for (let j = 0; j < hidden; j++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += x[i] * net.W1[i * hidden + j];
    const a = s > 0 ? s : 0.01 * s;
    for (let h = 0; h < H; h++) o[h] += a * net.W2[j * H + h];
  }
  return o;
}

/**
 * Point forecasts of the global network for a strictly positive series, any
 * horizon (beyond the network's H by feeding its forecasts back as data).
 *
 * @example
 * globalPoint([100, 104, 110, 113, 120, 126, 131, 135], 3) // three values near 140–150
 */
export function globalPoint(y: number[], horizon: number, model: GlobalNet = GLOBAL_WEIGHTS): number[] {
  if (!y.every((v) => v > 0 && Number.isFinite(v)))
    throw new RangeError('the global model needs a strictly positive series');
  const { L, H, hidden, clip, nets } = model;
  const ext = y.slice();
  const out: number[] = [];
  while (out.length < horizon) {
    const x = globalFeatures(ext, L, clip);
    const avg = new Float64Array(H);
    for (const net of nets) {
      const o = netOutput(net, x, L, hidden, H);
      for (let h = 0; h < H; h++) avg[h] += o[h] / nets.length;
    }
    const last = ext[ext.length - 1];
    for (let h = 0; h < H && out.length < horizon; h++) {
      const v = last * Math.exp(Math.max(-clip, Math.min(clip, avg[h])));
      out.push(v);
    }
    ext.push(...out.slice(ext.length - y.length));
  }
  return out;
}

/**
 * One-step forecasts of the network from every earlier point (the first 3
 * values are their own fit), without allocating per point.
 */
function oneStepFitted(y: number[], model: GlobalNet): number[] {
  const { L, hidden, clip, nets, H } = model;
  const p = globalInputs(L);
  const x = new Float64Array(p);
  const out = y.slice(0, Math.min(3, y.length));
  for (let t = 3; t < y.length; t++) {
    const last = y[t - 1];
    for (let i = 0; i < L - 1; i++) {
      const v = Math.log(y[Math.max(0, t - L + i)] / last);
      x[i] = v > clip ? clip : v < -clip ? -clip : v;
    }
    x[L - 1] = Math.max(0, L - t) / L;
    x[L] = 1;
    let o = 0;
    for (const net of nets) {
      let s = net.b2[0];
      for (let j = 0; j < hidden; j++) {
        let a = 0;
        for (let i = 0; i < p; i++) a += x[i] * net.W1[i * hidden + j];
        s += (a > 0 ? a : 0.01 * a) * net.W2[j * H];
      }
      o += s / nets.length;
    }
    out.push(last * Math.exp(Math.max(-clip, Math.min(clip, o))));
  }
  return out;
}

/**
 * The global model as a fit. Its in-sample "fitted values" are the network's
 * one-step forecasts from each earlier point (from the third on); the error
 * covariance is that of a random walk with the series' own relative one-step
 * scale (a placeholder shape: calibrated intervals replace it, see
 * `intervals.ts`).
 *
 * @example
 * globalFit([100, 104, 110, 113, 120, 126, 131, 135]).model.description // 'Global network (M4-trained, …)'
 */
export function globalFit(y: number[], model: GlobalNet = GLOBAL_WEIGHTS): ModelFit {
  const n = y.length;
  if (!y.every((v) => v > 0 && Number.isFinite(v)))
    throw new RangeError('the global model needs a strictly positive series');
  const fitted = oneStepFitted(y, model);
  const residuals = y.map((v, t) => v - fitted[t]);
  let s2 = 0;
  let k = 0;
  for (let t = 3; t < n; t++) {
    s2 += residuals[t] ** 2;
    k++;
  }
  const sigma = k ? Math.sqrt(s2 / k) : 0;
  return {
    model: {
      method: 'global',
      description: `Global network (M4-trained, ${model.nets.length} × ${model.hidden} hidden units, last ${model.L} values)`,
      descriptionMsg: note('forecast.desc.global', { nets: model.nets.length, hidden: model.hidden, inputs: model.L }),
      params: {},
      n,
      fitted,
      residuals,
      sigma,
    },
    predict(h) {
      const point = globalPoint(y, h, model);
      const cov = new Float64Array(h * h);
      for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) cov[i * h + j] = sigma * sigma * Math.min(i + 1, j + 1);
      return { point, cov };
    },
  };
}
