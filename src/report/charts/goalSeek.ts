import type { TopLevelSpec } from 'vega-lite';
import { formatMio, formatPct } from '../../format/number.js';
import { t } from '../i18n.js';
import { COLORS, chartConfig, chartDefaults } from './theme.js';
import type { ChartOptions, GridPoint } from './types.js';

/**
 * Goal-seek curve: P(merforbrug) in `year` against the tightening of visitation (share of
 * forløb avoided), with the target probability as a rule and the solution marked.
 *
 * @example
 * const spec = goalSeekChart([{ tightening: 0, pMerforbrug: 0.4, expectedForbrug: 150, expectedMerforbrug: 2 },
 *   { tightening: 0.1, pMerforbrug: 0.1, expectedForbrug: 140, expectedMerforbrug: 0.3 }], 2026, 0.2, 0.06);
 */
export function goalSeekChart(grid: GridPoint[], year: number, target?: number, solution?: number, opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const values = grid.map((g) => ({ ...g, pct: g.tightening * 100, pLabel: formatPct(g.pMerforbrug, lang, 1), fLabel: formatMio(g.expectedForbrug, lang) }));
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values },
      mark: { type: 'line', color: COLORS.forbrug, strokeWidth: 2.2, point: { filled: true, size: 28, color: COLORS.forbrug } },
      encoding: {
        x: { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening') },
        y: { field: 'pMerforbrug', type: 'quantitative', title: t(lang, 'axis.probability'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        tooltip: [
          { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening'), format: ',.1f' },
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
        { mark: { type: 'rule', color: COLORS.merforbrug, strokeDash: [5, 3] }, encoding: { y: { field: 'target', type: 'quantitative' } } },
        { mark: { type: 'text', color: COLORS.merforbrug, align: 'right', dy: -6, x: width, fontSize: 10 }, encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } } },
      ],
    });
  }
  if (target !== undefined && solution !== undefined && Number.isFinite(solution)) {
    layers.push({
      data: { values: [{ pct: solution * 100, target, label: formatPct(solution, lang, 1) }] },
      layer: [
        { mark: { type: 'rule', color: '#222222', strokeDash: [2, 2] }, encoding: { x: { field: 'pct', type: 'quantitative' } } },
        { mark: { type: 'point', shape: 'diamond', filled: true, size: 120, color: COLORS.merforbrug }, encoding: { x: { field: 'pct', type: 'quantitative' }, y: { field: 'target', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 8, dy: 14, fontSize: 11, fontWeight: 600 }, encoding: { x: { field: 'pct', type: 'quantitative' }, y: { field: 'target', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } } },
      ],
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t(lang, 'chart.goalseek.title', { year }), subtitle: t(lang, 'chart.goalseek.subtitle') },
    width,
    height,
    config: chartConfig(lang),
    layer: layers,
  };
}

/**
 * Interactive what-if chart: a slider (Vega-Lite param bound to a range input) over a
 * precomputed grid of tightening shares. The selected point is highlighted on the
 * P(merforbrug) curve and its P(merforbrug) and expected forbrug are printed above it.
 * Works offline; the grid is embedded in the spec.
 *
 * @example
 * const spec = whatIfChart(grid, 2026); // HTML only: needs a browser for the slider
 */
export function whatIfChart(grid: GridPoint[], year: number, opts: ChartOptions = {}): TopLevelSpec {
  const { lang, width, height } = chartDefaults(opts);
  const pcts = grid.map((g) => Math.round(g.tightening * 1000) / 10);
  const min = Math.min(...pcts);
  const max = Math.max(...pcts);
  const step = pcts.length > 1 ? Math.round(((max - min) / (pcts.length - 1)) * 10) / 10 : 1;
  const values = grid.map((g, i) => ({
    pct: pcts[i],
    pMerforbrug: g.pMerforbrug,
    readout: t(lang, 'text.whatifReadout', { x: formatPct(g.tightening, lang, 1), p: formatPct(g.pMerforbrug, lang, 1), forbrug: formatMio(g.expectedForbrug, lang) }),
  }));
  const sel = 'abs(datum.pct - tightening) < 1e-6';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t(lang, 'chart.whatif.title', { year }), subtitle: t(lang, 'chart.whatif.subtitle') },
    width,
    height: Math.round(height * 0.8),
    config: chartConfig(lang),
    params: [{ name: 'tightening', value: min, bind: { input: 'range', min, max, step, name: t(lang, 'whatif.label') } }],
    data: { values },
    layer: [
      {
        mark: { type: 'line', color: COLORS.forbrug, strokeWidth: 2 },
        encoding: {
          x: { field: 'pct', type: 'quantitative', title: t(lang, 'axis.tightening') },
          y: { field: 'pMerforbrug', type: 'quantitative', title: t(lang, 'axis.probability'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        },
      },
      {
        transform: [{ filter: sel }],
        mark: { type: 'point', filled: true, size: 160, color: COLORS.merforbrug },
        encoding: { x: { field: 'pct', type: 'quantitative' }, y: { field: 'pMerforbrug', type: 'quantitative' } },
      },
      {
        transform: [{ filter: sel }],
        mark: { type: 'rule', color: COLORS.merforbrug, strokeDash: [3, 3] },
        encoding: { x: { field: 'pct', type: 'quantitative' } },
      },
      {
        transform: [{ filter: sel }],
        mark: { type: 'text', align: 'left', x: 0, y: -6, fontSize: 13, fontWeight: 600, color: '#222222' },
        encoding: { text: { field: 'readout', type: 'nominal' } },
      },
    ],
  };
}
