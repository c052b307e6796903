/**
 * Rendering of Vega-Lite specs outside the browser: compile to Vega, run a headless
 * `View` to SVG, rasterise with resvg to PNG. vega, vega-lite and resvg are imported
 * lazily so that the CLI starts fast.
 */
import type { TopLevelSpec } from 'vega-lite';
import { UsageError, shownArg } from '../errors.js';

/** Output formats of {@link renderChart}. */
export type ChartFormat = 'svg' | 'png' | 'vl.json';

/**
 * Compile a Vega-Lite spec to a Vega spec (throws on invalid specs).
 *
 * @example
 * const vg = await compileSpec({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 */
export async function compileSpec(spec: TopLevelSpec): Promise<object> {
  // a TypeError deep inside vega-lite before
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    throw new UsageError({ code: 'api.chartSpec', params: { name: 'spec', got: shownArg(spec) } });
  const vl = await import('vega-lite');
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      throw new Error(a.map(String).join(' '));
    },
    warn: (...a: unknown[]) => {
      warnings.push(a.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const out = vl.compile(spec, { logger: logger as never });
  return out.spec;
}

/**
 * Render a Vega-Lite spec to an SVG string with a headless vega View.
 * Output is deterministic for the same spec.
 *
 * @example
 * const svg = await renderSvg(budgetChart(rows, events));
 * svg.startsWith('<svg') // true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = await import('vega');
  const { itemTextWidth } = await import('./textWidth.js');
  // lay text out with DejaVu Sans widths (the PNG font) instead of vega's 0.8 em estimate
  (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics.width =
    itemTextWidth;
  const vg = await compileSpec(spec);
  const view = new vega.View(vega.parse(vg as never), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** DejaVu fonts used for PNGs when installed (same fonts → same PNG bytes); else system fonts. */
const DEJAVU = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

async function resvgOptions(scale: number) {
  const { existsSync } = await import('node:fs');
  const files = DEJAVU.filter((f) => existsSync(f));
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    font:
      files.length === DEJAVU.length
        ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
        : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  };
}

/**
 * Rasterise an SVG string to PNG with resvg (`scale` 2 = retina quality). Runs on the
 * libuv thread pool, so several PNGs can be rasterised while the main thread renders the
 * next SVG.
 *
 * @example
 * const png = await svgToPng(await renderSvg(spec)); // Uint8Array starting with the PNG signature
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const img = await renderAsync(svg, await resvgOptions(scale));
  return new Uint8Array(img.asPng());
}

/**
 * Render a spec in one of the chart output formats: SVG text, PNG bytes, or the
 * Vega-Lite JSON itself (pretty-printed).
 *
 * @example
 * await renderChart(spec, 'vl.json') // '{\n  "$schema": ...'
 */
export async function renderChart(spec: TopLevelSpec, format: ChartFormat): Promise<string | Uint8Array> {
  if (format === 'vl.json') return JSON.stringify(spec, null, 2) + '\n';
  const svg = await renderSvg(spec);
  return format === 'svg' ? svg : svgToPng(svg);
}
