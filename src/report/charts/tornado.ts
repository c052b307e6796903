import type { TopLevelSpec } from 'vega-lite';
import { t } from '../../text/report.js';
import { chartDefaults, specHead } from './theme.js';
import type { ChartOptions, TornadoChartRow } from './types.js';

/**
 * Tornado chart: for each assumption, the merforbrug in `year` when it is set to its low
 * and high value, as bars from the base value (all inputs at their medians); sorted by
 * swing, widest on top.
 *
 * @example
 * const spec = tornadoChart([{ parameter: 'Efterspørgsel', low: -4, high: 6 }], 1.2, 2026);
 */
export function tornadoChart(
  rows: TornadoChartRow[],
  base: number,
  year: number,
  opts: ChartOptions = {},
): TopLevelSpec {
  const { lang, width } = chartDefaults(opts);
  const order = [...rows]
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.parameter.localeCompare(b.parameter))
    .map((r) => r.parameter);
  const sLow = t(lang, 'side.low');
  const sHigh = t(lang, 'side.high');
  const values = rows.flatMap((r) => [
    { parameter: r.parameter, side: sLow, value: r.low, base, valueLabel: r.lowLabel ?? '' },
    { parameter: r.parameter, side: sHigh, value: r.high, base, valueLabel: r.highLabel ?? '' },
  ]);
  const mio = t(lang, 'axis.merforbrug');
  return {
    ...specHead(lang, t(lang, 'chart.tornado.title', { year }), t(lang, 'chart.tornado.subtitle'), {
      width,
      height: Math.max(120, 28 * rows.length),
    }),
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: 16, opacity: 0.85 },
        encoding: {
          y: { field: 'parameter', type: 'nominal', sort: order, title: null, axis: { labelLimit: 260 } },
          x: { field: 'base', type: 'quantitative', title: mio, scale: { zero: false } },
          x2: { field: 'value' },
          color: {
            field: 'side',
            type: 'nominal',
            title: t(lang, 'legend.side'),
            scale: { domain: [sLow, sHigh], range: ['#9ecae1', '#1f5fa8'] },
          },
          tooltip: [
            { field: 'parameter', type: 'nominal', title: t(lang, 'axis.parameter') },
            { field: 'side', type: 'nominal', title: t(lang, 'legend.side') },
            { field: 'valueLabel', type: 'nominal', title: t(lang, 'col.value') },
            { field: 'value', type: 'quantitative', title: mio, format: ',.2f' },
          ],
        },
      },
      {
        data: { values: [{ base }] },
        mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 },
        encoding: { x: { field: 'base', type: 'quantitative' } },
      },
    ],
  };
}
