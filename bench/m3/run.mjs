// M3 yearly benchmark (dev half) of the forecasting engine, on the compiled dist/.
// Usage: npm run build && node bench/m3/run.mjs [--r] [--methods naive,drift,...] [--no-write]
//   --r   also run R's forecast package (r_anchors.R) in this run for a same-machine time ratio
// Writes the "## M3 yearly benchmark" section of bench/RESULTS.md.
import { readFileSync, existsSync, mkdtempSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { m3Dir, loadM3, seriesMetrics, aggregate, readCsv, repoRoot } from './data.mjs';
import { replaceSection } from '../lib.mjs';
import { crossFittedCoverage, standardisedErrors } from './calib-lib.mjs';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const H = 6;
const dir = m3Dir();
const series = loadM3(dir);
const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const { qt } = await import(join(repoRoot, 'dist/stats/t.js'));
const methods = (opt('--methods') ?? 'naive,drift,ses,holt,damped,ets,arima,theta,dotm,comb').split(',');

// JIT warm-up (not timed): every method once on the first 10 series, like R's package loading before its timings
for (const m of methods) for (const s of series.slice(0, 10)) F.forecast(s.train, { method: m, horizon: H, levels: [80, 95] });

const rows = [];
const perMethod = {};
for (const m of methods) {
  const ms = [];
  let failed = 0;
  let nonFinite = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const fcs = series.map((s) => {
    try {
      return F.forecast(s.train, { method: m, horizon: H, levels: [80, 95] });
    } catch (e) {
      failed++;
      return null;
    }
  });
  const secs = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  fcs.forEach((f, k) => {
    if (!f) return;
    const r = { point: f.point, lo80: f.intervals[0].lower, hi80: f.intervals[0].upper, lo95: f.intervals[1].lower, hi95: f.intervals[1].upper };
    if (![...r.point, ...r.lo80, ...r.hi80, ...r.lo95, ...r.hi95].every(Number.isFinite)) nonFinite++;
    ms.push(seriesMetrics(series[k].train, series[k].test, r));
  });
  perMethod[m] = fcs;
  const a = aggregate(ms, H);
  // honest coverage: calibration constants fitted on the other half of the dev series (not timed)
  const cf = crossFittedCoverage(standardisedErrors(F, series, m), qt);
  rows.push({ source: 'viso', method: m, failed, nonFinite, ...a, cf80: cf.cov80, cf95: cf.cov95, seconds: secs, cpu });
  console.log(`${m.padEnd(7)} sMAPE ${a.smape.toFixed(2)} MASE ${a.mase.toFixed(3)} cov80 ${a.cov80.toFixed(3)} cov95 ${a.cov95.toFixed(3)} cross-fitted ${cf.cov80.toFixed(3)} ${cf.cov95.toFixed(3)} MSIS ${a.msis95.toFixed(2)} ${secs.toFixed(2)} s (CPU ${cpu.toFixed(2)} s) failed ${failed} nonfinite ${nonFinite}`);
}

// @bsull/augurs AutoETS, same process (wasm read from disk)
{
  const mod = await import('@bsull/augurs/ets');
  const wasmPath = join(repoRoot, 'node_modules/@bsull/augurs/ets_bg.wasm');
  mod.initSync({ module: readFileSync(wasmPath) });
  const ms80 = [];
  let failed = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = series.map((s) => {
    try {
      const m = new mod.AutoETS(1, 'ZZN');
      m.fit(s.train);
      const f80 = m.predict(H, 0.8);
      const f95 = m.predict(H, 0.95);
      m.free();
      return { point: f80.point, lo80: f80.intervals?.lower, hi80: f80.intervals?.upper, lo95: f95.intervals?.lower, hi95: f95.intervals?.upper };
    } catch {
      failed++;
      return null;
    }
  });
  const secs = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  out.forEach((r, k) => r && ms80.push(seriesMetrics(series[k].train, series[k].test, r.lo80 ? r : { point: r.point })));
  const a = aggregate(ms80, H);
  rows.push({ source: '@bsull/augurs 0.10.2', method: 'AutoETS', failed, nonFinite: 0, ...a, seconds: secs, cpu });
  console.log(`augurs  sMAPE ${a.smape.toFixed(2)} MASE ${a.mase.toFixed(3)} cov80 ${a.cov80.toFixed(3)} cov95 ${a.cov95.toFixed(3)} ${secs.toFixed(2)} s failed ${failed}`);
}

// R reference: measured in this run with --r, otherwise the stored anchor file
let rRows = readCsv(join(dir, 'r_anchor_results_dev.csv')).filter((r) => r.subset === 'dev');
let rNote = `R forecast 8.20 rows from \`r_anchor_results_dev.csv\` (measured by the data provider on this kind of 2-core machine; R not run here)`;
if (args.includes('--r')) {
  const tmp = mkdtempSync(join(tmpdir(), 'm3r-'));
  copyFileSync(join(dir, 'dev_ids.txt'), join(tmp, 'dev_ids.txt'));
  const r = spawnSync('Rscript', [join(dir, 'r_anchors.R'), tmp, '--input', join(dir, 'm3_yearly_dev.csv')], { encoding: 'utf8' });
  if (r.status === 0 && existsSync(join(tmp, 'r_anchor_results.csv'))) {
    rRows = readCsv(join(tmp, 'r_anchor_results.csv')).filter((x) => x.subset === 'dev');
    const ver = readFileSync(join(tmp, 'r_versions.txt'), 'utf8').trim().split('\n').join(', ');
    rNote = `R rows measured in this run (${ver})`;
  } else console.error('R run failed; using stored anchors\n' + r.stderr);
}

const f2 = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const rComb = Number(rRows.find((r) => r.method === 'comb')?.seconds);
const ours = rows.filter((r) => r.source === 'viso');
const best = ours.reduce((b, r) => (r.smape < b.smape ? r : b));
const load = (await import('node:os')).loadavg()[0];
const comb = ours.find((r) => r.method === 'comb');
const lines = [];
lines.push('## M3 yearly benchmark', '');
lines.push(`323 yearly M3 series (dev half), horizon 6, intervals 80 % and 95 %. Command: \`npm run build && node bench/m3/run.mjs${args.includes('--r') ? ' --r' : ''}\`.`);
lines.push(`Engine: \`dist/forecast\` (calibrated Student-t intervals, see \`src/forecast/calibration.ts\` and below). ${rNote}.`, '');
lines.push('| source | method | sMAPE | MASE | cov80 | cov95 | cov80 cross-fitted | cov95 cross-fitted | MSIS95 | seconds (wall) | CPU s | failed |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) lines.push(`| ${r.source} | ${r.method} | ${f2(r.smape)} | ${f2(r.mase, 3)} | ${f2(r.cov80, 3)} | ${f2(r.cov95, 3)} | ${r.cf80 !== undefined ? f2(r.cf80, 3) : '–'} | ${r.cf95 !== undefined ? f2(r.cf95, 3) : '–'} | ${f2(r.msis95)} | ${f2(r.seconds)} | ${f2(r.cpu)} | ${r.failed} |`);
for (const r of rRows) lines.push(`| R forecast | ${r.method === 'arima' ? 'auto.arima' : r.method} | ${f2(Number(r.smape))} | ${f2(Number(r.mase), 3)} | ${r.cov80 ? f2(Number(r.cov80), 3) : '–'} | ${r.cov95 ? f2(Number(r.cov95), 3) : '–'} | – | – | ${r.msis95 ? f2(Number(r.msis95)) : '–'} | ${f2(Number(r.seconds))} | – | ${r.n_failed} |`);
lines.push('');
lines.push(`Best engine method by sMAPE: **${best.method}** ${f2(best.smape)} / MASE ${f2(best.mase, 3)} (targets ≤ 16.0 / ≤ 2.55; R comb 16.28 / 2.606).`);
const band = (c80, c95) => c80 >= 0.77 && c80 <= 0.83 && c95 >= 0.92 && c95 <= 0.97;
const nu = (m) => F.CALIBRATION_DF[m] ?? '∞';
if (comb) {
  lines.push(`All 323 series with intervals by \`comb\`: ${f2(comb.seconds)} s = ${f2(comb.seconds / rComb, 3)} × R's comb time (${f2(rComb)} s, target < 0.1): ${comb.seconds / rComb < 0.1 ? '**met**' : '**NOT met**'}.`);
  lines.push(`Coverage of \`comb\` (targets 77–83 % and 92–97 %): shipped calibration ${f2(comb.cov80 * 100, 1)} % / ${f2(comb.cov95 * 100, 1)} %; cross-fitted ${f2(comb.cf80 * 100, 1)} % / ${f2(comb.cf95 * 100, 1)} %: ${band(comb.cov80, comb.cov95) && band(comb.cf80, comb.cf95) ? '**met**' : '**NOT met**'}. Methods whose shipped and cross-fitted coverage are both inside both bands: ${ours.filter((r) => band(r.cov80, r.cov95) && band(r.cf80, r.cf95)).length} of ${ours.length}.`);
}
lines.push('How the intervals are calibrated: each method\'s predictive distribution is a Student t on the modelling scale (log for positive series) with ν degrees of freedom and scale k(h) × its analytic forecast sd (`CALIBRATION_DF`, `CALIBRATION` in `src/forecast/calibration.ts`; ν = ' + ours.map((r) => `${nu(r.method)}`).join('/') + ' for ' + ours.map((r) => r.method).join('/') + '). The 7 numbers per method are estimated by `node bench/m3/calibrate.mjs --write` from the dev half\'s forecast errors at the forecast origin (323 × 6 errors per method; the provider\'s README designates the dev half for tuning and holds out the other half). Because the shipped constants have seen these errors, the column *cross-fitted* is the honest estimate: the dev series are split into two halves by position, and each half is scored with ν and k(h) fitted on the other half only (`bench/m3/calib-lib.mjs`). Yearly errors are heavier-tailed than normal, so one Gaussian scale cannot match 80 % and 95 % at once; a t distribution matches both. Forecasts whose analytic sd exceeds half the point forecast use the linear scale floored at 0 instead of the log scale (\`CV_MAX_LOG\` in \`src/forecast/intervals.ts\`): a variance-matched log-normal there has absurd upper tails (with the log scale always, MSIS95 of holt was 117.9 and of comb 22.9). An earlier calibration learned only from rolling origins inside the training years over-covered on the test years (comb 88.2 % / 96.7 %): those earlier years are more volatile than the years that follow them in M3, so errors at the actual forecast origin are the relevant data. R\'s uncalibrated intervals under-cover at both levels.');
lines.push(`Non-finite outputs: ${ours.reduce((s, r) => s + r.nonFinite, 0)}. Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}, load average ${load.toFixed(1)} at the end of the run (wall times grow with load; CPU seconds do not).`, '');

// Evidence for the `auto` rule: M3 series truncated to their last n training values
if (!args.includes('--quick')) {
  const ms = ['naive', 'drift', 'theta', 'comb', 'auto'];
  lines.push('### Short series: evidence for `auto`', '');
  lines.push('Each M3 dev series truncated to its last n training values, same 6 test values; sMAPE / MASE. `auto` = naive below 5 points, the best of naive/drift/Theta by the series\' own rolling-origin MASE for 5–11 points, `comb` from 12.', '');
  lines.push(`| n | ${ms.join(' | ')} |`, `| ---: | ${ms.map(() => '---:').join(' | ')} |`);
  for (const n of [5, 7, 9, 11, 12]) {
    const cells = ms.map((m) => {
      const a = aggregate(series.map((s) => { const tr = s.train.slice(-n); const f = F.forecast(tr, { method: m, horizon: H }); return seriesMetrics(s.train, s.test, { point: f.point }); }), H);
      return `${f2(a.smape)} / ${f2(a.mase, 3)}`;
    });
    lines.push(`| ${n} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  // Why `auto` does not select by backtest from 12 points: the same selection with comb among the candidates
  {
    const A = await import(join(repoRoot, 'dist/forecast/auto.js'));
    const cands = ['naive', 'drift', 'theta', 'comb'];
    const cells = [12, 14, 0].map((n) => {
      const sel = [], cmb = [];
      for (const s of series) {
        const y = n ? s.train.slice(-n) : s.train;
        const minTrain = Math.max(3, y.length - 6);
        const sc = cands.map((m) => A.backtestMase(y, m, 3, minTrain));
        const best = sc.reduce((b, v, i) => (v < sc[b] - 1e-12 ? i : b), 0);
        sel.push(seriesMetrics(s.train, s.test, { point: F.forecast(y, { method: cands[best], horizon: H }).point }));
        cmb.push(seriesMetrics(s.train, s.test, { point: F.forecast(y, { method: 'comb', horizon: H }).point }));
      }
      const a = aggregate(sel, H), b = aggregate(cmb, H);
      return `${n ? `n = ${n}` : 'full training length'}: selected ${f2(a.smape)} / ${f2(a.mase, 3)} vs. always comb ${f2(b.smape)} / ${f2(b.mase, 3)}`;
    });
    lines.push(`From 12 points \`auto\` uses \`comb\` even where a series' own backtest favours another method (e.g. bevilling below): choosing among naive, drift, Theta and comb by each series' rolling-origin MASE (last 6 origins, h ≤ 3) is worse on M3 than always comb (sMAPE / MASE): ${cells.join('; ')}. A backtest over a handful of origins is too noisy to beat the combination.`, '');
  }
  // VISO series: rolling-origin backtests (h ≤ 2) of the candidates and of auto
  const { loadBundled } = await import(join(repoRoot, 'dist/data/bundled.js'));
  const ds = loadBundled();
  const ids = ds.list().map((x) => x.id ?? x).filter((id) => /^viso\.(raadgivning|kas)\.(forbrug|bevilling|henvendelser|forloeb)/.test(id));
  const vm = ['naive', 'drift', 'theta', 'ets', 'comb', 'auto'];
  lines.push('### VISO series: rolling-origin backtest (expanding window, h = 1–2, MASE)', '');
  lines.push(`| series | years | ${vm.join(' | ')} | auto uses now |`, `| --- | ---: | ${vm.map(() => '---:').join(' | ')} | --- |`);
  const pooled = Object.fromEntries(vm.map((m) => [m, []]));
  for (const id of ids) {
    const w = F.fitWindow(ds.get(id));
    if (w.values.length < 6) continue;
    const cells = vm.map((m) => { const r = F.backtest(w.values, { method: m, horizon: 2 }); pooled[m].push(r.overall.mase); return f2(r.overall.mase); });
    const now = F.forecast(w.values, { horizon: 3 }).method;
    lines.push(`| ${id} | ${w.years[0]}–${w.years[w.years.length - 1]} | ${cells.join(' | ')} | ${now} |`);
  }
  lines.push(`| **mean** | | ${vm.map((m) => f2(pooled[m].reduce((a, b) => a + b, 0) / pooled[m].length)).join(' | ')} | |`, '');
}

if (!args.includes('--no-write')) {
  replaceSection('## M3 yearly benchmark', lines.slice(2).join('\n')); // lines start with the heading and a blank line
  console.log('wrote bench/RESULTS.md section');
}
if (args.includes('--no-write')) console.log(lines.join('\n'));
