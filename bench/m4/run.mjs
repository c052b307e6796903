// M4 yearly benchmark of the forecasting engine (23,000 series, h = 6): point accuracy (sMAPE, MASE,
// OWA against the official Naive2), the combination weights, calibrated intervals (coverage per
// horizon, MSIS, CRPS) cross-fitted by halves, failure counts (negative points, zero-width intervals,
// points outside their intervals), speed. Writes the "## M4 yearly benchmark" section of bench/RESULTS.md.
// The global network (alone or in the ensemble) is cross-fitted: a series of half A is forecast by the
// network trained on the training parts of half B and vice versa (bench/m4/points.mjs); the test parts
// are never used for training.
// Usage: npm run build && node bench/m4/run.mjs [--r]   (--r: also run R's forecast on sub1000_ids in this run)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import os from 'node:os';
import { loadM3, seriesMetrics, aggregate, repoRoot } from '../m3/data.mjs';
import { replaceSection } from '../lib.mjs';
import { loadM4, m4Half, sub1000, owa, M4_REFERENCE, m4Dir } from './data.mjs';
import { corpusPoints, ALL_METHODS } from './points.mjs';
import { fitNuK, priorScale, zErrors, intervalScores, inBand } from './calib-lib.mjs';

const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const H = 6;

if (!isMainThread && workerData?.kind === 'checks') {
  // failure counts with the shipped calibration, one half of the series per worker
  const { jobs, methods } = workerData;
  const out = {};
  for (const m of methods) out[m] = { negPoint: 0, negBound: 0, zeroWidth: 0, outside: 0, nonFinite: 0, ex: [] };
  for (const j of jobs) {
    for (const m of methods) {
      const f = F.forecast(j.y, { method: m, horizon: H, levels: [80, 95] });
      const o = out[m];
      const bad = (k) => {
        o[k]++;
        if (o.ex.length < 3) o.ex.push(`${j.id} ${k}`);
      };
      if (f.point.some((v) => v < 0)) bad('negPoint');
      if (![...f.point, ...f.intervals.flatMap((iv) => [...iv.lower, ...iv.upper])].every(Number.isFinite))
        bad('nonFinite');
      if (f.intervals.some((iv) => iv.lower.some((v) => v < 0))) bad('negBound');
      if (f.intervals.some((iv) => iv.upper.some((u, i) => !(u - iv.lower[i] > 0)))) bad('zeroWidth');
      if (f.intervals.some((iv) => f.point.some((p, i) => p < iv.lower[i] || p > iv.upper[i]))) bad('outside');
    }
  }
  parentPort.postMessage(out);
} else if (isMainThread) {
  const args = process.argv.slice(2);
  const m4 = loadM4();
  const m3 = loadM3();
  const p4 = await corpusPoints('m4', m4, { crossFit: true });
  const p3 = await corpusPoints('m3', m3);
  const f2 = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const acc = (series, points, pick) => {
    const ms = series.map((s) => seriesMetrics(s.train, s.test, { point: pick(points[s.id]) }));
    return aggregate(ms, H);
  };
  const lines = [];
  lines.push(
    `All ${m4.length} M4 yearly series, horizon 6 (train → test as in the competition). Command: \`npm run build && node bench/m4/run.mjs${args.includes('--r') ? ' --r' : ''}\`. sMAPE and MASE as in M4 (per series averaged over h, then over series); OWA against the official Naive2 (16.342 / 3.974). \`global\` and \`ensemble\` on M4 are **cross-fitted**: each series is forecast by the network trained on the training parts of the other half of the series (by id parity; \`bench/m4/train-global.mjs --half\`), so no figure here comes from a network that saw the series. Every other method fits each series alone.`,
    '',
  );
  lines.push('| method | sMAPE | MASE | OWA |', '| --- | ---: | ---: | ---: |');
  const rows = {};
  for (const m of ALL_METHODS) {
    const a = acc(m4, p4, (p) => p[m]);
    rows[m] = a;
    lines.push(
      `| ${m === 'ensemble' ? '**ensemble** (`auto`)' : m} | ${f2(a.smape, 3)} | ${f2(a.mase, 3)} | ${f2(owa(a.smape, a.mase), 3)} |`,
    );
  }
  for (const [name, s, m, o] of M4_REFERENCE)
    lines.push(`| M4 official: ${name} | ${s.toFixed(3)} | ${m.toFixed(3)} | ${o.toFixed(3)} |`);
  const e = rows.ensemble;
  const o = owa(e.smape, e.mase);
  lines.push('');
  lines.push(
    `OWA of \`auto\` (the ensemble) on M4 yearly: **${o.toFixed(3)}** (target ≤ 0.80: ${o <= 0.8 ? '**met**' : '**NOT met**'}; FFORMA 0.799, winner 0.778, Theta 0.872; the previous default \`comb\` ${owa(rows.comb.smape, rows.comb.mase).toFixed(3)}).`,
    '',
  );

  // combination weights: candidates, weights learned on M4 halves, weights learned on M3 dev
  const keys = ['global', 'ets', 'arima', 'dotm', 'theta'];
  const lin = (w) => (p) =>
    Array.from({ length: H }, (_, h) => keys.reduce((s, k, i) => s + w[i] * F.floorPositive([p[k][h]], [1])[0], 0));
  const grid = [];
  for (let a = 0; a <= 10; a++)
    for (let b = 0; a + b <= 10; b++)
      for (let c = 0; a + b + c <= 10; c++)
        for (let d = 0; a + b + c + d <= 10; d++) grid.push([a, b, c, d, 10 - a - b - c - d].map((x) => x / 10));
  const A = m4.filter((s) => m4Half(s.id) === 'A'),
    B = m4.filter((s) => m4Half(s.id) === 'B');
  const owaOf = (series, points, w) => {
    const a = acc(series, points, lin(w));
    return owa(a.smape, a.mase);
  };
  const bestOn = (score) =>
    grid.reduce(
      (b, w) => {
        const v = score(w);
        return v < b.v ? { w, v } : b;
      },
      { v: Infinity },
    ).w;
  const wA = bestOn((w) => owaOf(A, p4, w)),
    wB = bestOn((w) => owaOf(B, p4, w));
  const w3 = bestOn((w) => {
    const a = acc(m3, p3, lin(w));
    return a.smape / 16.28 + a.mase / 2.606;
  });
  const cands = [
    ['0.5 global + 0.25 ets + 0.25 dotm (shipped `ensemble`)', [0.5, 0.25, 0, 0.25, 0]],
    ['global alone', [1, 0, 0, 0, 0]],
    ['0.5 global + 0.5 comb', null],
    ['mean of global, ets, arima, dotm', [0.25, 0.25, 0.25, 0.25, 0]],
    ['0.5 global + 0.25 ets + 0.25 theta', [0.5, 0.25, 0, 0, 0.25]],
    [`learned on M4 half A (${wA.join(' / ')})`, wA],
    [`learned on M4 half B (${wB.join(' / ')})`, wB],
    [`learned on M3 dev (${w3.join(' / ')})`, w3],
  ];
  lines.push('### Combination weights', '');
  lines.push(
    'Candidates and weights learned by grid search (steps of 0.1 over global / ets / arima / dotm / theta; M4: OWA; M3 dev: sMAPE/16.28 + MASE/2.606). M4 OWA is over all series; a weight learned on one M4 half is also shown scored on the other half only. M3 dev uses the shipped network (trained on all M4 training parts: out of corpus).',
    '',
  );
  lines.push(
    '| weights | M4 OWA | M4 OWA on the other half | M3 dev sMAPE | M3 dev MASE |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const [name, w] of cands) {
    const pick = w ? lin(w) : (p) => p.global.map((g, h) => 0.5 * g + 0.5 * p.comb[h]);
    const a4 = acc(m4, p4, pick),
      a3 = acc(m3, p3, pick);
    const other = w === wA ? owaOf(B, p4, w) : w === wB ? owaOf(A, p4, w) : NaN;
    lines.push(
      `| ${name} | ${f2(owa(a4.smape, a4.mase), 3)} | ${f2(other, 3)} | ${f2(a3.smape)} | ${f2(a3.mase, 3)} |`,
    );
  }
  lines.push('');
  lines.push(
    `Why the shipped weights are the even split and not M4's: weights learned on M4 put ${wA[0]} / ${wB[0]} on the network, which is best on M4 (where the network is in its own corpus) and worse on M3 dev (out of corpus); weights learned on M3 dev put ${w3[0]} on it and score worse on M4. The even split between the cross-learned network and the two local models is near the best on both, so it is what \`auto\` uses on data from neither (VISO's). The weights were chosen among the rows of this table, so M3 dev is not untouched evidence for that choice; M4 cross-fitting and the held-out corpora are.`,
    '',
  );

  // intervals, cross-fitted by halves
  const s0 = priorScale(m4);
  const prior = F.CALIBRATION_CONSTANTS.prior;
  const pct = (x) => (100 * x).toFixed(1);
  lines.push('### Intervals (cross-fitted within M4)', '');
  lines.push(
    `Coverage of 80 % / 95 % intervals per horizon, MSIS95 and CRPS, with ν and k(h) fitted on half A scored on half B and vice versa (same prior for both halves: s0 = ${prior.s0}, the median one-step scale over all of M4 (recomputed here: ${s0.toPrecision(4)}), κ = ${prior.kappa}). Cross-corpus checks (M4 ↔ M3 dev) are in "Interval calibration".`,
    '',
  );
  lines.push(
    `| method | ${Array.from({ length: H }, (_, h) => `h = ${h + 1}`).join(' | ')} | MSIS95 | CRPS |`,
    `| --- | ${Array.from({ length: H }, () => '---:').join(' | ')} | ---: | ---: |`,
  );
  for (const m of ['ensemble', 'global', 'comb', 'ets', 'arima', 'theta', 'naive']) {
    const cA = fitNuK(zErrors(A, p4, m, prior)),
      cB = fitNuK(zErrors(B, p4, m, prior));
    const rB = intervalScores(B, p4, m, prior, () => cA),
      rA = intervalScores(A, p4, m, prior, () => cB);
    const r = rA.map((a, h) => {
      const b = rB[h];
      const w = (k) => (a[k] * a.n + b[k] * b.n) / (a.n + b.n);
      return { cov80: w('cov80'), cov95: w('cov95'), msis: w('msis'), crps: w('crps') };
    });
    lines.push(
      `| ${m} | ${r.map((x) => `${inBand(x) ? '' : '**'}${pct(x.cov80)} / ${pct(x.cov95)}${inBand(x) ? '' : '**'}`).join(' | ')} | ${f2(r.reduce((s, x) => s + x.msis, 0) / H)} | ${f2(r.reduce((s, x) => s + x.crps, 0) / H, 3)} |`,
    );
  }
  lines.push(
    '',
    'MSIS95 of the official M4 entries (yearly): Smyl 23.90 (the best), Montero-Manso 27.48, ETS 34.90, ARIMA 45.01, Naive 56.55.',
    '',
  );

  // failure counts with the shipped engine (calibrated intervals), both cores
  const checkMethods = ['auto', 'ets', 'holt', 'comb'];
  const jobs = m4.map((s) => ({ id: s.id, y: s.train }));
  const parts = [0, 1].map((k) => jobs.filter((_, i) => i % 2 === k));
  const t0 = performance.now();
  const res = await Promise.all(
    parts.map(
      (p) =>
        new Promise((ok, bad) => {
          const w = new Worker(new URL(import.meta.url), {
            workerData: { kind: 'checks', jobs: p, methods: checkMethods },
          });
          w.on('message', ok);
          w.on('error', bad);
        }),
    ),
  );
  const secs = (performance.now() - t0) / 1000;
  lines.push('### Failure checks (shipped engine, calibrated 80 % and 95 % intervals, all 23,000 series)', '');
  lines.push(
    '| method | negative points | negative bounds | zero-width intervals | point outside its interval | non-finite |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const m of checkMethods) {
    const c = { negPoint: 0, negBound: 0, zeroWidth: 0, outside: 0, nonFinite: 0 };
    for (const r of res) for (const k of Object.keys(c)) c[k] += r[m][k];
    lines.push(`| ${m} | ${c.negPoint} | ${c.negBound} | ${c.zeroWidth} | ${c.outside} | ${c.nonFinite} |`);
  }
  lines.push(
    '',
    `Before this change \`ets\` gave negative points on 104 series and [0, 0] intervals on 64 (e.g. Y1665). Points of a strictly positive series are floored at ${F.POSITIVE_FLOOR} × its smallest value, and intervals are on the log scale around them. These ${checkMethods.length} methods with intervals over all 23,000 series took ${secs.toFixed(1)} s wall on 2 worker threads (load average ${os.loadavg()[0].toFixed(1)}; the batch CLI is measured in its own section).`,
    '',
  );

  // speed of auto, one thread, sub1000
  const ids = sub1000();
  const sub = m4.filter((s) => ids.has(s.id));
  for (const s of sub.slice(0, 50)) F.forecast(s.train, { horizon: H, levels: [80, 95] });
  const c0 = process.cpuUsage();
  const t1 = performance.now();
  for (const s of sub) F.forecast(s.train, { horizon: H, levels: [80, 95] });
  const wall = performance.now() - t1;
  const cu = process.cpuUsage(c0);
  const ms = wall / sub.length,
    cpuMs = (cu.user + cu.system) / 1000 / sub.length;
  lines.push(
    `Speed of \`auto\` with 80 % and 95 % intervals on the 1,000 series of \`sub1000_ids.txt\`, one thread: ${ms.toFixed(2)} ms wall (${cpuMs.toFixed(2)} ms CPU) per series, i.e. about ${((cpuMs * m4.length) / 2000).toFixed(0)} s of CPU per core for all 23,000 on 2 cores (load average ${os.loadavg()[0].toFixed(1)}).`,
    '',
  );

  // sub1000: ours against R measured on the same series
  let rFile = join(repoRoot, 'bench/out/r-m4-sub1000.csv');
  let rNote = 'R `forecast` rows from `bench/out/r-m4-sub1000.csv` (an earlier `--r` run on this machine)';
  if (args.includes('--r')) {
    const csv = join(repoRoot, 'bench/out/m4-sub1000.csv');
    const L = ['id,split,t,value'];
    for (const s of sub) {
      s.train.forEach((v, i) => L.push(`${s.id},train,${i + 1},${v}`));
    }
    (await import('node:fs')).writeFileSync(csv, L.join('\n') + '\n');
    const r = spawnSync(
      'Rscript',
      [
        join(m4Dir(), 'r_baselines.R'),
        '--input',
        csv,
        '--horizon',
        '6',
        '--method',
        'naive,ets,arima,theta,comb',
        '--out',
        rFile,
      ],
      { encoding: 'utf8' },
    );
    rNote = r.status === 0 ? 'R `forecast` rows measured in this run' : 'R run failed';
  }
  if (existsSync(rFile)) {
    const [head, ...rl] = readFileSync(rFile, 'utf8').trim().split('\n');
    const hk = head.split(',');
    const byM = {};
    for (const l of rl) {
      const c = l.split(',');
      const m = c[1];
      const id = c[0];
      (byM[m] ??= {})[id] ??= [];
      byM[m][id][Number(c[2]) - 1] = Object.fromEntries(hk.map((k, i) => [k, Number(c[i])]));
    }
    lines.push('### The 1,000-series subsample against R', '');
    lines.push(
      `${rNote}. Same series, same metrics; our intervals are the shipped (M4-fitted) ones — on M4 that is in-corpus for the constants, so the coverage columns of our rows are not evidence (see the cross-fitted table above); R's intervals are the package's own.`,
      '',
    );
    lines.push(
      '| source | method | sMAPE | MASE | OWA | cov80 | cov95 |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const m of ['naive', 'ets', 'arima', 'theta', 'comb']) {
      if (!byM[m]) continue;
      const msr = sub.map((s) => {
        const r = byM[m][s.id];
        const get = (k) => r.map((x) => x[k]);
        return seriesMetrics(
          s.train,
          s.test,
          m === 'comb'
            ? { point: get('point') }
            : { point: get('point'), lo80: get('lo80'), hi80: get('hi80'), lo95: get('lo95'), hi95: get('hi95') },
        );
      });
      const a = aggregate(msr, H);
      lines.push(
        `| R forecast | ${m === 'arima' ? 'auto.arima' : m === 'theta' ? 'thetaf' : m} | ${f2(a.smape)} | ${f2(a.mase, 3)} | ${f2(owa(a.smape, a.mase), 3)} | ${m === 'comb' ? '–' : f2(a.cov80, 3)} | ${m === 'comb' ? '–' : f2(a.cov95, 3)} |`,
      );
    }
    for (const m of ['naive', 'ets', 'arima', 'theta', 'comb', 'ensemble']) {
      const a = acc(sub, p4, (p) => p[m]);
      lines.push(
        `| viso | ${m === 'ensemble' ? 'ensemble (`auto`, cross-fitted network)' : m} | ${f2(a.smape)} | ${f2(a.mase, 3)} | ${f2(owa(a.smape, a.mase), 3)} | – | – |`,
      );
    }
    lines.push('');
  }
  lines.push(
    `Machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the end.`,
  );
  replaceSection('## M4 yearly benchmark', lines.join('\n'));
  console.log(lines.join('\n'));
}
