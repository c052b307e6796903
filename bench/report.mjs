// Report benchmark: median of N (default 3) wall-clock runs of the full default report
// (`node dist/cli/main.js report --out bench/out/report`, the README's main job after the build),
// against `node -e 0` (bare Node start-up) measured in the same run, interleaved.
// Target: the full default report in under 10 s. Rewrites the "## Report" section of bench/RESULTS.md.
// Usage: npm run build && node bench/report.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('bench/report: dist/cli/main.js missing; run npm run build first');
  process.exit(2);
}
const ri = process.argv.indexOf('--runs');
const runs = ri > 0 ? Number(process.argv[ri + 1]) : 3;
const TARGET_S = 10;
const out = join(root, 'bench', 'out', 'report');

const gnuTime = existsSync('/usr/bin/time');
function time(args) {
  const cmd = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-f', '@@cpu %U %S', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall: ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

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
const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const fmt = (ms) => (ms / 1000).toFixed(2);
const lines = [
  '## Report',
  '',
  `Median of ${runs} wall-clock runs each (interleaved), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores. Script: \`bench/report.mjs\`.`,
  `Default report: ${manifest.scenarios.length} scenarios × ${manifest.runs.toLocaleString('en')} Monte Carlo runs, a ${'what-if'} grid, sensitivity, measure evaluations, forecasts and backtests; HTML + Markdown + ${manifest.outputs.filter((o) => o.path.endsWith('.png')).length} PNG charts + XLSX.`,
  '',
  '| command | median wall s | runs (s) | ratio to `node -e 0` | median CPU s (user+sys) |',
  '| --- | ---: | --- | ---: | ---: |',
  ...results.map((r) => `| ${r.name} | ${fmt(median(r.times))} | ${r.times.map(fmt).join(', ')} | ${(median(r.times) / floor).toFixed(1)} | ${fmt(median(r.cpus))} |`),
  '',
  `Full default report: ${fullS.toFixed(2)} s wall. Target < ${TARGET_S} s: **${fullS < TARGET_S ? 'met' : 'NOT met'}** (ratio to target ${(fullS / TARGET_S).toFixed(2)}).`,
  `CPU time of the full report (user+sys, load-independent; the report is single-threaded apart from PNG rasterising): ${fmt(median(full.cpus))} s: ${median(full.cpus) / 1000 < TARGET_S ? "under" : "over"} the ${TARGET_S} s target; on an otherwise idle machine the wall time is at most about the CPU time (PNG rasterising overlaps with the main thread).`,
  `Stages of the last run (ms, from manifest.json): ${Object.entries(manifest.timingsMs).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}.`,
  `Load average at the end: ${load} (1/5/15 min) on ${os.cpus().length} cores; wall times grow with load, CPU times much less.`,
  '',
];
const resultsPath = join(root, 'bench', 'RESULTS.md');
const text = readFileSync(resultsPath, 'utf8');
const start = text.indexOf('## Report');
if (start < 0) throw new Error('bench/RESULTS.md has no "## Report" section');
const next = text.indexOf('\n## ', start + 1);
const updated = text.slice(0, start) + lines.join('\n') + (next >= 0 ? text.slice(next) : '');
writeFileSync(resultsPath, updated.endsWith('\n') ? updated : updated + '\n');
console.log(lines.join('\n'));
