// Shared helpers of the M4 yearly benchmark scripts: locate and parse the data, the official
// reference figures, OWA.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { repoRoot } from '../m3/data.mjs';

/** Directory of the M4 files: $M4_DIR, then ../shared/bench/m4 beside the repo, then /work/shared/bench/m4. */
export function m4Dir() {
  const c = [process.env.M4_DIR, resolve(repoRoot, '../shared/bench/m4'), '/work/shared/bench/m4'].filter(Boolean);
  const d = c.find((p) => existsSync(join(p, 'm4_yearly.csv.gz')));
  if (!d) throw new Error(`m4_yearly.csv.gz not found in any of: ${c.join(', ')}`);
  return d;
}

/** Parse m4_yearly.csv.gz → [{id, train:number[], test:number[]}] in numeric id order (Y1, Y2, …). */
export function loadM4(dir = m4Dir()) {
  const txt = gunzipSync(readFileSync(join(dir, 'm4_yearly.csv.gz'))).toString('utf8');
  const by = new Map();
  let start = txt.indexOf('\n') + 1;
  while (start < txt.length) {
    let end = txt.indexOf('\n', start);
    if (end < 0) end = txt.length;
    const line = txt.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const [id, split, t, value] = line.split(',');
    let s = by.get(id);
    if (!s) by.set(id, (s = { id, train: [], test: [] }));
    s[split].push([Number(t), Number(value)]);
  }
  return [...by.values()]
    .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
    .map((s) => ({
      id: s.id,
      train: s.train.sort((a, b) => a[0] - b[0]).map((p) => p[1]),
      test: s.test.sort((a, b) => a[0] - b[0]).map((p) => p[1]),
    }));
}

/** Ids of the 1,000-series subsample. */
export function sub1000(dir = m4Dir()) {
  return new Set(readFileSync(join(dir, 'sub1000_ids.txt'), 'utf8').split(/\s+/).filter(Boolean));
}

/** Official M4 yearly Naive2 figures (README of the data folder): OWA's denominators. */
export const NAIVE2 = { smape: 16.342, mase: 3.974 };
/** Official M4 yearly reference figures: sMAPE / MASE / OWA. */
export const M4_REFERENCE = [
  ['Naive2', 16.342, 3.974, 1.0],
  ['Theta', 14.593, 3.382, 0.872],
  ['Comb (SES, Holt, damped)', 14.848, 3.28, 0.867],
  ['Montero-Manso et al. (FFORMA, 2nd)', 13.528, 3.06, 0.799],
  ['Smyl (ES-RNN, winner)', 13.176, 2.98, 0.778],
];

/** OWA against the official Naive2 figures. */
export function owa(smape, mase) {
  return (smape / NAIVE2.smape + mase / NAIVE2.mase) / 2;
}

/** Half of the M4 corpus by id: 'A' = odd numeric id, 'B' = even (for cross-fitting). */
export function m4Half(id) {
  return Number(id.slice(1)) % 2 === 1 ? 'A' : 'B';
}
