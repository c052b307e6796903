// Start-up benchmark: what importing the package and running a small command cost, against
// `node -e 0` (bare Node start-up, the floor) measured in the same run.
//
// 1. Wall clock (median of N runs, interleaved after one warm-up, CPU from bash's time, in ms) of:
//    `node -e 0`, `import('viso-budget')`, `viso --help`, `viso data show`, `viso scenario run
//    baseline --runs 1000`, `viso forecast viso.raadgivning.forbrug` and a small `viso report`.
// 2. Start-up cost of scenario run, forecast and report = wall time of the command minus the
//    same work done in a warm process (child processes that import the modules, run the work
//    once cold and then again warm, median of N): what every call pays beyond its computation
//    (Node itself, loading modules, parsing options, first-call compilation).
// 3. stderr of every case must be empty (no deprecation warning); what `node --pending-deprecation`
//    would add is listed too (informational: those warnings are off by default).
//
// Targets (issue 18): import < 5× `node -e 0`; `viso scenario run baseline --runs 1000` < 500 ms;
// `viso --help` < 300 ms. Rewrites the "## CLI start-up" section of bench/RESULTS.md.
// Usage: npm run build && node bench/startup.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { cliMain as main, median, numberArg, replaceSection, requireBuilt, root, timeNode as time } from './lib.mjs';

requireBuilt('startup');
requireBuilt('startup', 'vendor/mathjs-number.js');
const runs = numberArg('--runs', 5);
const IMPORT_RATIO = 5;
const SCENARIO_MS = 500;
const HELP_MS = 300;
const reportOut = join(root, 'bench', 'out', 'startup-report');
const series = 'viso.raadgivning.forbrug';

const cases = [
  { key: 'floor', name: '`node -e 0` (floor)', args: ['-e', '0'] },
  {
    key: 'import',
    name: "`import('viso-budget')` (the package)",
    args: ['--input-type=module', '-e', "await import('viso-budget')"],
  },
  { key: 'help', name: '`viso --help`', args: [main, '--help'] },
  { key: 'data', name: `\`viso data show ${series}\``, args: [main, 'data', 'show', series] },
  {
    key: 'scenario',
    name: '`viso scenario run baseline --runs 1000`',
    args: [main, 'scenario', 'run', 'baseline', '--runs', '1000'],
  },
  { key: 'forecast', name: `\`viso forecast ${series}\``, args: [main, 'forecast', series] },
  {
    key: 'report',
    name: '`viso report --scenario baseline --runs 1000 --no-png`',
    args: [main, 'report', '--scenario', 'baseline', '--runs', '1000', '--no-png', '--out', reportOut],
  },
];

// the same work as the commands above, in-process: import time, first (cold) and second (warm) run
const dist = (p) => JSON.stringify(new URL(`../dist/${p}`, import.meta.url).href);
const probes = {
  scenario: `
    const t0 = performance.now(); const s = await import(${dist('scenario/index.js')}); const w = await import(${dist('report/scenarioText.js')});
    const t1 = performance.now();
    const work = async () => { const def = s.loadScenario('baseline'); const r = await s.runScenarioParallel(def, { runs: 1000, threads: 1 }); return w.formatScenarioResult(r, 'da'); };
    await work(); const t2 = performance.now(); await work(); const t3 = performance.now();`,
  forecast: `
    const t0 = performance.now(); const b = await import(${dist('data/bundled.js')}); const f = await import(${dist('forecast/series.js')}); const d = await import(${dist('report/forecastText.js')});
    const t1 = performance.now();
    const work = () => { const r = f.forecastSeries(b.loadBundled().get(${JSON.stringify(series)}), { horizon: 3, method: 'auto', levels: [80, 95] }); return d.modelText(r.model, 'da'); };
    work(); const t2 = performance.now(); work(); const t3 = performance.now();`,
  report: `
    const t0 = performance.now(); const r = await import(${dist('report/build.js')});
    const t1 = performance.now();
    const work = () => r.writeReport(${JSON.stringify(reportOut + '-probe')}, { lang: 'da', scenarios: ['baseline'], runs: 1000, png: false, target: 0.1 });
    await work(); const t2 = performance.now(); await work(); const t3 = performance.now();`,
};
function probe(key) {
  const code = `${probes[key]}\nconsole.log(JSON.stringify({ import: t1 - t0, cold: t2 - t1, warm: t3 - t2 }));\nprocess.exit(0);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`probe ${key} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// stderr must be empty; what --pending-deprecation adds is listed
const noisy = [];
const pending = [];
for (const c of cases) {
  for (const flags of [[], ['--pending-deprecation', '--trace-deprecation']]) {
    const r = spawnSync(process.execPath, [...flags, ...c.args], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${c.args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const err = r.stderr.trim().split('\n');
    if (!err[0]) continue;
    // the first stack frame in node_modules names the package that triggers the warning
    const from = err.find((l) => l.includes('node_modules/'))?.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
    (flags.length ? pending : noisy).push(
      `${c.name}: ${err[0].replace(/^\(node:\d+\) /, '')}${from ? ` (from ${from})` : ''}`,
    );
  }
}
const pendingOnly = pending.filter((p) => !noisy.includes(p));

const results = cases.map((c) => ({ ...c, times: [], cpus: [] })); // the loop above was the warm-up
const probed = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const r of results) {
    const t = time(r.args); // interleaved, so load changes hit every command alike
    r.times.push(t.wall);
    r.cpus.push(t.cpu);
  }
  for (const k of Object.keys(probes)) probed[k].push(probe(k));
}
rmSync(reportOut, { recursive: true, force: true });
rmSync(reportOut + '-probe', { recursive: true, force: true });

const by = Object.fromEntries(results.map((r) => [r.key, { ...r, median: median(r.times), cpu: median(r.cpus) }]));
const floor = by.floor.median;
const f = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(0));
const verdict = (ok) => (ok ? '**met**' : '**NOT met**');
const importRatio = by.import.median / floor;
const pm = (k, field) => median(probed[k].map((p) => p[field]));
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');

const lines = [
  `Median of ${runs} wall-clock runs each (interleaved, after one warm-up), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${load} (1/5/15 min) at the end; wall times grow with load, ratios and CPU times much less. Script: \`bench/startup.mjs\`.`,
  '',
  '| command | median wall ms | runs (ms) | ratio to `node -e 0` | median CPU ms (user+sys) |',
  '| --- | ---: | --- | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${f(by[r.key].median)} | ${r.times.map(f).join(', ')} | ${(by[r.key].median / floor).toFixed(2)} | ${f(by[r.key].cpu)} |`,
  ),
  '',
  `Start-up cost = wall time of the command minus the same work in a warm process (in-process probes, median of ${runs}; \`import\` = loading the modules the command's handler needs, \`first run\` includes first-call compilation and lazily loaded parts such as mathjs for scenario expressions):`,
  '',
  '| command | wall ms | import ms | work, first run ms | work, warm ms | start-up cost ms | start-up cost / `node -e 0` |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...['scenario', 'forecast', 'report'].map((k) => {
    const cost = by[k].median - pm(k, 'warm');
    return `| ${by[k].name} | ${f(by[k].median)} | ${f(pm(k, 'import'))} | ${f(pm(k, 'cold'))} | ${f(pm(k, 'warm'))} | ${f(cost)} | ${(cost / floor).toFixed(2)} |`;
  }),
  '',
  `- Importing the package: ${f(by.import.median)} ms = ${importRatio.toFixed(2)}× \`node -e 0\` (${f(floor)} ms). Target < ${IMPORT_RATIO}×: ${verdict(importRatio < IMPORT_RATIO)}. In CPU time (load-independent): ${f(by.import.cpu)} ms = ${(by.import.cpu / by.floor.cpu).toFixed(2)}× (${f(by.floor.cpu)} ms): ${verdict(by.import.cpu / by.floor.cpu < IMPORT_RATIO)}.`,
  `- \`viso scenario run baseline --runs 1000\`: ${f(by.scenario.median)} ms. Target < ${SCENARIO_MS} ms: ${verdict(by.scenario.median < SCENARIO_MS)}. CPU time ${f(by.scenario.cpu)} ms (on an idle machine the wall time of these single-threaded commands is about their CPU time): ${verdict(by.scenario.cpu < SCENARIO_MS)}.`,
  `- \`viso --help\`: ${f(by.help.median)} ms. Target < ${HELP_MS} ms: ${verdict(by.help.median < HELP_MS)}. CPU time ${f(by.help.cpu)} ms: ${verdict(by.help.cpu < HELP_MS)}.`,
  '- Before the start-up work of issue 18 (commit ed67d7c, same machine, load average 0.4–1.5, 3 runs each, wall / CPU): import of the package 0.66–0.73 s (mathjs/number, about 650 files, loaded eagerly: 400–550 ms CPU alone), `viso scenario run baseline --runs 1000` 0.79–0.86 s / 0.95–1.03 s, `node -e 0` 0.07 s. What changed: one-file bundles of yargs, zod, yaml, mathjs and exceljs (`scripts/bundle-vendor.mjs`), mathjs loaded on the first scenario expression, yargs help wrapped only when printed.',
  `- Warnings: ${noisy.length ? `**stderr not empty**: ${noisy.join('; ')}` : 'stderr empty for every case above (no deprecation warning)'}. With \`node --pending-deprecation\` (off by default): ${pendingOnly.length ? pendingOnly.join('; ') : 'none'}.`,
  '',
];
console.log(replaceSection('## CLI start-up', lines.join('\n')));
const ok = importRatio < IMPORT_RATIO && by.scenario.median < SCENARIO_MS && by.help.median < HELP_MS && !noisy.length;
process.exit(ok ? 0 : 1);
