/**
 * Display glue for the notebooks (Deno kernel): turns Vega-Lite specs and
 * column tables from the library into Jupyter MIME bundles. No analysis here —
 * everything computed comes from `../../dist/index.js`.
 *
 * Every function here *awaits* `Deno.jupyter.display`, so write `await chart(...)`.
 * (Returning a displayable object as the cell's last expression also works
 * interactively, but under headless nbconvert its output is sometimes lost:
 * the kernel can report the cell idle before the result is published.)
 */
import { formatNumber, renderSvg, type ColumnTable } from '../../dist/index.js';

/** A Jupyter MIME bundle: MIME type → data. */
export type MimeBundle = Record<string, unknown>;

declare const Deno: { jupyter: { display(obj: MimeBundle, opts: { raw: true }): Promise<void> } };

/** Publish a MIME bundle as a cell output and wait until it is sent. */
export async function show(bundle: MimeBundle): Promise<void> {
  await Deno.jupyter.display(bundle, { raw: true });
}

const V5 = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * A Vega-Lite chart as a MIME bundle: `application/vnd.vegalite.v6+json` with
 * the spec as is, `application/vnd.vegalite.v5+json` (what JupyterLab and VS
 * Code render today; same spec with the v5 schema URL), a static
 * `image/svg+xml` rendered headless by the library's `renderSvg` (for the
 * classic notebook, nbviewer and GitHub) and a text fallback.
 */
export async function chart(spec: object, alt?: string): Promise<void> {
  const s = spec as Record<string, unknown>;
  const title = alt ?? titleText(s.title) ?? 'Vega-Lite chart';
  const svg = await renderSvg(spec as Parameters<typeof renderSvg>[0]);
  await show({
    'application/vnd.vegalite.v6+json': s,
    'application/vnd.vegalite.v5+json': { ...s, $schema: V5 },
    'image/svg+xml': svg,
    'text/plain': `[diagram] ${title}`,
  });
}

function titleText(t: unknown): string | undefined {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) return titleText((t as { text: unknown }).text);
  return undefined;
}

/** Options for `table`. */
export interface TableOptions {
  /** Decimals per column (default: 0 for integers, 1 otherwise). */
  decimals?: Record<string, number>;
  /** Columns that are years/ids and must not get thousands separators. */
  raw?: string[];
  /** Column headers to show instead of the column names. */
  labels?: Record<string, string>;
  lang?: 'da' | 'en';
}

/** A column table (or plain rows) as an HTML + plain-text table with Danish number formatting. */
export function table(t: ColumnTable | Record<string, unknown>[], opts: TableOptions = {}): Promise<void> {
  const ct = Array.isArray(t) ? rowsToTable(t) : t;
  const raw = new Set(['year', 'h', 'år', ...(opts.raw ?? [])]);
  const n = ct.columns.length ? ct.data[ct.columns[0]].length : 0;
  const cell = (c: string, i: number): string => {
    const v = ct.data[c][i];
    if (typeof v !== 'number') return String(v ?? '');
    if (Number.isNaN(v)) return '–';
    if (raw.has(c)) return String(v);
    const dec = opts.decimals?.[c] ?? (Number.isInteger(v) ? 0 : 1);
    return formatNumber(v, dec, opts.lang ?? 'da');
  };
  const head = ct.columns.map((c) => opts.labels?.[c] ?? c);
  const body = Array.from({ length: n }, (_, i) => ct.columns.map((c) => cell(c, i)));
  // numbers (also preformatted ones: '32,1 %', '135,3 – 172,3') right-aligned, text (names, notes) left-aligned
  const numeric = ct.columns.map((c) =>
    ct.data[c].every((v) => typeof v === 'number' || v === '' || v == null || /^[-−+]?\d/.test(String(v))),
  );
  const align = (j: number) => (numeric[j] ? 'right' : 'left');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html =
    '<table><thead><tr>' +
    head.map((h, j) => `<th style="text-align:${align(j)}">${esc(h)}</th>`).join('') +
    '</tr></thead><tbody>' +
    body.map((r) => '<tr>' + r.map((x, j) => `<td style="text-align:${align(j)}">${esc(x)}</td>`).join('') + '</tr>').join('') +
    '</tbody></table>';
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => r[j].length)));
  const line = (r: string[]) =>
    r
      .map((x, j) => (numeric[j] ? x.padStart(widths[j]) : x.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const text = [line(head), ...body.map(line)].join('\n');
  return show({ 'text/html': html, 'text/plain': text });
}

function rowsToTable(rows: Record<string, unknown>[]): ColumnTable {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const data: ColumnTable['data'] = {};
  for (const c of columns) data[c] = rows.map((r) => (typeof r[c] === 'number' || typeof r[c] === 'string' ? (r[c] as number | string) : String(r[c] ?? '')));
  return { columns, data };
}

/** Markdown text rendered as a cell output (for numbers computed in the cell above). */
export function md(text: string): Promise<void> {
  return show({ 'text/markdown': text, 'text/plain': text });
}

/** Plain text as a cell output (instead of relying on the cell's last expression). */
export function text(value: unknown): Promise<void> {
  return show({ 'text/plain': typeof value === 'string' ? value : JSON.stringify(value, null, 2) });
}
