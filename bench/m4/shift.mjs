// Covariate-shift weighting of the interval calibration (src/forecast/calibration.ts), tried for
// issue 13: fit ν and k(h) on M4's forecast errors with the M4 series reweighted so that their
// features (length, scale, trend, share of rises, size of the last change) look like the target
// corpus's, the weighted-conformal idea (Tibshirani et al. 2019, "Conformal prediction under
// covariate shift"). The weights use only the target's training parts, never its test values, so a
// calibration weighted towards M3 dev is still scored out of sample on M3 dev. A measured comparison,
// not what ships. Writes the "## Interval calibration weighted towards the target corpus" section.
// Usage: npm run build && node bench/m4/shift.mjs [--no-write]
import os from 'node:os';
import { loadM3 } from '../m3/data.mjs';
import { replaceSection } from '../lib.mjs';
import { loadM4 } from './data.mjs';
import { corpusPoints } from './points.mjs';
import { fitNuK, zErrors, logScale, mult, inBand } from './calib-lib.mjs';
import { CALIBRATION_DATA } from '../../dist/forecast/calibration-data.js';

const H = 6;
const METHOD = 'ensemble';
const t0 = Date.now();
const m4 = loadM4(),
  m3 = loadM3();
const p4 = await corpusPoints('m4', m4, { methods: [METHOD], crossFit: true });
const p3 = await corpusPoints('m3', m3, { methods: [METHOD] });
const prior = CALIBRATION_DATA.prior;

/** Features of a training part; each is known at the forecast origin. */
const FEATURES = [
  ['log n', (y) => Math.log(y.length)],
  ['log s', (y) => Math.log(logScale(y))],
  ['|drift| / s', (y) => Math.abs(Math.log(y[y.length - 1] / y[0])) / (y.length - 1) / logScale(y)],
  [
    'share of rises',
    (y) => {
      let up = 0;
      for (let i = 1; i < y.length; i++) if (y[i] > y[i - 1]) up++;
      return up / (y.length - 1);
    },
  ],
  ['log (last change / s)', (y) => Math.log((Math.abs(Math.log(y.at(-1) / y.at(-2))) + 1e-3) / logScale(y))],
];
const feats = (series) => series.map((s) => FEATURES.map(([, f]) => f(s.train)));

/**
 * Balanced logistic regression of "target" on standardised features (gradient descent, fixed
 * steps: deterministic). Returns the log density ratio target/source of a feature vector.
 */
function logRatio(src, tgt) {
  const X = [...src, ...tgt],
    Y = [...src.map(() => 0), ...tgt.map(() => 1)];
  const W = [...src.map(() => 0.5 / src.length), ...tgt.map(() => 0.5 / tgt.length)];
  const d = X[0].length;
  const mu = Array.from({ length: d }, (_, j) => X.reduce((a, x) => a + x[j], 0) / X.length);
  const sd = mu.map((m, j) => Math.sqrt(X.reduce((a, x) => a + (x[j] - m) ** 2, 0) / X.length));
  const z = (x) => [1, ...x.map((v, j) => (v - mu[j]) / sd[j])];
  const Z = X.map(z);
  let b = new Array(d + 1).fill(0);
  for (let it = 0; it < 3000; it++) {
    const g = new Array(d + 1).fill(0);
    Z.forEach((zi, i) => {
      const p = 1 / (1 + Math.exp(-zi.reduce((a, v, j) => a + v * b[j], 0)));
      zi.forEach((v, j) => (g[j] += W[i] * (p - Y[i]) * v));
    });
    b = b.map((v, j) => v - 2 * g[j]);
  }
  return (x) => z(x).reduce((a, v, j) => a + v * b[j], 0);
}
/** Systematic resampling of items by weight to N items (deterministic). */
function resample(items, w, N) {
  const tot = w.reduce((a, v) => a + v, 0);
  const out = [];
  let c = 0;
  for (let i = 0; i < items.length; i++) {
    c += (w[i] / tot) * N;
    while (out.length + 0.5 < c) out.push(items[i]);
  }
  return out;
}
const cover = (errs, cal) =>
  Array.from({ length: H }, (_, h) => {
    let a = 0,
      b = 0;
    for (const e of errs) {
      if (e[h] <= mult(cal, h, 80)) a++;
      if (e[h] <= mult(cal, h, 95)) b++;
    }
    return { cov80: a / errs.length, cov95: b / errs.length };
  });

const z4 = zErrors(m4, p4, METHOD, prior),
  z3 = zErrors(m3, p3, METHOD, prior);
const F4 = feats(m4),
  F3 = feats(m3);
const rows = [];
const plain4 = fitNuK(z4),
  plain3 = fitNuK(z3);
rows.push({ label: 'none (shipped)', ess4: m4.length, c4: plain4, on3: cover(z3, plain4), on4: cover(z4, plain3) });
for (const cols of [[0], [1], [2], [3], [4], [0, 1, 2, 3, 4]]) {
  const sel = (f) => cols.map((j) => f[j]);
  const r43 = logRatio(F4.map(sel), F3.map(sel)),
    r34 = logRatio(F3.map(sel), F4.map(sel));
  const w4 = F4.map((f) => Math.exp(r43(sel(f)))),
    w3 = F3.map((f) => Math.exp(r34(sel(f))));
  const ess = w4.reduce((a, v) => a + v, 0) ** 2 / w4.reduce((a, v) => a + v * v, 0);
  const c4 = fitNuK(resample(z4, w4, m4.length)),
    c3 = fitNuK(resample(z3, w3, 10 * m3.length));
  rows.push({
    label: cols.length === FEATURES.length ? 'all five' : FEATURES[cols[0]][0],
    ess4: ess,
    c4,
    on3: cover(z3, c4),
    on4: cover(z4, c3),
  });
}

const pct = (x) => (100 * x).toFixed(1);
const cells = (r) =>
  r.map((x) => `${inBand(x) ? '' : '**'}${pct(x.cov80)} / ${pct(x.cov95)}${inBand(x) ? '' : '**'}`).join(' | ');
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const quart = (F, j) =>
  [0.25, 0.5, 0.75]
    .map((p) =>
      q(
        F.map((f) => f[j]),
        p,
      ).toFixed(2),
    )
    .join(' · ');
const lines = [
  `Command: \`npm run build && node bench/m4/shift.mjs\`. Method \`${METHOD}\` (\`auto\`), shipped scale and prior (s0 = ${prior.s0}, κ = ${prior.kappa}). The idea (weighted conformal prediction under covariate shift): if M3 dev's one-step errors are smaller than M4's because its series are of another kind, M4 series of that kind should have the smaller errors too, and fitting ν and k(h) on M4 with its series weighted by the density ratio M3 dev / M4 of their features would carry that over. The weights come from a balanced logistic regression on features of the training parts only (M3 dev's test values are not used), applied by systematic resampling; ESS = effective number of M4 series. Reverse check: M3 dev weighted towards M4, scored on M4. Each cell: coverage of the 80 % / 95 % interval in % (targets 77–83 / 92–97, **bold** = outside).`,
  '',
  'Features of the training parts, quartiles (25 % · 50 % · 75 %):',
  '',
  '| feature | M4 (23000) | M3 dev (323) |',
  '| --- | --- | --- |',
  ...FEATURES.map(([name], j) => `| ${name} | ${quart(F4, j)} | ${quart(F3, j)} |`),
  '',
  '| weighted by | ESS | ν | k(1) … k(6) | fitted → scored | h = 1 | h = 2 | h = 3 | h = 4 | h = 5 | h = 6 | horizons in band |',
  '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const r of rows) {
  const k = r.c4.k.map((x) => x.toFixed(2)).join(', ');
  lines.push(
    `| ${r.label} | ${Math.round(r.ess4)} | ${r.c4.nu} | ${k} | M4 → M3 dev | ${cells(r.on3)} | ${r.on3.filter(inBand).length} of 6 |`,
    `| ${r.label} | | | | M3 dev → M4 | ${cells(r.on4)} | ${r.on4.filter(inBand).length} of 6 |`,
  );
}
const h1 = rows.map((r) => r.c4.k[0]);
lines.push(
  '',
  h1.slice(1).every((k) => k >= h1[0])
    ? `What this shows: no weighting lowers k(1) (${Math.min(...h1.slice(1)).toFixed(2)}–${Math.max(...h1.slice(1)).toFixed(2)} against ${h1[0].toFixed(2)} unweighted): the M4 series that look like M3 dev's by these features have one-step errors as large or larger relative to their scale, not smaller, so the M3 dev coverage at h = 1 stays above the band or moves further above it. M3 dev's small errors at its one origin are not explained by these features of its series; that agrees with the period effect in "Interval coverage by calendar year". Not shipped.`
    : `What this shows: some weightings lower k(1) (${h1.map((k) => k.toFixed(2)).join(', ')}; the first unweighted); see the rows for whether that brings M3 dev into the band without leaving it on M4. Measured, not shipped: the weighting would have to be chosen on M3 dev's scores.`,
  '',
  `Machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}; ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
);
const body = lines.join('\n');
console.log(body);
if (!process.argv.includes('--no-write'))
  replaceSection('## Interval calibration weighted towards the target corpus', body);
