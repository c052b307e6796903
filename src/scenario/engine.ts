/**
 * The Monte Carlo core: one block of runs.
 *
 * Model of one run (all inputs drawn by their quantile function from one
 * uniform each, so common random numbers and Iman–Conover work on uniforms):
 *
 *   for each simulated year t = baseYear+1 … horizon:
 *     henvendelser_t = H_{t−1} · (1+g) · exp(σ z_t − σ²/2)        (growth model)
 *                    (z_t = Φ⁻¹(u), tabulated: see fast-quantile.ts)
 *                    or  mean_t + (L z)_t·w, exp() if log          (forecast path; w = sqrt(ν/χ²_ν)
 *                        from one uniform per run for Student-t paths, else 1)
 *                    × demand lever × Π measures acting on henvendelser
 *     visitation_t   = visitation_{t−1} · (1 + drift) · exp(σ_v z_t − σ_v²/2)  (drift once per run)
 *     forløb_t       = henvendelser_t · visitation_t · visitation lever
 *                    × Π measures on visitation and on forløb (1 + effect · area share · phase)
 *     unit_t         = unit (1.000 kr.) × unit lever × Π measures on unit cost
 *                      (fixed, unit drawn jointly from the cost model; unit = (actual forbrug − fixed)/actual forløb when calibrated)
 *     forbrug_t      = P_t · (fixed + unit_t/1000 · forløb_t + e)       mio. kr.; P_t = Π (1 + π) (π once per run) or the PL index;
 *                      e the cost model's residual, drawn once per run (each year's marginal is right)
 *     bevilling_t    = known amount, or bevilling_{t−1} · (1 + PL rate_t if PL-indexed) · (1 + growth) · exp(σ_b z_t − σ_b²/2)
 *                    + bevilling lever
 *     forbrug_t      = the known amount in a year the data give (each run's henvendelser and forløb scaled to it,
 *                      the scale kept in later years: `knownForbrugYear`)
 *     merforbrug_t   = forbrug_t − bevilling_t
 *     opsparing_t    = opsparing_{t−1} − what it covers of merforbrug_t (+ mindreforbrug_t if carried over),
 *                      under the budget rules (models/budget.yaml; see budget-rules.ts `stepOpsparing`)
 *     beyond_t       = merforbrug_t − usable opsparing_{t−1}  (> 0: not covered by the opsparing)
 */
import { Rng } from '../stats/rng.js';
import { chiScaleAt } from '../stats/chisq.js';
import { makeSampler, sampleAt } from './sampler.js';
import {
  STANDARD_NORMAL,
  TABLE_INV_STEP,
  TABLE_LO,
  TABLE_N,
  lognormalShockTable,
  tableQuantile,
  type QuantileTable,
} from './fast-quantile.js';
import { bevillingIsConstant, type CompiledModel } from './model.js';
import { imanConover } from './iman-conover.js';

/** Runs per block: block b always uses `new Rng(seed, b)`, whatever the thread count. */
export const BLOCK_SIZE = 8192;
/** Output variables per year, in this order. */
export const VARS = [
  'bevilling',
  'forbrug',
  'merforbrug',
  'henvendelser',
  'forloeb',
  'unitCost',
  'opsparing',
  'beyondOpsparing',
] as const;
export const NV = VARS.length;

/**
 * Receives each simulated year of a block (yv[v·n + i]). One long-lived object
 * rather than a fresh closure per block keeps the call site monomorphic.
 */
export interface YearSink {
  /**
   * True: the sink reads bevilling only from run 0 (yv[0]) and never reads merforbrug's row, so
   * scenarios without measures may skip writing those rows (bevilling constant across runs).
   */
  readonly lean?: boolean;
  year(t: number, yv: Float64Array): void;
}

/**
 * The per-run inputs of a block as drawn (before the levers act), to reuse when the same block is simulated
 * again with other levers (goal seek): `restore` skips the draws, `save` receives the state after drawing.
 */
export interface RunStateCache {
  restore?: Float64Array;
  save?: (state: Float64Array) => void;
}

/** Scratch buffers for one block, reused across blocks (no allocation in the loop). */
export interface BlockBuffers {
  u: Float64Array;
  vals: Float64Array;
  z: Float64Array;
  /** Per-run state of a block (STATE_ROWS + measures + path + opsparing rows of BLOCK_SIZE). */
  state: Float64Array;
  /** One simulated year of a block: year[v·n + i]. */
  year: Float64Array;
}

/** Per-run state rows of a block before the measures' rows. */
const STATE_ROWS = 14;

/**
 * Allocate the buffers for blocks of up to `BLOCK_SIZE` runs.
 *
 * @example
 * const buf = blockBuffers(model); // reuse for every block
 */
export function blockBuffers(m: CompiledModel): BlockBuffers {
  const h = m.years.length;
  return {
    u: new Float64Array(BLOCK_SIZE * m.nCols),
    vals: new Float64Array(NV * h * BLOCK_SIZE),
    z: new Float64Array(Math.max(h, m.pathMean.length)),
    state: new Float64Array((STATE_ROWS + m.measures.length + m.pathMean.length + m.savingsStart.length) * BLOCK_SIZE),
    year: new Float64Array(NV * BLOCK_SIZE),
  };
}

/**
 * Draw the uniforms of block `b` (n runs), column by column: input column c of
 * run i at u[c·n + i]. Column-major order means two scenarios that share their
 * first columns (e.g. one adds a measure) get the same uniforms for them:
 * common random numbers across scenarios with the same seed.
 * Then the rank correlations are induced (Iman–Conover within the block).
 *
 * @example
 * drawBlock(model, 0, 8192, buf.u); // block 0 = new Rng(model.seed, 0)
 */
export function drawBlock(m: CompiledModel, b: number, n: number, u: Float64Array): void {
  const rng = new Rng(m.seed, b);
  const total = n * m.nCols;
  for (let k = 0; k < total; k++) u[k] = rng.uniform();
  if (m.corrCols.length) imanConover(u, n, m.corrCols, m.corrTarget, rng);
}

/**
 * Simulate n runs from the block's uniforms. Without `onYear` the values go to
 * `buf.vals` (layout vals[(v·h + t)·n + i] for variable v of VARS, year t, run i);
 * with it, each year is handed over as soon as it is computed (yv[v·n + i]), so a
 * summariser reads it while it is still in cache. `lastT` stops after that year
 * index (the uniforms drawn are the same, so results for earlier years do not change).
 * Year-major: first the per-run draws into typed arrays, then year by year over
 * all runs, so every read and write streams through memory sequentially.
 *
 * @example
 * simulateBlock(model, 8192, buf); buf.vals[model.years.length * 8192] // forbrug, first year, run 0
 * simulateBlock(model, 8192, buf, { year: (t, yv) => console.log(t, yv[8192]) }); // forbrug of run 0, year by year
 */
export function simulateBlock(
  m: CompiledModel,
  n: number,
  buf: BlockBuffers,
  onYear?: YearSink,
  lastT = m.years.length - 1,
  runs?: RunStateCache,
): void {
  const { u, state } = buf;
  const vals = buf.year;
  const h = m.years.length;
  const { visitationMult, demandMult, bevillingAdd, unitMult } = m.levers;
  const ms = m.measures;
  const nm = ms.length;
  const sd = m.noiseSd;
  const stride = n; // one year at a time: yv[v·n + i]
  const hp = m.demandKind === 1 ? m.pathMean.length : 0; // forecast path length
  const pOff = hp - h; // forecast years before the first simulated year
  // per-run state, n entries each
  const row = (k: number) => state.subarray(k * BLOCK_SIZE, k * BLOCK_SIZE + n);
  const H = row(0),
    G = row(1),
    V = row(2),
    F = row(3),
    U = row(4),
    B = row(5),
    BG = row(6);
  const VD = row(7),
    P = row(8),
    PG = row(9),
    EC = row(10);
  const DC = row(12),
    DB = row(13); // per-run deviations of the future PL rates (costs, bevilling)
  const dC = m.plCostsDev ? m.plCostsDevOn! : null,
    dB = m.plBevDev ? m.plBevDevOn! : null;
  const E = state.subarray(STATE_ROWS * BLOCK_SIZE, STATE_ROWS * BLOCK_SIZE + nm * n);
  const Z = state.subarray((STATE_ROWS + nm) * BLOCK_SIZE, (STATE_ROWS + nm) * BLOCK_SIZE + hp * n);
  if (runs?.restore) state.set(runs.restore);
  else {
    initRuns(m, n, u, state);
    runs?.save?.(state);
  }
  // opsparing by vintage (row j: saved j years before), from the base year's balance in every run
  const ks = m.savingsStart.length;
  const S = state.subarray((STATE_ROWS + nm + (m.demandKind === 1 ? m.pathMean.length : 0)) * BLOCK_SIZE);
  for (let j = 0; j < ks; j++) S.fill(m.savingsStart[j], j * BLOCK_SIZE, j * BLOCK_SIZE + n);
  if (visitationMult !== 1) for (let i = 0; i < n; i++) V[i] *= visitationMult;
  // once per block: the residual joins the fixed cost (both constant over a run's years), the unit cost in mio. kr.
  if (m.costNoise.col >= 0 || m.costNoise.dist.dist !== 'fixed' || m.costNoise.dist.value !== 0)
    for (let i = 0; i < n; i++) F[i] += EC[i];
  const uScale = 0.001 * unitMult;
  for (let i = 0; i < n; i++) U[i] *= uScale;
  P.fill(1);
  B.fill(m.bevBase);
  const phaseT = new Float64Array(nm);
  const costT = new Float64Array(nm);
  const timed = ms.some((x) => x.costPhase !== undefined);
  const aM = Int32Array.from(ms, (x) => x.actsOn);
  const noiseCol = m.noiseCol;
  const plIndex = m.plIndex,
    bevKnown = m.bevKnown,
    bevPlRate = m.bevPlRate,
    pathMean = m.pathMean,
    pathChol = m.pathChol;
  // B[i] equal for all runs: no uncertain growth, no yearly noise, no uncertain known amount
  const constB = bevillingIsConstant(m);
  // forbrug known in some years (the data's): activity scaled per run (R for forecast paths, H for the growth model)
  const forbrugKnown = m.forbrugKnown;
  const anyKnown = forbrugKnown.some((x) => x === x);
  const R = row(11);
  if (anyKnown) R.fill(1);
  let scaled = false;
  const lean = constB && onYear?.lean === true && !anyKnown;
  const visMove =
    m.visNoiseCol >= 0 || m.visDrift.col >= 0 || m.visDrift.dist.dist !== 'fixed' || m.visDrift.dist.value !== 0;
  for (let t = 0; t <= lastT; t++) {
    const o4 = 3 * stride; // henvendelser row
    // henvendelser
    if (m.demandKind === 0) {
      if (sd > 0) {
        const c = (noiseCol + t) * n;
        shockYear(H, G, u, c, n, shockTable(sd), vals, o4, demandMult);
      } else {
        for (let i = 0; i < n; i++) H[i] *= G[i];
        for (let i = 0; i < n; i++) vals[o4 + i] = H[i] * demandMult;
      }
    } else {
      const tp = t + pOff;
      const off = tp * hp;
      for (let i = 0; i < n; i++) {
        let s = pathMean[tp];
        for (let k = 0; k <= tp; k++) s += pathChol[off + k] * Z[k * n + i];
        const v = m.pathLog ? Math.exp(s) : s > 0 ? s : 0;
        vals[o4 + i] = v * demandMult;
      }
      if (scaled) for (let i = 0; i < n; i++) vals[o4 + i] *= R[i];
    }
    // visitation rate: drift and yearly noise (random walk on the log scale)
    if (m.visNoiseCol >= 0) shockState(V, VD, u, (m.visNoiseCol + t) * n, n, shockTable(m.visNoiseSd));
    else if (visMove) for (let i = 0; i < n; i++) V[i] *= VD[i];
    // price index of the cost per forløb: per run (P), or the deterministic PL index (pScale)
    let pScale = 1;
    if (m.priceGrowth) for (let i = 0; i < n; i++) P[i] *= PG[i];
    else {
      pScale = plIndex[t];
      // an uncertain future rate: (1 + r + δ)/(1 + r) on the index, δ once per run
      if (dC && dC[t] > 0) for (let i = 0; i < n; i++) P[i] *= 1 + DC[i] * dC[t];
    }
    // bevilling
    const known = bevKnown[t];
    const rate = 1 + bevPlRate[t];
    const ba = m.bevAmounts[t];
    if (known === known) B.fill(known);
    else if (ba) fill(u, n, B, ba, 0, 1);
    else if (constB)
      B.fill(B[0] * (rate * BG[0])); // every run has the same bevilling: the same product, once
    else if (m.bevNoiseCol >= 0) {
      shockState(B, BG, u, (m.bevNoiseCol + t) * n, n, shockTable(m.bevNoiseSd));
      if (rate !== 1) for (let i = 0; i < n; i++) B[i] *= rate;
    } else for (let i = 0; i < n; i++) B[i] *= rate * BG[i];
    if (dB && dB[t] > 0 && known !== known && !ba) for (let i = 0; i < n; i++) B[i] *= 1 + DB[i] * dB[t];
    // forløb, forbrug, merforbrug, unit cost
    for (let j = 0; j < nm; j++) phaseT[j] = ms[j].phase[t];
    if (nm === 0 && lean) fundYearLean(vals, n, V, U, F, B, P, pScale, bevillingAdd);
    else if (nm === 0) fundYearPlain(vals, n, V, U, F, B, P, pScale, bevillingAdd);
    else if (timed) {
      for (let j = 0; j < nm; j++) costT[j] = ms[j].costPhase?.[t] ?? ms[j].phase[t];
      fundYearTimed(vals, n, V, U, F, B, E, nm, phaseT, costT, aM, P, pScale, bevillingAdd);
    } else fundYear(vals, n, V, U, F, B, E, nm, phaseT, aM, P, pScale, bevillingAdd);
    const kf = forbrugKnown[t];
    if (kf === kf) {
      knownForbrugYear(vals, n, kf, F, P, pScale, m.demandKind === 0 ? H : R);
      scaled = true;
    }
    if (ks === 1 && m.savingsExpire === 0)
      savingsYear1(vals, n, S, B, bevillingAdd, m.savingsCarry, m.savingsCap, m.savingsMaxUse);
    else savingsYear(vals, n, S, ks, B, bevillingAdd, m.savingsCarry, m.savingsCap, m.savingsMaxUse, m.savingsExpire);
    if (onYear) onYear.year(t, vals);
    else for (let v = 0; v < NV; v++) buf.vals.set(vals.subarray(v * n, v * n + n), (v * h + t) * n);
  }
}

/** Draw every per-run input of a block from its uniforms (state rows as in `simulateBlock`), before the levers act. */
function initRuns(m: CompiledModel, n: number, u: Float64Array, state: Float64Array): void {
  const ms = m.measures;
  const nm = ms.length;
  const hp = m.demandKind === 1 ? m.pathMean.length : 0;
  const row = (k: number) => state.subarray(k * BLOCK_SIZE, k * BLOCK_SIZE + n);
  const H = row(0),
    G = row(1),
    V = row(2),
    F = row(3),
    U = row(4),
    BG = row(6);
  const VD = row(7),
    PG = row(9),
    EC = row(10),
    BA = row(11),
    DC = row(12),
    DB = row(13);
  const E = state.subarray(STATE_ROWS * BLOCK_SIZE, STATE_ROWS * BLOCK_SIZE + nm * n);
  const Z = state.subarray((STATE_ROWS + nm) * BLOCK_SIZE, (STATE_ROWS + nm) * BLOCK_SIZE + hp * n);
  fill(u, n, G, m.growth, 1, 1);
  fill(u, n, V, m.visitation, 0, 1);
  fill(u, n, VD, m.visDrift, 1, 1);
  fill(u, n, F, m.fixedCost, 0, 1);
  if (m.unitCost) {
    fill(u, n, U, m.unitCost, 0, 1);
    if (m.costRho !== 0) jointUnit(F, U, n, m.fixedCost.dist, m.unitCost.dist, m.costRho);
  } else for (let i = 0; i < n; i++) U[i] = ((m.actualForbrug - F[i]) / m.actualForloeb) * 1000;
  fill(u, n, EC, m.costNoise, 0, 1);
  if (m.priceGrowth) fill(u, n, PG, m.priceGrowth, 1, 1);
  fill(u, n, BG, m.bevGrowth, 1, 1);
  if (m.plCostsDev) fill(u, n, DC, m.plCostsDev, 0, 1);
  if (m.plBevDev) fill(u, n, DB, m.plBevDev, 0, 1);
  for (let j = 0; j < nm; j++) {
    const Ej = E.subarray(j * n, j * n + n);
    fill(u, n, Ej, ms[j].input, 0, 1);
    const sh = ms[j].share;
    if (sh) {
      fill(u, n, BA, sh, 0, 1); // BA as scratch: the area's share, folded into the effect
      for (let i = 0; i < n; i++) Ej[i] *= BA[i];
    }
  }
  // base-year henvendelser: from the data, or (no activity data in the base year) inferred from forbrug
  if (m.actualForloeb === m.actualForloeb) H.fill(m.henvendelser0);
  else for (let i = 0; i < n; i++) H[i] = (m.actualForbrug - F[i]) / (0.001 * U[i]) / V[i];
  // forecast path: standard-normal shocks of every path year, once per block
  for (let k = 0; k < hp; k++) {
    const c = (m.noiseCol + k) * n;
    for (let i = 0; i < n; i++) Z[k * n + i] = tableQuantile(STANDARD_NORMAL, u[c + i]);
  }
  // Student-t paths: every shock of a run scaled by the run's mixing factor (multivariate t)
  if (m.mixCol >= 0 && hp > 0) {
    const c = m.mixCol * n;
    const tab = m.pathMix!;
    for (let i = 0; i < n; i++) {
      const w = chiScaleAt(tab, u[c + i]);
      for (let k = 0; k < hp; k++) Z[k * n + i] *= w;
    }
  }
}

/**
 * Fixed and unit cost drawn jointly: both were drawn as independent normals from their own columns;
 * unit becomes μ_u + σ_u (ρ z_f + √(1 − ρ²) z_u), the bivariate normal of the cost-model estimates.
 */
function jointUnit(
  F: Float64Array,
  U: Float64Array,
  n: number,
  fd: CompiledModel['growth']['dist'],
  ud: CompiledModel['growth']['dist'],
  rho: number,
): void {
  if (fd.dist !== 'normal' || ud.dist !== 'normal') return;
  const mf = fd.mean,
    sf = fd.sd,
    mu = ud.mean;
  const a = (rho * ud.sd) / sf,
    b = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n; i++) U[i] = mu + a * (F[i] - mf) + b * (U[i] - mu);
}

/** One year of a random walk on the log scale: X[i] *= G[i] · q(u), q the tabulated log-normal shock (as `shockYear`, no output row). */
function shockState(X: Float64Array, G: Float64Array, u: Float64Array, c: number, n: number, tab: QuantileTable): void {
  const tt = tab.t;
  for (let i = 0; i < n; i++) {
    const uu = u[c + i];
    const x = (uu - TABLE_LO) * TABLE_INV_STEP;
    let q: number;
    if (x >= 0 && x < TABLE_N) {
      const k = x | 0;
      const s = x - k;
      const j = 2 * k;
      const s2 = s * s,
        s3 = s2 * s;
      q =
        (2 * s3 - 3 * s2 + 1) * tt[j] +
        (s3 - 2 * s2 + s) * tt[j + 1] +
        (-2 * s3 + 3 * s2) * tt[j + 2] +
        (s3 - s2) * tt[j + 3];
    } else {
      TAIL[0] = tab.tail(uu);
      q = TAIL[0];
    }
    X[i] *= G[i] * q;
  }
}

/** Draw one input for all n runs of a block into `out` (top level, so the caller's hot loops keep `u` and `n` in registers). */
function fill(
  u: Float64Array,
  n: number,
  out: Float64Array,
  dist: CompiledModel['growth'],
  add: number,
  mult: number,
): void {
  const smp = makeSampler(dist.dist);
  if (dist.col < 0 || smp.k === 0) {
    out.fill((sampleAt(smp, 0.5) + add) * mult);
    return;
  }
  const c = dist.col * n;
  const { a, b, d } = smp;
  const tt = STANDARD_NORMAL.t;
  // the common cases inlined by hand (a call per draw would box its double result)
  if (smp.k === 1 || smp.k === 2 || smp.k === 3) {
    const lo = smp.k === 2 ? smp.c : 0,
      w = smp.k === 2 ? d : 1;
    for (let i = 0; i < n; i++) {
      const uu = lo + u[c + i] * w;
      const x = (uu - TABLE_LO) * TABLE_INV_STEP;
      let z: number;
      if (x >= 0 && x < TABLE_N) {
        const k = x | 0;
        const s = x - k;
        const j = 2 * k;
        const s2 = s * s,
          s3 = s2 * s;
        z =
          (2 * s3 - 3 * s2 + 1) * tt[j] +
          (s3 - 2 * s2 + s) * tt[j + 1] +
          (-2 * s3 + 3 * s2) * tt[j + 2] +
          (s3 - s2) * tt[j + 3];
      } else {
        TAIL[0] = STANDARD_NORMAL.tail(uu); // through a typed array, so z stays an unboxed double
        z = TAIL[0];
      }
      out[i] = ((smp.k === 3 ? a * Math.exp(b * z) : a + b * z) + add) * mult;
    }
  } else if (smp.k === 4) {
    const cc = smp.c,
      ba = b - a,
      ca = cc - a,
      bc = b - cc;
    for (let i = 0; i < n; i++) {
      const uu = u[c + i];
      out[i] = ((uu < d ? a + Math.sqrt(uu * ba * ca) : b - Math.sqrt((1 - uu) * ba * bc)) + add) * mult;
    }
  } else if (smp.k === 5) {
    for (let i = 0; i < n; i++) out[i] = (a + u[c + i] * b + add) * mult;
  } else for (let i = 0; i < n; i++) out[i] = (sampleAt(smp, u[c + i]) + add) * mult;
}

/**
 * One year of demand shocks: H[i] *= G[i] · q(u), q the tabulated log-normal shock (inlined `tableQuantile`);
 * henvendelser H[i]·demandMult written to out[o + i] in the same pass.
 */
function shockYear(
  H: Float64Array,
  G: Float64Array,
  u: Float64Array,
  c: number,
  n: number,
  tab: QuantileTable,
  out: Float64Array,
  o: number,
  demandMult: number,
): void {
  const tt = tab.t;
  for (let i = 0; i < n; i++) {
    const uu = u[c + i];
    const x = (uu - TABLE_LO) * TABLE_INV_STEP;
    let q: number;
    if (x >= 0 && x < TABLE_N) {
      const k = x | 0;
      const s = x - k;
      const j = 2 * k;
      const s2 = s * s,
        s3 = s2 * s;
      q =
        (2 * s3 - 3 * s2 + 1) * tt[j] +
        (s3 - 2 * s2 + s) * tt[j + 1] +
        (-2 * s3 + 3 * s2) * tt[j + 2] +
        (s3 - s2) * tt[j + 3];
    } else {
      // through a typed array, so q stays an unboxed double in the common branch
      TAIL[0] = tab.tail(uu);
      q = TAIL[0];
    }
    const hv = H[i] * (G[i] * q);
    H[i] = hv;
    out[o + i] = hv * demandMult;
  }
}

/**
 * One year from henvendelser (in row 3 of `vals`) to forløb, forbrug, merforbrug and
 * cost per forløb, with the measures' factors 1 + effect·share·phase:
 * forbrug = pScale · P · (F + U · forløb), F the fixed cost plus the run's residual, U the unit cost in mio. kr.
 */
function fundYear(
  vals: Float64Array,
  n: number,
  V: Float64Array,
  U: Float64Array,
  F: Float64Array,
  B: Float64Array,
  E: Float64Array,
  nm: number,
  phaseT: Float64Array,
  aM: Int32Array,
  P: Float64Array,
  pScale: number,
  bevillingAdd: number,
): void {
  const o2 = n,
    o3 = 2 * n,
    o4 = 3 * n,
    o5 = 4 * n,
    o6 = 5 * n;
  for (let i = 0; i < n; i++) {
    let henv = vals[o4 + i];
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
    const forbrug = pScale * P[i] * (F[i] + unitT * forloeb);
    const bevT = B[i] + bevillingAdd;
    vals[i] = bevT;
    vals[o2 + i] = forbrug;
    vals[o3 + i] = forbrug - bevT;
    vals[o4 + i] = henv;
    vals[o5 + i] = forloeb;
    // NaN without forløb; through a typed array (`forloeb > 0 ? … : NaN` would box every value)
    vals[o6 + i] = (forbrug / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
  }
}

/**
 * `fundYear` with the measures' cost timing: forløb (counted in the year they start) use the phases of
 * starts; forbrug uses the forløb as their cost falls, with each measure's phase of cost (`costT`).
 */
function fundYearTimed(
  vals: Float64Array,
  n: number,
  V: Float64Array,
  U: Float64Array,
  F: Float64Array,
  B: Float64Array,
  E: Float64Array,
  nm: number,
  phaseT: Float64Array,
  costT: Float64Array,
  aM: Int32Array,
  P: Float64Array,
  pScale: number,
  bevillingAdd: number,
): void {
  const o2 = n,
    o3 = 2 * n,
    o4 = 3 * n,
    o5 = 4 * n,
    o6 = 5 * n;
  for (let i = 0; i < n; i++) {
    const h0 = vals[o4 + i];
    let henv = h0,
      visT = V[i],
      unitT = U[i],
      fl = 1;
    let henvC = h0,
      visC = V[i],
      flC = 1;
    for (let j = 0; j < nm; j++) {
      const e = E[j * n + i];
      const f = 1 + e * phaseT[j];
      const fc = 1 + e * costT[j];
      const a = aM[j];
      if (a === 0) {
        henv *= f;
        henvC *= fc;
      } else if (a === 1) {
        visT *= f;
        visC *= fc;
      } else if (a === 2) unitT *= f;
      else {
        fl *= f;
        flC *= fc;
      }
    }
    const forloeb = henv * visT * fl;
    const forbrug = pScale * P[i] * (F[i] + unitT * (henvC * visC * flC));
    const bevT = B[i] + bevillingAdd;
    vals[i] = bevT;
    vals[o2 + i] = forbrug;
    vals[o3 + i] = forbrug - bevT;
    vals[o4 + i] = henv;
    vals[o5 + i] = forloeb;
    vals[o6 + i] = (forbrug / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
  }
}

/** `fundYear` for scenarios without measures (no inner loop). */
function fundYearPlain(
  vals: Float64Array,
  n: number,
  V: Float64Array,
  U: Float64Array,
  F: Float64Array,
  B: Float64Array,
  P: Float64Array,
  pScale: number,
  bevillingAdd: number,
): void {
  const o2 = n,
    o3 = 2 * n,
    o4 = 3 * n,
    o5 = 4 * n,
    o6 = 5 * n;
  for (let i = 0; i < n; i++) {
    const henv = vals[o4 + i];
    const forloeb = henv * V[i];
    const forbrug = pScale * P[i] * (F[i] + U[i] * forloeb);
    const bevT = B[i] + bevillingAdd;
    vals[i] = bevT;
    vals[o2 + i] = forbrug;
    vals[o3 + i] = forbrug - bevT;
    vals[o5 + i] = forloeb;
    vals[o6 + i] = (forbrug / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
  }
}

/** `fundYearPlain` for a lean sink with constant bevilling: rows 0 (only run 0) and 2 are not written. */
function fundYearLean(
  vals: Float64Array,
  n: number,
  V: Float64Array,
  U: Float64Array,
  F: Float64Array,
  B: Float64Array,
  P: Float64Array,
  pScale: number,
  bevillingAdd: number,
): void {
  const o2 = n,
    o4 = 3 * n,
    o5 = 4 * n,
    o6 = 5 * n;
  for (let i = 0; i < n; i++) {
    const henv = vals[o4 + i];
    const forloeb = henv * V[i];
    const forbrug = pScale * P[i] * (F[i] + U[i] * forloeb);
    vals[o2 + i] = forbrug;
    vals[o5 + i] = forloeb;
    vals[o6 + i] = (forbrug / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
  }
  vals[0] = B[0] + bevillingAdd;
}

/**
 * A year whose forbrug is known (`k`, mio. kr.): every run's forbrug becomes k, and its henvendelser and forløb
 * are scaled by r = (k − fixed part)/(its forbrug − fixed part), the fixed part pScale · P · F, so the run's
 * activity is the one its cost parameters give for k (the inference of a base year without activity data,
 * `initRuns`); r (≥ 0) also scales the run's state `S` (henvendelser of the growth model, or the multiplier of
 * a forecast path), so the later years go on from the known year's level.
 */
function knownForbrugYear(
  vals: Float64Array,
  n: number,
  k: number,
  F: Float64Array,
  P: Float64Array,
  pScale: number,
  S: Float64Array,
): void {
  const o2 = n,
    o3 = 2 * n,
    o4 = 3 * n,
    o5 = 4 * n,
    o6 = 5 * n;
  for (let i = 0; i < n; i++) {
    const fixed = pScale * P[i] * F[i];
    const variable = vals[o2 + i] - fixed;
    const r = variable > 0 ? (k > fixed ? (k - fixed) / variable : 0) : 1;
    const forloeb = vals[o5 + i] * r;
    vals[o2 + i] = k;
    vals[o3 + i] = k - vals[i];
    vals[o4 + i] *= r;
    vals[o5 + i] = forloeb;
    vals[o6 + i] = (k / forloeb) * 1000 * NAN_OR_ONE[forloeb > 0 ? 1 : 0];
    S[i] *= r;
  }
}

/**
 * One year of the opsparing of every run (one balance that never lapses): rows 6 (the balance at
 * the end of the year) and 7 (merforbrug beyond the usable opsparing) from forbrug (row 1) and the
 * bevilling; the same arithmetic as `stepOpsparing` (budget-rules.ts) with one slot.
 */
function savingsYear1(
  vals: Float64Array,
  n: number,
  S: Float64Array,
  B: Float64Array,
  bevillingAdd: number,
  carry: number,
  cap: number,
  maxUse: number,
): void {
  const o1 = n,
    o6 = 6 * n,
    o7 = 7 * n;
  for (let i = 0; i < n; i++) {
    const bev = B[i] + bevillingAdd;
    const mer = vals[o1 + i] - bev;
    let s = S[i];
    let usable = s;
    if (maxUse >= 0 && usable > maxUse * bev) usable = maxUse * bev;
    if (mer > 0) s -= mer < usable ? mer : usable;
    else if (carry === 1) s -= mer;
    if (cap >= 0 && s > cap * bev) s = cap * bev > 0 ? cap * bev : 0;
    S[i] = s;
    vals[o6 + i] = s;
    vals[o7 + i] = mer - usable;
  }
}

/** `savingsYear1` with vintages (`ks` rows of S, row j saved j years before; oldest used first; with `expire`, the oldest lapse). */
function savingsYear(
  vals: Float64Array,
  n: number,
  S: Float64Array,
  ks: number,
  B: Float64Array,
  bevillingAdd: number,
  carry: number,
  cap: number,
  maxUse: number,
  expire: number,
): void {
  const o1 = n,
    o6 = 6 * n,
    o7 = 7 * n;
  const W = BLOCK_SIZE;
  for (let i = 0; i < n; i++) {
    const bev = B[i] + bevillingAdd;
    const mer = vals[o1 + i] - bev;
    let total = 0;
    for (let j = 0; j < ks; j++) total += S[j * W + i];
    let usable = total;
    if (maxUse >= 0 && usable > maxUse * bev) usable = maxUse * bev;
    if (mer > 0) {
      let need = mer < usable ? mer : usable;
      for (let j = ks - 1; j >= 0 && need > 0; j--) {
        const x = S[j * W + i];
        const d = x < need ? x : need;
        S[j * W + i] = x - d;
        need -= d;
      }
    }
    if (expire === 1) {
      for (let j = ks - 1; j > 0; j--) S[j * W + i] = S[(j - 1) * W + i];
      S[i] = 0;
    }
    if (carry === 1 && mer < 0) S[i] -= mer;
    let s = 0;
    for (let j = 0; j < ks; j++) s += S[j * W + i];
    if (cap >= 0) {
      let excess = s - cap * bev;
      for (let j = 0; j < ks && excess > 0; j++) {
        const x = S[j * W + i];
        const d = x < excess ? x : excess;
        S[j * W + i] = x - d;
        excess -= d;
        s -= d;
      }
    }
    vals[o6 + i] = s;
    vals[o7 + i] = mer - usable;
  }
}

/** [NaN, 1]: multiplies cost per forløb by NaN when there are no forløb. */
const NAN_OR_ONE = Float64Array.from([NaN, 1]);

/** Scratch cell for results of (rare) exact tail calls, keeping hot-loop doubles unboxed. */
const TAIL = new Float64Array(1);

const shockTables = new Map<number, QuantileTable>();
/** The tabulated log-normal demand shock for a noise sd (cached). */
function shockTable(sd: number): QuantileTable {
  let t = shockTables.get(sd);
  if (!t) {
    t = lognormalShockTable(sd);
    if (shockTables.size > 64) shockTables.clear();
    shockTables.set(sd, t);
  }
  return t;
}
