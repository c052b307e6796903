// Scenario backtest benchmark (runs on the compiled dist/): the whole scenario pipeline of the baseline
// replayed from every vantage year the data allows (inputs estimated from the data up to that year only),
// in the modes asKnown and withDecisions, scored against the actual forbrug 1 and 2 years ahead, with the
// time-series forecast and naive as baselines. Writes the checks of issue 12 ("Done when"):
//  - the withDecisions replay from 2020 against forbrug 2022 (112,3), the asKnown replay beside it;
//  - coverage of the 80 % intervals 1 year ahead across vantage years: count and an exact binomial 95 % interval;
//  - mean CRPS of the one forecast (the calibrated driver, leave-one-out) against its parts and naive.
// Rewrites the "## Scenario backtest" section of bench/RESULTS.md.
// Usage: npm run build && node bench/scenario-backtest.mjs [--runs N]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { numberArg, replaceSection, requireBuilt, root } from './lib.mjs';

requireBuilt('scenario-backtest', 'scenario/backtest.js');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const { loadScenario } = await import(dist('scenario/index.js'));
const { backtestScenario } = await import(dist('scenario/backtest.js'));

const runs = numberArg('--runs', 20_000);
const loadBefore = os.loadavg();
const t0 = performance.now();
const c0 = process.cpuUsage();
const bt = backtestScenario(loadScenario('baseline'), { runs });
const cpu = process.cpuUsage(c0);
const ms = performance.now() - t0;
const load = os.loadavg();

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const pc = (x) => `${(100 * x).toFixed(0)} %`;
const lines = [];
lines.push(
  `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before and ${load.map((x) => x.toFixed(1)).join(' / ')} after (1/5/15 min). Script: \`bench/scenario-backtest.mjs\` (\`viso scenario backtest baseline --json\` gives the same numbers).`,
  `Scenario \`baseline\` replayed from the vantage years ${bt.vantages.join(', ')} with ${runs.toLocaleString('en')} runs per replay, seed ${bt.seed}; every input re-estimated from the data up to the vantage year (\`datasetUntil\`). Not scored (no actual, never interpolated): ${bt.skipped.map((s) => `${s.vantage}→${s.target}`).join(', ')}. Run time ${(ms / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU.`,
  '',
);

// the 2020 replay against 2022
const p20 = (mode) => bt.points.find((p) => p.mode === mode && p.vantage === 2020 && p.target === 2022);
const w = p20('withDecisions');
const k = p20('asKnown');
if (w && k) {
  const q = (p) => p.driver.quantiles;
  const later = w.measures.filter((m) => m.effect.kind !== 'known');
  lines.push(
    '**Replay from 2020 against forbrug 2022 = 112.3** (mio. kr.; driver model, before calibration):',
    '',
    '| mode | P2.5 | P10 | P50 | P90 | P97.5 | PIT | 112.3 inside the 95 % interval |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...[
      ['withDecisions', w],
      ['asKnown', k],
    ].map(
      ([m, p]) =>
        `| ${m} | ${f1(q(p).p2_5)} | ${f1(q(p).p10)} | ${f1(q(p).p50)} | ${f1(q(p).p90)} | ${f1(q(p).p97_5)} | ${f2(p.driver.pit)} | ${p.driver.inside['95'] ? 'yes' : '**no**'} |`,
    ),
    '',
    `withDecisions adds ${later.map((m) => `${m.id} (${m.actsOn}, effect from ${m.effect.kind === 'evidence' ? `the evaluation of ${m.effect.from} on ${m.effect.outcome} with the data up to 2020, median ${(100 * m.effect.median).toFixed(1)} %` : 'its prior'})`).join(' and ')}. ` +
      `The calibrated driver (the one forecast) gives ${f1(w.calibrated.quantiles.p2_5)}–${f1(w.calibrated.quantiles.p97_5)} withDecisions and ${f1(k.calibrated.quantiles.p2_5)}–${f1(k.calibrated.quantiles.p97_5)} asKnown. ` +
      `Before this work the replay gave median 143.9 and P5 126.7 (the issue's numbers); the asKnown replay ${k.driver.inside['95'] ? 'covers 2022 in its 95 % interval' : 'misses 2022 (outside its 95 % interval)'}: it does not know the 2021 measures.`,
    '',
  );
}

// coverage of the 80 % intervals, 1 year ahead
const cov = (mode, model, h) => bt.summary.find((s) => s.mode === mode && s.model === model && s.h === h)?.scores;
lines.push(
  '**Coverage of the 80 % intervals 1 year ahead across vantage years** (exact Clopper–Pearson 95 % interval of the coverage; consistent with 80 % when 80 % lies inside):',
  '',
  '| mode | model | hits / n | coverage | 95 % interval | consistent with 80 % | coverage 50 % | coverage 95 % | mean PIT |',
  '| --- | --- | ---: | ---: | --- | --- | ---: | ---: | ---: |',
);
for (const mode of bt.modes) {
  for (const model of ['driver', 'calibrated', 'timeSeries', 'naive']) {
    const s = cov(mode, model, 1);
    if (!s) continue;
    const ok = s.coverage80Interval[0] <= 0.8 && 0.8 <= s.coverage80Interval[1];
    lines.push(
      `| ${mode} | ${model} | ${s.hits80}/${s.n} | ${pc(s.coverage['80'])} | ${pc(s.coverage80Interval[0])}–${pc(s.coverage80Interval[1])} | ${ok ? 'yes' : '**no**'} | ${pc(s.coverage['50'])} | ${pc(s.coverage['95'])} | ${f2(s.meanPit)} |`,
    );
  }
}
lines.push('');

// CRPS: the one forecast against its parts and naive
lines.push(
  '**Mean CRPS (mio. kr.) over all scored points, 1 and 2 years ahead** — the one forecast is the driver model widened around its median by a spread factor k fitted leave-one-out on the other points of the mode; beside it the pool of driver and time series (inverse-CRPS weights and a common spread factor, leave-one-out), the equal-weight pool, and the parts:',
  '',
  '| mode | n | one forecast (calibrated driver) | driver | time series | naive | pool (weights + k) | equal pool | one forecast ≤ driver, time series and naive |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...bt.calibration.byMode.map(
    (r) =>
      `| ${r.mode} | ${r.n} | ${f2(r.calibrated)} | ${f2(r.driver)} | ${f2(r.timeSeries)} | ${f2(r.naive)} | ${f2(r.pool)} | ${f2(r.equalPool)} | ${r.calibrated <= r.driver && r.calibrated <= r.timeSeries && r.calibrated <= r.naive ? 'yes' : `**no** (${[r.calibrated > r.driver ? 'driver' : '', r.calibrated > r.timeSeries ? 'time series' : '', r.calibrated > r.naive ? 'naive' : ''].filter(Boolean).join(', ')} better)`} |`,
  ),
  '',
  `Spread factor for new forecasts k = ${bt.calibration.k} (the mean-CRPS minimum searched in ${bt.calibration.range.join('–')}; fitted on all ${bt.calibration.byMode.find((r) => r.mode === 'withDecisions')?.n} points of mode withDecisions)${bt.calibration.kSe !== undefined ? `, Monte Carlo standard error ${bt.calibration.kSe.toFixed(4)} (batch means: k fitted on each of 20 interleaved groups of the runs, se = their sd / √20; the goal seek carries it into its interval)` : ''}. Brier score of P(merforbrug), all points: ` +
    bt.modes
      .map(
        (m) =>
          `${m} driver ${f2(cov(m, 'driver', 'all').brier)}, calibrated ${f2(cov(m, 'calibrated', 'all').brier)}, time series ${f2(cov(m, 'timeSeries', 'all').brier)}, naive ${f2(cov(m, 'naive', 'all').brier)}`,
      )
      .join('; ') +
    '.',
  '',
  '**Reading.** With ~6 scored points per horizon every coverage interval is wide: the counts are consistent with 80 % but cannot show calibration precisely. ' +
    'The pre-committed rule was the pool of driver and time series with a spread factor; leave-one-out it was worse than the calibrated driver alone in mode withDecisions, so the report uses the calibrated driver (a choice made after seeing both, on 11 points: a small selection effect) and shows the time-series forecast as a labelled cross-check. ' +
    'In mode asKnown (not knowing the 2018 and 2021 measures) naive — "as last year" — has a lower CRPS than the driver model, calibrated or not, and the time series (only the pool of driver and time series is lower): the scenario model is a forecast given the measures, and its numbers hold if no new measures come. Every forecast, naive included, was under-dispersed on this history (optimal spread factors above 1).',
  '',
  'Every point (mode, vantage → target, actual; driver quantiles; PIT and CRPS of each forecast):',
  '',
  '| mode | vantage → target | actual | P2.5 | P10 | P50 | P90 | P97.5 | PIT | CRPS driver | CRPS calibrated | CRPS time series | CRPS naive |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...bt.points.map(
    (p) =>
      `| ${p.mode} | ${p.vantage} → ${p.target} | ${f1(p.actual)} | ${f1(p.driver.quantiles.p2_5)} | ${f1(p.driver.quantiles.p10)} | ${f1(p.driver.quantiles.p50)} | ${f1(p.driver.quantiles.p90)} | ${f1(p.driver.quantiles.p97_5)} | ${f2(p.driver.pit)} | ${f1(p.driver.crps)} | ${f1(p.calibrated.crps)} | ${f1(p.timeSeries.crps)} | ${f1(p.naive.crps)} |`,
  ),
);
const section = replaceSection('## Scenario backtest', lines.join('\n'));
process.stdout.write(section);
