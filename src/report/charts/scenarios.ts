import type { TopLevelSpec } from 'vega-lite';
import { formatPct } from '../../text/number.js';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, percentAxis, specHead } from './theme.js';
import type { ChartOptions, ScenarioYearRow } from './types.js';

function scenarioScale(rows: ScenarioYearRow[]) {
  const names = [...new Set(rows.map((r) => r.scenario))];
  return {
    domain: names,
    range: COLORS.scenarios
      .slice(0, names.length)
      .concat(Array(Math.max(0, names.length - COLORS.scenarios.length)).fill('#999999')),
  };
}

/**
 * Scenario comparison: for each projection year and scenario, the median forbrug (point),
 * its 50 % (thick) and 90 % (thin) intervals, and the bevilling (grey tick). Optional
 * `history` (actual forbrug and bevilling of recent years) is drawn in black to the left,
 * so the projections are seen against the actuals; missing years stay empty.
 *
 * @example
 * const spec = scenarioComparisonChart([{ scenario: 'Basis', year: 2026, bevilling: 160,
 *   forbrug: { mean: 150, p5: 130, p10: 135, p25: 142, p50: 150, p75: 158, p90: 165, p95: 170 }, pMerforbrug: 0.3, pMerforbrugSe: 0.004 }]);
 */
export function scenarioComparisonChart(
  rows: ScenarioYearRow[],
  opts: ChartOptions = {},
  history: { year: number; forbrug: number; bevilling: number }[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const values = rows.map((r) => ({
    scenario: r.scenario,
    year: String(r.year),
    bevilling: r.bevilling,
    ...r.forbrug,
  }));
  const allYears = [...rows.map((r) => r.year), ...history.map((h) => h.year)];
  const yearDomain: string[] = [];
  for (let y = Math.min(...allYears); y <= Math.max(...allYears); y++) yearDomain.push(String(y));
  const sAct = `${t(lang, 'series.actual')} ${t(lang, 'series.forbrug').toLowerCase()}`;
  const histValues = history.map((h) => ({
    year: String(h.year),
    forbrug: h.forbrug,
    bevilling: h.bevilling,
    series: sAct,
  }));
  const color = {
    field: 'scenario',
    type: 'nominal',
    title: t(lang, 'legend.scenario'),
    sort: scenarioScale(rows).domain,
    scale: scenarioScale(rows),
  } as const;
  const x = {
    field: 'year',
    type: 'ordinal',
    title: t(lang, 'axis.year'),
    axis: { labelAngle: 0 },
    scale: { domain: yearDomain },
  } as const;
  const xOffset = {
    field: 'scenario',
    type: 'nominal',
    sort: scenarioScale(rows).domain,
    scale: { paddingInner: 0.2 },
  } as const;
  const mio = t(lang, 'axis.mio');
  const histLayers = histValues.length
    ? [
        {
          data: { values: histValues },
          mark: { type: 'tick' as const, color: COLORS.bevilling, thickness: 2, strokeDash: [3, 2] },
          encoding: {
            x: { field: 'year', type: 'ordinal' as const },
            y: { field: 'bevilling', type: 'quantitative' as const },
          },
        },
        {
          data: { values: histValues },
          mark: { type: 'point' as const, filled: true, size: 60, color: '#222222' },
          encoding: {
            x: { field: 'year', type: 'ordinal' as const },
            y: { field: 'forbrug', type: 'quantitative' as const },
            shape: { field: 'series', type: 'nominal' as const, title: null, scale: { range: ['circle'] } },
            tooltip: [
              { field: 'year', type: 'ordinal' as const, title: t(lang, 'axis.year') },
              { field: 'forbrug', type: 'quantitative' as const, title: t(lang, 'series.forbrug'), format: ',.1f' },
              { field: 'bevilling', type: 'quantitative' as const, title: t(lang, 'series.bevilling'), format: ',.1f' },
            ],
          },
        },
      ]
    : [];
  const tooltip = [
    { field: 'scenario', type: 'nominal', title: t(lang, 'legend.scenario') },
    { field: 'year', type: 'ordinal', title: t(lang, 'axis.year') },
    { field: 'p50', type: 'quantitative', title: t(lang, 'col.forbrugMedian'), format: ',.1f' },
    { field: 'p10', type: 'quantitative', title: 'P10', format: ',.1f' },
    { field: 'p90', type: 'quantitative', title: 'P90', format: ',.1f' },
    { field: 'bevilling', type: 'quantitative', title: t(lang, 'series.bevilling'), format: ',.1f' },
  ] as const;
  return {
    ...specHead(lang, t(lang, 'chart.scenarios.title'), t(lang, 'chart.scenarios.subtitle'), { width, height }),
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x,
          xOffset,
          y: { field: 'p5', type: 'quantitative', title: mio, scale: { zero: false } },
          y2: { field: 'p95' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 7, opacity: 0.55 },
        encoding: {
          x,
          xOffset,
          y: { field: 'p25', type: 'quantitative' },
          y2: { field: 'p75' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60, stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, xOffset, y: { field: 'p50', type: 'quantitative' }, color, tooltip: [...tooltip] },
      },
      {
        mark: { type: 'tick', color: COLORS.bevilling, thickness: 2, strokeDash: [3, 2] },
        encoding: { x, xOffset, y: { field: 'bevilling', type: 'quantitative' }, tooltip: [...tooltip] },
      },
      ...histLayers,
    ],
  };
}

/**
 * P(merforbrug) by year and scenario as grouped bars with ±1.96 MC standard errors and
 * percentage labels in the report language.
 *
 * @example
 * const spec = pMerforbrugChart(rows, { lang: 'en' });
 */
export function pMerforbrugChart(rows: ScenarioYearRow[], opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const values = rows.map((r) => ({
    scenario: r.scenario,
    year: String(r.year),
    p: r.pMerforbrug,
    lo: Math.max(0, r.pMerforbrug - 1.96 * r.pMerforbrugSe),
    hi: Math.min(1, r.pMerforbrug + 1.96 * r.pMerforbrugSe),
    label: formatPct(r.pMerforbrug, lang, 0),
  }));
  const color = {
    field: 'scenario',
    type: 'nominal',
    title: t(lang, 'legend.scenario'),
    sort: scenarioScale(rows).domain,
    scale: scenarioScale(rows),
  } as const;
  const x = { field: 'year', type: 'ordinal', title: t(lang, 'axis.year'), axis: { labelAngle: 0 } } as const;
  const xOffset = {
    field: 'scenario',
    type: 'nominal',
    sort: scenarioScale(rows).domain,
    scale: { paddingInner: 0.1 },
  } as const;
  return {
    ...specHead(lang, t(lang, 'chart.pmerforbrug.title'), t(lang, 'chart.pmerforbrug.subtitle'), { width, height }),
    data: { values },
    encoding: { x, xOffset },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
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
            { field: 'year', type: 'ordinal', title: t(lang, 'axis.year') },
            { field: 'label', type: 'nominal', title: t(lang, 'axis.probability') },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#333333' },
        encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
      },
      {
        mark: { type: 'text', dy: -8, fontSize: 10, color: '#333333' },
        encoding: { y: { field: 'hi', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
