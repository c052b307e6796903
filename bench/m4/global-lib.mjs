// Training of the global network of src/forecast/global.ts (shared by bench/m4/train-global.mjs,
// which writes the shipped weights, and the benchmarks, which train the cross-fitting halves).
//
// Data: windows of the M4 yearly TRAINING parts only (the test parts are never seen): for each
// series, the `W` most recent origins t with 6 training values after them (t ≥ 3); inputs are the
// features of y[0..t) (globalFeatures in dist/forecast/global.js, the same code the engine runs),
// targets the log ratios log(y[t+h−1]/y[t−1]), h = 1..6, clipped like the inputs.
// Model: L+1 inputs → `hidden` leaky-ReLU units → 6 linear outputs; loss: mean absolute error of
// the log ratios (≈ sMAPE/2); Adam (lr 1e-3, then 3e-4 and 1e-4 for the last 40 % / 15 % of the
// epochs), mini-batches of 256, seeded (same inputs and seed → same weights).
import { join } from 'node:path';
import { repoRoot } from '../m3/data.mjs';

export const CONFIG = { L: 20, H: 6, hidden: 32, clip: 4, W: 20, epochs: 15, seeds: [1, 2, 3] };

const G = await import(join(repoRoot, 'dist/forecast/global.js'));

/** Training windows of `series` (train parts only). */
export function windows(series, cfg = CONFIG) {
  const X = [],
    Y = [];
  const { L, H, clip, W } = cfg;
  const cl = (v) => (v > clip ? clip : v < -clip ? -clip : v);
  for (const s of series) {
    const y = s.train;
    const n = y.length;
    for (let t = Math.max(3, n - H - W + 1); t <= n - H; t++) {
      X.push(G.globalFeatures(y.slice(0, t), L, clip));
      const last = y[t - 1];
      Y.push(Float64Array.from({ length: H }, (_, h) => cl(Math.log(y[t + h] / last))));
    }
  }
  return { X, Y };
}

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Train one network; returns {W1, W2, b2} as plain arrays. */
export function trainNet({ X, Y }, seed, cfg = CONFIG, log = () => {}) {
  const r = rng(seed);
  const p = cfg.L + 1,
    q = cfg.hidden,
    H = cfg.H,
    epochs = cfg.epochs;
  const W1 = Float64Array.from({ length: p * q }, () => (r() * 2 - 1) * Math.sqrt(3 / p));
  const W2 = Float64Array.from({ length: q * H }, () => (r() * 2 - 1) * Math.sqrt(3 / q) * 0.1);
  const b2 = new Float64Array(H);
  const params = [W1, W2, b2];
  const m = params.map((a) => new Float64Array(a.length)),
    v = params.map((a) => new Float64Array(a.length));
  const g = params.map((a) => new Float64Array(a.length));
  const hid = new Float64Array(q),
    dh = new Float64Array(q),
    dout = new Float64Array(H);
  const N = X.length,
    bs = 256;
  const idx = Array.from({ length: N }, (_, i) => i);
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    let lossSum = 0;
    const lr = 1e-3 * (ep < epochs * 0.6 ? 1 : ep < epochs * 0.85 ? 0.3 : 0.1);
    for (let b0 = 0; b0 < N; b0 += bs) {
      for (const a of g) a.fill(0);
      const be = Math.min(N, b0 + bs);
      for (let k = b0; k < be; k++) {
        const x = X[idx[k]],
          yv = Y[idx[k]];
        for (let j = 0; j < q; j++) {
          let s = 0;
          for (let i = 0; i < p; i++) s += x[i] * W1[i * q + j];
          hid[j] = s > 0 ? s : 0.01 * s;
        }
        for (let h = 0; h < H; h++) {
          let s = b2[h];
          for (let j = 0; j < q; j++) s += hid[j] * W2[j * H + h];
          const e = s - yv[h];
          lossSum += Math.abs(e);
          dout[h] = e > 0 ? 1 : e < 0 ? -1 : 0;
        }
        for (let j = 0; j < q; j++) {
          let s = 0;
          for (let h = 0; h < H; h++) {
            s += dout[h] * W2[j * H + h];
            g[1][j * H + h] += dout[h] * hid[j];
          }
          dh[j] = s * (hid[j] > 0 ? 1 : 0.01);
        }
        for (let h = 0; h < H; h++) g[2][h] += dout[h];
        for (let i = 0; i < p; i++) {
          const xi = x[i];
          if (!xi) continue;
          for (let j = 0; j < q; j++) g[0][i * q + j] += xi * dh[j];
        }
      }
      step++;
      const n = be - b0;
      const c1 = 1 - 0.9 ** step,
        c2 = 1 - 0.999 ** step;
      params.forEach((P, pi) => {
        const Gr = g[pi],
          M = m[pi],
          V = v[pi];
        for (let i = 0; i < P.length; i++) {
          const gi = Gr[i] / n;
          M[i] = 0.9 * M[i] + 0.1 * gi;
          V[i] = 0.999 * V[i] + 0.001 * gi * gi;
          P[i] -= (lr * (M[i] / c1)) / (Math.sqrt(V[i] / c2) + 1e-8);
        }
      });
    }
    log(`seed ${seed} epoch ${ep + 1}/${epochs}: mean |log error| ${(lossSum / N / H).toFixed(4)}`);
  }
  const round = (a) => Array.from(a, (x) => Number(x.toPrecision(7)));
  return { W1: round(W1), W2: round(W2), b2: round(b2) };
}

/** Train the ensemble on `series`; returns a GlobalNet (provenance to be filled by the caller). */
export function trainGlobal(series, provenance, cfg = CONFIG, log = () => {}) {
  const data = windows(series, cfg);
  log(`${data.X.length} windows from ${series.length} series`);
  const nets = cfg.seeds.map((seed) => trainNet(data, seed, cfg, log));
  return {
    L: cfg.L,
    H: cfg.H,
    hidden: cfg.hidden,
    clip: cfg.clip,
    nets,
    provenance: `${provenance}; ${data.X.length} windows; config ${JSON.stringify(cfg)}`,
  };
}
