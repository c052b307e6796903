// Compare the engine's automatic ETS with R's forecast::ets series by series (M3 yearly dev half).
// Usage: Rscript bench/m3/ets-vs-r.R && npm run build && node bench/m3/ets-vs-r.mjs [/tmp/r_ets_forms.csv]
// Prints: per form, how often our maximum likelihood beats R's (same criterion, -2 log L up to a
// constant: n log SSE [+ 2 sum log|yhat|] on the data's scale); agreement of the selected forms; and
// sMAPE / MASE of our ets, R's ets and "our fits with R's selection", which separates estimation
// from selection.
import { readFileSync } from 'node:fs';
import { loadM3, repoRoot } from './data.mjs';

const { etsAuto, etsFit } = await import(`${repoRoot}/dist/forecast/ets.js`);
const file = process.argv[2] ?? '/tmp/r_ets_forms.csv';
const lines = readFileSync(file, 'utf8').trim().split('\n');
const head = lines[0].split(',');
const rByForm = new Map();
for (const l of lines.slice(1)) {
  const c = l.split(',');
  const o = Object.fromEntries(
    head.map((k, i) => [k, k === 'id' || k === 'form' ? c[i] : c[i] === 'NA' ? NaN : Number(c[i])]),
  );
  rByForm.set(`${o.id} ${o.form}`, o);
}

/** −2 log L as R's ets reports it, at given parameters on the data's scale. */
function rStyleLik(y, error, trend, p) {
  let l = p.l0;
  let b = trend === 'N' ? 0 : p.b0;
  const phi = trend === 'Ad' ? p.phi : 1;
  let sse = 0;
  let logs = 0;
  for (const v of y) {
    const f = l + phi * b;
    if (error === 'M' && !(f > 0)) return Infinity;
    const e = error === 'A' ? v - f : (v - f) / f;
    sse += e * e;
    if (error === 'M') logs += Math.log(f);
    const u = error === 'A' ? e : f * e;
    l = f + p.alpha * u;
    if (trend !== 'N') b = phi * b + p.beta * u;
  }
  return y.length * Math.log(sse) + 2 * logs;
}

const key = (d) => d.replace(/,/g, '').replace(/^ETS\((\w)(\w+)N\)$/, 'ETS($1$2N)');
const forms = [
  ['A', 'N'],
  ['A', 'A'],
  ['A', 'Ad'],
  ['M', 'N'],
  ['M', 'A'],
  ['M', 'Ad'],
];
const likStats = {};
const agree = {};
const acc = { ours: [0, 0], R: [0, 0], oursFitRSel: [0, 0] };
const series = loadM3();
for (const s of series) {
  const y = s.train;
  let scale = 0;
  for (let i = 1; i < y.length; i++) scale += Math.abs(y[i] - y[i - 1]);
  scale /= y.length - 1;
  const score = (fc, t) => {
    t[0] += fc.reduce((a, v, i) => a + (200 * Math.abs(s.test[i] - v)) / (Math.abs(s.test[i]) + Math.abs(v)), 0) / 6;
    t[1] += fc.reduce((a, v, i) => a + Math.abs(s.test[i] - v), 0) / 6 / scale;
  };
  let rSel;
  const ourFits = new Map();
  for (const [error, trend] of forms) {
    const r = rByForm.get(`${s.id} ETS(${error}${trend}N)`);
    if (!r) continue;
    const m = etsFit(y, { error, trend });
    ourFits.set(r.form, m);
    const d = rStyleLik(y, error, trend, m.model.params) - r.lik;
    const st = (likStats[r.form] ??= { better: 0, worse: 0, diffs: [] });
    if (d < -0.01) st.better++;
    else if (d > 0.01) st.worse++;
    if (Number.isFinite(d)) st.diffs.push(d);
    if (r.selected) rSel = r;
  }
  const ours = etsAuto(y);
  const pair = `R ${rSel.form} → ours ${key(ours.model.description)}`;
  agree[pair] = (agree[pair] ?? 0) + 1;
  score(ours.predict(6).point, acc.ours);
  score([rSel.f1, rSel.f2, rSel.f3, rSel.f4, rSel.f5, rSel.f6], acc.R);
  score(ourFits.get(rSel.form).predict(6).point, acc.oursFitRSel);
}
const n = series.length;
console.log('−2 log L of each form, ours vs R (negative = ours higher likelihood):');
for (const [f, st] of Object.entries(likStats)) {
  const sorted = st.diffs.slice().sort((a, b) => a - b);
  const mean = sorted.reduce((a, v) => a + v, 0) / sorted.length;
  console.log(
    `  ${f.padEnd(10)} ours better ${st.better}, worse ${st.worse}, mean ${mean.toFixed(2)}, median ${sorted[sorted.length >> 1].toFixed(2)}, worst ${sorted[sorted.length - 1].toFixed(2)}`,
  );
}
console.log('selected forms (R → ours):');
for (const [k, v] of Object.entries(agree).sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
for (const [k, t] of Object.entries(acc))
  console.log(`${k.padEnd(12)} sMAPE ${(t[0] / n).toFixed(2)}  MASE ${(t[1] / n).toFixed(3)}`);
