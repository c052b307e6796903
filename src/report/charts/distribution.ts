/**
 * Distribution views of merforbrug: a histogram and the exceedance curve P(merforbrug > x) per year, read
 * from the percentiles 1..99 a scenario run keeps (`merforbrugPercentiles`), and the live what-if's forbrug
 * fan. Pure functions of small tables, also bundled into the report's page script (the live what-if draws
 * its results with them).
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatMio, formatPct } from '../../text/number.js';
import type { Quantiles } from '../../stats/quantiles.js';
import { t } from '../../text/report.js';
import { lt } from '../liveText.js';
import {
  COLORS,
  chartDefaults,
  eventLayers,
  flagLayer,
  flagText,
  percentAxis,
  primaryFlag,
  specHead,
  yearAxis,
  type Layer,
} from './theme.js';
import type { ChartEvent, ChartOptions } from './types.js';

/** Merforbrug of one scenario in one year: its percentiles 1..99, P(merforbrug > 0) and E[max(merforbrug, 0)]. */
export interface MerforbrugDistRow {
  scenario: string;
  year: number;
  /** Percentiles 1..99 of merforbrug (mio. kr.), ascending. */
  percentiles: number[];
  p: number;
  expectedOverspend: number;
}

/**
 * P(X > x) read from the percentiles 1..99 of X, linear between them; outside the 1st–99th percentile only a
 * bound is known and the bound is returned (0,99 below the 1st percentile, 0,01 above the 99th).
 *
 * @example
 * exceedanceAt(Array.from({ length: 99 }, (_, i) => i + 1), 50) // 0.5 (X uniform on 0–100)
 * exceedanceAt(Array.from({ length: 99 }, (_, i) => i + 1), 25.5) // 0.745
 */
export function exceedanceAt(percentiles: readonly number[], x: number): number {
  const q = percentiles;
  if (q.length !== 99) throw new Error(`exceedanceAt: expected 99 percentiles, got ${q.length}`);
  if (x < q[0]) return 0.99;
  if (x >= q[98]) return 0.01;
  // the last percentile at or below x (ties: the highest), then linear to the next larger one
  let i = 0;
  while (i < 98 && q[i + 1] <= x) i++;
  const f = q[i + 1] > q[i] ? (x - q[i]) / (q[i + 1] - q[i]) : 0;
  return 1 - (i + 1 + f) / 100;
}

/** The CDF read from percentiles 1..99, clamped to [0,01; 0,99] outside them (see {@link exceedanceAt}). */
function cdfAt(q: readonly number[], x: number): number {
  return 1 - exceedanceAt(q, x);
}

/**
 * A round bin width of at least `raw` (1, 2, 2,5 or 5 times a power of ten).
 *
 * @example
 * niceStep(3.7) // 5
 * niceStep(0.21) // 0.25
 */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * Equal-width histogram bins of X from its percentiles 1..99: about `bins` bins with a round width over the
 * 1st–99th percentile, 0 a bin edge, each with the share of runs in it (the CDF linear between percentiles;
 * the shares add up to 0,98: the 1 % in each tail is not drawn).
 *
 * @example
 * histogramFromPercentiles(Array.from({ length: 99 }, (_, i) => i + 1), 10)[0] // { lo: 0, hi: 10, share: 0.09 }
 */
export function histogramFromPercentiles(
  percentiles: readonly number[],
  bins = 30,
): { lo: number; hi: number; share: number }[] {
  const q = percentiles;
  const span = q[98] - q[0];
  const w = niceStep(span > 0 ? span / bins : Math.max(Math.abs(q[0]) * 0.01, 0.1));
  const a = Math.floor(q[0] / w + 1e-9);
  const b = Math.max(a + 1, Math.ceil(q[98] / w - 1e-9));
  const out: { lo: number; hi: number; share: number }[] = [];
  for (let k = a; k < b; k++) {
    const lo = round(k * w, 6);
    const hi = round((k + 1) * w, 6);
    out.push({ lo, hi, share: round(cdfAt(q, hi) - cdfAt(q, lo), 6) });
  }
  return out;
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Points of each exceedance curve (a shared grid of x per year, so the pointer reads every scenario at one x). */
const CURVE_POINTS = 201;

/**
 * Histogram of merforbrug (the primary scenario) and the exceedance curves P(merforbrug > x) of every
 * scenario, for one year at a time: a select bound to the param `year` picks it (the static image shows
 * `opts.year`). Moving the pointer over the curves shows a rule at x with every scenario's P(merforbrug > x).
 * The data are the named datasets `hist`, `curves` and `summary` (replaceable in a drawn view).
 *
 * @example
 * const spec = merforbrugDistributionChart(rows, { lang: 'da', year: 2026 });
 */
export function merforbrugDistributionChart(
  rows: MerforbrugDistRow[],
  opts: ChartOptions & { year: number; primary?: string },
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const primary = opts.primary ?? scenarios[0];
  const year = years.includes(opts.year) ? opts.year : years[0];
  const hist = rows
    .filter((r) => r.scenario === primary)
    .flatMap((r) =>
      histogramFromPercentiles(r.percentiles).map((b) => ({ year: r.year, ...b, side: b.lo >= 0 ? 1 : 0 })),
    );
  // one x grid per year over every scenario's 1st–99th percentile; each curve only where its percentiles reach
  const curves = years.flatMap((yr) => {
    const rs = rows.filter((r) => r.year === yr);
    const lo = Math.min(...rs.map((r) => r.percentiles[0]));
    const hi = Math.max(...rs.map((r) => r.percentiles[98]));
    const xs = Array.from({ length: CURVE_POINTS }, (_, i) => round(lo + ((hi - lo) * i) / (CURVE_POINTS - 1), 3));
    return rs.map((r) => {
      const inside = xs.filter((x) => x >= r.percentiles[0] && x <= r.percentiles[98]);
      return {
        scenario: r.scenario,
        year: yr,
        x0: inside[0],
        x: inside,
        p: inside.map((x) => round(exceedanceAt(r.percentiles, x), 5)),
      };
    });
  });
  const summary = rows
    .filter((r) => r.scenario === primary)
    .map((r) => ({
      year: r.year,
      text: `${primary} ${r.year}: ${lt(lang, 'dist.summary', { p: formatPct(r.p, lang, 1), overrun: formatMio(r.expectedOverspend, lang) })}`,
    }));
  const sMer = lt(lang, 'dist.merforbrug');
  const sMin = lt(lang, 'dist.mindreforbrug');
  const inYear = { filter: 'datum.year == year' };
  const pctExpr = lang === 'da' ? "replace(format(datum.p, '.1%'), '%', ' %')" : "format(datum.p, '.1%')";
  const numFmt = ',.1f';
  const w = Math.round((width - 50) / 2);
  const h = Math.round(height * 0.9);
  const colorScale = {
    domain: scenarios,
    range: COLORS.scenarios
      .slice(0, scenarios.length)
      .concat(Array(Math.max(0, scenarios.length - COLORS.scenarios.length)).fill('#999999')),
  };
  const histogram: Layer = {
    width: w,
    height: h,
    layer: [
      {
        data: { name: 'hist' },
        transform: [
          inYear,
          { calculate: `datum.side == 1 ? ${JSON.stringify(sMer)} : ${JSON.stringify(sMin)}`, as: 'direction' },
          { calculate: pctExpr.replace(/datum\.p/g, 'datum.share'), as: 'shareText' },
        ],
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: {
            field: 'lo',
            type: 'quantitative',
            title: lt(lang, 'dist.axis.merforbrug'),
            bin: { binned: true },
            axis: { format: ',.0f' },
          },
          x2: { field: 'hi' },
          y: { field: 'share', type: 'quantitative', title: lt(lang, 'dist.axis.share'), axis: percentAxis(lang) },
          color: {
            field: 'direction',
            type: 'nominal',
            title: null,
            scale: { domain: [sMer, sMin], range: [COLORS.merforbrug, COLORS.mindreforbrug] },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            {
              field: 'lo',
              type: 'quantitative',
              title: lang === 'da' ? 'Fra (mio. kr.)' : 'From (DKK m)',
              format: numFmt,
            },
            {
              field: 'hi',
              type: 'quantitative',
              title: lang === 'da' ? 'Til (mio. kr.)' : 'To (DKK m)',
              format: numFmt,
            },
            { field: 'shareText', type: 'nominal', title: lt(lang, 'dist.axis.share') },
          ],
        },
      },
      {
        data: { values: [{ x: 0 }] },
        mark: { type: 'rule', color: '#222222', strokeDash: [4, 3] },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
  const hover = 'hover';
  const atPointer = { or: [{ param: hover, empty: false }, 'datum.x == datum.x0'] };
  const shown = { condition: { param: hover, empty: false, value: 1 }, value: 0 };
  const exceed: Layer = {
    width: w,
    height: h,
    data: { name: 'curves' },
    transform: [
      inYear,
      { flatten: ['x', 'p'] },
      { calculate: pctExpr, as: 'pText' },
      { calculate: `format(datum.x, '${numFmt}')`, as: 'xText' },
    ],
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: lt(lang, 'dist.axis.x'), axis: { format: ',.0f' } },
          y: {
            field: 'p',
            type: 'quantitative',
            title: lt(lang, 'dist.axis.exceed'),
            scale: { domain: [0, 1] },
            axis: percentAxis(lang),
          },
          color: {
            field: 'scenario',
            type: 'nominal',
            title: lt(lang, 'dist.legend'),
            sort: scenarios,
            scale: colorScale,
            legend: { orient: 'bottom', direction: 'vertical' },
          },
        },
      },
      {
        params: [
          {
            name: hover,
            select: { type: 'point', encodings: ['x'], nearest: true, on: 'pointermove', clear: 'pointerout' },
          },
        ],
        mark: { type: 'point', opacity: 0, size: 60 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: lt(lang, 'dist.legend') },
            { field: 'xText', type: 'nominal', title: 'x' },
            { field: 'pText', type: 'nominal', title: lt(lang, 'dist.axis.exceed') },
          ],
        },
      },
      // the reading at the pointer: the hovered x (and, invisible, each curve's first point, so no layer is ever empty)
      {
        transform: [{ filter: atPointer }],
        mark: { type: 'rule', color: '#555555' },
        encoding: { x: { field: 'x', type: 'quantitative' }, opacity: shown },
      },
      {
        transform: [{ filter: atPointer }],
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          color: { field: 'scenario', type: 'nominal', sort: scenarios, scale: colorScale },
          opacity: shown,
        },
      },
      {
        transform: [
          { filter: atPointer },
          {
            calculate:
              lang === 'da'
                ? `'P(merforbrug > ' + datum.xText + ') = ' + datum.pText`
                : `'P(overspend > ' + datum.xText + ') = ' + datum.pText`,
            as: 'readout',
          },
        ],
        mark: { type: 'text', align: 'left', dx: 6, dy: -8, fontSize: 11, fontWeight: 600 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          text: { field: 'readout', type: 'nominal' },
          color: { field: 'scenario', type: 'nominal', sort: scenarios, scale: colorScale },
          opacity: shown,
        },
      },
      {
        data: { values: [{ x: 0 }] },
        mark: { type: 'rule', color: '#222222', strokeDash: [4, 3] },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
  return {
    ...specHead(lang, lt(lang, 'dist.title'), lt(lang, 'dist.subtitle')),
    // the data as named datasets: the live what-if replaces them in the drawn view (no new chart per result)
    datasets: { hist, curves, summary },
    params: [{ name: 'year', value: year, bind: { input: 'select', options: years, name: lt(lang, 'dist.year') } }],
    vconcat: [
      {
        width: 2 * w + 36,
        height: 18,
        data: { name: 'summary' },
        transform: [inYear],
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          x: 0,
          y: 9,
          fontSize: 12,
          fontWeight: 600,
          color: '#222222',
        },
        encoding: { text: { field: 'text', type: 'nominal' } },
      },
      { hconcat: [histogram, exceed], spacing: 36, resolve: { scale: { color: 'independent' } } },
    ],
    spacing: 8,
  } as TopLevelSpec;
}

/** One simulated year of the live fan: forbrug's quantiles and the expected bevilling. */
export interface LiveFanRow {
  year: number;
  forbrug: Quantiles;
  bevilling: number;
}

/**
 * The live what-if's forbrug fan: the 90 % and 50 % intervals and the median of forbrug per year with the
 * expected bevilling (dashed), the median without the reader's changes (dotted grey), recent actual
 * forbrug (black points, flagged years marked) and the events within the years shown as rules.
 *
 * @example
 * const spec = liveFanChart(rows, startRows, [{ year: 2024, forbrug: 143.5, bevilling: 158 }], { lang: 'da' });
 */
export function liveFanChart(
  rows: LiveFanRow[],
  start: LiveFanRow[],
  history: { year: number; forbrug: number; bevilling: number; flags?: string[] }[],
  opts: ChartOptions = {},
  events: ChartEvent[] = [],
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const sMed = lt(lang, 'live.fan.median');
  const sStart = lt(lang, 'live.fan.start');
  const sBev = t(lang, 'series.bevilling');
  const sAct = t(lang, 'series.actual');
  const bands = [
    ...rows.map((r) => ({ year: r.year, band: lt(lang, 'live.fan.band90'), lo: r.forbrug.p5, hi: r.forbrug.p95 })),
    ...rows.map((r) => ({ year: r.year, band: lt(lang, 'live.fan.band50'), lo: r.forbrug.p25, hi: r.forbrug.p75 })),
  ];
  const lines = [
    ...start.map((r) => ({ year: r.year, series: sStart, value: r.forbrug.p50 })),
    ...rows.map((r) => ({ year: r.year, series: sBev, value: r.bevilling })),
    ...rows.map((r) => ({ year: r.year, series: sMed, value: r.forbrug.p50 })),
  ];
  const from = Math.min(...rows.map((r) => r.year), ...history.map((x) => x.year));
  const to = Math.max(...rows.map((r) => r.year));
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    axis: yearAxis(lang),
    scale: { domain: [from - 0.6, to + 0.6], nice: false },
  };
  const mio = t(lang, 'axis.mio');
  const layers: Layer[] = [
    {
      data: { name: 'bands' },
      mark: { type: 'area', color: COLORS.band },
      encoding: {
        x,
        y: { field: 'lo', type: 'quantitative', title: mio, scale: { zero: false } },
        y2: { field: 'hi' },
        detail: { field: 'band', type: 'nominal' },
        opacity: {
          field: 'band',
          type: 'ordinal',
          sort: [lt(lang, 'live.fan.band90'), lt(lang, 'live.fan.band50')],
          title: t(lang, 'legend.interval'),
          scale: { domain: [lt(lang, 'live.fan.band90'), lt(lang, 'live.fan.band50')], range: [0.18, 0.38] },
          legend: { symbolType: 'square', symbolFillColor: COLORS.band },
        },
        tooltip: [
          { field: 'band', type: 'nominal', title: t(lang, 'legend.interval') },
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'lo', type: 'quantitative', title: '↓', format: ',.1f' },
          { field: 'hi', type: 'quantitative', title: '↑', format: ',.1f' },
        ],
      },
    },
    {
      data: { name: 'lines' },
      mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 28 } },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative' },
        color: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: { domain: [sMed, sBev, sStart], range: [COLORS.forbrug, COLORS.bevilling, '#9a9a9a'] },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: t(lang, 'legend.series'),
          scale: {
            domain: [sMed, sBev, sStart],
            range: [
              [1, 0],
              [6, 3],
              [2, 2],
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
  ];
  if (history.length) {
    const hist = history.map((h) => ({
      year: h.year,
      forbrug: h.forbrug,
      bevilling: h.bevilling,
      series: sAct,
      flag: primaryFlag(h.flags ?? [], lang),
      flagText: flagText(h.flags ?? [], lang),
    }));
    layers.push({
      data: { values: hist },
      mark: { type: 'point', filled: true, size: 50, color: '#222222' },
      encoding: {
        x,
        y: { field: 'forbrug', type: 'quantitative' },
        shape: { field: 'series', type: 'nominal', title: null, scale: { range: ['circle'] } },
        tooltip: [
          { field: 'year', type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
          { field: 'forbrug', type: 'quantitative', title: t(lang, 'series.forbrug'), format: ',.1f' },
          { field: 'bevilling', type: 'quantitative', title: sBev, format: ',.1f' },
          { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
        ],
      },
    });
    layers.push(...flagLayer(hist, 'year', 'forbrug', lang));
  }
  layers.push(...eventLayers(events, from, to, lang, Math.round(height * 0.62), width));
  return {
    ...specHead(lang, lt(lang, 'live.fan.title'), lt(lang, 'live.fan.subtitle'), { width, height }),
    datasets: { bands, lines },
    layer: layers,
    resolve: { scale: { color: 'independent', strokeDash: 'independent', shape: 'independent' } },
  } as TopLevelSpec;
}
