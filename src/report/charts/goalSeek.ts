import type { TopLevelSpec } from 'vega-lite';
import { formatMio, formatPct } from '../../text/number.js';
import { t } from '../../text/report.js';
import { COLORS, chartDefaults, percentAxis, specHead, type Layer } from './theme.js';
import type { ChartOptions, GridPoint } from './types.js';

/** Chart options of the goal-seek and what-if charts: the lever's name in the chart language (default: the visitation rate). */
export interface LeverChartOptions extends ChartOptions {
  lever?: string;
}

/**
 * Goal-seek curve: P(merforbrug) in `year` against the tightening of visitation (share of
 * forløb avoided), with the target probability as a rule and the solution marked.
 *
 * @example
 * const spec = goalSeekChart([{ tightening: 0, pMerforbrug: 0.4, expectedForbrug: 150, expectedMerforbrug: 2 },
 *   { tightening: 0.1, pMerforbrug: 0.1, expectedForbrug: 140, expectedMerforbrug: 0.3 }], 2026, 0.2, 0.06);
 */
export function goalSeekChart(
  grid: GridPoint[],
  year: number,
  target?: number,
  solution?: number,
  opts: LeverChartOptions = {},
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const lever = opts.lever ?? t(lang, 'lever.visitation');
  const values = grid.map((g) => ({
    ...g,
    pct: g.tightening * 100,
    pLabel: formatPct(g.pMerforbrug, lang, 1),
    fLabel: formatMio(g.expectedForbrug, lang),
  }));
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values },
      mark: {
        type: 'line',
        color: COLORS.forbrug,
        strokeWidth: 2.2,
        point: { filled: true, size: 28, color: COLORS.forbrug },
      },
      encoding: {
        x: { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening', { lever }) },
        y: {
          field: 'pMerforbrug',
          type: 'quantitative',
          title: t(lang, 'axis.probability'),
          scale: { domain: pDomain([...grid.map((g) => g.pMerforbrug), target ?? 0]) },
          axis: percentAxis(lang),
        },
        tooltip: [
          { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening', { lever }), format: ',.1f' },
          { field: 'pLabel', type: 'nominal', title: t(lang, 'axis.probability') },
          { field: 'fLabel', type: 'nominal', title: t(lang, 'col.expectedForbrug') },
        ],
      },
    },
  ];
  if (target !== undefined) {
    layers.push({
      data: { values: [{ target, label: `${t(lang, 'axis.probability')} = ${formatPct(target, lang, 0)}` }] },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.merforbrug, strokeDash: [5, 3] },
          encoding: { y: { field: 'target', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', color: COLORS.merforbrug, align: 'right', dy: -6, x: width, fontSize: 10 },
          encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
        },
      ],
    });
  }
  if (target !== undefined && solution !== undefined && Number.isFinite(solution)) {
    layers.push({
      data: { values: [{ pct: solution * 100, target, label: formatPct(solution, lang, 1) }] },
      layer: [
        {
          mark: { type: 'rule', color: '#222222', strokeDash: [2, 2] },
          encoding: { x: { field: 'pct', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', shape: 'diamond', filled: true, size: 120, color: COLORS.merforbrug },
          encoding: { x: { field: 'pct', type: 'quantitative' }, y: { field: 'target', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8, dy: 14, fontSize: 11, fontWeight: 600 },
          encoding: {
            x: { field: 'pct', type: 'quantitative' },
            y: { field: 'target', type: 'quantitative' },
            text: { field: 'label', type: 'nominal' },
          },
        },
      ],
    });
  }
  return {
    ...specHead(lang, t(lang, 'chart.goalseek.title', { year, lever }), t(lang, 'chart.goalseek.subtitle', { lever }), {
      width,
      height,
    }),
    layer: layers,
  };
}

/** A probability axis domain that fits the data: [0, 1] unless every value is small. */
function pDomain(ps: number[]): [number, number] {
  const max = Math.max(0, ...ps);
  return [0, Math.min(1, Math.ceil((max + 0.05) * 10) / 10)];
}

/**
 * Interactive what-if chart: a slider (Vega-Lite param bound to a range input) over a
 * precomputed grid of tightening shares. Two panels share the slider: P(merforbrug) and the
 * expected forbrug (with the bevilling as a dashed rule, if given). The selected grid point
 * is highlighted and its numbers are printed above the panels. Works offline; the grid is
 * embedded in the spec.
 *
 * @example
 * const spec = whatIfChart(grid, 2026, 164.4); // HTML only: needs a browser for the slider
 */
export function whatIfChart(
  grid: GridPoint[],
  year: number,
  bevilling?: number,
  opts: LeverChartOptions = {},
): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const lever = opts.lever ?? t(lang, 'lever.visitation');
  const pcts = grid.map((g) => Math.round(g.tightening * 1000) / 10);
  const min = Math.min(...pcts);
  const max = Math.max(...pcts);
  const step = pcts.length > 1 ? Math.round(((max - min) / (pcts.length - 1)) * 10) / 10 : 1;
  const values = grid.map((g, i) => ({
    pct: pcts[i],
    pMerforbrug: g.pMerforbrug,
    forbrug: g.expectedForbrug,
    readout: t(lang, 'text.whatifReadout', {
      x: formatPct(g.tightening, lang, 1),
      p: formatPct(g.pMerforbrug, lang, 1),
      forbrug: formatMio(g.expectedForbrug, lang),
    }),
  }));
  const sel = 'abs(datum.pct - tightening) < 1e-6';
  const w = Math.round((width - 40) / 2);
  const h = Math.round(height * 0.75);
  const x = { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening', { lever }) } as const;
  const panel = (field: 'pMerforbrug' | 'forbrug') => {
    const y =
      field === 'pMerforbrug'
        ? ({
            field,
            type: 'quantitative',
            title: t(lang, 'axis.probability'),
            scale: { domain: pDomain(grid.map((g) => g.pMerforbrug)) },
            axis: percentAxis(lang),
          } as const)
        : ({
            field,
            type: 'quantitative',
            title: `${t(lang, 'col.expectedForbrug')} (${t(lang, 'axis.mio').toLowerCase()})`,
            scale: { zero: false },
          } as const);
    const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
      { mark: { type: 'line', color: COLORS.forbrug, strokeWidth: 2 }, encoding: { x, y } },
      {
        transform: [{ filter: sel }],
        mark: { type: 'rule', color: COLORS.merforbrug, strokeDash: [3, 3] },
        encoding: { x: { field: 'pct', type: 'quantitative' } },
      },
      {
        transform: [{ filter: sel }],
        mark: { type: 'point', filled: true, size: 160, color: COLORS.merforbrug },
        encoding: { x: { field: 'pct', type: 'quantitative' }, y: { field, type: 'quantitative' } },
      },
    ];
    if (field === 'forbrug' && bevilling !== undefined) {
      layers.push({
        data: { values: [{ bevilling, label: `${t(lang, 'series.bevilling')} ${formatMio(bevilling, lang)}` }] },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.bevilling, strokeDash: [6, 3] },
            encoding: { y: { field: 'bevilling', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', color: COLORS.bevilling, align: 'right', dy: -6, x: w, fontSize: 10 },
            encoding: { y: { field: 'bevilling', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      });
    }
    return { width: w, height: h, layer: layers };
  };
  const readout: Layer = {
    width: 2 * w + 40,
    height: 22,
    transform: [{ filter: sel }],
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      x: 0,
      y: 11,
      fontSize: 14,
      fontWeight: 600,
      color: '#222222',
    },
    encoding: { text: { field: 'readout', type: 'nominal' } },
  };
  return {
    ...specHead(lang, t(lang, 'chart.whatif.title', { year, lever }), t(lang, 'chart.whatif.subtitle')),
    params: [
      { name: 'tightening', value: min, bind: { input: 'range', min, max, step, name: t(lang, 'whatif.label') } },
    ],
    data: { values },
    vconcat: [readout, { hconcat: [panel('pMerforbrug'), panel('forbrug')], spacing: 40 }],
    spacing: 6,
  };
}
