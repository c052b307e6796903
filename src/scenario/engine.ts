/**
 * The Monte Carlo core: one block of runs.
 *
 * Model of one run (all inputs drawn by their quantile function from one
 * uniform each, so common random numbers and Iman–Conover work on uniforms):
 *
 *   for each simulated year t = baseYear+1 … horizon:
 *     henvendelser_t = H_{t−1} · (1+g) · exp(σ z_t − σ²/2)        (growth model)
 *                    or  mean_t + (L z)_t, exp() if log            (forecast path)
 *                    × demand lever × Π measures acting on henvendelser
 *     forløb_t       = henvendelser_t · visitation · visitation lever
 *                    × Π measures on visitation and on forløb
 *     unit_t         = unit (1.000 kr., base-year prices) × Π measures on unit cost
 *                      (unit = (actual forbrug − fixed)/actual forløb when calibrated)
 *     forbrug_t      = PL_t · (fixed + unit_t/1000 · forløb_t)        mio. kr.
 *     bevilling_t    = known amount, or bevilling_{t−1} · (1 + PL rate_t) · (1 + real growth)
 *                    + bevilling lever
 *     merforbrug_t   = forbrug_t − bevilling_t
 */
import { Rng } from '../stats/rng.js';
import { makeSampler, sampleAt } from './sampler.js';
import { invNorm } from '../stats/normal.js';
import type { CompiledModel } from './model.js';
import { imanConover } from './iman-conover.js';

/** Runs per block: block b always uses `new Rng(seed, b)`, whatever the thread count. */
export const BLOCK_SIZE = 8192;
/** Output variables per year, in this order. */
export const VARS = ['bevilling', 'forbrug', 'merforbrug', 'henvendelser', 'forloeb', 'unitCost'] as const;
export const NV = VARS.length;

/** Scratch buffers for one block, reused across blocks (no allocation in the loop). */
export interface BlockBuffers {
  u: Float64Array;
  vals: Float64Array;
  z: Float64Array;
}

/** Allocate the buffers for blocks of up to `BLOCK_SIZE` runs. */
export function blockBuffers(m: CompiledModel): BlockBuffers {
  const h = m.years.length;
  return { u: new Float64Array(BLOCK_SIZE * m.nCols), vals: new Float64Array(NV * h * BLOCK_SIZE), z: new Float64Array(Math.max(h, m.pathMean.length)) };
}

/**
 * Draw the uniforms of block `b` (n runs), column by column: input column c of
 * run i at u[c·n + i]. Column-major order means two scenarios that share their
 * first columns (e.g. one adds a measure) get the same uniforms for them:
 * common random numbers across scenarios with the same seed.
 * Then the rank correlations are induced (Iman–Conover within the block).
 */
export function drawBlock(m: CompiledModel, b: number, n: number, u: Float64Array): void {
  const rng = new Rng(m.seed, b);
  const total = n * m.nCols;
  for (let k = 0; k < total; k++) u[k] = rng.uniform();
  if (m.corrCols.length) imanConover(u, n, m.corrCols, m.corrTarget, rng);
}

/**
 * Simulate n runs from the block's uniforms into `vals`
 * (layout: vals[(v·h + t)·n + i] for variable v of VARS, year t, run i).
 */
export function simulateBlock(m: CompiledModel, n: number, buf: BlockBuffers): void {
  const { u, vals, z } = buf;
  const h = m.years.length;
  const { visitationMult, demandMult, bevillingAdd } = m.levers;
  const ms = m.measures;
  const nm = ms.length;
  const sd = m.noiseSd;
  const halfVar = 0.5 * sd * sd;
  const stride = h * n;
  const hp = m.demandKind === 1 ? m.pathMean.length : 0; // forecast path length
  const pOff = hp - h; // forecast years before the first simulated year
  const sG = makeSampler(m.growth.dist), cG = m.growth.col;
  const sV = makeSampler(m.visitation.dist), cV = m.visitation.col;
  const sF = makeSampler(m.fixedCost.dist), cF = m.fixedCost.col;
  const sU = m.unitCost ? makeSampler(m.unitCost.dist) : null, cU = m.unitCost ? m.unitCost.col : -1;
  const sB = makeSampler(m.bevGrowth.dist), cB = m.bevGrowth.col;
  const sM = ms.map((x) => makeSampler(x.input.dist));
  const cM = Int32Array.from(ms, (x) => x.input.col);
  const aM = Int32Array.from(ms, (x) => x.actsOn);
  const phase = new Float64Array(nm * h);
  ms.forEach((x, j) => phase.set(x.phase, j * h));
  const effects = new Float64Array(nm);
  const noiseCol = m.noiseCol;
  const growthModel = m.demandKind === 0;
  const plIndex = m.plIndex, bevKnown = m.bevKnown, bevPlRate = m.bevPlRate, pathMean = m.pathMean, pathChol = m.pathChol;
  const pathLog = m.pathLog;
  const H0 = m.henvendelser0, bev0 = m.bevBase, aF = m.actualForbrug, aL = m.actualForloeb;
  for (let i = 0; i < n; i++) {
    const row = i;
    const g1 = 1 + (cG < 0 ? sampleAt(sG, 0.5) : sampleAt(sG, u[cG * n + row]));
    const vis = (cV < 0 ? sampleAt(sV, 0.5) : sampleAt(sV, u[cV * n + row])) * visitationMult;
    const fixed = cF < 0 ? sampleAt(sF, 0.5) : sampleAt(sF, u[cF * n + row]);
    const unit = sU === null ? ((aF - fixed) / aL) * 1000 : cU < 0 ? sampleAt(sU, 0.5) : sampleAt(sU, u[cU * n + row]);
    const bg1 = 1 + (cB < 0 ? sampleAt(sB, 0.5) : sampleAt(sB, u[cB * n + row]));
    for (let j = 0; j < nm; j++) effects[j] = cM[j] < 0 ? sampleAt(sM[j], 0.5) : sampleAt(sM[j], u[cM[j] * n + row]);
    if (!growthModel) for (let t = 0; t < hp; t++) z[t] = invNorm(u[(noiseCol + t) * n + row]);
    let H = H0;
    let bev = bev0;
    for (let t = 0; t < h; t++) {
      let henv: number;
      if (growthModel) {
        H *= sd > 0 ? g1 * Math.exp(sd * invNorm(u[(noiseCol + t) * n + row]) - halfVar) : g1;
        henv = H;
      } else {
        const tp = t + pOff;
        let s = pathMean[tp];
        const off = tp * hp;
        for (let k = 0; k <= tp; k++) s += pathChol[off + k] * z[k];
        henv = pathLog ? Math.exp(s) : s > 0 ? s : 0;
      }
      henv *= demandMult;
      let visT = vis;
      let unitT = unit;
      let fl = 1;
      for (let j = 0; j < nm; j++) {
        const f = 1 + effects[j] * phase[j * h + t];
        const a = aM[j];
        if (a === 0) henv *= f;
        else if (a === 1) visT *= f;
        else if (a === 2) unitT *= f;
        else fl *= f;
      }
      const forloeb = henv * visT * fl;
      const forbrug = plIndex[t] * (fixed + unitT * 0.001 * forloeb);
      const known = bevKnown[t];
      bev = known === known ? known : bev * (1 + bevPlRate[t]) * bg1;
      const bevT = bev + bevillingAdd;
      const k0 = t * n + i;
      vals[k0] = bevT;
      vals[k0 + stride] = forbrug;
      vals[k0 + 2 * stride] = forbrug - bevT;
      vals[k0 + 3 * stride] = henv;
      vals[k0 + 4 * stride] = forloeb;
      vals[k0 + 5 * stride] = forloeb > 0 ? (forbrug / forloeb) * 1000 : NaN;
    }
  }
}
