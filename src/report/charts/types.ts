/**
 * Plain input types for the chart functions. Charts never call the engines; the report
 * collector (`src/report/collect.ts`) maps dataset, forecast, scenario and measure results
 * onto these shapes, so every chart is a pure function of small typed tables.
 */
import type { Lang } from '../../text/number.js';
import type { Quantiles } from '../../stats/quantiles.js';

/** Options shared by every chart function. */
export interface ChartOptions {
  /** Language of titles, axes and legends (default Danish). */
  lang?: Lang;
  /** Width of the plotting area in pixels (default 760). */
  width?: number;
  /** Height of the plotting area in pixels (default 300). */
  height?: number;
}

/** A dated event drawn as an annotated vertical rule on time axes. */
export interface ChartEvent {
  id: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  kind: string;
  /** Label in the chart's language. */
  title: string;
  /** `doc#locator`. */
  source?: string;
}

/** One year of bevilling and forbrug (mio. kr.). Missing years are simply absent. */
export interface BudgetRow {
  year: number;
  bevilling: number;
  forbrug: number;
  flags: string[];
  sources: string[];
}

/** One value of a yearly series (for activity and unit-cost charts). */
export interface YearValue {
  year: number;
  value: number;
  flags: string[];
  sources?: string[];
}

/** Activity by hovedområde: `area` is a slug (voksne, boern_unge, specialundervisning, andet, i_alt). */
export interface ActivityRow extends YearValue {
  measure: 'henvendelser' | 'forloeb';
  area: string;
}

/** Cost per forløb in current and fixed prices (kr. per forløb). */
export interface UnitCostChartRow {
  year: number;
  current: number;
  fixed: number;
  flags: string[];
}

/** A forecast to draw as a fan: point path and central intervals by level (e.g. 50, 80, 95). */
export interface FanInput {
  /** Series label in the chart language. */
  label: string;
  unit: 'mio. kr.' | 'count';
  /** Method description, shown in the subtitle. */
  method: string;
  actual: YearValue[];
  years: number[];
  point: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** A second forecast drawn as a dotted line with its 80 % interval as whiskers (a labelled cross-check). */
  crossCheck?: { label: string; years: number[]; point: number[]; lower: number[]; upper: number[] };
}

/** Quantiles of one scenario quantity in one year (the shared `Quantiles`; old name kept for the public API). */
export type QuantileSummary = Quantiles;

/** One scenario-year for comparison charts. */
export interface ScenarioYearRow {
  scenario: string;
  year: number;
  forbrug: QuantileSummary;
  bevilling: number;
  pMerforbrug: number;
  pMerforbrugSe: number;
}

/** One tornado bar: expected merforbrug with the parameter at its low and high value. */
export interface TornadoChartRow {
  parameter: string;
  low: number;
  high: number;
  /** Optional labels of the low/high parameter values (e.g. `-5 %`). */
  lowLabel?: string;
  highLabel?: string;
  /** Optional low/high parameter values (for tables). */
  lowValue?: number;
  highValue?: number;
  /** The spreadsheet number format of the parameter values (`0.0%` for a rate; for tables). */
  valueFormat?: string;
}

/** A measure's actual vs counterfactual series with an interval. */
export interface MeasureChartInput {
  name: string;
  /** `ratio` for rates such as forløb per henvendelse. */
  unit: 'mio. kr.' | 'count' | 'ratio';
  /** Label of the acted-on quantity, e.g. "Rådgivningsforløb". */
  quantity: string;
  actual: YearValue[];
  counterfactual: { year: number; point: number; lower: number; upper: number }[];
  /** Start date of the measure `YYYY-MM-DD` (drawn as an event rule). */
  start: string;
  /** Level of the counterfactual interval in percent (default 80). */
  level?: number;
}

/** One point of a what-if grid (computed by the scenario engine's `tighteningGrid`). */
export type { GridPoint } from '../../scenario/whatif.js';

/** One backtest point for `trackRecordChart`: a forecast of forbrug in `target` made at `vantage`. */
export interface TrackRecordRow {
  target: number;
  vantage: number;
  h: number;
  /** Series label (mode and horizon) in the chart's language. */
  key: string;
  actual: number;
  p2_5: number;
  p10: number;
  p50: number;
  p90: number;
  p97_5: number;
  /** Flags of the actual forbrug of `target` (marked on the actual's dot). */
  flags?: string[];
}
