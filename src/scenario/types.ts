/**
 * Types of the scenario engine: the scenario definition (as loaded from YAML,
 * expressions evaluated) and the Monte Carlo result.
 */
import type { DistSpec } from '../stats/distributions.js';
import type { Quantiles } from '../stats/quantiles.js';
import type { InputLocation } from '../errors.js';
import type { MeasureDef } from '../measures/types.js';
import type { SeriesSource } from '../cost/data.js';
import type { BudgetRules } from './budget-rules.js';

/** Base-year actual values that anchor a scenario (mio. kr. and counts). */
export interface ScenarioActual {
  bevilling: number;
  forbrug: number;
  forloeb: number;
  henvendelser: number;
}

/** An input left to the data: estimated at the scenario's base year (`estimated` in YAML, or the key left out). */
export type Estimated = 'estimated';
/** A hand-set value, or `estimated`. */
export type Est<T> = T | Estimated;

/**
 * Demand (henvendelser) model.
 * - `forecast`: a path distribution from the forecasting engine fitted to `series`.
 * - `growth`: H_t = H_{t−1} · (1 + g) · exp(σ z_t − σ²/2): growth g drawn once per
 *   run from `growth`, yearly log-normal noise σ = `noiseSd` (both estimated from the data by default).
 */
export type DemandModel =
  | { model: 'forecast'; series: string; method: string; from?: number }
  | { model: 'growth'; growth: Est<DistSpec>; noiseSd: Est<number> };

/** One measure switched on in the scenario, with its definition resolved at load time. */
export interface ScenarioMeasure {
  id: string;
  /** The measure definition (a bundled id, a file next to the scenario, a `file:` path or an inline definition). */
  def: MeasureDef;
  /** How it was given (for messages). */
  ref: 'id' | 'file' | 'inline';
  /** Override of the measure's start date (YYYY-MM-DD). */
  start?: string;
  /** Override of the effect distribution (relative change, −0.08 = −8 %). */
  effect?: DistSpec;
  /** Override of the phase-in shares. */
  phaseIn?: number[];
}

/** Uncertain scalar inputs of one run (names used by `correlations` and `sensitivity`). */
export type InputName =
  | 'demand'
  | 'visitation'
  | 'visitationDrift'
  | 'fixedCost'
  | 'unitCost'
  | 'priceGrowth'
  | 'costNoise'
  | 'bevillingGrowth'
  | `measure:${string}`
  | `share:${string}`
  | `bevilling:${string}`;

/** A rank correlation between two inputs, induced with Iman–Conover. */
export interface ScenarioCorrelation {
  between: [InputName, InputName];
  rank: number;
}

/** A scenario after loading: `extends` resolved, expressions evaluated, validated. */
export interface ScenarioDef {
  id: string;
  name: string;
  /** The name in English (`name_en`), when the file that sets `name` gives one. */
  nameEn?: string;
  description?: string;
  /** The file it was loaded from and the files it extends, leaf first. */
  files: string[];
  baseYear: number;
  /** Last simulated year (the first is baseYear + 1). */
  horizon: number;
  seed: number;
  runs: number;
  /** Base-year values written in the scenario (the others come from the data of the base year). */
  actual: Partial<ScenarioActual>;
  variables: Record<string, number>;
  demand: DemandModel;
  /**
   * Forløb per henvendelse: the base-year `rate` (drawn once per run; default the base year's data), then
   * v_t = v_{t−1} · (1 + drift) · exp(σ z_t − σ²/2) with `drift` drawn once per run and yearly noise σ = `noiseSd`.
   */
  visitation: { rate: Est<DistSpec>; drift: Est<DistSpec>; noiseSd: Est<number> };
  /**
   * forbrug_t = P_t · (fixed + unit/1000 · forløb_t + e) in mio. kr.; `fixed` in mio. kr. and `unit` in 1.000 kr.
   * per forløb. Both `estimated`: drawn jointly from `fitCostModel`. `unit: 'calibrated'` sets
   * unit = (forbrug − fixed) / forløb of the base year. `noiseSd`: sd of the yearly residual e (mio. kr.).
   * `priceGrowth`: P_t = Π (1 + π), π drawn once per run (default estimated), or `pl` for the PL index.
   * `timing: cohort`: a measure's effect on cost follows the cohort timing of models/timing.yaml (a forløb's
   * cost spreads over its duration into the next year), `none` (default): in the year of the starts.
   */
  costs: {
    fixed: Est<DistSpec>;
    unit: Est<DistSpec> | 'calibrated';
    noiseSd: Est<number>;
    priceGrowth: Est<DistSpec> | 'pl';
    timing?: 'cohort' | 'none';
  };
  /** Yearly price/wage (PL) index rates: `default` for years not listed in `rates`. */
  /** `label` in Danish, `labelEn` in English (`assumptionLabel` in src/report/scenarioText.ts picks one). */
  pl: { default: number; rates: Record<string, number>; label: string; labelEn?: string };
  /**
   * The index bevilling follows with `bevilling.pl` when the scenario sets no `pl.default` (models/pl.yaml,
   * `uses.bevilling`: the general PL index); absent: `pl`.
   */
  plBevilling?: { default: number; rates: Record<string, number>; label: string; labelEn?: string };
  /** Where the PL indices come from when the scenario sets no `pl.default`: the table and each used index's default. */
  plSource?: {
    file: string;
    costs: InputLocation;
    bevilling: InputLocation;
    /** Standard deviation of the future rates of each index (null: known) and the last year with a listed rate. */
    costsSd: number | null;
    bevillingSd: number | null;
    costsLast: number;
    bevillingLast: number;
    /** The names of the index bevilling follows, for the sentence of `bevilling.pl` (scenario.src.bevillingPlIndex). */
    bevillingIndex: { name: string; nameEn?: string };
  };
  /**
   * Bevilling: known `amounts` (mio. kr., current prices; a number or a distribution) by year; other years are
   * the previous year × (1 + growth) × exp(σ z_t − σ²/2) (growth drawn once per run, yearly noise σ = `noiseSd`;
   * both estimated from the bevilling's history by default), or with `pl: true` the previous year × (1 + PL rate)
   * × (1 + growth) (growth default 0, noise default 0: the PL assumption).
   */
  bevilling: {
    amounts: Record<string, DistSpec>;
    /** The years of `amounts` taken from the data (later than the base year), with where each stands (`file:line`). */
    fromData?: Record<string, string>;
    growth: Est<DistSpec>;
    noiseSd: Est<number>;
    pl: boolean;
    label?: string;
    labelEn?: string;
  };
  /**
   * Forbrug known from the data for years after the base year (mio. kr., with where it stands, `file:line`): in
   * those years the engine fixes forbrug and scales each run's activity to it (as for a base year without activity).
   */
  knownForbrug?: Record<string, { value: number; at: string }>;
  /** Shares of hovedområder in henvendelser and forløb, used by measures on an area (default estimated). */
  shares: { henvendelser: Record<string, Est<DistSpec>>; forloeb: Record<string, Est<DistSpec>> };
  measures: ScenarioMeasure[];
  correlations: ScenarioCorrelation[];
  /** Paths of the settings written in a file (e.g. `demand.growth`), with where: for provenance. */
  written: Map<string, InputLocation>;
  /** The data the scenario was loaded with (base-year actuals, estimated inputs). */
  dataset: SeriesSource;
  /** Budget rules of the opsparing carried between years (`models/budget.yaml`). */
  budget: BudgetRules;
  /** Where a setting was written (for error messages raised after loading). */
  locate: (path: (string | number)[]) => InputLocation;
}

/** Where a number of a scenario comes from: an estimate from the data, the data itself, or an assumption. */
export type InputSource =
  | { kind: 'estimate'; text: { da: string; en: string } }
  | {
      kind: 'data';
      text: { da: string; en: string };
      /** A value read from a file of the data: where it stands (`file:line`, or `file: Ark1!B4`). */
      at?: string;
    }
  | {
      kind: 'assumption';
      file: string;
      line?: number;
      column?: number;
      /** The cell of an assumptions workbook (`Input!D3`), instead of line and column. */
      cell?: string;
      text: { da: string; en: string };
    };

/** One input of a run as used: its name, value (a distribution) and where it comes from. */
export interface InputInfo {
  /** Input path as in the scenario file, e.g. `demand.growth`, `costs.fixed`, `measures.tightening.effect`. */
  input: string;
  value: DistSpec | number | string;
  source: InputSource;
}

export type { Quantiles };

/** Probability that forbrug exceeds a threshold in one year, with its Monte Carlo standard error. */
export interface Exceedance {
  threshold: number;
  p: number;
  se: number;
}

/** Results for one simulated year. Money in mio. kr. (current prices), unitCost in 1.000 kr. per forløb. */
export interface ScenarioYear {
  year: number;
  bevilling: Quantiles;
  forbrug: Quantiles;
  merforbrug: Quantiles;
  /** P(merforbrug > 0). */
  pMerforbrug: number;
  /** Monte Carlo standard error of pMerforbrug: √(p(1−p)/runs). */
  pMerforbrugSe: number;
  /** E[merforbrug] (negative = expected underspend). */
  expectedMerforbrug: number;
  /** E[max(merforbrug, 0)]: expected overspend. */
  expectedOverspend: number;
  henvendelser: Quantiles;
  forloeb: Quantiles;
  unitCost: Quantiles;
  /** P(forbrug > threshold) for the thresholds asked for in `runScenario` options. */
  forbrugAbove: Exceedance[];
  /** Percentiles 1..99 of forbrug, for `probForbrugAbove` at any threshold. */
  forbrugPercentiles: number[];
  /** Percentiles 1..99 of merforbrug, for `probMerforbrugAbove` at any amount (histogram and exceedance curve). */
  merforbrugPercentiles: number[];
  /** The opsparing at the end of the year (mio. kr.): carried from the base year's balance under the budget rules. */
  opsparing: Quantiles;
  /** P(forbrug > bevilling + usable opsparing): the merforbrug the opsparing does not cover. */
  pBeyondOpsparing: number;
  /** Monte Carlo standard error of pBeyondOpsparing. */
  pBeyondOpsparingSe: number;
}

/** Result of `runScenario`. */
export interface ScenarioResult {
  id: string;
  name: string;
  /** The name in English, if the scenario file gives one (see `scenarioName`). */
  nameEn?: string;
  seed: number;
  runs: number;
  baseYear: number;
  years: ScenarioYear[];
  /** Every assumption used, labelled, so a report can print it. */
  assumptions: Record<string, unknown>;
  /** Every input as used, with its provenance: estimate (series and years), data, or assumption (file and line). */
  inputs: InputInfo[];
  sources: string[];
  /** How quantiles were computed: 'exact' (all values sorted) or 'histogram' (fixed memory). */
  quantileMethod: 'exact' | 'histogram';
}
