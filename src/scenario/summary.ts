/**
 * Summaries of the simulated values, with memory that does not grow with
 * runs × years × variables beyond what is summarised:
 * - `exact`: every value of each (variable, year) kept in one Float64Array and
 *   sorted at the end (R type 7 quantiles); used while runs·years·variables ≤ EXACT_LIMIT.
 * - `histogram`: 4096 bins per (variable, year) over a range set from a
 *   pilot of runs (its 1st–99th percentile span, widened by half the span on
 *   each side; see `pilotRanges`), plus exact min/max and under/overflow counts. Fixed memory
 *   (≈ 1 MB for 10 years); quantile error ≤ one bin (≈ span/2048, span = P99 − P1).
 * Sums are kept per block and added in block order, and counts are integers,
 * so results are identical for any number of threads.
 */
import { quantileSortedUnchecked } from '../stats/distributions.js';
import { quantilesWith } from '../stats/quantiles.js';
import { NV } from './engine.js';
import type { Quantiles } from './types.js';

/** Largest runs·years·variables kept exactly (32 MB of doubles). */
export const EXACT_LIMIT = 4_000_000;
export const HIST_BINS = 4096;

/** Per-block partial results (what a worker sends back). */
export interface BlockPartial {
  block: number;
  n: number;
  /** Σ value per (var, year), and Σ max(merforbrug, 0) per year, and Σ log? no: layout [NV·h sums | h overspend sums]. */
  sums: Float64Array;
  /** count merforbrug > 0 per year, then threshold counts (year-major), then count beyondOpsparing > 0 per year. */
  counts: Float64Array;
}

/** Histogram ranges per (var, year): lo and 1/width. */
export interface HistRanges {
  lo: Float64Array;
  invW: Float64Array;
  w: Float64Array;
}

/**
 * Sum the block's values in a fixed order; count exceedances.
 *
 * @example
 * blockPartial(0, buf.vals, 8192, 10, []).counts[1] // runs of block 0 with merforbrug > 0 in year 2
 */
export function blockPartial(
  block: number,
  vals: Float64Array,
  n: number,
  h: number,
  thresholds: number[][],
): BlockPartial {
  const sums = new Float64Array(NV * h + h);
  const nThr = thresholds.reduce((s, t) => s + t.length, 0);
  const counts = new Float64Array(h + nThr + h);
  for (let vt = 0; vt < NV * h; vt++) {
    let s = 0;
    const off = vt * n;
    for (let i = 0; i < n; i++) s += vals[off + i];
    sums[vt] = s;
  }
  let c = h;
  for (let t = 0; t < h; t++) {
    const mOff = (2 * h + t) * n;
    let pos = 0;
    let over = 0;
    for (let i = 0; i < n; i++) {
      const x = vals[mOff + i];
      if (x > 0) {
        pos++;
        over += x;
      }
    }
    counts[t] = pos;
    sums[NV * h + t] = over;
    const fOff = (h + t) * n;
    for (const thr of thresholds[t]) {
      let k = 0;
      for (let i = 0; i < n; i++) if (vals[fOff + i] > thr) k++;
      counts[c++] = k;
    }
    counts[h + nThr + t] = countPositive(vals, (7 * h + t) * n, n);
  }
  return { block, n, sums, counts };
}

/**
 * Ranges for the histograms from a pilot's values (layout vals[vt·n + i]).
 *
 * @example
 * const ranges = histRanges(buf.vals, 8192, 10);
 */
export function histRanges(vals: Float64Array, n: number, h: number): HistRanges {
  const lo = new Float64Array(NV * h);
  const invW = new Float64Array(NV * h);
  const w = new Float64Array(NV * h);
  const s = new Float64Array(n);
  for (let vt = 0; vt < NV * h; vt++) {
    s.set(vals.subarray(vt * n, vt * n + n));
    let a: number, b: number;
    if (s.some((x) => x !== x)) {
      s.sort(); // NaN (no forløb): sorted last, as before
      a = quantileSortedUnchecked(s, 0.01);
      b = quantileSortedUnchecked(s, 0.99);
    } else {
      a = selectQuantile(s, 0.01);
      b = selectQuantile(s, 0.99);
    }
    let span = b - a;
    if (!(span > 0)) span = Math.max(Math.abs(a) * 1e-6, 1e-9);
    const l = a - 0.5 * span;
    const width = (2 * span) / HIST_BINS;
    lo[vt] = l;
    w[vt] = width;
    invW[vt] = 1 / width;
  }
  return { lo, invW, w };
}

/**
 * R type-7 quantile of `a` by selection (expected O(n), reorders `a`): the same
 * value as `quantileSortedUnchecked` of the sorted array, for arrays without NaN.
 *
 * @example
 * selectQuantile(Float64Array.from([5, 1, 4, 2, 3]), 0.25) // 2
 */
export function selectQuantile(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 1) return a[0];
  const hh = (n - 1) * p;
  const i = Math.floor(hh);
  const lo = select(a, i, 0, n - 1);
  if (i + 1 >= n) return lo;
  let hi = Infinity; // the next order statistic: the smallest value right of i
  for (let k = i + 1; k < n; k++) if (a[k] < hi) hi = a[k];
  return lo + (hh - i) * (hi - lo);
}

/**
 * Quickselect (Hoare partition, median-of-three pivot): afterwards a[k] is the k-th smallest, smaller values left, larger right.
 *
 * @example
 * select(Float64Array.from([3, 1, 2]), 1, 0, 2) // 2
 */
export function select(a: Float64Array, k: number, l: number, r: number): number {
  while (r > l) {
    const m = (l + r) >>> 1;
    // median of three as pivot
    const x = a[l],
      y = a[m],
      z = a[r];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = l,
      j = r;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Fixed-memory histograms for all (var, year): counts + under/over + min/max.
 *
 * @example
 * const hs = new Histograms(histRanges(vals, n, h), 6 * h); hs.addValues(h + 1, vals, (h + 1) * n, n); hs.quantile(h + 1, 0.5, n)
 */
export class Histograms {
  readonly counts: Uint32Array;
  readonly under: Float64Array;
  readonly over: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  constructor(
    readonly ranges: HistRanges,
    readonly nvt: number,
  ) {
    this.counts = new Uint32Array(nvt * HIST_BINS);
    this.under = new Float64Array(nvt);
    this.over = new Float64Array(nvt);
    this.min = new Float64Array(nvt).fill(Infinity);
    this.max = new Float64Array(nvt).fill(-Infinity);
  }
  /** Add vals[off … off+n) to the histogram of `vt`; returns their sum (added in index order). */
  addValues(vt: number, vals: Float64Array, off: number, n: number): number {
    this.ends[vt] = undefined;
    const counts = this.counts;
    const base = vt * HIST_BINS;
    const l = this.ranges.lo[vt];
    const iw = this.ranges.invW[vt];
    let mn = this.min[vt];
    let mx = this.max[vt];
    let under = 0;
    let over = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = vals[off + i];
      sum += x;
      const y = (x - l) * iw;
      if (y < 0) {
        under++;
        if (x < mn) mn = x;
      } else if (y >= HIST_BINS) {
        over++;
        if (x > mx) mx = x;
      } else counts[base + (y | 0)]++;
    }
    this.min[vt] = mn;
    this.max[vt] = mx;
    this.under[vt] += under;
    this.over[vt] += over;
    return sum;
  }
  /** Merge another histogram set (same ranges). */
  merge(o: {
    counts: Uint32Array;
    under: Float64Array;
    over: Float64Array;
    min: Float64Array;
    max: Float64Array;
  }): void {
    this.ends = [];
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += o.counts[i];
    for (let vt = 0; vt < this.nvt; vt++) {
      this.under[vt] += o.under[vt];
      this.over[vt] += o.over[vt];
      this.min[vt] = Math.min(this.min[vt], o.min[vt]);
      this.max[vt] = Math.max(this.max[vt], o.max[vt]);
    }
  }
  /** Per vt: running counts at the end of each bin (under + Σ counts up to b), built on first read. */
  private ends: (Float64Array | undefined)[] = [];
  /** Type-7-style quantile read from the histogram (linear within a bin); binary search in the running counts. */
  quantile(vt: number, p: number, total: number): number {
    const rank = (total - 1) * p; // 0-based position
    const under = this.under[vt];
    if (rank < under) return this.min[vt]; // only if the pilot's range was far off
    const base = vt * HIST_BINS;
    let ends = this.ends[vt];
    if (!ends) {
      ends = new Float64Array(HIST_BINS);
      let cum = under;
      for (let b = 0; b < HIST_BINS; b++) ends[b] = cum += this.counts[base + b];
      this.ends[vt] = ends;
    }
    if (!(rank < ends[HIST_BINS - 1])) return this.max[vt];
    // the first bin whose running count exceeds rank (it has counts > 0)
    let a = 0,
      z = HIST_BINS - 1;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (rank < ends[mid]) z = mid;
      else a = mid + 1;
    }
    const c = this.counts[base + a];
    const cum = ends[a] - c;
    const { lo, w } = this.ranges;
    return lo[vt] + (a + (rank - cum + 0.5) / c) * w[vt];
  }
}

/**
 * Quantiles (mean given) from a histogram.
 *
 * @example
 * quantilesFromHist(hs, h + 1, runs, mean).p95
 */
export function quantilesFromHist(hs: Histograms, vt: number, total: number, mean: number): Quantiles {
  return quantilesWith(mean, (p) => hs.quantile(vt, p, total));
}

/**
 * Summarise one simulated year of a block straight away, while it is still in
 * cache (histogram mode): sums in index order, counts, histogram increments;
 * every block is summarised this way whatever thread simulates it.
 *
 * @example
 * simulateBlock(m, n, buf, (t, yv) => addYear(p, hist, t, yv, n, h, thresholds, offs[t]));
 */
export function addYear(
  p: BlockPartial,
  hist: Histograms,
  t: number,
  yv: Float64Array,
  n: number,
  h: number,
  thresholds: number[][],
  thrOffset: number,
  constBev = false,
): void {
  for (let v = 0; v < NV; v++) {
    const vt = v * h + t;
    if (constBev && (v === 0 || v === 2)) {
      // bevilling is the same in every run: its sum is n·b, and merforbrug's quantiles are
      // forbrug's minus b (finish() derives them); only merforbrug's sum is needed here
      if (v === 0) p.sums[vt] = yv[0] * n; // merforbrug's sum: in the counting pass below
      continue;
    }
    p.sums[vt] = hist.addValues(vt, yv, v * n, n);
  }
  const mOff = 2 * n;
  let pos = 0;
  let overspend = 0;
  let msum = 0;
  if (constBev) {
    // merforbrug = forbrug − the one bevilling (the same double as row 2, which a lean year may leave unwritten)
    const b0 = yv[0];
    for (let i = 0; i < n; i++) {
      const x = yv[n + i] - b0;
      msum += x;
      if (x > 0) {
        pos++;
        overspend += x;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = yv[mOff + i];
      msum += x;
      if (x > 0) {
        pos++;
        overspend += x;
      }
    }
  }
  if (constBev) p.sums[2 * h + t] = msum;
  p.counts[t] = pos;
  p.sums[NV * h + t] = overspend;
  let c = h + thrOffset;
  for (const thr of thresholds[t]) {
    let k = 0;
    for (let i = 0; i < n; i++) if (yv[n + i] > thr) k++;
    p.counts[c++] = k;
  }
  p.counts[p.counts.length - h + t] = countPositive(yv, 7 * n, n);
}

/** Number of values > 0 in v[off … off+n). */
function countPositive(v: Float64Array, off: number, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (v[off + i] > 0) k++;
  return k;
}

/**
 * An empty block partial to be filled by `addYear`.
 *
 * @example
 * emptyPartial(3, 8192, 10, [[150], [], [], [], [], [], [], [], [], []]).counts.length // 21
 */
export function emptyPartial(block: number, n: number, h: number, thresholds: number[][]): BlockPartial {
  const nThr = thresholds.reduce((s, t) => s + t.length, 0);
  return { block, n, sums: new Float64Array(NV * h + h), counts: new Float64Array(h + nThr + h) };
}

/**
 * Offsets of each year's thresholds in the counts array (after the h merforbrug counts).
 *
 * @example
 * thresholdOffsets([[150, 160], [], [170]]) // [0, 2, 2]
 */
export function thresholdOffsets(thresholds: number[][]): number[] {
  const out: number[] = [];
  let c = 0;
  for (const t of thresholds) {
    out.push(c);
    c += t.length;
  }
  return out;
}
