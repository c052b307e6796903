import type { TopLevelSpec } from 'vega-lite';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, eventLayers, flagLayer, flagText, primaryFlag, yearAxis, specHead } from './theme.js';
import type { ChartEvent, ChartOptions, UnitCostChartRow } from './types.js';

/**
 * Forbrug per rådgivningsforløb in current and fixed prices (thousand kr.), with flagged
 * years (estimated forløb, registration break) marked and events as rules.
 *
 * @example
 * const spec = unitCostChart([{ year: 2019, current: 66102, fixed: 70310, flags: [] }], 2024, []);
 */
export function unitCostChart(
  rows: UnitCostChartRow[],
  baseYear: number,
  events: ChartEvent[] = [],
  opts: ChartOptions = {},
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const from = sorted[0]?.year ?? baseYear;
  const to = sorted[sorted.length - 1]?.year ?? baseYear;
  const cur = t(lang, 'series.current');
  const fix = `${t(lang, 'series.fixed')} (${baseYear})`;
  const byYear = new Map(sorted.map((r) => [r.year, r]));
  const values: Record<string, unknown>[] = [];
  for (let y = from; y <= to; y++) {
    const r = byYear.get(y);
    const flag = r ? primaryFlag(r.flags, lang) : undefined;
    const ft = r ? flagText(r.flags, lang) : '';
    values.push({
      year: y,
      prices: cur,
      value: r && Number.isFinite(r.current) ? r.current / 1000 : null,
      flag,
      flagText: ft,
    });
    values.push({
      year: y,
      prices: fix,
      value: r && Number.isFinite(r.fixed) ? r.fixed / 1000 : null,
      flag,
      flagText: ft,
    });
  }
  const axisTitle = t(lang, 'axis.tkr');
  return {
    ...specHead(lang, t(lang, 'chart.unitcost.title'), t(lang, 'chart.unitcost.subtitle', { base: baseYear }), {
      width,
      height,
    }),
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2.2, point: { filled: true, size: 34 } },
        encoding: {
          x: {
            field: 'year',
            type: 'quantitative',
            axis: yearAxis(lang),
            scale: { domain: [from - 0.6, to + 0.6], nice: false },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            title: axisTitle,
            scale: { zero: false },
            axis: { format: ',.0f' },
          },
          color: {
            field: 'prices',
            type: 'nominal',
            title: t(lang, 'legend.prices'),
            scale: { domain: [cur, fix], range: [COLORS.forbrug, COLORS.bevilling] },
          },
          strokeDash: {
            field: 'prices',
            type: 'nominal',
            title: t(lang, 'legend.prices'),
            scale: {
              domain: [cur, fix],
              range: [
                [1, 0],
                [6, 3],
              ],
            },
          },
          tooltip: [
            { field: 'prices', type: 'nominal', title: t(lang, 'legend.prices') },
            { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
            { field: 'value', type: 'quantitative', title: axisTitle, format: ',.1f' },
            { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
          ],
        },
      },
      ...flagLayer(
        values.filter((v) => v.prices === cur && v.value !== null),
        'year',
        'value',
        lang,
      ),
      ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
    ],
  };
}
