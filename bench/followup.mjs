// In-year follow-up benchmark (runs on the compiled dist/):
//  1. median of N (default 5) wall-clock runs of `viso follow-up --actuals data/viso-monthly-illustrative.csv`
//     (the README's command: forventet regnskab, intervals, P(merforbrug), afvigelsesforklaring and the
//     month-by-month backtest) against `node -e 0` and against its biggest part measured alone, the prior
//     (`viso scenario run baseline --runs 20000`), interleaved in the same run. Target: under 2 s.
//  2. the month-by-month backtest over the example history: coverage of the 80 % and 95 % intervals by
//     month, of the combined estimate and of the projection from the data alone. The example file is
//     ILLUSTRATIVE (generated from the annual totals by a documented profile), so this shows only that the
//     machinery works; it is not evidence of accuracy.
// Rewrites the "## In-year follow-up" section of bench/RESULTS.md.
// Usage: npm run build && node bench/followup.mjs [--runs N]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { cliMain as main, median, numberArg, replaceSection, requireBuilt, root, timeNode as time } from './lib.mjs';

requireBuilt('followup', 'followup/index.js');
const runs = numberArg('--runs', 5);
const TARGET_S = 2;
const EXAMPLE = 'data/viso-monthly-illustrative.csv';
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;

const cases = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  {
    name: '`viso scenario run baseline --runs 20000` (the prior alone)',
    args: [main, 'scenario', 'run', 'baseline', '--runs', '20000'],
  },
  { name: `\`viso follow-up --actuals ${EXAMPLE}\``, args: [main, 'follow-up', '--actuals', EXAMPLE] },
  { name: '`viso follow-up … --no-backtest`', args: [main, 'follow-up', '--actuals', EXAMPLE, '--no-backtest'] },
];
const loadBefore = os.loadavg();
const results = cases.map((c) => ({ ...c, times: [], cpus: [] }));
time(cases[2].args); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const r of results) {
    const t = time(r.args);
    r.times.push(t.wall);
    r.cpus.push(t.cpu);
  }
}
const loadAfter = os.loadavg();

// the backtest, in process, as the command runs it
const { loadBundled } = await import(dist('data/bundled.js'));
const { readMonthlyActuals } = await import(dist('followup/actuals.js'));
const { followUp } = await import(dist('followup/model.js'));
const ds = loadBundled();
const actuals = await readMonthlyActuals(join(root, EXAMPLE), { reference: ds });
const r = await followUp(actuals, { dataset: ds });
const bt = r.backtest;

const floor = median(results[0].times);
const prior = results[1];
const full = results[2];
const fullS = median(full.times) / 1000;
const fmt = (ms) => (ms / 1000).toFixed(2);
const pc = (x) => `${(100 * x).toFixed(0)} %`;
const pc1 = (x) => `${(100 * x).toFixed(1)} %`;
const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const lines = [
  `Median of ${runs} wall-clock runs each (interleaved, after one warm-up), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores. Script: \`bench/followup.mjs\`.`,
  '',
  '| command | median wall s | runs (s) | ratio to `node -e 0` | ratio to the prior alone | median CPU s (user+sys) |',
  '| --- | ---: | --- | ---: | ---: | ---: |',
  ...results.map(
    (x) =>
      `| ${x.name} | ${fmt(median(x.times))} | ${x.times.map(fmt).join(', ')} | ${(median(x.times) / floor).toFixed(1)} | ${(median(x.times) / median(prior.times)).toFixed(2)} | ${fmt(median(x.cpus))} |`,
  ),
  '',
  `\`viso follow-up --actuals ${EXAMPLE}\`: ${fullS.toFixed(2)} s wall, ${fmt(median(full.cpus))} s CPU. Target < ${TARGET_S} s: **${fullS < TARGET_S ? 'met' : 'NOT met'}** on this run${fullS < TARGET_S ? '' : ` (CPU time ${median(full.cpus) / 1000 < TARGET_S ? 'under' : 'over'} the target: on an otherwise idle machine the wall time is about the CPU time)`}.`,
  `Its biggest part is the prior, the annual scenario model (${((median(prior.times) / median(full.times)) * 100).toFixed(0)} % of the wall time, most of it loading the scenario engine); the month-by-month backtest (${bt.details.length} projections of ${bt.runs.toLocaleString('en')} draws) is the difference between the last two rows.`,
  `Load average (1/5/15 min) before: ${load(loadBefore)}; after: ${load(loadAfter)} on ${os.cpus().length} cores; wall times grow with load, CPU times much less.`,
  '',
  `**Backtest over the example history.** ILLUSTRATIVE DATA: \`${EXAMPLE}\` is generated from the annual totals by a documented profile (\`scripts/make-monthly-example.mjs\`), so this only shows that the machinery works; it is **not evidence of accuracy**. For each of the ${bt.years.length} complete years (${bt.years.join(', ')}) and each month m = 1–11 the year end is projected from its first m months with only the file's earlier years as history; the prior of a past year is the annual time-series forecast of forbrug from the years before it (method ${bt.prior.method}), since the scenario model cannot be re-based on past years. ${bt.runs.toLocaleString('en')} draws per projection, seed ${r.seed}.`,
  '',
  '| month | years | coverage 80 % | coverage 95 % | MAPE of the median | data alone: coverage 80 % | data alone: coverage 95 % | data alone: MAPE |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...bt.months.map(
    (m) =>
      `| ${months[m.month - 1]} | ${m.n} | ${pc(m.coverage80)} | ${pc(m.coverage95)} | ${pc1(m.mape)} | ${pc(m.dataCoverage80)} | ${pc(m.dataCoverage95)} | ${pc1(m.dataMape)} |`,
  ),
  `| all | ${bt.overall.n} | ${pc(bt.overall.coverage80)} | ${pc(bt.overall.coverage95)} | ${pc1(bt.overall.mape)} | ${pc(bt.overall.dataCoverage80)} | ${pc(bt.overall.dataCoverage95)} | ${pc1(bt.overall.dataMape)} |`,
  '',
  `With ${bt.years.length} years a month's coverage moves in steps of ${pc(1 / bt.years.length)}; the generated months have less noise than the model's prior assumption (models/followup.yaml, profile_noise), which is why the data-alone intervals cover everything.`,
  `The running year of the file: forventet regnskab ${r.year} ${r.yearEnd.p50.toFixed(1)} mio. kr. [80 %: ${r.yearEnd.p10.toFixed(1)}–${r.yearEnd.p90.toFixed(1)}], P(merforbrug) ${pc1(r.pMerforbrug)}, the scenario prior's weight ${pc(r.priorWeight)} (after ${r.asOf} months).`,
  '',
];
console.log(replaceSection('## In-year follow-up', lines.join('\n')));
