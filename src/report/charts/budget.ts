import type { TopLevelSpec } from 'vega-lite';
import { UsageError, shownArg } from '../../errors.js';
import { t } from '../../text/report.js';
import {
  COLORS,
  chartDefaults,
  eventLayers,
  flagLayer,
  flagText,
  primaryFlag,
  yearAxis,
  specHead,
  type Layer,
} from './theme.js';
import type { BudgetRow, ChartEvent, ChartOptions } from './types.js';

/**
 * Bevilling vs forbrug by year, with merforbrug (red) and mindreforbrug (green) drawn as
 * bars between the two lines, events as annotated rules and flagged years marked.
 * Missing years (2021) break the lines instead of being interpolated.
 *
 * @example
 * const spec = budgetChart([{ year: 2020, bevilling: 140.2, forbrug: 143.9, flags: [], sources: ['aarsrapport2020#tabel7'] }], []);
 */
export function budgetChart(rows: BudgetRow[], events: ChartEvent[] = [], opts: ChartOptions = {}): TopLevelSpec {
  // a TypeError spreading undefined before
  if (!Array.isArray(rows))
    throw new UsageError({
      code: 'api.chartRows',
      params: { name: 'budgetChart: rows', rowsFn: 'budgetRows', got: shownArg(rows) },
    });
  const { lang, width, height } = chartDefaults(opts);
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const from = sorted[0]?.year ?? 2011;
  const to = sorted[sorted.length - 1]?.year ?? from;
  const byYear = new Map(sorted.map((r) => [r.year, r]));
  const sBev = t(lang, 'series.bevilling');
  const sFor = t(lang, 'series.forbrug');
  const sMer = t(lang, 'series.merforbrug');
  const sMin = t(lang, 'series.mindreforbrug');
  const long: Record<string, unknown>[] = [];
  for (let y = from; y <= to; y++) {
    const r = byYear.get(y);
    long.push({ year: y, series: sBev, value: r ? r.bevilling : null });
    long.push({ year: y, series: sFor, value: r ? r.forbrug : null });
  }
  const diffs = sorted.map((r) => ({
    year: r.year,
    bevilling: r.bevilling,
    forbrug: r.forbrug,
    diff: Math.round((r.forbrug - r.bevilling) * 10) / 10,
    direction: r.forbrug > r.bevilling ? sMer : sMin,
    share: r.bevilling > 0 ? r.forbrug / r.bevilling : null,
    flag: primaryFlag(r.flags, lang) ?? null,
    flagText: flagText(r.flags, lang),
    source: r.sources.join(', '),
  }));
  const mio = t(lang, 'axis.mio');
  const layers: Layer[] = [
    {
      data: { values: diffs },
      mark: { type: 'bar', width: 10, opacity: 0.45 },
      encoding: {
        x: { field: 'year', type: 'quantitative' },
        y: { field: 'bevilling', type: 'quantitative' },
        y2: { field: 'forbrug' },
        color: {
          field: 'direction',
          type: 'nominal',
          title: t(lang, 'legend.direction'),
          scale: { domain: [sMer, sMin], range: [COLORS.merforbrug, COLORS.mindreforbrug] },
        },
        tooltip: [
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'bevilling', type: 'quantitative', title: sBev, format: ',.1f' },
          { field: 'forbrug', type: 'quantitative', title: sFor, format: ',.1f' },
          { field: 'diff', type: 'quantitative', title: `${sFor} − ${sBev}`, format: '+,.1f' },
          { field: 'share', type: 'quantitative', title: '%', format: '.1%' },
          { field: 'source', type: 'nominal', title: t(lang, 'tooltip.source') },
        ],
      },
    },
    {
      data: { values: long },
      mark: { type: 'line', strokeWidth: 2.2, point: { filled: true, size: 36 } },
      encoding: {
        x: {
          field: 'year',
          type: 'quantitative',
          axis: yearAxis(lang),
          scale: { domain: [from - 0.6, to + 0.6], nice: false },
        },
        y: { field: 'value', type: 'quantitative', title: mio, scale: { zero: false, nice: true } },
        color: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: { domain: [sBev, sFor], range: [COLORS.bevilling, COLORS.forbrug] },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: {
            domain: [sBev, sFor],
            range: [
              [6, 3],
              [1, 0],
            ],
          },
        },
        tooltip: [
          { field: 'series', type: 'nominal', title: t(lang, 'legend.series') },
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'value', type: 'quantitative', title: mio, format: ',.1f' },
        ],
      },
    },
    ...flagLayer(
      diffs.map((d) => ({ ...d, flag: d.flag ?? undefined })),
      'year',
      'forbrug',
      lang,
    ),
    ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
  ];
  return {
    ...specHead(lang, t(lang, 'chart.budget.title'), t(lang, 'chart.budget.subtitle'), { width, height }),
    layer: layers,
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
  };
}
