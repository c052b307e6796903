/**
 * Types of the scenario engine: the scenario definition (as loaded from YAML,
 * expressions evaluated) and the Monte Carlo result.
 */
import type { DistSpec } from '../stats/distributions.js';
import type { Quantiles } from '../stats/quantiles.js';
import type { InputLocation } from '../errors.js';

/** Base-year actual values that anchor a scenario (mio. kr. and counts). */
export interface ScenarioActual {
  bevilling: number;
  forbrug: number;
  forloeb: number;
  henvendelser: number;
}

/**
 * Demand (henvendelser) model.
 * - `forecast`: a path distribution from the forecasting engine fitted to `series`.
 * - `growth`: H_t = H_{t−1} · (1 + g) · exp(σ z_t − σ²/2): growth g drawn once per
 *   run from `growth`, yearly log-normal noise σ = `noiseSd`.
 */
export type DemandModel =
  | { model: 'forecast'; series: string; method: string; from?: number }
  | { model: 'growth'; growth: DistSpec; noiseSd: number };

/** One measure switched on in the scenario (a reference to `models/measures/<id>.yaml`). */
export interface ScenarioMeasure {
  id: string;
  /** Override of the measure's start date (YYYY-MM-DD). */
  start?: string;
  /** Override of the effect distribution (relative change, −0.08 = −8 %). */
  effect?: DistSpec;
  /** Override of the phase-in shares. */
  phaseIn?: number[];
}

/** Uncertain scalar inputs of one run (names used by `correlations` and `sensitivity`). */
export type InputName = 'demand' | 'visitation' | 'fixedCost' | 'unitCost' | 'bevillingGrowth' | `measure:${string}`;

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
  actual: ScenarioActual;
  variables: Record<string, number>;
  demand: DemandModel;
  /** Forløb per henvendelse, drawn once per run. */
  visitation: { rate: DistSpec };
  /**
   * forbrug_t = PL_t · (fixed + unit/1000 · forløb_t) in mio. kr.; `fixed` in mio. kr. and
   * `unit` in 1.000 kr. per forløb, both in base-year prices. `unit: 'calibrated'` sets
   * unit = (actual.forbrug − fixed) / actual.forløb so every run reproduces the base year.
   */
  costs: { fixed: DistSpec; unit: DistSpec | 'calibrated' };
  /** Yearly price/wage (PL) index rates: `default` for years not listed in `rates`. */
  /** `label` in Danish; `labelEn` for `--lang en` (see `assumptionLabel`). */
  pl: { default: number; rates: Record<string, number>; label: string; labelEn?: string };
  /**
   * Bevilling: explicit `amounts` (mio. kr., current prices) by year; other years are the
   * previous year × (1 + PL rate, if `pl`) × (1 + real growth drawn once per run).
   */
  bevilling: { amounts: Record<string, number>; growth: DistSpec; pl: boolean; label: string; labelEn?: string };
  measures: ScenarioMeasure[];
  correlations: ScenarioCorrelation[];
  /** Where a setting was written (for error messages raised after loading). */
  locate: (path: (string | number)[]) => InputLocation;
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
  sources: string[];
  /** How quantiles were computed: 'exact' (all values sorted) or 'histogram' (fixed memory). */
  quantileMethod: 'exact' | 'histogram';
}
