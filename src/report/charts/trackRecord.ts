import type { TopLevelSpec } from 'vega-lite';
import { t } from '../../text/report.js';
import {
  COLORS,
  chartDefaults,
  eventLayers,
  flagLayer,
  flagText,
  groupOffset,
  primaryFlag,
  specHead,
  yearAxis,
} from './theme.js';
import type { ChartEvent, ChartOptions, TrackRecordRow } from './types.js';

/**
 * Track record of the forecast behind the headline: for every backtest point (a vantage year and a
 * target year one or two years later), the forecast's 80 % (thick) and 95 % (thin) interval and median
 * (tick) of forbrug, side by side per mode and horizon around the target year's tick, with the actual forbrug as
 * a black dot (flagged years marked, from the rows' `flags`) and events within the target years as rules.
 *
 * @example
 * const spec = trackRecordChart([{ target: 2022, vantage: 2020, h: 2, key: 'Med beslutninger, 2 år', actual: 112.3,
 *   p2_5: 101, p10: 115, p50: 146, p90: 191, p97_5: 226 }]);
 */
export function trackRecordChart(
  rows: TrackRecordRow[],
  opts: ChartOptions = {},
  events: ChartEvent[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const keys = [...new Set(rows.map((r) => r.key))];
  const years = [...new Set(rows.map((r) => r.target))].sort((a, b) => a - b);
  const from = years[0];
  const to = years[years.length - 1];
  const values = rows.map((r) => ({
    ...r,
    year: r.target,
    x: r.target + groupOffset(keys.indexOf(r.key), keys.length),
  }));
  const actual = [
    ...new Map(
      rows.map((r) => [
        r.target,
        {
          year: r.target,
          x: r.target,
          actual: r.actual,
          flag: primaryFlag(r.flags ?? [], lang),
          flagText: flagText(r.flags ?? [], lang),
        },
      ]),
    ).values(),
  ];
  const palette = [COLORS.forbrug, '#7fa7d6', COLORS.flag, '#f0b27a'];
  const color = {
    field: 'key',
    type: 'nominal',
    title: t(lang, 'legend.backtest'),
    sort: keys,
    scale: { domain: keys, range: palette.slice(0, keys.length) },
    legend: { columns: 2 },
  } as const;
  const x = {
    field: 'x',
    type: 'quantitative',
    axis: { ...yearAxis(lang), title: t(lang, 'axis.targetYear') },
    scale: { domain: [from - 0.6, to + 0.6] as number[], nice: false },
  } as const;
  const xq = { field: 'x', type: 'quantitative' } as const;
  const barPx = Math.max(
    2,
    Math.min(9, Math.floor(((0.8 / Math.max(1, keys.length)) * 0.7 * width) / (to - from + 1.2))),
  );
  const mio = t(lang, 'axis.mio');
  const tooltip = [
    { field: 'key', type: 'nominal', title: t(lang, 'legend.backtest') },
    { field: 'vantage', type: 'ordinal', title: t(lang, 'axis.vantage') },
    { field: 'year', type: 'quantitative', title: t(lang, 'axis.targetYear'), format: 'd' },
    { field: 'p50', type: 'quantitative', title: 'P50', format: ',.1f' },
    { field: 'p10', type: 'quantitative', title: 'P10', format: ',.1f' },
    { field: 'p90', type: 'quantitative', title: 'P90', format: ',.1f' },
    { field: 'actual', type: 'quantitative', title: t(lang, 'series.actual'), format: ',.1f' },
  ] as const;
  return {
    ...specHead(lang, t(lang, 'chart.trackrecord.title'), t(lang, 'chart.trackrecord.subtitle'), { width, height }),
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: {
              x,
              y: { field: 'p2_5', type: 'quantitative', title: mio, scale: { zero: false } },
              y2: { field: 'p97_5' },
              color,
              tooltip: [...tooltip],
            },
          },
          {
            mark: { type: 'bar', size: barPx, opacity: 0.75 },
            encoding: {
              x: xq,
              y: { field: 'p10', type: 'quantitative' },
              y2: { field: 'p90' },
              color,
              tooltip: [...tooltip],
            },
          },
          {
            mark: { type: 'tick', orient: 'horizontal', thickness: 2, size: barPx + 3, color: '#ffffff' },
            encoding: { x: xq, y: { field: 'p50', type: 'quantitative' } },
          },
        ],
      },
      {
        data: { values: actual },
        mark: { type: 'point', filled: true, size: 70, color: '#222222' },
        encoding: {
          x: xq,
          y: { field: 'actual', type: 'quantitative' },
          tooltip: [
            { field: 'year', type: 'quantitative', title: t(lang, 'axis.targetYear'), format: 'd' },
            { field: 'actual', type: 'quantitative', title: t(lang, 'series.actual'), format: ',.1f' },
            { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
          ],
        },
      },
      ...flagLayer(actual, 'x', 'actual', lang),
      ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
    ],
  };
}
