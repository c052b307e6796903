/**
 * The compiled form of a scenario: plain numbers and typed arrays, everything
 * precomputed, so the Monte Carlo inner loop allocates nothing. It is also
 * what is sent to worker threads (structured-clone friendly).
 */
import type { ChiScaleTable } from '../stats/chisq.js';
import type { DistSpec } from '../stats/distributions.js';

/** What a measure acts on, as an index (0 henvendelser, 1 visitation, 2 unit cost, 3 forløb). */
export const ACTS_ON = ['henvendelser', 'visitation', 'unit_cost', 'forloeb'] as const;

/** One uncertain scalar input of a run, drawn from column `col` of the uniforms (−1: fixed, no draw). */
export interface CompiledInput {
  name: string;
  dist: DistSpec;
  col: number;
}

export interface CompiledMeasure {
  id: string;
  input: CompiledInput;
  actsOn: 0 | 1 | 2 | 3;
  /** Share of the full effect per simulated year: factor = 1 + effect · phase[t]. */
  phase: Float64Array;
}

/** Levers moved by goal seek (neutral: 1, 1, 0). */
export interface Levers {
  /** Multiplier on the visitation rate. */
  visitationMult: number;
  /** Multiplier on henvendelser in every simulated year. */
  demandMult: number;
  /** Mio. kr. added to bevilling in every simulated year. */
  bevillingAdd: number;
}

export const NEUTRAL_LEVERS: Levers = { visitationMult: 1, demandMult: 1, bevillingAdd: 0 };

export interface CompiledModel {
  id: string;
  seed: number;
  years: number[];
  /** Number of uniforms per run. */
  nCols: number;
  /** 0: growth model, 1: forecast path distribution. */
  demandKind: 0 | 1;
  henvendelser0: number;
  growth: CompiledInput;
  /** First of h columns of yearly normal shocks (−1 if none). */
  noiseCol: number;
  noiseSd: number;
  pathMean: Float64Array;
  pathChol: Float64Array;
  pathLog: boolean;
  /** Degrees of freedom of the forecast path distribution (Infinity: Gaussian paths). */
  pathDf: number;
  /** Tabulated Student-t mixing scale sqrt(ν/χ²_ν) of the paths (null: Gaussian). */
  pathMix: ChiScaleTable | null;
  /** Column of each run's mixing uniform, the last column (−1: Gaussian paths). */
  mixCol: number;
  visitation: CompiledInput;
  fixedCost: CompiledInput;
  /** null: calibrated to the base year. */
  unitCost: CompiledInput | null;
  actualForbrug: number;
  actualForloeb: number;
  /** PL index relative to the base year, per simulated year. */
  plIndex: Float64Array;
  /** Known bevilling per year (NaN: derive from the previous year). */
  bevKnown: Float64Array;
  bevBase: number;
  /** Yearly PL rate applied to derived bevilling (0 if bevilling is not PL-regulated). */
  bevPlRate: Float64Array;
  bevGrowth: CompiledInput;
  measures: CompiledMeasure[];
  /** Iman–Conover: columns to correlate and the target rank-correlation matrix (row-major). */
  corrCols: number[];
  corrTarget: Float64Array;
  levers: Levers;
}

/**
 * The scalar inputs of a model, in a fixed order (used by sensitivity).
 *
 * @example
 * modelInputs(model).map((x) => x.name) // ['demand', 'visitation', 'fixedCost', 'bevillingGrowth']
 */
export function modelInputs(m: CompiledModel): CompiledInput[] {
  return [m.growth, m.visitation, m.fixedCost, ...(m.unitCost ? [m.unitCost] : []), m.bevGrowth, ...m.measures.map((x) => x.input)];
}
