// Point forecasts of the engine's methods on a corpus, computed on both cores (worker threads) and
// cached in bench/out/ (keyed by the compiled engine and the networks, so a rebuild recomputes).
// For M4 the global network and the ensemble use the network trained on the OTHER half of the
// corpus (cross-fitting: no M4 series is forecast by a network that saw its training part);
// other corpora use the shipped network (trained on all M4 training parts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../m3/data.mjs';
import { m4Half } from './data.mjs';

export const ALL_METHODS = [
  'naive',
  'drift',
  'ses',
  'holt',
  'damped',
  'ets',
  'arima',
  'theta',
  'dotm',
  'comb',
  'global',
  'ensemble',
];
const OUT = join(repoRoot, 'bench/out');

/** The cross-fitting networks (trained here by bench/m4/train-global.mjs --half if missing). */
export function halfNets() {
  mkdirSync(OUT, { recursive: true });
  const nets = {};
  for (const h of ['A', 'B']) {
    const f = join(OUT, `global-${h}.json`);
    const stamp = join(OUT, `global-${h}.src`);
    // the networks depend on the training code and the feature function only
    const js = readFileSync(join(repoRoot, 'dist/forecast/global.js'), 'utf8');
    const feat = js.slice(js.indexOf('export function globalFeatures'), js.indexOf('export function netOutput'));
    const src = readFileSync(join(repoRoot, 'bench/m4/global-lib.mjs'), 'utf8') + feat;
    const key = createHash('sha256').update(src).digest('hex');
    if (!existsSync(f) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
      console.error(`training the half-${h} network (bench/m4/train-global.mjs --half ${h}) …`);
      const r = spawnSync(process.execPath, [join(repoRoot, 'bench/m4/train-global.mjs'), '--half', h, '--out', f], {
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new Error('training failed');
      writeFileSync(stamp, key);
    }
    nets[h] = JSON.parse(readFileSync(f, 'utf8'));
  }
  return nets;
}

function engineKey(extra) {
  const h = createHash('sha256');
  const dir = join(repoRoot, 'dist/forecast');
  // point forecasts do not depend on the interval calibration constants
  for (const f of readdirSync(dir).sort())
    if (f.endsWith('.js') && f !== 'calibration-data.js') h.update(readFileSync(join(dir, f)));
  h.update(extra);
  return h.digest('hex').slice(0, 16);
}

/**
 * Points per series and method: { [id]: { [method]: number[] } }, uncalibrated forecasts of
 * the train parts for horizon H. `corpus` names the cache; `crossFit` = M4 halves.
 */
export async function corpusPoints(corpus, series, { methods = ALL_METHODS, H = 6, crossFit = false } = {}) {
  const nets = crossFit ? halfNets() : null;
  const key = engineKey(
    JSON.stringify({
      methods,
      H,
      crossFit,
      n: series.length,
      ids: series.slice(0, 5).map((s) => s.id),
      nets: nets ? Object.values(nets).map((n) => n.nets[0].b2) : null,
    }),
  );
  const cache = join(OUT, `points-${corpus}-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const t0 = performance.now();
  const jobs = series.map((s) => ({
    id: s.id,
    y: s.train,
    half: crossFit ? (s.otherHalf ?? (m4Half(s.id) === 'A' ? 'B' : 'A')) : null,
  }));
  const parts = [0, 1].map((k) => jobs.filter((_, i) => i % 2 === k));
  const res = await Promise.all(
    parts.map(
      (p) =>
        new Promise((ok, bad) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { kind: 'points', jobs: p, methods, H, nets } });
          w.on('message', ok);
          w.on('error', bad);
        }),
    ),
  );
  const out = {};
  for (const r of res) Object.assign(out, r);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(cache, JSON.stringify(out));
  console.error(
    `${corpus}: points of ${methods.length} methods for ${series.length} series in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return out;
}

if (!isMainThread && workerData?.kind === 'points') {
  const F = await import(join(repoRoot, 'dist/forecast/index.js'));
  const { jobs, methods, H, nets } = workerData;
  const out = {};
  for (const j of jobs) {
    const o = {};
    for (const m of methods) {
      if (nets && (m === 'global' || m === 'ensemble')) {
        const fit = m === 'global' ? F.globalFit(j.y, nets[j.half]) : F.ensembleFit(j.y, nets[j.half]);
        o[m] = F.floorPositive(fit.predict(H).point, j.y);
      } else o[m] = F.forecast(j.y, { method: m, horizon: H, calibrate: false }).point;
    }
    out[j.id] = o;
  }
  parentPort.postMessage(out);
}
