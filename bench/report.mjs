// Report benchmark: median of N (default 3) wall-clock runs of the full default report
// (`node dist/cli/main.js report --out bench/out/report`, the README's main job after the build),
// against `node -e 0` (bare Node start-up) measured in the same run, interleaved.
// Target: the full default report in under 10 s. Rewrites the "## Report" section of bench/RESULTS.md.
// Usage: npm run build && node bench/report.mjs [--runs N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { cliMain as main, median, numberArg, replaceSection, requireBuilt, root, timeNode as time } from './lib.mjs';

requireBuilt('report');
const runs = numberArg('--runs', 3);
const TARGET_S = 10;
const out = join(root, 'bench', 'out', 'report');

const cases = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  { name: '`viso report --out bench/out/report` (full default report)', args: [main, 'report', '--out', out] },
  { name: '`viso report --no-png` (without PNG charts)', args: [main, 'report', '--out', out + '-nopng', '--no-png'] },
];
const results = cases.map((c) => ({ ...c, times: [], cpus: [] }));
for (let i = 0; i < runs; i++) {
  for (const r of results) {
    const t = time(r.args);
    r.times.push(t.wall);
    r.cpus.push(t.cpu);
  }
}
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
const floor = median(results[0].times);
const full = results[1];
const fullS = median(full.times) / 1000;
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');
const fmt = (ms) => (ms / 1000).toFixed(2);
const lines = [
  `Median of ${runs} wall-clock runs each (interleaved), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores. Script: \`bench/report.mjs\`.`,
  `Default report: ${manifest.scenarios.length} scenarios × ${manifest.runs.toLocaleString('en')} Monte Carlo runs, a ${'what-if'} grid, sensitivity, measure evaluations, forecasts and backtests; HTML + Markdown + ${manifest.outputs.filter((o) => o.path.endsWith('.png')).length} PNG charts + XLSX.`,
  '',
  '| command | median wall s | runs (s) | ratio to `node -e 0` | median CPU s (user+sys) |',
  '| --- | ---: | --- | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${fmt(median(r.times))} | ${r.times.map(fmt).join(', ')} | ${(median(r.times) / floor).toFixed(1)} | ${fmt(median(r.cpus))} |`,
  ),
  '',
  `Full default report: ${fullS.toFixed(2)} s wall. Target < ${TARGET_S} s: **${fullS < TARGET_S ? 'met' : 'NOT met'}** (ratio to target ${(fullS / TARGET_S).toFixed(2)}).`,
  `CPU time of the full report (user+sys, load-independent; the report is single-threaded apart from PNG rasterising): ${fmt(median(full.cpus))} s: ${median(full.cpus) / 1000 < TARGET_S ? 'under' : 'over'} the ${TARGET_S} s target; on an otherwise idle machine the wall time is at most about the CPU time (PNG rasterising overlaps with the main thread).`,
  `Stages of the last run (ms, from manifest.json): ${Object.entries(manifest.timingsMs)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ')}.`,
  `Load average at the end: ${load} (1/5/15 min) on ${os.cpus().length} cores; wall times grow with load, CPU times much less.`,
  '',
];
console.log(replaceSection('## Report', lines.join('\n')));
