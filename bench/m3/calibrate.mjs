// Estimate the method-level interval calibration of src/forecast/calibration.ts: a Student-t
// predictive distribution per method (degrees of freedom ν, pooled over horizons) with a scale
// factor k(h) per horizon multiplying the analytic forecast sd (see calib-lib.mjs).
//
// Data: the forecast errors of the M3 yearly *dev half* at its forecast origin (each method fitted
// on a series' training part, compared with its 6 held-out values). The benchmark provider's
// README designates the dev half for tuning ("Tune on these only"); the other half of the 645
// yearly series is held out by the provider. Only 7 numbers per method are estimated from 323 × 6
// errors, none per series. The honest coverage estimate is the cross-fitted one printed here and
// in bench/RESULTS.md: each half of the dev series is scored with constants fitted on the other.
// Usage: npm run build && node bench/m3/calibrate.mjs [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadM3, repoRoot } from './data.mjs';
import { byHorizon, coverage, crossFittedCoverage, fitCalibration, standardisedErrors } from './calib-lib.mjs';

const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const { qt } = await import(join(repoRoot, 'dist/stats/t.js'));
const series = loadM3();
const methods = ['naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb'];
const result = {};
const dfs = {};
const pct = (x) => (100 * x).toFixed(1).padStart(5);
for (const m of methods) {
  const errs = standardisedErrors(F, series, m);
  const fit = fitCalibration(byHorizon(errs), qt);
  const ins = coverage(errs, fit.nu, fit.ks, qt);
  const cf = crossFittedCoverage(errs, qt);
  result[m] = fit.ks;
  dfs[m] = fit.nu;
  console.log(`${m.padEnd(7)} ν = ${String(fit.nu).padEnd(4)} k = ${fit.ks.map((k) => k.toFixed(2)).join(' ')}  in-sample cov80/95 ${pct(ins.cov80)} ${pct(ins.cov95)}  cross-fitted ${pct(cf.cov80)} ${pct(cf.cov95)}`);
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
