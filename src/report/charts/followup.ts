import type { TopLevelSpec } from 'vega-lite';
import { formatMio, type Lang } from '../../text/number.js';
import { monthName } from '../../text/date.js';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, specHead, type Layer } from './theme.js';
import type { ChartOptions } from './types.js';

/** One month of the follow-up chart (mio. kr., cumulative from January). */
export interface FollowUpChartMonth {
  month: number;
  /** Actual cumulative forbrug (months seen). */
  cumulative?: number;
  /** Cumulative budget profile. */
  budget: number;
  /** Projected cumulative forbrug (months from the last one seen to December). */
  fan?: { p025: number; p10: number; p50: number; p90: number; p975: number };
}

/** Input of {@link followUpChart}. */
export interface FollowUpChartInput {
  year: number;
  /** Last month seen (1–12). */
  asOf: number;
  months: FollowUpChartMonth[];
  bevilling: number;
  /** Usable opsparing; drawn as a second rule above the bevilling when positive. */
  opsparing?: number;
  /** The data are illustrative (said in the subtitle). */
  illustrative?: boolean;
}

const WORDS = {
  title: {
    da: 'Forbrug {year} akkumuleret mod budgetprofilen',
    en: 'Spending {year}, cumulative, against the budget profile',
  },
  subtitle: {
    da: 'Mio. kr. Faktisk forbrug til og med {month}, fremskrivning til december med 80 % og 95 % interval; stiplet: budgetprofil',
    en: 'DKK million. Actual spending to the end of {month}, projection to December with 80% and 95% intervals; dashed: budget profile',
  },
  illustrative: { da: ' – ILLUSTRATIVE DATA', en: ' – ILLUSTRATIVE DATA' },
  actual: { da: 'Faktisk forbrug', en: 'Actual spending' },
  budget: { da: 'Budgetprofil', en: 'Budget profile' },
  projection: { da: 'Fremskrivning (median)', en: 'Projection (median)' },
  month: { da: 'Måned (ultimo)', en: 'Month (end of)' },
  opsparing: { da: 'Bevilling + brugbar opsparing', en: 'Appropriation + usable savings' },
} as const;

function w(lang: Lang, k: keyof typeof WORDS, year?: number, month?: string): string {
  return WORDS[k][lang].replace('{year}', String(year ?? '')).replace('{month}', month ?? '');
}

/**
 * Cumulative forbrug of the running year against the budget profile: actual months (solid),
 * the projection's median (dashed) with its 80 % and 95 % fan to December, the budget profile
 * (dashed grey) and the bevilling as a rule. Months on the x axis are month ends (0 = 1 January).
 *
 * @example
 * const spec = followUpChart({ year: 2025, asOf: 6, bevilling: 161.2, months: result.months });
 */
export function followUpChart(input: FollowUpChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const sAct = w(lang, 'actual');
  const sBud = w(lang, 'budget');
  const sProj = w(lang, 'projection');
  const mio = t(lang, 'axis.mio');
  const lines: Record<string, unknown>[] = [
    { month: 0, series: sAct, value: 0 },
    { month: 0, series: sBud, value: 0 },
  ];
  const bands: Record<string, unknown>[] = [];
  const lab80 = lang === 'da' ? '80 %' : '80%';
  const lab95 = lang === 'da' ? '95 %' : '95%';
  for (const m of [...input.months].sort((a, b) => a.month - b.month)) {
    lines.push({ month: m.month, series: sBud, value: m.budget });
    if (m.cumulative !== undefined) lines.push({ month: m.month, series: sAct, value: m.cumulative });
    if (m.fan && m.month >= input.asOf) {
      lines.push({ month: m.month, series: sProj, value: m.fan.p50 });
      bands.push({ month: m.month, interval: lab95, lower: m.fan.p025, upper: m.fan.p975 });
      bands.push({ month: m.month, interval: lab80, lower: m.fan.p10, upper: m.fan.p90 });
    }
  }
  const monthLabels = ['', ...Array.from({ length: 12 }, (_, i) => monthName(i + 1, lang, true))];
  const labelExpr = `${JSON.stringify(monthLabels)}[datum.value]`;
  const rules: Record<string, unknown>[] = [
    { value: input.bevilling, label: `${t(lang, 'series.bevilling')} ${formatMio(input.bevilling, lang)}` },
  ];
  if (input.opsparing && input.opsparing > 0)
    rules.push({
      value: input.bevilling + input.opsparing,
      label: `${w(lang, 'opsparing')} ${formatMio(input.bevilling + input.opsparing, lang)}`,
    });
  const layers: Layer[] = [];
  if (bands.length) {
    layers.push({
      data: { values: bands },
      mark: { type: 'area', color: COLORS.band, interpolate: 'linear' },
      encoding: {
        x: { field: 'month', type: 'quantitative' },
        y: { field: 'lower', type: 'quantitative' },
        y2: { field: 'upper' },
        detail: { field: 'interval', type: 'nominal' },
        opacity: {
          field: 'interval',
          type: 'ordinal',
          sort: [lab95, lab80],
          title: t(lang, 'legend.interval'),
          scale: { domain: [lab95, lab80], range: [0.14, 0.3] },
          legend: { symbolType: 'square', symbolFillColor: COLORS.band, symbolStrokeWidth: 0 },
        },
        tooltip: [
          { field: 'interval', type: 'nominal', title: t(lang, 'legend.interval') },
          { field: 'month', type: 'quantitative', title: w(lang, 'month') },
          { field: 'lower', type: 'quantitative', format: ',.1f', title: '↓' },
          { field: 'upper', type: 'quantitative', format: ',.1f', title: '↑' },
        ],
      },
    });
  }
  layers.push(
    {
      data: { values: rules },
      mark: { type: 'rule', color: COLORS.bevilling, strokeWidth: 1.2, strokeDash: [2, 2] },
      encoding: {
        y: { field: 'value', type: 'quantitative' },
        tooltip: [{ field: 'label', type: 'nominal', title: t(lang, 'legend.series') }],
      },
    },
    {
      data: { values: rules },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'bottom',
        dx: 4,
        dy: -3,
        fontSize: 10,
        color: COLORS.bevilling,
        x: 0,
      },
      encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
    },
    {
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 2.2, point: { filled: true, size: 28 } },
      encoding: {
        x: {
          field: 'month',
          type: 'quantitative',
          title: w(lang, 'month'),
          scale: { domain: [0, 12], nice: false },
          axis: { values: Array.from({ length: 13 }, (_, i) => i), labelExpr },
        },
        y: { field: 'value', type: 'quantitative', title: mio, scale: { zero: true }, axis: { format: ',.0f' } },
        color: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: { domain: [sAct, sProj, sBud], range: ['#222222', COLORS.forecast, COLORS.bevilling] },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: {
            domain: [sAct, sProj, sBud],
            range: [
              [1, 0],
              [6, 3],
              [3, 3],
            ],
          },
        },
        tooltip: [
          { field: 'series', type: 'nominal', title: t(lang, 'legend.series') },
          { field: 'month', type: 'quantitative', title: w(lang, 'month') },
          { field: 'value', type: 'quantitative', title: mio, format: ',.1f' },
        ],
      },
    },
  );
  const subtitle =
    w(lang, 'subtitle', input.year, monthName(input.asOf, lang)) + (input.illustrative ? w(lang, 'illustrative') : '');
  return { ...specHead(lang, w(lang, 'title', input.year), subtitle, { width, height }), layer: layers };
}
