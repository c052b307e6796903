// Estimate the method-level interval calibration of src/forecast/calibration.ts: a Student-t
// predictive distribution per method (degrees of freedom ν, pooled over horizons) with a
// scale factor k(h) per horizon multiplying the analytic forecast standard deviation.
// Honest: uses only the TRAINING part of each M3 dev series: rolling origins o = n−6 … n−1
// over the last 6 training values, the model is refitted on y[0..o) and compared with y[o..n);
// the standardised errors |e|/sd are collected per method and horizon. For each ν on a grid,
// k(h) minimises the squared distance of the 80 % and 95 % coverage (interval mean ± k·qt·sd)
// of the held-out values from the band centres 80 % and 94.5 % (in units of the half-widths of
// the target bands 77–83 % and 92–97 %); ν minimises the loss summed over horizons.
// Test values are never read.
// Usage: npm run build && node bench/m3/calibrate.mjs [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadM3, repoRoot } from './data.mjs';

const H = 6;
const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const { qt } = await import(join(repoRoot, 'dist/stats/t.js'));
// every dev series (training parts only); the fits use n − 6 ≥ 8 points
const series = loadM3().map((s) => s.train).filter((y) => y.length >= H + 8);
const methods = ['naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb'];
const grid = Array.from({ length: 401 }, (_, i) => 0.5 + i * 0.01);
const result = {};
const dfs = {};
// ν grid (Infinity = Gaussian)
const NU = [1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50, Infinity];
for (const m of methods) {
  const absz = Array.from({ length: H }, () => []);
  for (const y of series) {
    // rolling origins over the last 6 training values: fit on y[0..o), compare with y[o..n)
    for (let o = y.length - H; o < y.length; o++) {
      const fit = y.slice(0, o), hold = y.slice(o);
      const hh = hold.length;
      const f = F.forecast(fit, { method: m, horizon: hh, levels: [80, 95], calibrate: false });
      const d = f.dist;
      for (let i = 0; i < hh; i++) {
        const sd = Math.sqrt(d.chol.slice(i * hh, i * hh + i + 1).reduce((s, v) => s + v * v, 0));
        const v = d.log ? Math.log(Math.max(hold[i], 1e-12)) : hold[i];
        absz[i].push(sd > 0 ? Math.abs(v - d.mean[i]) / sd : v === d.mean[i] ? 0 : Infinity);
      }
    }
  }
  // coverage loss of factor k at quantiles (q80, q95), with sorted |z| for fast counting
  const sorted = absz.map((zs) => Float64Array.from(zs).sort());
  const below = (a, x) => { let lo = 0, hi = a.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] <= x) lo = mid + 1; else hi = mid; } return lo; };
  const fitK = (a, q80, q95) => {
    let best = 1, bestLoss = Infinity;
    for (const k of grid) {
      const c80 = below(a, k * q80) / a.length;
      const c95 = below(a, k * q95) / a.length;
      const loss = ((c80 - 0.8) / 0.03) ** 2 + ((c95 - 0.945) / 0.025) ** 2;
      if (loss < bestLoss) { bestLoss = loss; best = k; }
    }
    return { k: best, loss: bestLoss };
  };
  let bestNu = Infinity, bestTotal = Infinity, bestKs = null;
  const report = [];
  for (const nu of NU) {
    const q80 = qt(0.9, nu), q95 = qt(0.975, nu);
    const fits = sorted.map((a) => fitK(a, q80, q95));
    const total = fits.reduce((s, f) => s + f.loss, 0);
    report.push(`${nu}:${total.toFixed(2)}`);
    if (total < bestTotal - 1e-12) { bestTotal = total; bestNu = nu; bestKs = fits.map((f) => f.k); }
  }
  result[m] = bestKs;
  dfs[m] = bestNu;
  console.log(m.padEnd(7), `ν = ${bestNu}`, 'loss by ν', report.join(' '));
  console.log(m.padEnd(7), result[m].map((k) => k.toFixed(2)).join(' '), `(${series.length} series)`);
}
if (process.argv.includes('--write')) {
  const p = join(repoRoot, 'src/forecast/calibration.ts');
  const txt = readFileSync(p, 'utf8');
  const body = Object.entries(result).map(([m, ks]) => `  ${m}: [${ks.map((k) => k.toFixed(2)).join(', ')}],`).join('\n');
  const dfBody = Object.entries(dfs).filter(([, nu]) => Number.isFinite(nu)).map(([m, nu]) => `  ${m}: ${nu},`).join('\n');
  const out = txt
    .replace(/\/\/ @calibration-start[\s\S]*?\/\/ @calibration-end/, `// @calibration-start\n${body}\n  // @calibration-end`)
    .replace(/\/\/ @df-start[\s\S]*?\/\/ @df-end/, `// @df-start\n${dfBody}\n  // @df-end`);
  writeFileSync(p, out);
  console.log('wrote', p);
}
