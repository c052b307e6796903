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
import { distQuantile } from '../stats/distributions.js';
import { invNorm } from '../stats/normal.js';
import type { CompiledModel, CompiledInput } from './model.js';
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
 * Draw the uniforms of block `b` (n runs): row i, column c at u[i*nCols + c];
 * then induce the rank correlations (Iman–Conover within the block).
 */
export function drawBlock(m: CompiledModel, b: number, n: number, u: Float64Array): void {
  const rng = new Rng(m.seed, b);
  const total = n * m.nCols;
  for (let k = 0; k < total; k++) u[k] = rng.uniform();
  if (m.corrCols.length) imanConover(u, n, m.nCols, m.corrCols, m.corrTarget, rng);
}

const value = (inp: CompiledInput, u: Float64Array, row: number): number =>
  inp.col < 0 ? distQuantile(inp.dist, 0.5) : distQuantile(inp.dist, u[row + inp.col]);

/**
 * Simulate n runs from the block's uniforms into `vals`
 * (layout: vals[(v·h + t)·n + i] for variable v of VARS, year t, run i).
 */
export function simulateBlock(m: CompiledModel, n: number, buf: BlockBuffers): void {
  const { u, vals, z } = buf;
  const h = m.years.length;
  const nCols = m.nCols;
  const { visitationMult, demandMult, bevillingAdd } = m.levers;
  const ms = m.measures;
  const nm = ms.length;
  const sd = m.noiseSd;
  const halfVar = 0.5 * sd * sd;
  const stride = h * n;
  const hp = m.demandKind === 1 ? m.pathMean.length : 0; // forecast path length
  const pOff = hp - h; // forecast years before the first simulated year
  // fixed inputs are evaluated once
  const growthFixed = m.growth.col < 0 ? distQuantile(m.growth.dist, 0.5) : NaN;
  const visFixed = m.visitation.col < 0 ? distQuantile(m.visitation.dist, 0.5) : NaN;
  const fixedFixed = m.fixedCost.col < 0 ? distQuantile(m.fixedCost.dist, 0.5) : NaN;
  const bevGFixed = m.bevGrowth.col < 0 ? distQuantile(m.bevGrowth.dist, 0.5) : NaN;
  const effects = new Float64Array(nm);
  for (let i = 0; i < n; i++) {
    const row = i * nCols;
    const g = m.growth.col < 0 ? growthFixed : distQuantile(m.growth.dist, u[row + m.growth.col]);
    const vis = (m.visitation.col < 0 ? visFixed : distQuantile(m.visitation.dist, u[row + m.visitation.col])) * visitationMult;
    const fixed = m.fixedCost.col < 0 ? fixedFixed : distQuantile(m.fixedCost.dist, u[row + m.fixedCost.col]);
    const unit = m.unitCost === null ? ((m.actualForbrug - fixed) / m.actualForloeb) * 1000 : value(m.unitCost, u, row);
    const bg = m.bevGrowth.col < 0 ? bevGFixed : distQuantile(m.bevGrowth.dist, u[row + m.bevGrowth.col]);
    for (let j = 0; j < nm; j++) effects[j] = value(ms[j].input, u, row);
    if (m.demandKind === 1) {
      for (let t = 0; t < hp; t++) z[t] = invNorm(u[row + m.noiseCol + t]);
    }
    let H = m.henvendelser0;
    let bev = m.bevBase;
    for (let t = 0; t < h; t++) {
      let henv: number;
      if (m.demandKind === 0) {
        H *= 1 + g;
        if (sd > 0) H *= Math.exp(sd * invNorm(u[row + m.noiseCol + t]) - halfVar);
        henv = H;
      } else {
        const tp = t + pOff;
        let s = m.pathMean[tp];
        const off = tp * hp;
        for (let k = 0; k <= tp; k++) s += m.pathChol[off + k] * z[k];
        henv = m.pathLog ? Math.exp(s) : s > 0 ? s : 0;
      }
      henv *= demandMult;
      let visT = vis;
      let unitT = unit;
      let fl = 1;
      for (let j = 0; j < nm; j++) {
        const f = 1 + effects[j] * ms[j].phase[t];
        const a = ms[j].actsOn;
        if (a === 0) henv *= f;
        else if (a === 1) visT *= f;
        else if (a === 2) unitT *= f;
        else fl *= f;
      }
      const forloeb = henv * visT * fl;
      const forbrug = m.plIndex[t] * (fixed + (unitT / 1000) * forloeb);
      const known = m.bevKnown[t];
      bev = known === known ? known : bev * (1 + m.bevPlRate[t]) * (1 + bg);
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
