// Shared helpers of the M3 benchmark scripts: locate and parse the data, metrics.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Directory of the M3 files: $M3_DIR, then ../shared/bench/m3 beside the repo, then /work/shared/bench/m3. */
export function m3Dir() {
  const c = [process.env.M3_DIR, resolve(repoRoot, '../shared/bench/m3'), '/work/shared/bench/m3'].filter(Boolean);
  const d = c.find((p) => existsSync(join(p, 'm3_yearly_dev.csv')));
  if (!d) throw new Error(`m3_yearly_dev.csv not found in any of: ${c.join(', ')}`);
  return d;
}

/** Parse m3_yearly_dev.csv → [{id, train:number[], test:number[], years:number[]}] in id order (years: the calendar year of each train then test value). */
export function loadM3(dir = m3Dir()) {
  const lines = readFileSync(join(dir, 'm3_yearly_dev.csv'), 'utf8').trim().split('\n');
  const head = lines[0].split(',');
  const ix = (k) => head.indexOf(k);
  const by = new Map();
  for (const l of lines.slice(1)) {
    const c = l.split(',');
    const id = c[ix('id')];
    if (!by.has(id)) by.set(id, { id, train: [], test: [] });
    by.get(id)[c[ix('split')]].push([Number(c[ix('t')]), Number(c[ix('value')]), Number(c[ix('year')])]);
  }
  return [...by.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => {
      const train = s.train.sort((a, b) => a[0] - b[0]),
        test = s.test.sort((a, b) => a[0] - b[0]);
      return {
        id: s.id,
        train: train.map((p) => p[1]),
        test: test.map((p) => p[1]),
        years: [...train, ...test].map((p) => p[2]),
      };
    });
}

/** Per-series metrics as in r_anchors.R. */
export function seriesMetrics(train, y, r) {
  let sc = 0;
  for (let i = 1; i < train.length; i++) sc += Math.abs(train[i] - train[i - 1]);
  sc /= train.length - 1;
  const H = y.length;
  let smape = 0,
    mae = 0,
    in80 = 0,
    in95 = 0,
    msis = 0;
  for (let i = 0; i < H; i++) {
    smape += (200 * Math.abs(y[i] - r.point[i])) / (Math.abs(y[i]) + Math.abs(r.point[i]));
    mae += Math.abs(y[i] - r.point[i]);
    if (r.lo80) {
      if (y[i] >= r.lo80[i] && y[i] <= r.hi80[i]) in80++;
      if (y[i] >= r.lo95[i] && y[i] <= r.hi95[i]) in95++;
      const L = r.lo95[i],
        U = r.hi95[i];
      msis += U - L + (y[i] < L ? 40 * (L - y[i]) : 0) + (y[i] > U ? 40 * (y[i] - U) : 0);
    }
  }
  return { smape: smape / H, mase: mae / H / sc, in80, in95, msis: r.lo80 ? msis / H / sc : NaN };
}

/** Aggregate per-series metrics like r_anchors.R. */
export function aggregate(ms, H) {
  const n = ms.length;
  const s = (k) => ms.reduce((a, m) => a + m[k], 0);
  return {
    smape: s('smape') / n,
    mase: s('mase') / n,
    cov80: s('in80') / (H * n),
    cov95: s('in95') / (H * n),
    msis95: s('msis') / n,
  };
}

/** Parse a simple CSV with header into objects. */
export function readCsv(path) {
  const [h, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  const keys = h.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}
