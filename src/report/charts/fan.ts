import type { TopLevelSpec } from 'vega-lite';
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
import type { ChartEvent, ChartOptions, FanInput } from './types.js';

/**
 * Forecast fan chart: actuals (solid, flagged points marked), the point forecast (dashed)
 * and nested central prediction intervals (e.g. 95, 80, 50 %) as shaded bands, darker
 * for narrower intervals. The forecast path starts from the last actual so the fan joins it.
 *
 * @example
 * const spec = fanChart({ label: 'Forbrug', unit: 'mio. kr.', method: 'ETS', actual: [{ year: 2024, value: 143.5, flags: [] }],
 *   years: [2025], point: [150], intervals: [{ level: 80, lower: [140], upper: [160] }] }, []);
 */
export function fanChart(input: FanInput, events: ChartEvent[] = [], opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const actual = [...input.actual].sort((a, b) => a.year - b.year);
  const last = actual[actual.length - 1];
  const yTitle = input.unit === 'mio. kr.' ? t(lang, 'axis.mio') : t(lang, 'axis.count');
  const fmt = input.unit === 'mio. kr.' ? ',.1f' : ',.0f';
  const levels = [...input.intervals].sort((a, b) => b.level - a.level);
  const bandRows: Record<string, unknown>[] = [];
  for (const iv of levels) {
    const lab = lang === 'da' ? `${iv.level} %` : `${iv.level}%`;
    if (last) bandRows.push({ year: last.year, level: iv.level, interval: lab, lower: last.value, upper: last.value });
    input.years.forEach((y, i) =>
      bandRows.push({ year: y, level: iv.level, interval: lab, lower: iv.lower[i], upper: iv.upper[i] }),
    );
  }
  const intervalLabels = levels.map((iv) => (lang === 'da' ? `${iv.level} %` : `${iv.level}%`));
  const opac = levels.map((_, i) => 0.14 + (0.3 * i) / Math.max(1, levels.length - 1));
  const sAct = t(lang, 'series.actual');
  const sFc = t(lang, 'series.forecast');
  const lineRows: Record<string, unknown>[] = [];
  const firstYear = actual[0]?.year ?? input.years[0];
  const byYear = new Map(actual.map((a) => [a.year, a]));
  for (let y = firstYear; y <= (last?.year ?? firstYear); y++) {
    const a = byYear.get(y);
    lineRows.push({
      year: y,
      series: sAct,
      value: a ? a.value : null,
      flag: a ? primaryFlag(a.flags, lang) : undefined,
      flagText: a ? flagText(a.flags, lang) : '',
    });
  }
  if (last) lineRows.push({ year: last.year, series: sFc, value: last.value });
  input.years.forEach((y, i) => lineRows.push({ year: y, series: sFc, value: input.point[i] }));
  const to = input.years[input.years.length - 1] ?? last?.year ?? firstYear;
  const layers: Layer[] = [
    {
      data: { values: bandRows },
      mark: { type: 'area', color: COLORS.band, interpolate: 'linear' },
      encoding: {
        x: { field: 'year', type: 'quantitative' },
        y: { field: 'lower', type: 'quantitative' },
        y2: { field: 'upper' },
        detail: { field: 'interval', type: 'nominal' },
        opacity: {
          field: 'interval',
          type: 'ordinal',
          sort: intervalLabels,
          title: t(lang, 'legend.interval'),
          scale: { domain: intervalLabels, range: opac },
          legend: { symbolType: 'square', symbolFillColor: COLORS.band, symbolStrokeWidth: 0 },
        },
        tooltip: [
          { field: 'interval', type: 'nominal', title: t(lang, 'legend.interval') },
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'lower', type: 'quantitative', format: fmt, title: '↓' },
          { field: 'upper', type: 'quantitative', format: fmt, title: '↑' },
        ],
      },
    },
    {
      data: { values: lineRows },
      mark: { type: 'line', strokeWidth: 2.2, point: { filled: true, size: 30 } },
      encoding: {
        x: {
          field: 'year',
          type: 'quantitative',
          axis: yearAxis(lang),
          scale: { domain: [firstYear - 0.6, to + 0.6], nice: false },
        },
        y: {
          field: 'value',
          type: 'quantitative',
          title: yTitle,
          scale: { zero: false },
          axis: { format: input.unit === 'mio. kr.' ? ',.0f' : ',d' },
        },
        color: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: { domain: [sAct, sFc], range: ['#222222', COLORS.forecast] },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: {
            domain: [sAct, sFc],
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
        tooltip: [
          { field: 'series', type: 'nominal', title: t(lang, 'legend.series') },
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'value', type: 'quantitative', title: yTitle, format: fmt },
        ],
      },
    },
    ...crossCheckLayers(input, lang, fmt),
    ...flagLayer(
      lineRows.filter((r) => r.series === sAct && r.value !== null),
      'year',
      'value',
      lang,
    ),
    ...eventLayers(events, firstYear, to, lang, Math.round(height * 0.62), width),
  ];
  return {
    ...specHead(
      lang,
      t(lang, 'chart.fan.title', { series: input.label }),
      input.crossCheck
        ? t(lang, 'chart.oneforecast.subtitle')
        : t(lang, 'chart.fan.subtitle', { method: input.method }),
      { width, height },
    ),
    layer: layers,
  };
}

/** The cross-check forecast: a dotted grey line with 80 % whiskers, named in the tooltip. */
function crossCheckLayers(input: FanInput, lang: 'da' | 'en', fmt: string): Layer[] {
  const c = input.crossCheck;
  if (!c) return [];
  const values = c.years.map((year, i) => ({
    year,
    point: c.point[i],
    lower: c.lower[i],
    upper: c.upper[i],
    label: c.label,
  }));
  const tooltip = [
    { field: 'label', type: 'nominal' as const, title: t(lang, 'legend.series') },
    { field: 'year', type: 'quantitative' as const, title: t(lang, 'axis.year'), format: 'd' },
    { field: 'point', type: 'quantitative' as const, title: 'P50', format: fmt },
    { field: 'lower', type: 'quantitative' as const, title: 'P10', format: fmt },
    { field: 'upper', type: 'quantitative' as const, title: 'P90', format: fmt },
  ];
  return [
    {
      data: { values },
      mark: { type: 'rule', color: COLORS.counterfactual, strokeWidth: 1.2 },
      encoding: {
        x: { field: 'year', type: 'quantitative' },
        y: { field: 'lower', type: 'quantitative' },
        y2: { field: 'upper' },
        tooltip,
      },
    },
    {
      data: { values },
      mark: {
        type: 'line',
        color: COLORS.counterfactual,
        strokeDash: [2, 3],
        strokeWidth: 1.8,
        point: { filled: false, size: 36, color: COLORS.counterfactual },
      },
      encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'point', type: 'quantitative' }, tooltip },
    },
    {
      data: { values: values.slice(-1) },
      mark: { type: 'text', color: COLORS.counterfactual, align: 'left', dx: 8, fontSize: 10 },
      encoding: {
        x: { field: 'year', type: 'quantitative' },
        y: { field: 'point', type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}
