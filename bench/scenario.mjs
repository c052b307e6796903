// Scenario Monte Carlo benchmark (runs on the compiled dist/):
//  1. 1,000,000 runs × 10 years of the baseline scenario on one core (target < 1 s), against a floor loop
//     that draws exactly the same uniforms (same blocks, same streams) and does nothing else, measured
//     interleaved in the same process (target: full run within 2× of the floor);
//  2. the same with 2 worker threads of the persistent pool, warmed before timing (speed-up; the result must be
//     byte-identical), also at 4,000,000 runs;
//  3. microbenchmarks of the irreducible per-run-year work (one histogram increment, one tabulated normal
//     quantile, and the barest forms of both that JavaScript allows), to state the lowest cost the required
//     outputs can have against the floor;
//  4. peak RSS of a child process doing 1e6 and 4e6 runs (memory must not grow with runs).
// Rewrites the "## Scenario Monte Carlo" section of bench/RESULTS.md.
//  5. with --peer DIR: the same 1-thread run on another checkout's build (DIR with its own dist/, e.g. the commit
//     whose timings are on record), interleaved with ours: whether a change in the timings is the code or the host.
// Usage: npm run build && node bench/scenario.mjs [--reps N] [--peer DIR]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { median, numberArg, replaceSection, requireBuilt, root } from './lib.mjs';

const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
requireBuilt('scenario', 'scenario/index.js');
// the engine's internals by module (the package's public API does not export them)
const { loadScenario, prepareScenario } = await import(dist('scenario/index.js'));
const { runCompiled, runCompiledParallel } = await import(dist('scenario/run.js'));
const { BLOCK_SIZE, blockBuffers, drawBlock, simulateBlock } = await import(dist('scenario/engine.js'));
const { Rng } = await import(dist('stats/rng.js'));
const { warmPool } = await import(dist('scenario/pool.js'));
const { Histograms, histRanges } = await import(dist('scenario/summary.js'));
const { lognormalShockTable, tableQuantile } = await import(dist('scenario/fast-quantile.js'));

const RUNS = 1_000_000;
const HORIZON_YEARS = 10;
const { constBev } = await import(dist('scenario/run.js'));
const { modelInputs } = await import(dist('scenario/model.js'));
const { writeFileSync, mkdirSync } = await import('node:fs');

function model(ref = 'baseline') {
  const def = loadScenario(ref);
  def.horizon = def.baseYear + HORIZON_YEARS; // 2025–2034
  return prepareScenario(def);
}

// the baseline as it was before issue 12 (hand-set inputs: 13 uniforms per run, one yearly random walk, constant
// bevilling), run on this engine: the engine's own speed on the old workload
const OLD_BASELINE = join(root, 'bench', 'out', 'old-baseline.yaml');
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  OLD_BASELINE,
  `id: old-baseline
name: Baseline before issue 12 (hand-set inputs)
baseYear: 2024
horizon: 2030
seed: 20240101
actual: { bevilling: 158.0, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 }
demand: { model: growth, growth: { dist: normal, mean: 0.03, sd: 0.02 }, noiseSd: 0.05 }
visitation: { rate: { dist: normal, mean: "actual.forloeb / actual.henvendelser", sd: 0.025, min: 0.3, max: 0.7 }, drift: 0, noiseSd: 0 }
costs: { fixed: { dist: triangular, min: 20, mode: 40, max: 60 }, unit: calibrated, noiseSd: 0, priceGrowth: pl }
bevilling: { pl: true }
`,
);
/** The per-run inputs and yearly shock blocks of a model, for the workload line. */
function describeColumns(mm) {
  const ins = modelInputs(mm)
    .filter((x) => x.col >= 0)
    .map((x) => x.name);
  const blocks = [
    [mm.noiseCol, 'demand'],
    [mm.visNoiseCol, 'visitation'],
    [mm.bevNoiseCol, 'bevilling'],
  ]
    .filter(([c]) => c >= 0)
    .map(([, n]) => `${mm.years.length} yearly ${n} shocks`);
  return [...ins, ...blocks].join(', ');
}

// child mode: report peak RSS of one single-threaded run
const ci = process.argv.indexOf('--child');
if (ci > 0) {
  const runs = Number(process.argv[ci + 1]);
  const m = model();
  const r = runCompiled(m, { runs, thresholds: m.years.map(() => []) });
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, p: r.years[1].pMerforbrug }));
  process.exit(0);
}

const reps = numberArg('--reps', 5);
const m = model();
const thresholds = m.years.map(() => []);

/** The floor: the same uniforms, block by block and stream by stream, summed so nothing is optimised away. */
function floorLoop(runs) {
  let s = 0;
  const nb = Math.ceil(runs / BLOCK_SIZE);
  for (let b = 0; b < nb; b++) {
    const n = Math.min(BLOCK_SIZE, runs - b * BLOCK_SIZE);
    const rng = new Rng(m.seed, b);
    const total = n * m.nCols;
    for (let k = 0; k < total; k++) s += rng.uniform();
  }
  return s;
}
/** The model without any summary: draw + simulate every block, each year handed to a no-op. */
function modelOnly(runs) {
  const buf = blockBuffers(m);
  const sink = {
    s: 0,
    n: 0,
    year(t, yv) {
      this.s += yv[this.n];
    },
  };
  const nb = Math.ceil(runs / BLOCK_SIZE);
  for (let b = 0; b < nb; b++) {
    const n = Math.min(BLOCK_SIZE, runs - b * BLOCK_SIZE);
    drawBlock(m, b, n, buf.u);
    sink.n = n;
    simulateBlock(m, n, buf, sink);
  }
  return sink.s;
}
function measure(f) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, out };
}
async function measureAsync(f) {
  const t0 = performance.now();
  const out = await f();
  return { wall: performance.now() - t0, out };
}
const minOf = (xs) => Math.min(...xs);

/** Microbenchmark inputs: one simulated block (real values and uniforms), cycled to 10 M run-years. */
const micro = (() => {
  const buf = blockBuffers(m);
  drawBlock(m, 1, BLOCK_SIZE, buf.u);
  simulateBlock(m, BLOCK_SIZE, buf);
  const h = m.years.length;
  const vals = buf.vals.slice(0, 6 * h * BLOCK_SIZE);
  return {
    h,
    vals,
    u: buf.u.slice(),
    hist: new Histograms(histRanges(vals, BLOCK_SIZE, h), 6 * h),
    tab: lognormalShockTable(m.noiseSd),
  };
})();
const RUN_YEARS = RUNS * HORIZON_YEARS;
const REPS_MICRO = Math.round(RUN_YEARS / BLOCK_SIZE);
/** One histogram increment (+ sum, range check) per run-year: Histograms.addValues on forbrug rows, as the engine does. */
function histOnce() {
  const { h, vals, hist } = micro;
  let s = 0;
  for (let r = 0; r < REPS_MICRO; r++) {
    const vt = h + (r % h); // forbrug, year r mod h
    s += hist.addValues(vt, vals, vt * BLOCK_SIZE, BLOCK_SIZE);
  }
  return s;
}
/** One tabulated log-normal shock quantile per run-year (the demand shock), exact in the tails. */
function quantileOnce() {
  const { u, tab } = micro;
  let s = 0;
  for (let r = 0; r < REPS_MICRO; r++) {
    const c = (1 + (r % HORIZON_YEARS)) * BLOCK_SIZE;
    for (let i = 0; i < BLOCK_SIZE; i++) s += tableQuantile(tab, u[c + i]);
  }
  return s;
}

/**
 * The barest possible forms of the two primitives, independent of our implementation, so the lower bound
 * below does not rest on how we wrote them: a table read at a uniform's position (what any tabulated inverse
 * CDF needs at least: no interpolation, no tails) and a histogram scatter increment (no sum, no range check;
 * the index is clamped into the table). Both on the same real values and uniforms, cycled to 10 M run-years.
 */
const bareTable = new Float64Array(4097).map((_, k) => k / 4096);
function tableReadBare() {
  const { u } = micro;
  let s = 0;
  for (let r = 0; r < REPS_MICRO; r++) {
    const c = (1 + (r % HORIZON_YEARS)) * BLOCK_SIZE;
    for (let i = 0; i < BLOCK_SIZE; i++) s += bareTable[(u[c + i] * 4096) | 0];
  }
  return s;
}
const bareCounts = new Uint32Array(4096 * HORIZON_YEARS);
function histBare() {
  const { h, vals, hist } = micro;
  for (let r = 0; r < REPS_MICRO; r++) {
    const t = r % h,
      vt = h + t; // forbrug, year t
    const off = vt * BLOCK_SIZE,
      base = t * 4096,
      l = hist.ranges.lo[vt],
      iw = hist.ranges.invW[vt];
    for (let i = 0; i < BLOCK_SIZE; i++) {
      const y = (vals[off + i] - l) * iw;
      bareCounts[base + ((y < 0 ? 0 : y > 4095 ? 4095 : y) | 0)]++;
    }
  }
  return bareCounts[0]; // typed-array stores are never optimised away
}

/**
 * The hardware ceiling of the speed-up: the floor loop itself split over 2 worker threads (interleaved
 * blocks, like the Monte Carlo). Pure arithmetic, no memory traffic, no merging: what 2 threads can gain here.
 */
const { Worker } = await import('node:worker_threads');
const floorWorkerCode = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.rng).then(({ Rng }) => {
  // one call per block (like drawBlock), so the loop gets fully optimised code rather than on-stack replacement
  function floorBlock(seed, b, total) {
    const rng = new Rng(seed, b);
    let s = 0;
    for (let k = 0; k < total; k++) s += rng.uniform();
    return s;
  }
  let mc = null; // the whole single-thread Monte Carlo, for the throughput test
  parentPort.on('message', async ({ list, runs, seed, nCols, bs, whole }) => {
    if (whole) {
      if (!mc) {
        const s = { ...(await import(workerData.scenario)), ...(await import(workerData.run)) };
        const def = s.loadScenario('baseline');
        def.horizon = def.baseYear + ${HORIZON_YEARS};
        const model = s.prepareScenario(def);
        mc = () => s.runCompiled(model, { runs, thresholds: model.years.map(() => []) });
      }
      const t0 = performance.now();
      mc();
      parentPort.postMessage(performance.now() - t0);
      return;
    }
    let s = 0;
    for (const b of list) s += floorBlock(seed, b, Math.min(bs, runs - b * bs) * nCols);
    parentPort.postMessage(s);
  });
  parentPort.postMessage('ready');
});`;
const floorWorkers = await Promise.all(
  [0, 1].map(
    () =>
      new Promise((res) => {
        const w = new Worker(floorWorkerCode, {
          eval: true,
          workerData: { rng: dist('stats/rng.js'), scenario: dist('scenario/index.js'), run: dist('scenario/run.js') },
        });
        w.once('message', () => res(w));
      }),
  ),
);
async function floorParallel(runs) {
  const nb = Math.ceil(runs / BLOCK_SIZE);
  const parts = await Promise.all(
    floorWorkers.map(
      (w, k) =>
        new Promise((res) => {
          const list = [];
          for (let b = k; b < nb; b += floorWorkers.length) list.push(b);
          w.once('message', res);
          w.postMessage({ list, runs, seed: m.seed, nCols: m.nCols, bs: BLOCK_SIZE });
        }),
    ),
  );
  return parts[0] + parts[1];
}

// warm up the JIT on all, and the worker pool (a persistent pool is created once per process and reused)
// (the floor is called at full size several times: its first calls run in on-stack-replaced code that is up to
// 3× slower than its final optimised code, and a slow floor would flatter the ratio)
for (let i = 0; i < 4; i++) floorLoop(RUNS);
runCompiled(m, { runs: 200_000, thresholds });
const tPool = performance.now();
await warmPool(2);
const poolStartMs = performance.now() - tPool;
for (let i = 0; i < 3; i++) await runCompiledParallel(m, { runs: RUNS, thresholds }, 2); // let the workers' JIT settle too
for (let i = 0; i < 3; i++) {
  histOnce();
  quantileOnce();
  histBare();
  tableReadBare();
  modelOnly(RUNS);
}
for (let i = 0; i < 4; i++) await floorParallel(RUNS);

// --peer DIR: the same workload on another build, to tell a slower host from slower code. Each build runs in fresh
// child processes, alternating ours and the peer's, each process doing exactly the same (load the baseline, warm up
// with 200,000 runs, then the fastest of 3 timed 1-thread runs, CPU time): in one process the engine's functions are
// compiled for every model and callback they have met, so the same code measured 5–15 % apart depending on what else
// the process had run (session 13); fresh processes compare the code alone.
const peerAt = process.argv.indexOf('--peer');
const peerDir = peerAt > 0 ? (await import('node:path')).resolve(process.argv[peerAt + 1]) : undefined;
const PEER_CHILD = `
const [dir, years] = process.argv.slice(1);
const { pathToFileURL } = await import('node:url');
const s = await import(pathToFileURL(dir + '/dist/scenario/index.js').href);
const r = await import(pathToFileURL(dir + '/dist/scenario/run.js').href);
const def = s.loadScenario('baseline');
def.horizon = def.baseYear + Number(years);
const m = s.prepareScenario(def);
const th = m.years.map(() => []);
r.runCompiled(m, { runs: 200000, thresholds: th });
let best = Infinity;
for (let i = 0; i < 3; i++) {
  const c = process.cpuUsage();
  r.runCompiled(m, { runs: ${RUNS}, thresholds: th });
  const u = process.cpuUsage(c);
  best = Math.min(best, (u.user + u.system) / 1000);
}
console.log(best);
`;
const childCpu = (dir) =>
  Number(
    spawnSync(process.execPath, ['--input-type=module', '-e', PEER_CHILD, dir, String(HORIZON_YEARS)], {
      encoding: 'utf8',
    }).stdout.trim(),
  );
let peer;
if (peerDir) {
  const commit = spawnSync('git', ['-C', peerDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  peer = { commit, ours: [], theirs: [] };
  for (let i = 0; i < 4; i++) {
    peer.ours.push(childCpu(root));
    peer.theirs.push(childCpu(peerDir));
  }
}

const mOld = model(OLD_BASELINE);
const thOld = mOld.years.map(() => []);
runCompiled(mOld, { runs: 200_000, thresholds: thOld });
const floor = [],
  full = [],
  par = [],
  model_ = [],
  old = [];
let ref, parOut;
for (let i = 0; i < reps; i++) {
  floor.push(measure(() => floorLoop(RUNS)));
  model_.push(measure(() => modelOnly(RUNS)));
  old.push(measure(() => runCompiled(mOld, { runs: RUNS, thresholds: thOld })));
  const f = measure(() => runCompiled(m, { runs: RUNS, thresholds }));
  full.push(f);
  ref = f.out;
  const p = await measureAsync(() => runCompiledParallel(m, { runs: RUNS, thresholds }, 2));
  par.push(p);
  parOut = p.out;
}
const hist1 = [],
  quant1 = [],
  floorPar = [],
  histB = [],
  tabB = [];
for (let i = 0; i < reps; i++) {
  floorPar.push(await measureAsync(() => floorParallel(RUNS)));
  hist1.push(measure(histOnce));
  quant1.push(measure(quantileOnce));
  histB.push(measure(histBare));
  tabB.push(measure(tableReadBare));
}
// the speed-up at a larger run count, where the fixed costs (the range pilot, merging, quantiles) weigh less
const BIG = 4_000_000;
const big1 = [],
  big2 = [];
let bigSame = true;
for (let i = 0; i < 2; i++) {
  const a = measure(() => runCompiled(m, { runs: BIG, thresholds }));
  big1.push(a);
  const b = await measureAsync(() => runCompiledParallel(m, { runs: BIG, thresholds }, 2));
  big2.push(b);
  bigSame &&= JSON.stringify(a.out) === JSON.stringify(b.out);
}
const identical = JSON.stringify(ref) === JSON.stringify(parOut) && bigSame;
// the fastest repetition of each: on a shared machine other load only ever adds time
const fw = minOf(floor.map((x) => x.wall)),
  fc = minOf(floor.map((x) => x.cpu));
const sw = minOf(full.map((x) => x.wall)),
  sc = minOf(full.map((x) => x.cpu));
const pw = minOf(par.map((x) => x.wall));
const mw = minOf(model_.map((x) => x.wall)),
  mc = minOf(model_.map((x) => x.cpu));
const swMed = median(full.map((x) => x.wall));
// throughput ceiling of the Monte Carlo itself: the whole 1-thread run in one worker alone, then in both at once
const wholeRun = (w) =>
  new Promise((res) => {
    w.once('message', res);
    w.postMessage({ whole: true, runs: RUNS });
  });
for (let i = 0; i < 2; i++) await Promise.all(floorWorkers.map(wholeRun)); // warm-up
const alone = [],
  both = [];
for (let i = 0; i < 3; i++) {
  alone.push(await wholeRun(floorWorkers[0]));
  both.push(Math.max(...(await Promise.all(floorWorkers.map(wholeRun)))));
}
const aloneMin = minOf(alone),
  bothMin = minOf(both);
// the serial part of a parallel run (the range pilot, the quantile read-out), estimated as a
// 9-block run in histogram mode minus 9 blocks at the per-block time of the full run
const SMALL = 9 * BLOCK_SIZE;
const serial = [];
for (let i = 0; i < reps; i++) serial.push(measure(() => runCompiled(m, { runs: SMALL, thresholds })).wall);
let serialMs = NaN;
for (const w of floorWorkers) await w.terminate();
const fpw = minOf(floorPar.map((x) => x.wall));
const hc = minOf(hist1.map((x) => x.cpu)),
  qc = minOf(quant1.map((x) => x.cpu));
serialMs = Math.max(0, minOf(serial) - 9 * (sw / Math.ceil(RUNS / BLOCK_SIZE)));
const b1 = minOf(big1.map((x) => x.wall)),
  b2 = minOf(big2.map((x) => x.wall));
const nsRY = (ms) => ((ms * 1e6) / RUN_YEARS).toFixed(1); // ms per RUN_YEARS → ns per run-year
const cb = constBev(m);
// forbrug, henvendelser, forløb, cost per forløb; with an uncertain bevilling also bevilling and merforbrug
const nHist = cb ? 4 : 6;
const ow = minOf(old.map((x) => x.wall)),
  oc = minOf(old.map((x) => x.cpu));
const lowBound = fc + qc + nHist * hc;
const hb = minOf(histB.map((x) => x.cpu)),
  tb = minOf(tabB.map((x) => x.cpu));
const bareBound = fc + tb + nHist * hb; // implementation-independent: bare table read + bare scatter increments
const oneHistBound = fc + tb + hb; // even if only forbrug were summarised per run-year

const child = (runs) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(runs)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const mem1 = child(1_000_000),
  mem4 = child(4_000_000),
  mem0 = child(10_000);

const f0 = (x) => x.toFixed(0);
const ok = (b) => (b ? '**met**' : '**NOT met**');
const lines = [
  `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )} (1/5/15 min) during the run. Script: \`bench/scenario.mjs\`; fastest of ${reps} interleaved repetitions after a warm-up (other load on the shared machine only adds time; all repetitions listed below).`,
  `Workload: baseline scenario with the horizon set to ${m.years[0]}–${m.years[m.years.length - 1]} (${m.years.length} years), ${RUNS.toLocaleString('en')} runs, ${m.nCols} uniforms per run (${describeColumns(m)}), all eight output variables (the six of before and the opsparing's balance and merforbrug beyond it) summarised per year (histogram quantiles, sums, exceedance counts).`,
  '',
  '| what | wall ms | CPU ms | ratio to floor (wall / CPU) |',
  '| --- | ---: | ---: | ---: |',
  `| floor: draw the same ${((RUNS * m.nCols) / 1e6).toFixed(0)} M uniforms, nothing else | ${f0(fw)} | ${f0(fc)} | 1.00 / 1.00 |`,
  `| draws + model, no summaries (where the time goes) | ${f0(mw)} | ${f0(mc)} | ${(mw / fw).toFixed(2)} / ${(mc / fc).toFixed(2)} |`,
  `| full Monte Carlo, 1 thread | ${f0(sw)} | ${f0(sc)} | ${(sw / fw).toFixed(2)} / ${(sc / fc).toFixed(2)} |`,
  `| full Monte Carlo, 2 worker threads (warm pool) | ${f0(pw)} | – | ${(pw / fw).toFixed(2)} / – |`,
  `| the baseline as before issue 12 (${mOld.nCols} uniforms: ${describeColumns(mOld)}; constant bevilling), 1 thread, this engine | ${f0(ow)} | ${f0(oc)} | ${(ow / fw).toFixed(2)} / ${(oc / fc).toFixed(2)} |`,
  `| micro: one histogram increment per run-year (${(RUN_YEARS / 1e6).toFixed(0)} M, \`Histograms.addValues\`) | – | ${f0(hc)} | – / ${(hc / fc).toFixed(2)} |`,
  `| micro: one tabulated normal quantile per run-year (${(RUN_YEARS / 1e6).toFixed(0)} M, the demand shock) | – | ${f0(qc)} | – / ${(qc / fc).toFixed(2)} |`,
  `| lower bound of the required work: floor + 1 quantile + ${nHist} histogram increments per run-year | – | ${f0(lowBound)} | – / ${(lowBound / fc).toFixed(2)} |`,
  `| micro: bare table read at a uniform's position (no interpolation, no tails) | – | ${f0(tb)} | – / ${(tb / fc).toFixed(2)} |`,
  `| micro: bare histogram scatter increment (no sum, no range check) | – | ${f0(hb)} | – / ${(hb / fc).toFixed(2)} |`,
  `| implementation-independent lower bound: floor + 1 bare table read + ${nHist} bare increments | – | ${f0(bareBound)} | – / ${(bareBound / fc).toFixed(2)} |`,
  '',
  `- Issue 12 (estimated inputs): the baseline's model is richer — ${m.nCols} uniforms per run instead of 13 (three yearly random walks: henvendelser, visitation rate, bevilling; fixed and unit cost drawn jointly; price growth; the cost residual) and, with an uncertain bevilling, ${nHist} instead of 4 histograms per run-year. The full run costs ${(sc / oc).toFixed(2)}× the pre-issue-12 baseline model measured in the same run (CPU); that model on this engine took 476 ms wall at commit ed67d7c on a quiet machine (load 0.7), so the engine itself did not get slower, the default workload grew.`,
  '- Before this round of work (commit fded50c, same machine, same script): 1 thread 574 ms = 9.9× the floor (58 ms), of which model 246 ms and summaries 270 ms; 2 worker threads 566 ms = 1.01× (fresh workers per run). Changes since: persistent worker pool, histogram ranges by quickselect, tail tables for the tabulated normal quantile, lean years for constant bevilling, fewer passes and no boxed doubles in the samplers, quantile read-out by binary search. A fused one-pass model + histogram loop was tried and measured slower in V8 (692–769 ms against 579 ms: the big loop spills registers), so the year loop stays a sequence of small passes. Since then (session 3): histogram ranges from a 2,048-run pilot, so all blocks go to the workers (the serial part was block 0 with the ranges, about 20 ms). Tried and not kept, each measured A/B in alternating fresh processes with byte-identical or near-identical results: linear instead of cubic interpolation of the demand-shock table (1–3 % faster, 1,000× less accurate), and the forløb/forbrug/unit-cost histograms fused into the model loop of the constant-bevilling case (3–10 % faster, at the price of a second copy of the summary code for one special case). Neither moves the ratio near 2×.',
  `- Under 1 s on one core: ${ok(sw < 1000)} (${f0(sw)} ms wall, ${f0(sc)} ms CPU; median of the repetitions ${f0(swMed)} ms wall).` +
    (peer
      ? ` The same 1-thread run of ours and of the build at ${peer.commit} (\`--peer\`), each in 4 fresh processes taken in turn (fastest of 3 runs in each): ours ${f0(Math.min(...peer.ours))} ms CPU, peer ${f0(Math.min(...peer.theirs))} ms CPU, ours / peer = ${(Math.min(...peer.ours) / Math.min(...peer.theirs)).toFixed(2)} (runs: ours ${peer.ours.map(f0).join(', ')}; peer ${peer.theirs.map(f0).join(', ')} ms): a change against the timings on record that the peer shows too is the host's, not the code's.`
      : ''),
  `- Within 2× of the floor: ${ok(sw / fw <= 2)} (wall ${(sw / fw).toFixed(2)}×, CPU ${(sc / fc).toFixed(2)}×). Why 2× is out of reach here: the floor costs ${nsRY(fc)} ns per run-year (${m.nCols} uniforms per run over ${m.years.length} years, ${((fc * 1e6) / (RUNS * m.nCols)).toFixed(1)} ns per uniform), so 2× leaves ${nsRY(fc)} ns per run-year for everything else. Measured in this run, one histogram increment alone costs ${nsRY(hc)} ns per run-year and one tabulated normal quantile ${nsRY(qc)} ns; the outputs the issue requires need at least ${nHist} histograms per run-year (${cb ? "forbrug, henvendelser, forløb, cost per forløb; merforbrug's quantiles are derived from forbrug's when bevilling is constant" : 'bevilling, forbrug, merforbrug, henvendelser, forløb, cost per forløb: the bevilling is uncertain'}) and one quantile (the yearly demand shock), a lower bound of ${f0(lowBound)} ms = ${(lowBound / fc).toFixed(2)}× the floor before any model arithmetic, sums or exceedance counts. The bound does not rest on how we wrote those primitives: with the barest forms JavaScript allows (a table read at the uniform's position with no interpolation, ${nsRY(tb)} ns; a clamped scatter increment with no sum, ${nsRY(hb)} ns) it is still ${(bareBound / fc).toFixed(2)}× the floor, and ${(oneHistBound / fc).toFixed(2)}× even if only forbrug were summarised per run-year (funnel quantities as means only), leaving ${nsRY(Math.max(0, 2 * fc - oneHistBound))} ns per run-year for the model, sums, P(merforbrug > 0) and the per-run inputs. So 2× conflicts with the issue's own output requirements on this platform (V8, one core): it would need a different output contract and a kernel outside JavaScript (e.g. WebAssembly), a decision for the product owner.`,
  `- Where the time goes (CPU): drawing the uniforms ${f0(fc)} ms, the model ${f0(Math.max(0, mc - fc))} ms (${((m.years.length * RUNS) / 1e6).toFixed(0)} M run-years: ${[m.noiseCol, m.visNoiseCol, m.bevNoiseCol].filter((c) => c >= 0).length} tabulated normal quantiles, 6 outputs each), summaries ${f0(Math.max(0, sc - mc))} ms (${nHist} histograms + sums + counts per run-year${cb ? "; bevilling is constant here so merforbrug's quantiles are derived from forbrug's" : '; bevilling is uncertain, so it and merforbrug get their own'}). Within 2× of a floor that only draws ${m.nCols} uniforms per run would leave about ${(fc / ((m.years.length * RUNS) / 1e6)).toFixed(0)} ns per run-year for everything else.`,
  `- Speed-up with 2 worker threads: ${(sw / pw).toFixed(2)}× (wall) at ${RUNS.toLocaleString('en')} runs, ${(b1 / b2).toFixed(2)}× at ${BIG.toLocaleString('en')} runs (${f0(b1)} ms → ${f0(b2)} ms, fastest of 2). The workers belong to a persistent pool (created once per process, reused by every parallel run, unref'd when idle), warmed before timing; a cold first run also pays thread start-up and module loading (${f0(poolStartMs)} ms here). A pilot of 2,048 runs (it fixes the histogram ranges), merging and the quantile read-out stay serial; every block goes to a worker. Ceiling on this machine: the floor loop alone, split the same way over 2 worker threads, runs ${f0(fpw)} ms against ${f0(fw)} ms on one thread, a speed-up of ${(fw / fpw).toFixed(2)}× for pure arithmetic with nothing to merge; the whole 1-thread Monte Carlo run in 2 workers at once takes ${f0(bothMin)} ms against ${f0(aloneMin)} ms alone, a throughput gain of ${((2 * aloneMin) / bothMin).toFixed(2)}× for the real work${(2 * aloneMin) / bothMin < 1.7 ? ' (the two threads compete for shared caches and memory: this bounds what splitting one run can gain here)' : ''}. The rest of the gap to that is the serial part (the range pilot and the quantile read-out: about ${f0(serialMs)} ms, estimated as a ${(SMALL / BLOCK_SIZE).toFixed(0)}-block run minus 9 blocks) and message passing. Result byte-identical to 1 thread: ${identical ? 'yes' : '**NO**'}.${os.loadavg()[0] > os.cpus().length ? ` The 1-minute load average (${os.loadavg()[0].toFixed(1)}) exceeds the ${os.cpus().length} cores: other processes occupy them, so a second worker cannot add throughput in this run; rerun \`node bench/scenario.mjs\` on an idle machine for the speed-up.` : ''}`,
  `- Peak RSS of a child process (single thread): ${f0(mem0.maxRssMB)} MB for 10,000 runs, ${f0(mem1.maxRssMB)} MB for 1,000,000 runs, ${f0(mem4.maxRssMB)} MB for 4,000,000 runs: memory does not grow with runs (fixed-size histograms above ${(4e6).toLocaleString('en')} values; exact sorted quantiles below).`,
  `- Runs: ${floor.map((x) => f0(x.wall)).join(', ')} ms (floor); ${floorPar.map((x) => f0(x.wall)).join(', ')} ms (floor on 2 workers); ${full.map((x) => f0(x.wall)).join(', ')} ms (1 thread); ${par.map((x) => f0(x.wall)).join(', ')} ms (2 threads); at ${BIG.toLocaleString('en')} runs ${big1.map((x) => f0(x.wall)).join(', ')} ms (1 thread), ${big2.map((x) => f0(x.wall)).join(', ')} ms (2 threads).`,
  '',
];
const section = replaceSection('## Scenario Monte Carlo', lines.join('\n'));
console.log(section);
process.exit(sw < 1000 && sw / fw <= 2 && identical ? 0 : 1);
