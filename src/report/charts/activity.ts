import type { TopLevelSpec } from 'vega-lite';
import { label, t } from '../../text/report.js';
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
import type { ActivityRow, ChartEvent, ChartOptions } from './types.js';

const AREA_ORDER = ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'];

/** One panel (henvendelser or forløb) of {@link activityChart}. */
function activityPanel(
  rows: ActivityRow[],
  measure: 'henvendelser' | 'forloeb',
  events: ChartEvent[],
  from: number,
  to: number,
  width: number,
  height: number,
  lang: 'da' | 'en',
  flagDomain: string[],
): Layer {
  const mine = rows.filter((r) => r.measure === measure);
  const areas = AREA_ORDER.filter((a) => mine.some((r) => r.area === a)).concat(
    [...new Set(mine.map((r) => r.area))].filter((a) => !AREA_ORDER.includes(a)).sort(),
  );
  const labels = areas.map((a) => label(lang, 'area', a));
  const values: Record<string, unknown>[] = [];
  for (const area of areas) {
    const byYear = new Map(mine.filter((r) => r.area === area).map((r) => [r.year, r]));
    for (let y = from; y <= to; y++) {
      const r = byYear.get(y);
      values.push({
        year: y,
        area: label(lang, 'area', area),
        value: r ? r.value : null,
        flag: r ? primaryFlag(r.flags, lang) : undefined,
        flagText: r ? flagText(r.flags, lang) : '',
        source: r?.sources?.join(', ') ?? '',
      });
    }
  }
  const title = t(lang, measure === 'henvendelser' ? 'series.henvendelser' : 'series.forloeb');
  return {
    title: { text: title, fontSize: 12, anchor: 'start' },
    width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 30 } },
        encoding: {
          x: {
            field: 'year',
            type: 'quantitative',
            axis: yearAxis(lang),
            scale: { domain: [from - 0.6, to + 0.6], nice: false },
          },
          y: { field: 'value', type: 'quantitative', title: t(lang, 'axis.count'), axis: { format: ',d' } },
          color: {
            field: 'area',
            type: 'nominal',
            title: t(lang, 'legend.area'),
            scale: { domain: labels, range: COLORS.areas.slice(0, Math.max(labels.length, 1)) as string[] },
            sort: labels,
          },
          tooltip: [
            { field: 'area', type: 'nominal', title: t(lang, 'legend.area') },
            { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
            { field: 'value', type: 'quantitative', title: title, format: ',d' },
            { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
            { field: 'source', type: 'nominal', title: t(lang, 'tooltip.source') },
          ],
        },
      },
      ...flagLayer(
        values.filter((v) => v.value !== null),
        'year',
        'value',
        lang,
        flagDomain,
      ),
      ...eventLayers(events, from, to, lang, Math.round(height * 0.62), width),
    ],
  };
}

/**
 * Henvendelser and rådgivningsforløb by hovedområde: two panels of lines (one per area,
 * plus the total), gaps kept as gaps, flagged points (estimates, registration break)
 * marked and events as rules.
 *
 * @example
 * const spec = activityChart([{ measure: 'forloeb', area: 'i_alt', year: 2020, value: 2164, flags: ['estimated'] }], []);
 */
export function activityChart(rows: ActivityRow[], events: ChartEvent[] = [], opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const years = rows.map((r) => r.year);
  const from = years.length ? Math.min(...years) : 2014;
  const to = years.length ? Math.max(...years) : from;
  const h = Math.round(height * 0.75);
  const flagDomain = [
    ...new Set(rows.map((r) => primaryFlag(r.flags, lang)).filter((f): f is string => f !== undefined)),
  ].sort();
  return {
    ...specHead(lang, t(lang, 'chart.activity.title'), t(lang, 'chart.activity.subtitle')),
    vconcat: [
      activityPanel(rows, 'henvendelser', events, from, to, width, h, lang, flagDomain),
      activityPanel(rows, 'forloeb', events, from, to, width, h, lang, flagDomain),
    ],
    resolve: { scale: { color: 'shared', shape: 'shared' } },
  };
}
