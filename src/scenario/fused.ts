/**
 * The fused funnel-and-summary pass of the histogram path: for each run of a
 * simulated year, forløb, forbrug, merforbrug and cost per forløb are computed
 * from the year's henvendelser (with the same arithmetic as `fundYear` in
 * engine.ts) and binned, summed and counted at once, so nothing but the
 * histogram counts is written to memory. Results are identical, bit for bit,
 * to simulating the year into rows and then summarising the rows (`addYear`):
 * the same values, the same bins, sums added in the same order (tested).
 */
import type { FunnelInputs, YearSink } from './engine.js';
import { TABLE_INV_STEP, TABLE_LO, TABLE_N } from './fast-quantile.js';
import { HIST_BINS, thresholdOffsets, type BlockPartial, type Histograms } from './summary.js';

/**
 * Accumulators of one (variable, year) histogram while a year is binned:
 * `sums` gets each variable's sum, `pos`/`over` merforbrug's exceedance count and overspend.
 */
interface YearAcc {
  sums: Float64Array; // [bevilling, forbrug, merforbrug, henvendelser, forløb, unit cost, overspend, count merforbrug > 0]
}

/** Record a value outside the histogram's range (rare): under/over count and min/max; NaN goes to bin 0 as in `Histograms.addValues`. */
function outside(hs: Histograms, vt: number, x: number, y: number): void {
  if (y < 0) {
    hs.under[vt]++;
    if (x < hs.min[vt]) hs.min[vt] = x;
  } else if (y >= HIST_BINS) {
    hs.over[vt]++;
    if (x > hs.max[vt]) hs.max[vt] = x;
  } else hs.counts[vt * HIST_BINS]++; // NaN
}

/**
 * Compute and summarise one year of a block (see the file comment). With `cb`
 * (bevilling constant across runs) bevilling's and merforbrug's histograms are
 * skipped: `finish` derives them from forbrug's. With `keepForbrug` forbrug is
 * also written to row 1 of `x.yv` (for threshold counts).
 *
 * @example
 * funnelYear(x, hist, 0, 10, true, false, acc.sums) // acc.sums[1]: Σ forbrug of the block in year 0
 */
export function funnelYear(x: FunnelInputs, hs: Histograms, t: number, h: number, cb: boolean, keepForbrug: boolean, out: Float64Array): void {
  const { n, yv, V, U, F, B, E, nm, phaseT, aM, pl, bevillingAdd, shockCol, u, H, G, shock: tt, demandMult } = x;
  const drawShock = shockCol >= 0;
  const counts = hs.counts;
  const { lo, invW } = hs.ranges;
  const vB = t, vF = h + t, vM = 2 * h + t, vH = 3 * h + t, vL = 4 * h + t, vU = 5 * h + t;
  const bB = vB * HIST_BINS, bF = vF * HIST_BINS, bM = vM * HIST_BINS, bH = vH * HIST_BINS, bL = vL * HIST_BINS, bU = vU * HIST_BINS;
  const lB = lo[vB], lF = lo[vF], lM = lo[vM], lH = lo[vH], lL = lo[vL], lU = lo[vU];
  const iB = invW[vB], iF = invW[vF], iM = invW[vM], iH = invW[vH], iL = invW[vL], iU = invW[vU];
  const o4 = 3 * n;
  let sB = 0, sF = 0, sM = 0, sH = 0, sL = 0, sU = 0, pos = 0, overspend = 0;
  for (let i = 0; i < n; i++) {
    let henv: number;
    if (drawShock) {
      // `shockYear` (engine.ts) inlined: the tabulated log-normal shock, exact in the tails
      const uu = u[shockCol + i];
      const xq = (uu - TABLE_LO) * TABLE_INV_STEP;
      let q: number;
      if (xq >= 0 && xq < TABLE_N) {
        const k = xq | 0;
        const s = xq - k;
        const j = 2 * k;
        const s2 = s * s, s3 = s2 * s;
        q = (2 * s3 - 3 * s2 + 1) * tt[j] + (s3 - 2 * s2 + s) * tt[j + 1] + (-2 * s3 + 3 * s2) * tt[j + 2] + (s3 - s2) * tt[j + 3];
      } else {
        TAIL[0] = x.shockExact(uu); // through a typed array, so q stays an unboxed double
        q = TAIL[0];
      }
      const hv = H[i] * (G[i] * q);
      H[i] = hv;
      henv = hv * demandMult;
    } else henv = yv[o4 + i];
    let visT = V[i];
    let unitT = U[i];
    let fl = 1;
    for (let j = 0; j < nm; j++) {
      const f = 1 + E[j * n + i] * phaseT[j];
      const a = aM[j];
      if (a === 0) henv *= f;
      else if (a === 1) visT *= f;
      else if (a === 2) unitT *= f;
      else fl *= f;
    }
    const forloeb = henv * visT * fl;
    const forbrug = pl * (F[i] + unitT * 0.001 * forloeb);
    const bevT = B[i] + bevillingAdd;
    const mer = forbrug - bevT;
    // NaN without forløb (through a typed array: a conditional NaN would box every value)
    const unit = (forbrug / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
    if (keepForbrug) yv[n + i] = forbrug;
    sF += forbrug;
    sM += mer;
    sH += henv;
    sL += forloeb;
    sU += unit;
    if (mer > 0) {
      pos++;
      overspend += mer;
    }
    let y = (forbrug - lF) * iF;
    if (y >= 0 && y < HIST_BINS) counts[bF + (y | 0)]++;
    else outside(hs, vF, forbrug, y);
    y = (henv - lH) * iH;
    if (y >= 0 && y < HIST_BINS) counts[bH + (y | 0)]++;
    else outside(hs, vH, henv, y);
    y = (forloeb - lL) * iL;
    if (y >= 0 && y < HIST_BINS) counts[bL + (y | 0)]++;
    else outside(hs, vL, forloeb, y);
    y = (unit - lU) * iU;
    if (y >= 0 && y < HIST_BINS) counts[bU + (y | 0)]++;
    else outside(hs, vU, unit, y);
    if (!cb) {
      sB += bevT;
      y = (bevT - lB) * iB;
      if (y >= 0 && y < HIST_BINS) counts[bB + (y | 0)]++;
      else outside(hs, vB, bevT, y);
      y = (mer - lM) * iM;
      if (y >= 0 && y < HIST_BINS) counts[bM + (y | 0)]++;
      else outside(hs, vM, mer, y);
    }
  }
  // constant bevilling: its sum is n·b, as `addYear` computes it
  out[0] = cb ? (B[0] + bevillingAdd) * n : sB;
  out[1] = sF;
  out[2] = sM;
  out[3] = sH;
  out[4] = sL;
  out[5] = sU;
  out[6] = overspend;
  out[7] = pos;
}

/** [NaN, 1]: multiplies cost per forløb by NaN when there are no forløb. */
const NAN_OR_ONE = Float64Array.from([NaN, 1]);
/** Scratch cell for the (rare) exact tail values of the shock. */
const TAIL = new Float64Array(1);

/**
 * The year sink of the histogram path: `funnelYear` per simulated year into the
 * block's partial (sums, counts) and the shared histograms; threshold counts
 * P(forbrug > c) from forbrug written back to row 1 only in years that have thresholds.
 *
 * @example
 * const sink = new FusedHistSink(hist, h, thresholds, true);
 * sink.start(emptyPartial(b, n, h, thresholds), n); simulateBlock(m, n, buf, sink); sink.p.sums
 */
export class FusedHistSink implements YearSink {
  readonly fused = true;
  p: BlockPartial | null = null;
  n = 0;
  private readonly offs: number[];
  private readonly acc: YearAcc = { sums: new Float64Array(8) };
  constructor(private readonly hist: Histograms, private readonly h: number, private readonly thresholds: number[][], private readonly cb: boolean) {
    this.offs = thresholdOffsets(thresholds);
  }
  start(p: BlockPartial, n: number): void {
    this.p = p;
    this.n = n;
  }
  year(): void {
    throw new Error('FusedHistSink: funnel() is called instead of year()');
  }
  funnel(t: number, x: FunnelInputs): void {
    const { h, p } = this;
    const thr = this.thresholds[t];
    const s = this.acc.sums;
    funnelYear(x, this.hist, t, h, this.cb, thr.length > 0, s);
    const sums = p!.sums;
    for (let v = 0; v < 6; v++) sums[v * h + t] = s[v];
    sums[6 * h + t] = s[6];
    p!.counts[t] = s[7];
    let c = h + this.offs[t];
    const yv = x.yv, n = x.n;
    for (const c0 of thr) {
      let k = 0;
      for (let i = 0; i < n; i++) if (yv[n + i] > c0) k++;
      p!.counts[c++] = k;
    }
  }
}
