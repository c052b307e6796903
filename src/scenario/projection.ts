/**
 * The central projection of a scenario: every input at its median and every yearly shock at
 * its median (the engine run with all uniforms at ½, as the sensitivity analysis' median run).
 * `projectionInputs` lists what it depends on as plain numbers (the scalars a finance officer
 * may change, the per-year PL index and measure phases), `centralProjection` recomputes the
 * path from them with the engine's formulas year by year, and `engineCentralPath` runs the
 * engine itself. The spreadsheet writer puts the inputs on the Antagelser sheet and the
 * formulas of `centralProjection` on the projection sheet, so a changed growth rate
 * recomputes the path in Excel or LibreOffice.
 */
import { blockBuffers, simulateBlock, VARS } from './engine.js';
import type { CompiledInput, CompiledModel } from './model.js';
import { makeSampler, sampleAt } from './sampler.js';

/** What a measure acts on (the engine's order). */
export type ProjectionActsOn = 'henvendelser' | 'visitation' | 'unit_cost' | 'forloeb';

/** The inputs of the central projection. */
export interface ProjectionInputs {
  baseYear: number;
  years: number[];
  /** Base-year henvendelser. */
  henvendelser0: number;
  /** Growth model (median growth and the yearly log-noise sd) or the forecast's median path. */
  demand: { kind: 'growth'; growth: number; noiseSd: number } | { kind: 'path'; values: number[] };
  /** Base-year visitation rate, its yearly drift and the yearly log-noise sd. */
  visitation0: number;
  visDrift: number;
  visNoiseSd: number;
  /** Fixed cost and the residual of the cost model (mio. kr.), cost per forløb (1.000 kr.). */
  fixedCost: number;
  costNoise: number;
  unitCost: number;
  /** Yearly price growth of the cost per forløb, or null: the PL index per year (`plIndex`). */
  priceGrowth: number | null;
  plIndex: number[];
  /** Bevilling: base-year amount, known amounts per year (null: derived), PL rate per year, growth, noise sd. */
  bevBase: number;
  bevKnown: (number | null)[];
  /** Forbrug known per year (null: projected); a known year scales activity to it, as the engine does. */
  forbrugKnown: (number | null)[];
  bevPlRate: number[];
  bevGrowth: number;
  bevNoiseSd: number;
  measures: { id: string; actsOn: ProjectionActsOn; effect: number; phase: number[] }[];
}

/** One year of the central projection. */
export interface ProjectionYear {
  year: number;
  henvendelser: number;
  forloeb: number;
  forbrug: number;
  bevilling: number;
  merforbrug: number;
}

const ACTS: ProjectionActsOn[] = ['henvendelser', 'visitation', 'unit_cost', 'forloeb'];

function median(x: CompiledInput): number {
  return sampleAt(makeSampler(x.dist), 0.5);
}

/**
 * The inputs of a compiled model's central projection (levers neutral).
 *
 * @example
 * projectionInputs(prepareScenario(loadScenario('baseline'))).demand // { kind: 'growth', growth: 0.103…, noiseSd: 0.052… }
 */
export function projectionInputs(m: CompiledModel): ProjectionInputs {
  const h = m.years.length;
  const fixed = median(m.fixedCost);
  const unitKr = m.unitCost ? median(m.unitCost) : ((m.actualForbrug - fixed) / m.actualForloeb) * 1000;
  const costNoise =
    m.costNoise.col >= 0 || m.costNoise.dist.dist !== 'fixed' || m.costNoise.dist.value !== 0 ? median(m.costNoise) : 0;
  const v0 = median(m.visitation);
  const h0 = m.actualForloeb === m.actualForloeb ? m.henvendelser0 : (m.actualForbrug - fixed) / (0.001 * unitKr) / v0;
  const visMove =
    m.visNoiseCol >= 0 || m.visDrift.col >= 0 || m.visDrift.dist.dist !== 'fixed' || m.visDrift.dist.value !== 0;
  let demand: ProjectionInputs['demand'];
  if (m.demandKind === 0) demand = { kind: 'growth', growth: median(m.growth), noiseSd: m.noiseSd > 0 ? m.noiseSd : 0 };
  else {
    const off = m.pathMean.length - h;
    demand = {
      kind: 'path',
      values: m.years.map((_y, t) => (m.pathLog ? Math.exp(m.pathMean[t + off]) : Math.max(0, m.pathMean[t + off]))),
    };
  }
  return {
    baseYear: m.years[0] - 1,
    years: [...m.years],
    henvendelser0: h0,
    demand,
    visitation0: v0,
    visDrift: visMove ? median(m.visDrift) : 0,
    visNoiseSd: m.visNoiseCol >= 0 ? m.visNoiseSd : 0,
    fixedCost: fixed,
    costNoise,
    unitCost: unitKr,
    priceGrowth: m.priceGrowth ? median(m.priceGrowth) : null,
    plIndex: Array.from(m.plIndex.subarray(0, h)),
    bevBase: m.bevBase,
    bevKnown: m.years.map((_y, t) =>
      m.bevKnown[t] === m.bevKnown[t] ? m.bevKnown[t] : m.bevAmounts[t] ? median(m.bevAmounts[t]!) : null,
    ),
    forbrugKnown: m.years.map((_y, t) => (m.forbrugKnown[t] === m.forbrugKnown[t] ? m.forbrugKnown[t] : null)),
    bevPlRate: Array.from(m.bevPlRate.subarray(0, h)),
    bevGrowth: median(m.bevGrowth),
    bevNoiseSd: m.bevNoiseCol >= 0 ? m.bevNoiseSd : 0,
    measures: m.measures.map((x) => ({
      id: x.id,
      actsOn: ACTS[x.actsOn],
      effect: median(x.input) * (x.share ? median(x.share) : 1),
      phase: Array.from(x.phase.subarray(0, h)),
    })),
  };
}

/**
 * The central projection recomputed from its inputs, year by year, with the formulas the
 * projection sheet writes (a log-normal shock at its median is e^(−sd²/2)).
 *
 * @example
 * centralProjection(projectionInputs(model))[0].forbrug // ≈ engineCentralPath(model)[0].forbrug
 */
export function centralProjection(p: ProjectionInputs): ProjectionYear[] {
  const out: ProjectionYear[] = [];
  let H = p.henvendelser0;
  let V = p.visitation0;
  let P = 1;
  let B = p.bevBase;
  const sD = p.demand.kind === 'growth' ? Math.exp((-p.demand.noiseSd * p.demand.noiseSd) / 2) : 1;
  const sV = Math.exp((-p.visNoiseSd * p.visNoiseSd) / 2);
  const sB = Math.exp((-p.bevNoiseSd * p.bevNoiseSd) / 2);
  let R = 1; // activity scale of the known forbrug years (forecast paths)
  p.years.forEach((year, t) => {
    H = p.demand.kind === 'growth' ? H * (1 + p.demand.growth) * sD : p.demand.values[t] * R;
    const f = (a: ProjectionActsOn) =>
      p.measures.filter((x) => x.actsOn === a).reduce((acc, x) => acc * (1 + x.effect * x.phase[t]), 1);
    let henv = H * f('henvendelser');
    V = V * (1 + p.visDrift) * sV;
    let forloeb = henv * (V * f('visitation')) * f('forloeb');
    P = p.priceGrowth === null ? p.plIndex[t] : P * (1 + p.priceGrowth);
    let forbrug = P * (p.fixedCost + p.costNoise + (p.unitCost / 1000) * f('unit_cost') * forloeb);
    const kf = p.forbrugKnown[t];
    if (kf !== null) {
      const fixed = P * (p.fixedCost + p.costNoise);
      const r = forbrug - fixed > 0 ? (kf > fixed ? (kf - fixed) / (forbrug - fixed) : 0) : 1;
      forloeb *= r;
      henv *= r;
      if (p.demand.kind === 'growth') H *= r;
      else R *= r;
      forbrug = kf;
    }
    const known = p.bevKnown[t];
    B = known !== null ? known : B * (1 + p.bevPlRate[t]) * (1 + p.bevGrowth) * sB;
    out.push({ year, henvendelser: henv, forloeb, forbrug, bevilling: B, merforbrug: forbrug - B });
  });
  return out;
}

/**
 * The engine's own central run: one run with every uniform at ½.
 *
 * @example
 * engineCentralPath(prepareScenario(loadScenario('baseline')))[0].year // the first simulated year
 */
export function engineCentralPath(m: CompiledModel): ProjectionYear[] {
  const buf = blockBuffers(m);
  buf.u.fill(0.5, 0, m.nCols);
  simulateBlock(m, 1, buf);
  const h = m.years.length;
  const at = (v: (typeof VARS)[number], t: number) => buf.vals[VARS.indexOf(v) * h + t];
  return m.years.map((year, t) => ({
    year,
    henvendelser: at('henvendelser', t),
    forloeb: at('forloeb', t),
    forbrug: at('forbrug', t),
    bevilling: at('bevilling', t),
    merforbrug: at('merforbrug', t),
  }));
}
