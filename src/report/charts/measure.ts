import type { TopLevelSpec } from 'vega-lite';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, eventLayers, flagLayer, flagText, primaryFlag, yearAxis, specHead } from './theme.js';
import type { ChartEvent, ChartOptions, MeasureChartInput } from './types.js';

/**
 * A measure's effect: the actual series against the counterfactual path without the
 * measure (dashed, with its interval as a band), flagged points marked, the start of the measure as a rule and
 * the `events` within the years shown as rules (the start is not drawn twice when an event has its date).
 *
 * @example
 * const spec = measureChart({ name: 'Skærpet visitation', unit: 'count', quantity: 'Rådgivningsforløb', start: '2021-09-20',
 *   actual: [{ year: 2023, value: 1859, flags: [] }], counterfactual: [{ year: 2023, point: 2300, lower: 2000, upper: 2600 }] });
 */
export function measureChart(
  input: MeasureChartInput,
  opts: ChartOptions = {},
  events: ChartEvent[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const years = [...input.actual.map((a) => a.year), ...input.counterfactual.map((c) => c.year)];
  const from = Math.min(...years);
  const to = Math.max(...years);
  const sAct = t(lang, 'series.actual');
  const sCf = t(lang, 'series.counterfactual');
  const byYear = new Map(input.actual.map((a) => [a.year, a]));
  const lines: Record<string, unknown>[] = [];
  const actFrom = Math.min(...input.actual.map((a) => a.year));
  const actTo = Math.max(...input.actual.map((a) => a.year));
  for (let y = actFrom; y <= actTo; y++) {
    const a = byYear.get(y);
    lines.push({
      year: y,
      series: sAct,
      value: a ? a.value : null,
      flag: a ? primaryFlag(a.flags, lang) : undefined,
      flagText: a ? flagText(a.flags, lang) : '',
    });
  }
  for (const c of input.counterfactual) lines.push({ year: c.year, series: sCf, value: c.point });
  // a quantity that names its unit already ("Forbrug (mio. kr.)") keeps it once
  const yTitle =
    input.unit === 'ratio' || /\([^()]*\)$/.test(input.quantity)
      ? input.quantity
      : `${input.quantity} (${input.unit === 'mio. kr.' ? t(lang, 'axis.mio') : t(lang, 'axis.count').toLowerCase()})`;
  const fmt = input.unit === 'mio. kr.' ? ',.1f' : input.unit === 'ratio' ? ',.3f' : ',.0f';
  const axisFmt = input.unit === 'mio. kr.' ? ',.0f' : input.unit === 'ratio' ? ',.2f' : ',d';
  return {
    ...specHead(
      lang,
      t(lang, 'chart.measure.title', { name: input.name }),
      t(lang, 'chart.measure.subtitle', { quantity: input.quantity, level: input.level ?? 80 }),
      { width, height },
    ),
    layer: [
      {
        data: { values: input.counterfactual },
        mark: { type: 'area', color: COLORS.counterfactual, opacity: 0.2 },
        encoding: {
          x: { field: 'year', type: 'quantitative' },
          y: { field: 'lower', type: 'quantitative' },
          y2: { field: 'upper' },
          tooltip: [
            { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
            { field: 'point', type: 'quantitative', title: sCf, format: fmt },
            { field: 'lower', type: 'quantitative', title: `↓ ${input.level ?? 80} %`, format: fmt },
            { field: 'upper', type: 'quantitative', title: `↑ ${input.level ?? 80} %`, format: fmt },
          ],
        },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 2.2, point: { filled: true, size: 30 } },
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
            title: yTitle,
            scale: { zero: false },
            axis: { format: axisFmt, labelLimit: 120 },
          },
          color: {
            field: 'series',
            type: 'nominal',
            title: t(lang, 'legend.series'),
            scale: { domain: [sAct, sCf], range: [COLORS.forbrug, COLORS.counterfactual] },
          },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: t(lang, 'legend.series'),
            scale: {
              domain: [sAct, sCf],
              range: [
                [1, 0],
                [6, 3],
              ],
            },
          },
          tooltip: [
            { field: 'series', type: 'nominal', title: t(lang, 'legend.series') },
            { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
            { field: 'value', type: 'quantitative', title: input.quantity, format: fmt },
          ],
        },
      },
      ...flagLayer(
        lines.filter((l) => l.series === sAct && l.value !== null),
        'year',
        'value',
        lang,
      ),
      ...eventLayers(
        events.some((e) => e.date === input.start)
          ? events
          : [...events, { id: 'start', date: input.start, kind: 'measure', title: input.name }],
        from,
        to,
        lang,
        Math.round(height * 0.62),
        width,
      ),
    ],
  };
}
