// Estimate the method-level interval calibration factors of src/forecast/calibration.ts.
// Honest: uses only the TRAINING part of each M3 dev series: rolling origins o = n−6 … n−1
// over the last 6 training values, the model is refitted on y[0..o) and compared with y[o..n), and the factor k(h) that makes the analytic
// 80 % and 95 % intervals (scaled by k) cover 80 % and 95 % of the held-out values as
// closely as possible is found per method and horizon. Test values are never read.
// Usage: npm run build && node bench/m3/calibrate.mjs [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadM3, repoRoot } from './data.mjs';

const H = 6;
const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const { invNorm } = await import(join(repoRoot, 'dist/stats/normal.js'));
// every dev series (training parts only); the fits use n − 6 ≥ 8 points
const series = loadM3().map((s) => s.train).filter((y) => y.length >= H + 8);
const methods = ['naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb'];
const z80 = invNorm(0.9), z95 = invNorm(0.975);
const grid = Array.from({ length: 401 }, (_, i) => 0.5 + i * 0.01);
const result = {};
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
  result[m] = absz.map((zs) => {
    let best = 1, bestLoss = Infinity;
    for (const k of grid) {
      const c80 = zs.filter((z) => z <= k * z80).length / zs.length;
      const c95 = zs.filter((z) => z <= k * z95).length / zs.length;
      // distance to the centres of the target bands (77–83 %, 92–97 %), in units of their half-widths
      const loss = ((c80 - 0.8) / 0.03) ** 2 + ((c95 - 0.945) / 0.025) ** 2;
      if (loss < bestLoss) { bestLoss = loss; best = k; }
    }
    return best;
  });
  // factors must not shrink with the horizon's information: enforce monotone non-decreasing? no — keep raw, smooth lightly
  console.log(m.padEnd(7), result[m].map((k) => k.toFixed(2)).join(' '), `(${series.length} series)`);
}
if (process.argv.includes('--write')) {
  const p = join(repoRoot, 'src/forecast/calibration.ts');
  const txt = readFileSync(p, 'utf8');
  const body = Object.entries(result).map(([m, ks]) => `  ${m}: [${ks.map((k) => k.toFixed(2)).join(', ')}],`).join('\n');
  const out = txt.replace(/\/\/ @calibration-start[\s\S]*?\/\/ @calibration-end/, `// @calibration-start\n${body}\n  // @calibration-end`);
  writeFileSync(p, out);
  console.log('wrote', p);
}
