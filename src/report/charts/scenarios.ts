import type { TopLevelSpec } from 'vega-lite';
import { formatPct } from '../../text/number.js';
import { t } from '../../text/report.js';
import type { Lang } from '../../text/number.js';
import {
  COLORS,
  chartDefaults,
  eventLayers,
  flagLayer,
  flagText,
  groupOffset,
  percentAxis,
  primaryFlag,
  specHead,
  yearAxis,
  type Layer,
} from './theme.js';
import type { ChartEvent, ChartOptions, ScenarioYearRow } from './types.js';

function scenarioScale(rows: ScenarioYearRow[]) {
  const names = [...new Set(rows.map((r) => r.scenario))];
  return {
    domain: names,
    range: COLORS.scenarios
      .slice(0, names.length)
      .concat(Array(Math.max(0, names.length - COLORS.scenarios.length)).fill('#999999')),
  };
}

/** One year of actual forbrug and bevilling drawn left of the projections (flags marked). */
export interface ScenarioHistoryRow {
  year: number;
  forbrug: number;
  bevilling: number;
  flags?: string[];
}

/** The quantitative year axis of the scenario charts, with event rules of the years shown. */
function yearX(lang: Lang, from: number, to: number) {
  return {
    field: 'x',
    type: 'quantitative',
    axis: yearAxis(lang),
    scale: { domain: [from - 0.6, to + 0.6] as number[], nice: false },
  } as const;
}

/**
 * Scenario comparison: for each projection year and scenario, the median forbrug (point),
 * its 50 % (thick) and 90 % (thin) intervals, and the bevilling (grey tick), side by side around the year's
 * tick. Optional `history` (actual forbrug and bevilling of recent years) is drawn in black to the left,
 * flagged years marked, so the projections are seen against the actuals; missing years stay empty. Events
 * within the years shown are drawn as rules (see `eventLayers`).
 *
 * @example
 * const spec = scenarioComparisonChart([{ scenario: 'Basis', year: 2026, bevilling: 160,
 *   forbrug: { mean: 150, p5: 130, p10: 135, p25: 142, p50: 150, p75: 158, p90: 165, p95: 170 }, pMerforbrug: 0.3, pMerforbrugSe: 0.004 }]);
 */
export function scenarioComparisonChart(
  rows: ScenarioYearRow[],
  opts: ChartOptions = {},
  history: ScenarioHistoryRow[] = [],
  events: ChartEvent[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const names = scenarioScale(rows).domain;
  const slot = 0.8 / Math.max(1, names.length);
  const values = rows.map((r) => {
    const x = r.year + groupOffset(names.indexOf(r.scenario), names.length);
    return {
      scenario: r.scenario,
      year: r.year,
      x,
      x0: x - slot * 0.45,
      x1: x + slot * 0.45,
      bevilling: r.bevilling,
      ...r.forbrug,
    };
  });
  const allYears = [...rows.map((r) => r.year), ...history.map((h) => h.year)];
  const from = Math.min(...allYears);
  const to = Math.max(...allYears);
  const sAct = `${t(lang, 'series.actual')} ${t(lang, 'series.forbrug').toLowerCase()}`;
  const histValues = history.map((h) => ({
    year: h.year,
    x: h.year,
    x0: h.year - 0.36,
    x1: h.year + 0.36,
    forbrug: h.forbrug,
    bevilling: h.bevilling,
    series: sAct,
    flag: primaryFlag(h.flags ?? [], lang),
    flagText: flagText(h.flags ?? [], lang),
  }));
  const color = {
    field: 'scenario',
    type: 'nominal',
    title: t(lang, 'legend.scenario'),
    sort: names,
    scale: scenarioScale(rows),
  } as const;
  const x = yearX(lang, from, to);
  const mio = t(lang, 'axis.mio');
  const yearTip = { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' } as const;
  const histLayers: Layer[] = histValues.length
    ? [
        {
          data: { values: histValues },
          mark: { type: 'rule', color: COLORS.bevilling, strokeWidth: 2, strokeDash: [3, 2] },
          encoding: {
            x: { field: 'x0', type: 'quantitative' },
            x2: { field: 'x1' },
            y: { field: 'bevilling', type: 'quantitative' },
          },
        },
        {
          data: { values: histValues },
          mark: { type: 'point', filled: true, size: 60, color: '#222222' },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'forbrug', type: 'quantitative' },
            shape: { field: 'series', type: 'nominal', title: null, scale: { range: ['circle'] } },
            tooltip: [
              yearTip,
              { field: 'forbrug', type: 'quantitative', title: t(lang, 'series.forbrug'), format: ',.1f' },
              { field: 'bevilling', type: 'quantitative', title: t(lang, 'series.bevilling'), format: ',.1f' },
              { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
            ],
          },
        },
        ...flagLayer(histValues, 'x', 'forbrug', lang),
      ]
    : [];
  const tooltip = [
    { field: 'scenario', type: 'nominal', title: t(lang, 'legend.scenario') },
    yearTip,
    { field: 'p50', type: 'quantitative', title: t(lang, 'col.forbrugMedian'), format: ',.1f' },
    { field: 'p10', type: 'quantitative', title: 'P10', format: ',.1f' },
    { field: 'p90', type: 'quantitative', title: 'P90', format: ',.1f' },
    { field: 'bevilling', type: 'quantitative', title: t(lang, 'series.bevilling'), format: ',.1f' },
  ] as const;
  return {
    ...specHead(lang, t(lang, 'chart.scenarios.title'), t(lang, 'chart.scenarios.subtitle'), { width, height }),
    layer: [
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: 'p5', type: 'quantitative', title: mio, scale: { zero: false } },
          y2: { field: 'p95' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 7, opacity: 0.55 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p25', type: 'quantitative' },
          y2: { field: 'p75' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p50', type: 'quantitative' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        data: { values },
        mark: { type: 'rule', color: COLORS.bevilling, strokeWidth: 2, strokeDash: [3, 2] },
        encoding: {
          x: { field: 'x0', type: 'quantitative' },
          x2: { field: 'x1' },
          y: { field: 'bevilling', type: 'quantitative' },
          tooltip: [...tooltip],
        },
      },
      ...histLayers,
      ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
    ],
    resolve: { scale: { shape: 'independent' } },
  } as TopLevelSpec;
}

/**
 * P(merforbrug) by year and scenario as grouped bars with ±1.96 MC standard errors and
 * percentage labels in the report language; events within the years shown are drawn as rules.
 *
 * @example
 * const spec = pMerforbrugChart(rows, { lang: 'en' });
 */
export function pMerforbrugChart(
  rows: ScenarioYearRow[],
  opts: ChartOptions = {},
  events: ChartEvent[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const names = scenarioScale(rows).domain;
  const from = Math.min(...rows.map((r) => r.year));
  const to = Math.max(...rows.map((r) => r.year));
  const values = rows.map((r) => ({
    scenario: r.scenario,
    year: r.year,
    x: r.year + groupOffset(names.indexOf(r.scenario), names.length, 0.9),
    p: r.pMerforbrug,
    lo: Math.max(0, r.pMerforbrug - 1.96 * r.pMerforbrugSe),
    hi: Math.min(1, r.pMerforbrug + 1.96 * r.pMerforbrugSe),
    label: formatPct(r.pMerforbrug, lang, 0),
  }));
  const color = {
    field: 'scenario',
    type: 'nominal',
    title: t(lang, 'legend.scenario'),
    sort: names,
    scale: scenarioScale(rows),
  } as const;
  // bar width: 90 % of a scenario's share of the year (0,9 year per group)
  const barPx = Math.max(2, Math.floor(((0.9 / Math.max(1, names.length)) * 0.9 * width) / (to - from + 1.2)));
  const xq = { field: 'x', type: 'quantitative' } as const;
  return {
    ...specHead(lang, t(lang, 'chart.pmerforbrug.title'), t(lang, 'chart.pmerforbrug.subtitle'), { width, height }),
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'bar', opacity: 0.85, size: barPx },
            encoding: {
              x: yearX(lang, from, to),
              y: {
                field: 'p',
                type: 'quantitative',
                title: t(lang, 'axis.probability'),
                scale: { domain: [0, 1] },
                axis: percentAxis(lang),
              },
              color,
              tooltip: [
                { field: 'scenario', type: 'nominal', title: t(lang, 'legend.scenario') },
                { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
                { field: 'label', type: 'nominal', title: t(lang, 'axis.probability') },
              ],
            },
          },
          {
            mark: { type: 'rule', color: '#333333' },
            encoding: { x: xq, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
          },
          {
            mark: { type: 'text', dy: -8, fontSize: 10, color: '#333333' },
            encoding: { x: xq, y: { field: 'hi', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
      ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
    ],
  } as TopLevelSpec;
}
