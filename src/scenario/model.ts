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
  /** The measured area's share of the acted quantity (null: the measure acts on the total). */
  share: CompiledInput | null;
  actsOn: 0 | 1 | 2 | 3;
  /** Share of the full effect per simulated year beyond the base year's: factor = 1 + effect · share · phase[t]. */
  phase: Float64Array;
  /**
   * The phase of the measure's effect on cost (forbrug) when it differs from `phase` (cohort timing: the
   * savings of cut starts fall over the forløb's duration, partly in the next year); absent: `phase`.
   */
  costPhase?: Float64Array;
}

/** Levers moved by goal seek (neutral: 1, 1, 0, 1). */
export interface Levers {
  /** Multiplier on the visitation rate. */
  visitationMult: number;
  /** Multiplier on henvendelser in every simulated year. */
  demandMult: number;
  /** Mio. kr. added to bevilling in every simulated year. */
  bevillingAdd: number;
  /** Multiplier on the cost per forløb (the unit cost) in every simulated year. */
  unitMult: number;
}

export const NEUTRAL_LEVERS: Levers = { visitationMult: 1, demandMult: 1, bevillingAdd: 0, unitMult: 1 };

export interface CompiledModel {
  id: string;
  seed: number;
  years: number[];
  /** Number of uniforms per run. */
  nCols: number;
  /** 0: growth model, 1: forecast path distribution. */
  demandKind: 0 | 1;
  /** Base-year henvendelser (NaN: inferred per run from forbrug, see `actualForloeb`). */
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
  /** Base-year visitation rate (forløb per henvendelse). */
  visitation: CompiledInput;
  /** Yearly drift d of the visitation rate: v_t = v_{t−1}·(1 + d)·shock. */
  visDrift: CompiledInput;
  /** First of h columns of yearly visitation shocks (−1 if none) and their log sd. */
  visNoiseCol: number;
  visNoiseSd: number;
  fixedCost: CompiledInput;
  /** null: calibrated to the base year. */
  unitCost: CompiledInput | null;
  /** Correlation of fixed and unit cost (drawn jointly: unit = μ + σ(ρ z_fixed + √(1−ρ²) z_unit)); 0 if independent. */
  costRho: number;
  /** Yearly price growth π of the cost per forløb (P_t = Π (1 + π)); null: the deterministic `plIndex`. */
  priceGrowth: CompiledInput | null;
  /** Residual of forbrug around the cost model (mio. kr., base-year prices), drawn once per run. */
  costNoise: CompiledInput;
  actualForbrug: number;
  /** Base-year forløb (NaN: inferred per run as (forbrug − fixed) / unit, and henvendelser = forløb / visitation). */
  actualForloeb: number;
  /** PL index relative to the base year, per simulated year (used when `priceGrowth` is null). */
  plIndex: Float64Array;
  /** Known fixed bevilling per year (NaN: a distribution in `bevAmounts`, or derived from the previous year). */
  bevKnown: Float64Array;
  /**
   * Known forbrug per year (mio. kr.; NaN: simulated). In a known year each run's forbrug is this, and its
   * activity (henvendelser, forløb) is scaled to it, the scale kept in the later years.
   */
  forbrugKnown: Float64Array;
  /** Known bevilling given as a distribution, per year (null: none). */
  bevAmounts: (CompiledInput | null)[];
  bevBase: number;
  /** Yearly PL rate applied to derived bevilling (0 if bevilling is not PL-regulated). */
  bevPlRate: Float64Array;
  bevGrowth: CompiledInput;
  /** First of h columns of yearly bevilling shocks (−1 if none) and their log sd. */
  bevNoiseCol: number;
  bevNoiseSd: number;
  measures: CompiledMeasure[];
  /** Iman–Conover: columns to correlate and the target rank-correlation matrix (row-major). */
  corrCols: number[];
  corrTarget: Float64Array;
  levers: Levers;
  /** Opsparing at the end of the base year by vintage (index j: saved j years before; models/budget.yaml). */
  savingsStart: Float64Array;
  /** 1: mindreforbrug is carried over to the next year. */
  savingsCarry: number;
  /** Ceiling on the opsparing as a share of the year's bevilling (−1: none). */
  savingsCap: number;
  /** Most of a year's bevilling that may be covered from the opsparing in the year (−1: no limit). */
  savingsMaxUse: number;
  /** 1: a year's savings lapse after `savingsStart.length` years. */
  savingsExpire: number;
  /**
   * Uncertainty of the future rates of the costs' PL index (models/pl.yaml `future_sd`): a deviation δ
   * added to the rate of every uncertain year, drawn once per run (null: the rates are known).
   */
  plCostsDev?: CompiledInput | null;
  /** Per simulated year: 1/(1 + rate) in years whose costs rate is uncertain, else 0. */
  plCostsDevOn?: Float64Array;
  /** The same for the bevilling's index (with `bevilling.pl`). */
  plBevDev?: CompiledInput | null;
  plBevDevOn?: Float64Array;
}

/**
 * The scalar inputs of a model, in a fixed order (used by sensitivity).
 *
 * @example
 * modelInputs(model).map((x) => x.name) // ['demand', 'visitation', 'visitationDrift', 'fixedCost', 'unitCost', …]
 */
export function modelInputs(m: CompiledModel): CompiledInput[] {
  return [
    m.growth,
    m.visitation,
    m.visDrift,
    m.fixedCost,
    ...(m.unitCost ? [m.unitCost] : []),
    ...(m.priceGrowth ? [m.priceGrowth] : []),
    m.costNoise,
    m.bevGrowth,
    ...m.bevAmounts.filter((x): x is CompiledInput => x !== null),
    ...m.measures.flatMap((x) => [x.input, ...(x.share ? [x.share] : [])]),
  ];
}

/**
 * Whether the bevilling is the same number in every run: no uncertain real growth, no yearly noise, no
 * uncertain known amount and no uncertain PL. The engine then computes it once per year, and the summaries
 * need no histogram for it (merforbrug = forbrug − that one number).
 *
 * @example
 * bevillingIsConstant(prepareScenario(loadScenario('baseline'))) // false (the bevilling's growth is estimated, uncertain)
 */
export function bevillingIsConstant(m: CompiledModel): boolean {
  return m.bevGrowth.col < 0 && m.bevNoiseCol < 0 && m.bevAmounts.every((x) => x === null) && !m.plBevDev;
}
