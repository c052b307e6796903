/**
 * `buildReport`: collect the model, make the charts and render every report file in
 * memory; `writeReport` then writes them as one unit (no partial output on failure).
 */
import { lockOutputDir, writeFilesAtomic } from '../io/write.js';
import { collectReport, type CollectOptions } from './collect.js';
import { renderHtml } from './html.js';
import { buildManifest, type Manifest } from './manifest.js';
import { chartPngPath, renderMarkdown } from './markdown.js';
import type { ReportModel } from './model.js';
import { reportCharts, type ReportChart } from './reportCharts.js';
import { renderXlsx } from './xlsx.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions extends CollectOptions {
  /** Render PNG charts for the Markdown report (default true). */
  png?: boolean;
}

/** A report rendered in memory. */
export interface BuiltReport {
  model: ReportModel;
  charts: ReportChart[];
  /** File name (relative to the output folder) → content. Includes `manifest.json`. */
  files: Record<string, string | Uint8Array>;
  manifest: Manifest;
}

/**
 * Build the whole report in memory: HTML, Markdown with PNG charts, XLSX, the charts'
 * Vega-Lite JSON, and the manifest. Same inputs and seed → identical files (except
 * `manifest.json`, which holds the timestamp and timings).
 *
 * @example
 * const r = await buildReport({ runs: 20_000, seed: 7 });
 * Object.keys(r.files) // ['report.html', 'report.md', 'report.xlsx', 'charts/budget.png', ...]
 */
export async function buildReport(opts: BuildReportOptions = {}): Promise<BuiltReport> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const model = await collectReport({ ...opts, timings });
  timings.collect = ms(t0);
  const charts = reportCharts(model);
  const files: Record<string, string | Uint8Array> = {};
  let t1 = performance.now();
  files['report.html'] = renderHtml(model, charts);
  timings.html = ms(t1);
  t1 = performance.now();
  files['report.md'] = renderMarkdown(model, charts, { png: opts.png !== false });
  timings.markdown = ms(t1);
  t1 = performance.now();
  files['report.xlsx'] = await renderXlsx(model);
  timings.xlsx = ms(t1);
  t1 = performance.now();
  const { renderSvg, svgToPng } = await import('./render.js');
  // SVGs on the main thread; each PNG is rasterised on the thread pool while the next SVG renders
  const pngs: Promise<void>[] = [];
  for (const c of charts) {
    files[`charts/${c.id}.vl.json`] = JSON.stringify(c.spec, null, 2) + '\n';
    if (opts.png !== false && !c.interactiveOnly) {
      const svg = await renderSvg(c.spec);
      files[chartPngPath(c.id)] = new Uint8Array(0); // keep the file order independent of completion order
      pngs.push(svgToPng(svg).then((png) => void (files[chartPngPath(c.id)] = png)));
    }
  }
  await Promise.all(pngs);
  timings.charts = ms(t1);
  timings.total = ms(t0);
  const manifest = buildManifest(model, files, timings);
  files['manifest.json'] = JSON.stringify(manifest, null, 2) + '\n';
  return { model, charts, files, manifest };
}

function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

/**
 * Build the report and write it to `dir` as one unit: the folder is locked before any work
 * (a second run into the same folder is refused with a `UsageError`), the files are built
 * in memory, written to a staging folder beside `dir` and swapped in, so `dir` always
 * holds one complete report whose every file matches its `manifest.json`.
 *
 * @example
 * const { written } = await writeReport('reports', { lang: 'da' });
 */
export async function writeReport(
  dir: string,
  opts: BuildReportOptions = {},
): Promise<{ written: string[]; report: BuiltReport }> {
  const lock = lockOutputDir(dir);
  try {
    const report = await buildReport(opts);
    const written = writeFilesAtomic(dir, report.files, lock);
    return { written, report };
  } finally {
    lock.release();
  }
}
