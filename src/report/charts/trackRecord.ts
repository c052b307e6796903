import type { TopLevelSpec } from 'vega-lite';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, specHead } from './theme.js';
import type { ChartOptions, TrackRecordRow } from './types.js';

/**
 * Track record of the forecast behind the headline: for every backtest point (a vantage year and a
 * target year one or two years later), the forecast's 80 % (thick) and 95 % (thin) interval and median
 * (tick) of forbrug, side by side per mode and horizon, with the actual forbrug as a black dot.
 *
 * @example
 * const spec = trackRecordChart([{ target: 2022, vantage: 2020, h: 2, key: 'Med beslutninger, 2 år', actual: 112.3,
 *   p2_5: 101, p10: 115, p50: 146, p90: 191, p97_5: 226 }]);
 */
export function trackRecordChart(rows: TrackRecordRow[], opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const keys = [...new Set(rows.map((r) => r.key))];
  const years = [...new Set(rows.map((r) => r.target))].sort((a, b) => a - b);
  const domain: string[] = [];
  for (let y = years[0]; y <= years[years.length - 1]; y++) domain.push(String(y));
  const values = rows.map((r) => ({ ...r, year: String(r.target) }));
  const actual = [...new Map(rows.map((r) => [r.target, { year: String(r.target), actual: r.actual }])).values()];
  const palette = [COLORS.forbrug, '#7fa7d6', COLORS.flag, '#f0b27a'];
  const color = {
    field: 'key',
    type: 'nominal',
    title: t(lang, 'legend.backtest'),
    sort: keys,
    scale: { domain: keys, range: palette.slice(0, keys.length) },
  } as const;
  const x = {
    field: 'year',
    type: 'ordinal',
    title: t(lang, 'axis.targetYear'),
    axis: { labelAngle: 0 },
    scale: { domain },
  } as const;
  const xOffset = { field: 'key', type: 'nominal', sort: keys, scale: { paddingInner: 0.25 } } as const;
  const mio = t(lang, 'axis.mio');
  const tooltip = [
    { field: 'key', type: 'nominal', title: t(lang, 'legend.backtest') },
    { field: 'vantage', type: 'ordinal', title: t(lang, 'axis.vantage') },
    { field: 'year', type: 'ordinal', title: t(lang, 'axis.targetYear') },
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
              xOffset,
              y: { field: 'p2_5', type: 'quantitative', title: mio, scale: { zero: false } },
              y2: { field: 'p97_5' },
              color,
              tooltip: [...tooltip],
            },
          },
          {
            mark: { type: 'bar', size: 9, opacity: 0.75 },
            encoding: {
              x,
              xOffset,
              y: { field: 'p10', type: 'quantitative' },
              y2: { field: 'p90' },
              color,
              tooltip: [...tooltip],
            },
          },
          {
            mark: { type: 'tick', thickness: 2, size: 12, color: '#ffffff' },
            encoding: { x, xOffset, y: { field: 'p50', type: 'quantitative' } },
          },
        ],
      },
      {
        data: { values: actual },
        mark: { type: 'point', filled: true, size: 70, color: '#222222' },
        encoding: {
          x: { field: 'year', type: 'ordinal' },
          y: { field: 'actual', type: 'quantitative' },
          tooltip: [
            { field: 'year', type: 'ordinal', title: t(lang, 'axis.targetYear') },
            { field: 'actual', type: 'quantitative', title: t(lang, 'series.actual'), format: ',.1f' },
          ],
        },
      },
    ],
  };
}
