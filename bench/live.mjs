#!/usr/bin/env node
// The report's live what-if: one recomputation of the primary scenario (20.000 runs × 6 years by default)
// in headless chromium's Web Worker, beside the same run of the same model in Node, measured in the same
// run (interleaved repetitions after a warm-up); plus the report's size and what the live what-if adds to it.
// Rewrites the section "## Live what-if" of bench/RESULTS.md.
//
//   npm run build && node bench/live.mjs [--runs 20000] [--reps 9]
/* global document, window, Event -- in the callbacks of page.evaluate, which run in the browser */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliMain, median, numberArg, replaceSection, requireBuilt, root } from './lib.mjs';

requireBuilt('live.mjs');
requireBuilt('live.mjs', 'report/live/live.bundle.js');
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error('bench/live.mjs: /usr/bin/chromium missing (bash scripts/setup-system.sh)');
  process.exit(2);
}
const RUNS = numberArg('--runs', 20_000);
const REPS = numberArg('--reps', 9);
const TARGET_MS = 200;

const out = join(root, 'bench', 'out', 'live');
rmSync(out, { recursive: true, force: true });
const rep = spawnSync(process.execPath, [cliMain, 'report', '--out', out, '--no-png'], { cwd: root, encoding: 'utf8' });
if (rep.status !== 0) throw new Error(`viso report failed: ${rep.stderr}`);
const htmlPath = join(out, 'report.html');
const html = readFileSync(htmlPath, 'utf8');

// the model the page runs, decoded from the page itself
const payloadText = /<script type="application\/json" id="viso-live-data">([\s\S]*?)<\/script>/.exec(html)[1];
const payload = JSON.parse(payloadText);
const { decodeModel } = await import(pathToFileURL(join(root, 'dist', 'report', 'live', 'codec.js')).href);
const { liveRun } = await import(pathToFileURL(join(root, 'dist', 'report', 'live', 'compute.js')).href);
const model = decodeModel(payload.model);
const years = model.years.length;

// the page's worker computes the one forecast too when the report has its spread factor k
const K = payload.k;

function nodeRun() {
  const t0 = performance.now();
  const r = liveRun(model, RUNS, K);
  return { ms: performance.now() - t0, p: r.years.map((y) => [y.p, y.one?.p]) };
}

const { chromium } = await import(pathToFileURL(join(root, 'node_modules', 'playwright-core', 'index.mjs')).href);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(pathToFileURL(htmlPath).href);
await page.waitForFunction(() => document.getElementById('live')?.getAttribute('data-live-status') === 'done', null, {
  timeout: 120_000,
});
// the page's runs as the benchmark's
await page.evaluate((runs) => {
  const sel = document.getElementById('live-runs');
  if (![...sel.options].some((o) => o.value === String(runs))) throw new Error(`the page offers no ${runs} runs`);
  sel.value = String(runs);
  sel.dispatchEvent(new Event('change', { bubbles: true }));
}, RUNS);
await page.waitForFunction(
  () => {
    const l = window.visoLive;
    return l.status === 'done' && l.done === l.requested;
  },
  null,
  { timeout: 120_000 },
);

async function browserRun() {
  return page.evaluate(async () => {
    const live = window.visoLive;
    const before = live.done;
    live.recompute();
    while (live.done === before) await new Promise((ok) => setTimeout(ok, 1));
    return {
      ms: live.ms,
      roundTrip: live.roundTrip,
      worker: live.worker,
      p: live.result.years.map((y) => [y.p, y.one?.p]),
      runs: live.result.runs,
    };
  });
}

// warm-up (JIT in both), then interleaved repetitions
for (let i = 0; i < 3; i++) {
  nodeRun();
  await browserRun();
}
const node = [];
const web = [];
for (let i = 0; i < REPS; i++) {
  node.push(nodeRun());
  web.push(await browserRun());
}
await browser.close();
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');

const same =
  web.every((w) => JSON.stringify(w.p) === JSON.stringify(node[0].p)) &&
  node.every((n) => JSON.stringify(n.p) === JSON.stringify(node[0].p));
const f = (x) => x.toFixed(0);
const wMs = web.map((w) => w.ms);
const wRt = web.map((w) => w.roundTrip);
const nMs = node.map((n) => n.ms);
const best = (xs) => Math.min(...xs);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const bundle = statSync(join(root, 'dist', 'report', 'live', 'live.bundle.js')).size;
const libs = [
  'vega/build/vega.min.js',
  'vega-lite/build/vega-lite.min.js',
  'vega-embed/build/vega-embed.min.js',
].reduce((s, f2) => s + statSync(join(root, 'node_modules', f2)).size, 0);
const total = Buffer.byteLength(html);
const payloadBytes = Buffer.byteLength(payloadText);
const medW = median(wMs);
const met = medW < TARGET_MS;

const body = `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, load average ${load} (1/5/15 min) at the end; Chromium (${CHROMIUM}, headless). Script: \`bench/live.mjs\`; ${REPS} interleaved repetitions after 3 warm-ups.
Workload: the default report's live what-if (primary scenario, its compiled model as embedded in \`report.html\`), ${RUNS.toLocaleString('en')} runs × ${years} years, all six outputs summarised per year with exact quantiles, P(merforbrug) with its MC error, expected overrun and merforbrug percentiles 1–99${K !== undefined ? `, and from the same runs the one forecast (every run's forbrug widened around the year's median by k = ${K.toFixed(2)}: P(merforbrug), its MC error, mean and P10/P90 of forbrug)` : ''} — one recomputation as the page does it (\`src/report/live/compute.ts\`: \`runCompiled\` on the model${K !== undefined ? ', its rows kept, then `widenedYear` per year' : ''}).

| where | median ms | fastest ms | all (ms) | ratio to Node (median) |
| --- | ---: | ---: | --- | ---: |
| Node, same model, same function (\`liveRun\`) | ${f(median(nMs))} | ${f(best(nMs))} | ${nMs.map(f).join(', ')} | 1.00 |
| Chromium, in the page's Web Worker (compute) | ${f(medW)} | ${f(best(wMs))} | ${wMs.map(f).join(', ')} | ${(medW / median(nMs)).toFixed(2)} |
| Chromium, round trip (post to the worker → result back in the page, before drawing) | ${f(median(wRt))} | ${f(best(wRt))} | ${wRt.map(f).join(', ')} | ${(median(wRt) / median(nMs)).toFixed(2)} |

- ${RUNS.toLocaleString('en')} runs × ${years} years recomputed in under ${TARGET_MS} ms in the browser (median of the worker's compute time): **${met ? 'met' : 'NOT met'}** (${f(medW)} ms; round trip ${f(median(wRt))} ms). The worker runs the same bundled engine files as Node (\`src/scenario/engine.ts\`, \`run.ts\`; \`scripts/bundle-live.mjs\`); the page's main thread only changes the model and redraws (it replaces the charts' data, no new chart: about 50 ms under load, see test/report/browser-live.test.ts for the responsiveness check).
- Same numbers in the browser and in Node for the same model and runs (P(merforbrug) of every year${K !== undefined ? ', the driver model’s and the one forecast’s' : ''}, every repetition): **${same ? 'yes' : 'NO'}**; that they equal \`viso scenario run\` of the equivalent scenario file is checked by \`test/report/browser-live.test.ts\` and \`test/report/live.test.ts\`.
- Report size: \`report.html\` ${kb(total)} (${total.toLocaleString('en')} bytes), of which vega + vega-lite + vega-embed ${kb(libs)}, the live what-if's script ${kb(bundle)} and its data (the compiled model and what the controls change) ${kb(payloadBytes)}; everything else (text, tables, chart specs) ${kb(total - libs - bundle - payloadBytes)}.
- Timings grow with the load of the shared machine (other work on the 2 cores); the ratio to Node in the same run much less.`;
console.log(replaceSection('## Live what-if', body));
