/**
 * The report model: every number the report shows, computed once by `collectReport`
 * and rendered by the HTML, Markdown and XLSX writers. Plain data (no functions), so
 * the renderers are pure and the same model always gives the same bytes.
 */
import type { ProjectionInputs, ProjectionYear } from '../scenario/projection.js';
import type { Lang } from '../text/number.js';
import type { Event } from '../data/events.js';
import type { SourceDoc } from '../data/sources.js';
import type { DataMerge } from '../data/merge.js';
import type { ScenarioResult } from '../scenario/types.js';
import type { FollowUpResult } from '../followup/types.js';
import type { ScenarioBacktest } from '../scenario/backtest.js';
import type { OneForecast, ParameterSpread } from '../scenario/headline.js';
import type { LivePayload } from './live/payload.js';
import type {
  ActivityRow,
  BudgetRow,
  FanInput,
  GridPoint,
  MeasureChartInput,
  TornadoChartRow,
  UnitCostChartRow,
} from './charts/types.js';

/** One forecast shown as a fan chart, with the series it forecasts. */
export interface ReportForecast {
  id: string;
  seriesId: string;
  fan: FanInput;
  /** The forecasting engine's note on gaps, interpolation and fallbacks (English), if any. */
  note?: string;
  /** Set when `fan` is the one forecast (the calibrated driver model) and the time-series forecast its cross-check. */
  oneForecast?: { k: number; timeSeriesMethod: string };
}

/** Backtest accuracy of one series/method (rolling origin). */
export interface AccuracyRow {
  series: string;
  method: string;
  horizon: number;
  /** Mean absolute percentage error, share (0.05 = 5 %). */
  mape: number;
  /** Share of actuals inside the 80 % interval. */
  coverage80: number;
  n: number;
}

/** The fixed + variable cost model (forbrug = fixed + unit × forløb), as fitted by the cost engine. */
export interface ReportCostModel {
  prices: string;
  baseYear: number;
  n: number;
  r2: number;
  adjR2: number;
  /** Residual standard error, mio. kr. */
  sigma: number;
  coefficients: { name: string; coef: number; se: number; lower95: number; upper95: number; p: number }[];
  /**
   * Each fitted year with its fitted value, residual (mio. kr.), leverage, Cook's distance and data flags
   * (`estimated`, `ambiguous_account`, …; the cost engine's diagnostics rows).
   */
  rows: {
    year: number;
    forbrug: number;
    fitted: number;
    residual: number;
    leverage: number;
    cooksD: number;
    flags: string[];
  }[];
  notes: string[];
}

/** One measure's definition and evaluation. */
export interface ReportMeasure {
  id: string;
  name: string;
  start: string;
  actsOn: string;
  /** Assumed effect (relative change) as mean and 80 % interval of the definition's distribution. */
  assumed: { mean: number; lower: number; upper: number };
  /** Share of the full effect in the start year, the next, … (the last holds afterwards). */
  phaseIn: number[];
  /** Estimated effect from the data on the first outcome (relative change, mean over evaluated years) with a 95 % interval. */
  estimated?: { outcome: string; point: number; lower: number; upper: number; verdict: string };
  source?: string;
  /** The caveat written with the measure (`note_da` or `note` of its file), in the report's language. */
  note?: string;
  /**
   * What the assumed effect rests on: an assumption written in the measure's file (`file:line`), or the evaluation
   * of another measure (its name in the report's language, and the evaluated outcome in words when the file names
   * it). `source` is the document that names the measure, which states no size.
   */
  assumedFrom?: { assumption: string } | { evaluation: string; outcome?: string };
  chart?: MeasureChartInput;
  /**
   * How the savings of the starts cut in the start year split over the start year and the next ones
   * (cohort timing of models/timing.yaml), for a measure that starts after 1 January.
   */
  costSplit?: { years: number[]; shares: number[]; timingFile: string };
}

/** The precomputed tightening grid of the goal-seek curve. */
export interface WhatIf {
  scenario: string;
  /** The lever of the grid and the goal seek, and why it was chosen (the evidence, in the report's language). */
  lever: 'visitation' | 'demand';
  leverReason?: string;
  year: number;
  runs: number;
  /** Mean bevilling of the scenario in `year` (drawn as a rule). */
  bevilling?: number;
  grid: GridPoint[];
  target: number;
  /**
   * The spread factor k of the one forecast (the headline's calibrated driver model) that the grid and the goal
   * seek widen forbrug by; absent: the driver model itself (no backtest to calibrate on).
   */
  spreadK?: number;
  /**
   * Tightening share that reaches the target: from `goalSeek` on the report's full runs (bisection with
   * common random numbers) when it can be met, else absent.
   */
  solution?: number;
  /**
   * The same goal seek for P(forbrug > bevilling + usable opsparing) ≤ target, when that is above the target in the
   * headline year: the tightening (absent: the lever alone cannot reach it), its interval, P with and without.
   */
  opsparingGoalSeek?: {
    solution?: number;
    lower?: number;
    upper?: number;
    p?: number;
    p0: number;
    runs: number;
    kSe?: number;
    kPart?: number;
  };
  /**
   * The goal seek behind `solution`: its 95 % Monte Carlo interval, P at the solution, P without change, runs; with
   * `kSe` (k's Monte Carlo standard error, the backtest's) the interval includes k's error, `kPart` the standard
   * error of the tightening that comes from it.
   */
  goalSeek?: {
    lower: number;
    upper: number;
    p: number;
    p0: number;
    runs: number;
    kSe?: number;
    kPart?: number;
    /**
     * k's dependence on one year of history (`Calibration.kWithoutVantage`): the smallest and largest k with one
     * vantage year left out, and the tightening at each (`solution` moved along d tightening / d k); `points` and
     * `vantages` k was fitted on.
     */
    kRange?: {
      kLo: { vantage: number; k: number };
      kHi: { vantage: number; k: number };
      lo: number;
      hi: number;
      points: number;
      vantages: number;
    };
  };
}

/** Sensitivity (tornado) of expected merforbrug in one year. */
export interface Sensitivity {
  scenario: string;
  year: number;
  base: number;
  rows: TornadoChartRow[];
  /** `SensitivityResult.costCorrelation`: fixed and unit cost drawn jointly, said under the table. */
  costCorrelation?: number;
}

/** One scenario with the file it came from. */
export interface ReportScenario {
  /** The reference as given (path or bundled id). */
  file: string;
  /** Resolved files read (the scenario and the files it extends). */
  files: string[];
  result: ScenarioResult;
  /** The measures the scenario applies, named and with their caveat (`note_da`/`note`) in the report's language. */
  measures?: { id: string; name: string; note?: string }[];
  /** The central projection (inputs at their medians) of the primary scenario, for the XLSX projection sheet. */
  projection?: { inputs: ProjectionInputs; engine: ProjectionYear[] };
}

/** A section that could not be computed, with the reason (shown in the report, never hidden). */
export interface Unavailable {
  section: string;
  reason: string;
}

/** The scenario backtest behind the track-record section (notes in the report's language; replays' inputs left out). */
export type TrackRecord = Omit<ScenarioBacktest, 'replays' | 'notes'> & { notes: string[] };

/** Everything the report shows. */
export interface ReportModel {
  lang: Lang;
  version: string;
  seed: number;
  runs: number;
  /** The year the headline numbers are about. */
  focusYear: number;
  history: {
    budget: BudgetRow[];
    activity: ActivityRow[];
    unitCost?: { rows: UnitCostChartRow[]; baseYear: number; plLabel: string };
  };
  events: Event[];
  forecasts: ReportForecast[];
  accuracy: AccuracyRow[];
  costModel?: ReportCostModel;
  scenarios: ReportScenario[];
  measures: ReportMeasure[];
  whatIf?: WhatIf;
  sensitivity?: Sensitivity;
  /** The backtest of the primary scenario: the track record of the one forecast. */
  trackRecord?: TrackRecord;
  /** The one forecast of forbrug (the primary scenario's driver model, calibrated by the backtest). */
  oneForecast?: OneForecast;
  /** The spread of P(merforbrug) in the focus year over the primary scenario's parameter uncertainty. */
  parameterSpread?: ParameterSpread;
  sources: SourceDoc[];
  /** Which series/assumptions cite each source doc. */
  sourceUse: Record<string, string[]>;
  /**
   * Sources the model files (models/pl.yaml, models/budget.yaml) cite by name that are not documents of
   * data/sources.csv: each as written (`en`: its English rendering from the file, e.g. `source_en` of models/pl.yaml),
   * with the files citing it and what cites it (`pl:<index>.<year>`, `budget:<rule>`, `timing:<key>`).
   */
  otherSources?: { source: string; en?: string; files: string[]; usedBy: string[] }[];
  /** The budget-rules files the scenarios used (their paths as read; hashed in the manifest). */
  budgetFiles?: string[];
  /** The user's data files (`--data`) merged into the bundled data: every changed value and added year. */
  userData?: DataMerge;
  unavailable: Unavailable[];
  /** The in-year follow-up, when the report is given monthly actuals (`--actuals`). */
  followUp?: FollowUpResult;
  /** The live what-if of the primary scenario (HTML only): its compiled model and what the controls change. */
  live?: LivePayload;
}
