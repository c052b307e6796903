/**
 * Result types of the in-year follow-up (`followUp`): plain data (JSON as it is), no language.
 * Texts are codes with parameters, worded by `followUpText` (text.ts) in Danish or English.
 */
import type { Decomposition, BudgetProfileSource } from './budget.js';
import type { YearEndSummary } from './prior.js';

export type { YearEndSummary };

/** Where an assumption or input is written: a file and line, or a source document. */
export interface SourceRef {
  file?: string;
  line?: number;
  /** `doc#locator` of data/sources.csv, a scenario id, or an option such as `--bevilling`. */
  source?: string;
}

/** A labelled input of the follow-up (value, what it is, where it comes from). */
export interface AssumptionRow {
  /** Code of the text (see text.ts), e.g. `bevilling.scenario`. */
  code: string;
  params: Record<string, string | number>;
  at: SourceRef;
}

/** A note on the result (code and parameters; worded by text.ts). */
export interface Note {
  code: string;
  params: Record<string, string | number>;
}

/** One month of the follow-up table and chart (mio. kr.). */
export interface FollowUpMonth {
  month: number;
  /** Actual forbrug of the month and cumulative to its end (months seen only). */
  forbrug?: number;
  cumulative?: number;
  /** Budget profile, cumulative. */
  budget: number;
  /** Projected cumulative forbrug (months after the last one seen; the last seen month as anchor). */
  fan?: { p025: number; p10: number; p50: number; p90: number; p975: number };
  forloeb?: number;
  henvendelser?: number;
  aftaler?: number;
}

/** Coverage of the projection's intervals at one month of the year (backtest). */
export interface CoverageRow {
  month: number;
  /** Years projected at this month. */
  n: number;
  /** Share of years whose actual year-end forbrug fell inside the 80 % / 95 % interval. */
  coverage80: number;
  coverage95: number;
  /** The same for the projection from the data alone (no prior). */
  dataCoverage80: number;
  dataCoverage95: number;
  /** Mean absolute percentage error of the median (share). */
  mape: number;
  dataMape: number;
}

/** The month-by-month backtest over the file's complete earlier years. */
export interface FollowUpBacktest {
  /** Years projected (complete years with at least the years before them available). */
  years: number[];
  months: CoverageRow[];
  /** All months together. */
  overall: Omit<CoverageRow, 'month'>;
  /** The prior used for past years (the scenario model cannot be re-based): a time-series forecast. */
  prior: { method: string; series: string };
  runs: number;
  /** The file is labelled illustrative: the coverage shows only that the machinery works. */
  illustrative: boolean;
  /** One row per year and month: projected P10/P50/P90 and the actual (for inspection). */
  details: {
    year: number;
    month: number;
    actual: number;
    p025: number;
    p10: number;
    p50: number;
    p90: number;
    p975: number;
    /** The same quantiles of the projection from the data alone. */
    data: { p025: number; p10: number; p50: number; p90: number; p975: number };
    priorWeight: number;
  }[];
}

/** The result of `followUp`. */
export interface FollowUpResult {
  file: string;
  year: number;
  /** Last month seen (1–12). */
  asOf: number;
  granularity: 'month' | 'quarter';
  illustrative: boolean;
  /** The file's stated date (ISO), if any. */
  statedDate?: string;
  runs: number;
  seed: number;
  toDate: {
    forbrug: number;
    budget: number;
    deviation: number;
    forloeb?: number;
    henvendelser?: number;
    aftaler?: number;
  };
  /** The bevilling (mio. kr.): the given or known amount, or the mean of the scenario's estimate. */
  bevilling: number;
  /**
   * The scenario's estimate of the bevilling as drawn with the forbrug (when it is an estimate: no
   * `--bevilling`, budget column or data for the year); merforbrug and the probabilities carry it.
   */
  bevillingDrawn?: YearEndSummary;
  opsparing: number;
  /** The forventet regnskab: posterior year-end forbrug. */
  yearEnd: YearEndSummary;
  /** Year-end forbrug from the data alone, and the prior. */
  data: YearEndSummary;
  prior?: YearEndSummary & { scenario: string; name: string; nameEn?: string; runs: number; seed: number };
  /** Weight of the prior in the update (0 = data only). */
  priorWeight: number;
  merforbrug: YearEndSummary;
  /** P(forbrug > bevilling) and its Monte Carlo standard error. */
  pMerforbrug: number;
  pMerforbrugSe: number;
  /** P(forbrug > bevilling + usable opsparing). */
  pBeyondOpsparing: number;
  pBeyondOpsparingSe: number;
  months: FollowUpMonth[];
  budgetProfile: { source: BudgetProfileSource; years?: number[] };
  deviation?: Decomposition & { budgetForloeb: number };
  /** How the data projection was made (history years, residual model, pace of new forløb). */
  projection: {
    historyYears: number[];
    /**
     * ε of the month: Student t with this location, scale and df from `years` history years; `mean` is ē, their mean
     * residual log(C_k,m / F_k) − log P_k,m, shrunk to location = K·ē/(κ₀ + K) with κ₀ = `biasPriorYears`.
     */
    residual: { location: number; scale: number; df: number; years: number; mean: number; biasPriorYears: number };
    /** P_m: the structural share of the year spent by the end of the month (at the median pace). */
    share: number;
    /** C_m / (P_m · exp(location)): the projection at the medians of pace and ε. */
    central: number;
    pace?: { value: number; logSd: number; startsCv: number; months: number };
    sizes: 'forloeb' | 'aftaler' | 'none';
    startProfile: number[];
    startProfileFrom: number[];
    assumedYears: number[];
  };
  backtest?: FollowUpBacktest;
  assumptions: AssumptionRow[];
  notes: Note[];
}
