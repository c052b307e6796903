/**
 * Run a compiled scenario: blocks of runs, summarised with fixed memory,
 * identical results for any number of worker threads.
 */
import { BLOCK_SIZE, NV, blockBuffers, drawBlock, simulateBlock, type BlockBuffers, type YearSink } from './engine.js';
import {
  EXACT_LIMIT,
  Histograms,
  addYear,
  blockPartial,
  emptyPartial,
  histRanges,
  thresholdOffsets,
  quantilesFromHist,
  type BlockPartial,
  type HistRanges,
} from './summary.js';
import { bevillingIsConstant, type CompiledModel } from './model.js';
import type { Exceedance, Quantiles } from './types.js';
import { quantilesWith, summarizeSorted } from '../stats/quantiles.js';

export interface RunCoreOptions {
  runs: number;
  /** Forbrug thresholds per simulated year (same length as model.years). */
  thresholds: number[][];
  onProgress?: (done: number, total: number) => void;
  /**
   * Also return every run's bevilling and forbrug per year, in run order (`CoreResult.rows`): copies of the
   * values exact mode keeps anyway, taken before they are sorted for the quantiles (no second simulation; the
   * summaries are unchanged). Only in exact mode (`usesExact`): a run that summarises into histograms throws.
   */
  rows?: boolean;
}

/** Summary of one (compiled) simulation, per simulated year. */
export interface CoreYear {
  year: number;
  vars: Quantiles[]; // in VARS order
  pMerforbrug: number;
  pMerforbrugSe: number;
  expectedOverspend: number;
  forbrugAbove: Exceedance[];
  forbrugPercentiles: number[];
  /** Percentiles 1..99 of merforbrug (the distribution views: histogram and exceedance curve). */
  merforbrugPercentiles: number[];
  /** P(merforbrug beyond the usable opsparing > 0) and its Monte Carlo standard error. */
  pBeyondOpsparing: number;
  pBeyondOpsparingSe: number;
}
export interface CoreResult {
  years: CoreYear[];
  quantileMethod: 'exact' | 'histogram';
  /** With `rows`: per year index t, forbrug and bevilling of every run r (`forbrug[t][r]`, run order as simulated). */
  rows?: { forbrug: Float64Array[]; bevilling: Float64Array[] };
}

/** Collected raw results before summarising. */
interface Collector {
  partials: BlockPartial[];
  /** Bevilling per year (from the pilot's first run; constant across runs when constBev). */
  bevilling?: number[];
  exact?: Float64Array[]; // per vt, length runs
  hist?: Histograms;
}

/**
 * Bevilling identical in every run (`bevillingIsConstant`: no uncertain growth, yearly noise, known amount or
 * PL): its histogram is not needed. The same test as the engine's, so a fixed growth with yearly noise is not
 * taken for constant.
 *
 * @example
 * constBev(prepareScenario(loadScenario('baseline'))) // false (the bevilling's growth is uncertain)
 */
export function constBev(m: CompiledModel): boolean {
  return bevillingIsConstant(m);
}

function blockRuns(b: number, runs: number): number {
  return Math.min(BLOCK_SIZE, runs - b * BLOCK_SIZE);
}

/** Store one simulated block into the collector (exact mode: every value kept). */
function collect(
  c: Collector,
  m: CompiledModel,
  b: number,
  n: number,
  vals: Float64Array,
  thresholds: number[][],
): void {
  const h = m.years.length;
  c.partials.push(blockPartial(b, vals, n, h, thresholds));
  for (let vt = 0; vt < NV * h; vt++) c.exact![vt].set(vals.subarray(vt * n, vt * n + n), b * BLOCK_SIZE);
}

/**
 * Number of blocks for a number of runs.
 *
 * @example
 * blockCount(1_000_000) // 123
 */
export function blockCount(runs: number): number {
  return Math.ceil(runs / BLOCK_SIZE);
}

/**
 * Whether a run of this size keeps all values (exact quantiles).
 *
 * @example
 * usesExact(100_000, 6) // true (3.6 M values kept)
 */
export function usesExact(runs: number, years: number): boolean {
  // counted on the six variables before the opsparing's two, so a run's quantile method did not change with them
  return runs * years * EXACT_VARS <= EXACT_LIMIT;
}

/** Variables counted against `EXACT_LIMIT` (all are kept: NV = 8 rows of doubles, at most 43 MB). */
const EXACT_VARS = 6;

/**
 * Simulate blocks `list` in this thread; returns partials and the values or a histogram.
 * (Also the body of a worker thread.)
 *
 * @example
 * const { partials } = simulateBlocks(model, [1, 3], 40000, model.years.map(() => []), null);
 */
export function simulateBlocks(
  m: CompiledModel,
  list: number[],
  runs: number,
  thresholds: number[][],
  ranges: HistRanges | null,
  onBlock?: (b: number, n: number, vals: Float64Array) => void,
): { partials: BlockPartial[]; hist: Histograms | null } {
  const buf = blockBuffers(m);
  const h = m.years.length;
  const hist = ranges ? new Histograms(ranges, NV * h) : null;
  const partials: BlockPartial[] = [];
  const sink = hist ? new HistSink(hist, h, thresholds, constBev(m)) : null!;
  for (const b of list) {
    const n = blockRuns(b, runs);
    drawBlock(m, b, n, buf.u);
    if (hist) {
      sink.start(emptyPartial(b, n, h, thresholds), n);
      simulateBlock(m, n, buf, sink);
      partials.push(sink.p!);
      onBlock?.(b, n, buf.vals);
      continue;
    }
    simulateBlock(m, n, buf);
    const vals = buf.vals.subarray(0, NV * h * n);
    partials.push(blockPartial(b, vals, n, h, thresholds));
    onBlock?.(b, n, vals);
  }
  return { partials, hist };
}

/**
 * Run a compiled model in this thread.
 *
 * @example
 * const r = runCompiled(model, { runs: 10000, thresholds: model.years.map(() => []) });
 * r.years[0].pMerforbrug
 */
export function runCompiled(m: CompiledModel, o: RunCoreOptions): CoreResult {
  const h = m.years.length;
  const nb = blockCount(o.runs);
  const exact = usesExact(o.runs, h);
  rowsNeedExact(o, exact, h);
  const c: Collector = { partials: [] };
  if (exact) c.exact = Array.from({ length: NV * h }, () => new Float64Array(o.runs));
  const buf = blockBuffers(m);
  let sink: HistSink | undefined;
  if (!exact) {
    const pilot = pilotRanges(m, buf);
    c.hist = new Histograms(pilot.ranges, NV * h);
    c.bevilling = pilot.bevilling;
    sink = new HistSink(c.hist, h, o.thresholds, constBev(m));
  }
  for (let b = 0; b < nb; b++) {
    const n = blockRuns(b, o.runs);
    drawBlock(m, b, n, buf.u);
    if (sink) {
      sink.start(emptyPartial(b, n, h, o.thresholds), n);
      simulateBlock(m, n, buf, sink);
      c.partials.push(sink.p!);
    } else {
      simulateBlock(m, n, buf);
      collect(c, m, b, n, buf.vals.subarray(0, NV * h * n), o.thresholds);
    }
    o.onProgress?.(Math.min((b + 1) * BLOCK_SIZE, o.runs), o.runs);
  }
  return finish(m, o, c);
}

/** Runs of the pilot that fixes the histogram ranges (see `pilotRanges`). */
export const PILOT_RUNS = 2048;

/**
 * The histogram ranges of a run, from a pilot of `PILOT_RUNS` runs drawn from block 0's stream
 * (a sample of its own, not block 0's runs: it is only used to lay out the bins). Every block is
 * then summarised the same way whatever thread simulates it, and a parallel run's serial part is
 * just this pilot. Also returns bevilling per year of the pilot's first run (the bevilling of every
 * run when it is constant).
 *
 * @example
 * const { ranges } = pilotRanges(model); // ranges.lo[h + 1]: the lower edge of forbrug's bins in year 2
 */
export function pilotRanges(
  m: CompiledModel,
  buf: BlockBuffers = blockBuffers(m),
): { ranges: HistRanges; bevilling: number[] } {
  const h = m.years.length;
  const n = PILOT_RUNS;
  drawBlock(m, 0, n, buf.u);
  simulateBlock(m, n, buf);
  const vals = buf.vals.subarray(0, NV * h * n);
  return { ranges: histRanges(vals, n, h), bevilling: m.years.map((_, t) => vals[t * n]) };
}

/**
 * Run a compiled model on `threads` worker threads (block b is always
 * simulated with stream b, so the result equals `runCompiled`'s, byte for byte).
 *
 * @example
 * const r = await runCompiledParallel(model, { runs: 1_000_000, thresholds: model.years.map(() => []) }, 2);
 */
export async function runCompiledParallel(m: CompiledModel, o: RunCoreOptions, threads: number): Promise<CoreResult> {
  const h = m.years.length;
  const nb = blockCount(o.runs);
  if (threads <= 1 || nb < 2) return runCompiled(m, o);
  const exact = usesExact(o.runs, h);
  rowsNeedExact(o, exact, h);
  const c: Collector = { partials: [] };
  if (exact) c.exact = Array.from({ length: NV * h }, () => new Float64Array(o.runs));
  // the only serial part: the pilot that fixes the histogram ranges; every block goes to a worker
  let ranges: HistRanges | null = null;
  if (!exact) {
    const pilot = pilotRanges(m);
    ranges = pilot.ranges;
    c.hist = new Histograms(ranges, NV * h);
    c.bevilling = pilot.bevilling;
  }
  let done = 0;
  const nw = Math.min(threads, nb);
  const { runOnWorker } = await import('./pool.js');
  await Promise.all(
    Array.from({ length: nw }, async (_, w) => {
      // interleaved blocks, so the workers finish together
      const list: number[] = [];
      for (let b = w; b < nb; b += nw) list.push(b);
      const msg = await runOnWorker(
        w,
        { model: m, list, runs: o.runs, thresholds: o.thresholds, ranges, exact },
        (bm) => {
          if (exact)
            for (let vt = 0; vt < NV * h; vt++)
              c.exact![vt].set(bm.vals!.subarray(vt * bm.n, vt * bm.n + bm.n), bm.b * BLOCK_SIZE);
          done += bm.n;
          o.onProgress?.(done, o.runs);
        },
      );
      c.partials.push(...(msg.partials as BlockPartial[]));
      if (msg.hist) c.hist!.merge(msg.hist as Histograms);
    }),
  );
  return finish(m, o, c);
}

/** `rows` asks for the values only exact mode keeps. */
function rowsNeedExact(o: RunCoreOptions, exact: boolean, years: number): void {
  if (o.rows && !exact)
    throw new RangeError(
      `every run's rows are kept only in exact mode (runs × years × ${EXACT_VARS} ≤ ${EXACT_LIMIT}), got ${o.runs} runs × ${years} years`,
    );
}

function finish(m: CompiledModel, o: RunCoreOptions, c: Collector): CoreResult {
  const h = m.years.length;
  const runs = o.runs;
  // the rows as simulated, before the sort below reorders every kept array in place (bevilling: row 0, forbrug: row 1)
  const rows =
    o.rows && c.exact
      ? {
          forbrug: m.years.map((_, t) => c.exact![h + t].slice()),
          bevilling: m.years.map((_, t) => c.exact![t].slice()),
        }
      : undefined;
  const parts = [...c.partials].sort((a, b) => a.block - b.block);
  const sums = new Float64Array(parts[0].sums.length);
  const counts = new Float64Array(parts[0].counts.length);
  for (const p of parts) {
    for (let k = 0; k < sums.length; k++) sums[k] += p.sums[k];
    for (let k = 0; k < counts.length; k++) counts[k] += p.counts[k];
  }
  const sorted = c.exact?.map((a) => a.sort());
  const cb = !sorted && constBev(m);
  const q = (vt: number): Quantiles => {
    const mean = sums[vt] / runs;
    if (sorted) return summarizeSorted(sorted[vt], mean);
    const v = Math.floor(vt / h),
      t = vt % h;
    if (cb && v === 0) {
      const b = c.bevilling![t];
      return quantilesWith(mean, () => b);
    }
    if (cb && v === 2) {
      const b = c.bevilling![t];
      return quantilesWith(mean, (p) => c.hist!.quantile(h + t, p, runs) - b); // merforbrug = forbrug − constant bevilling
    }
    return quantilesFromHist(c.hist!, vt, runs, mean);
  };
  const pct = (vt: number, p: number): number => (sorted ? quantileAt(sorted[vt], p) : c.hist!.quantile(vt, p, runs));
  // merforbrug has no histogram of its own when bevilling is constant: forbrug's minus the one bevilling
  const merPct = (t: number, p: number): number =>
    sorted || !cb ? pct(2 * h + t, p) : c.hist!.quantile(h + t, p, runs) - c.bevilling![t];
  let ci = h;
  const years: CoreYear[] = m.years.map((year, t) => {
    const p = counts[t] / runs;
    const forbrugAbove = o.thresholds[t].map((threshold) => {
      const pp = counts[ci++] / runs;
      return { threshold, p: pp, se: Math.sqrt((pp * (1 - pp)) / runs) };
    });
    const pb = counts[counts.length - h + t] / runs;
    return {
      year,
      vars: Array.from({ length: NV }, (_, v) => q(v * h + t)),
      pBeyondOpsparing: pb,
      pBeyondOpsparingSe: Math.sqrt((pb * (1 - pb)) / runs),
      pMerforbrug: p,
      pMerforbrugSe: Math.sqrt((p * (1 - p)) / runs),
      expectedOverspend: sums[NV * h + t] / runs,
      forbrugAbove,
      forbrugPercentiles: Array.from({ length: 99 }, (_, i) => pct(h + t, (i + 1) / 100)),
      merforbrugPercentiles: Array.from({ length: 99 }, (_, i) => merPct(t, (i + 1) / 100)),
    };
  });
  return { years, quantileMethod: sorted ? 'exact' : 'histogram', ...(rows ? { rows } : {}) };
}

function quantileAt(s: Float64Array, p: number): number {
  const n = s.length;
  const hh = (n - 1) * p;
  const i = Math.floor(hh);
  return i + 1 < n ? s[i] + (hh - i) * (s[i + 1] - s[i]) : s[n - 1];
}

/**
 * P(variable > c) in year index t only, without summarising anything else
 * (fast path for goal seek; same blocks and streams as `runCompiled`).
 *
 * @example
 * exceedance(model, 100000, 1, 'merforbrug', 0) // P(merforbrug > 0) in the second year
 */
export function exceedance(
  m: CompiledModel,
  runs: number,
  t: number,
  variable: 'merforbrug' | 'forbrug' | 'beyondOpsparing',
  c: number,
  cache?: UniformCache,
): number {
  const sink = new CountSink(t, variable === 'merforbrug' ? 2 : variable === 'forbrug' ? 1 : 7, c);
  simulateYear(m, runs, t, sink, cache);
  return sink.count / runs;
}

/**
 * Forbrug and bevilling of every run in year index t (run order as in `runCompiled`; the same blocks and
 * streams, so the same runs as `exceedance` with the same model and cache).
 *
 * @example
 * yearSample(model, 100000, 1).forbrug[0] // forbrug of run 0 in the second year
 */
export function yearSample(
  m: CompiledModel,
  runs: number,
  t: number,
  cache?: UniformCache,
): { forbrug: Float64Array; bevilling: Float64Array } {
  const sink = new SampleSink(t, t, runs);
  simulateYear(m, runs, t, sink, cache);
  return { forbrug: sink.forbrug[0], bevilling: sink.bevilling[0] };
}

/**
 * Forbrug and bevilling of every run in every year up to index t (element j: year index j), from the same
 * blocks as `exceedance` (and the same uniforms with `cache`): the paths the opsparing is carried along.
 *
 * @example
 * const paths = pathSample(prepareScenario(loadScenario('baseline')), 10_000, 1);
 * paths.forbrug.length // 2 (2025 and 2026)
 */
export function pathSample(
  m: CompiledModel,
  runs: number,
  t: number,
  cache?: UniformCache,
): { forbrug: Float64Array[]; bevilling: Float64Array[] } {
  const sink = new SampleSink(0, t, runs);
  simulateYear(m, runs, t, sink, cache);
  return { forbrug: sink.forbrug, bevilling: sink.bevilling };
}

/** Simulate every block up to year index t into a sink that reads that year (drawing or re-using the uniforms). */
function simulateYear(
  m: CompiledModel,
  runs: number,
  t: number,
  sink: YearSink & { n: number },
  cache?: UniformCache,
): void {
  const buf = blockBuffers(m);
  for (let b = 0, nb = blockCount(runs); b < nb; b++) {
    const n = blockRuns(b, runs);
    const hit = cache?.blocks[b];
    sink.n = n;
    if (hit) {
      buf.u.set(hit.u);
      simulateBlock(m, n, buf, sink, t, { restore: hit.state });
      continue;
    }
    drawBlock(m, b, n, buf.u);
    const size = n * m.nCols + buf.state.length;
    if (cache && cache.size + size <= cache.limit) {
      const entry: { u: Float64Array; state: Float64Array } = {
        u: buf.u.slice(0, n * m.nCols),
        state: new Float64Array(0),
      };
      cache.blocks[b] = entry;
      cache.size += size;
      simulateBlock(m, n, buf, sink, t, { save: (st) => (entry.state = st.slice()) });
    } else simulateBlock(m, n, buf, sink, t);
  }
}

/**
 * The drawn uniforms and per-run inputs of blocks, kept between evaluations of the same model and seed (goal
 * seek: the levers change the simulation, not the draws), up to `limit` numbers.
 */
export interface UniformCache {
  blocks: { u: Float64Array; state: Float64Array }[];
  size: number;
  limit: number;
}

/**
 * An empty uniform cache holding at most `limit` numbers (default 16 million: 128 MB).
 *
 * @example
 * const cache = uniformCache(); exceedance(model, 100000, 1, 'merforbrug', 0, cache); // second call draws nothing
 */
export function uniformCache(limit = 16_000_000): UniformCache {
  return { blocks: [], size: 0, limit };
}

/** Feeds each simulated year of a block to `addYear` (one object for the whole run). */
class HistSink implements YearSink {
  readonly lean: boolean;
  p: BlockPartial | null = null;
  n = 0;
  private readonly offs: number[];
  constructor(
    private readonly hist: Histograms,
    private readonly h: number,
    private readonly thresholds: number[][],
    private readonly cb: boolean,
  ) {
    this.offs = thresholdOffsets(thresholds);
    this.lean = cb;
  }
  start(p: BlockPartial, n: number): void {
    this.p = p;
    this.n = n;
  }
  year(t: number, yv: Float64Array): void {
    addYear(this.p!, this.hist, t, yv, this.n, this.h, this.thresholds, this.offs[t], this.cb);
  }
}

/** Copies forbrug (row 1) and bevilling (row 0) of the years `first` … `last`, block after block. */
class SampleSink implements YearSink {
  n = 0;
  private readonly done: number[];
  readonly forbrug: Float64Array[];
  readonly bevilling: Float64Array[];
  constructor(
    private readonly first: number,
    last: number,
    runs: number,
  ) {
    const k = last - first + 1;
    this.forbrug = Array.from({ length: k }, () => new Float64Array(runs));
    this.bevilling = Array.from({ length: k }, () => new Float64Array(runs));
    this.done = new Array<number>(k).fill(0);
  }
  year(t: number, yv: Float64Array): void {
    const j = t - this.first;
    if (j < 0 || j >= this.forbrug.length) return;
    const n = this.n;
    this.bevilling[j].set(yv.subarray(0, n), this.done[j]);
    this.forbrug[j].set(yv.subarray(n, 2 * n), this.done[j]);
    this.done[j] += n;
  }
}

/** Counts runs with variable row `v` above `c` in year `t`. */
class CountSink implements YearSink {
  count = 0;
  n = 0;
  constructor(
    private readonly t: number,
    private readonly v: number,
    private readonly c: number,
  ) {}
  year(t: number, yv: Float64Array): void {
    if (t !== this.t) return;
    const off = this.v * this.n,
      c = this.c,
      n = this.n;
    let k = 0;
    for (let i = 0; i < n; i++) if (yv[off + i] > c) k++;
    this.count += k;
  }
}
