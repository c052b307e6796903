/**
 * Batch forecasting of many series from a long CSV (`id,t,value[,split]`):
 * parse with precise input errors, forecast each series, fall back to simpler
 * models when one fails, and render the output CSV
 * `id,method,h,point,lo80,hi80,lo95,hi95`.
 */
import { InputError, UsageError } from '../errors.js';
import type { MethodName } from './types.js';
import { forecast } from './select.js';

/** One series of a batch input. */
export interface BatchSeries {
  id: string;
  values: number[];
}

/** Split one CSV line (double quotes with "" escapes). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Parse a long CSV with columns `id`, `t`, `value` and optional `split`
 * (only `train` rows are kept when present); other columns are ignored.
 * Throws `InputError` with file, line and column on bad input.
 *
 * @example
 * parseLongCsv('id,t,value\na,1,10\na,2,12\na,3,13\n', 'in.csv') // [{ id: 'a', values: [10, 12, 13] }]
 */
export function parseLongCsv(text: string, file: string): BatchSeries[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (k: string) => head.indexOf(k);
  for (const k of ['id', 't', 'value']) if (col(k) < 0) throw new InputError({ file, line: 1 }, `a header with columns id, t, value (and optionally split)`, lines[0] ?? '');
  const iId = col('id'), iT = col('t'), iV = col('value'), iS = col('split');
  const by = new Map<string, Map<number, number>>();
  for (let ln = 1; ln < lines.length; ln++) {
    const raw = lines[ln];
    if (raw.trim() === '') continue;
    const c = splitCsvLine(raw);
    if (c.length !== head.length) throw new InputError({ file, line: ln + 1 }, `${head.length} fields`, `${c.length} fields`);
    if (iS >= 0 && c[iS] !== 'train') {
      if (c[iS] !== 'test' && c[iS] !== '') throw new InputError({ file, line: ln + 1, column: 'split' }, 'train or test', c[iS]);
      continue;
    }
    const id = c[iId];
    if (id === '') throw new InputError({ file, line: ln + 1, column: 'id' }, 'a series id', '');
    const t = Number(c[iT]);
    if (c[iT] === '' || !Number.isInteger(t)) throw new InputError({ file, line: ln + 1, column: 't' }, 'a whole number (time index or year)', c[iT]);
    const v = Number(c[iV]);
    if (c[iV] === '' || !Number.isFinite(v)) throw new InputError({ file, line: ln + 1, column: 'value' }, 'a finite number (use . as decimal separator)', c[iV]);
    if (!by.has(id)) by.set(id, new Map());
    const m = by.get(id)!;
    if (m.has(t)) throw new InputError({ file, line: ln + 1, column: 't' }, `one row per id and t (duplicate t for ${id})`, c[iT]);
    m.set(t, v);
  }
  if (by.size === 0) throw new InputError({ file, line: 2 }, 'at least one data row', '');
  return [...by.entries()].map(([id, m]) => ({ id, values: [...m.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]) }));
}

/** Result of `forecastBatch`. */
export interface BatchResult {
  csv: string;
  /** one line per series that fell back or was skipped */
  problems: string[];
}

const g = (x: number) => Number(x.toPrecision(10)).toString();

/**
 * Forecast every series; a failing series falls back to drift, then naive;
 * a series with fewer than 3 values is skipped. Both are reported in `problems`.
 *
 * @example
 * const r = forecastBatch([{ id: 'a', values: [10, 12, 13, 15] }], { horizon: 2, method: 'drift' });
 * r.csv.split('\n')[0] // 'id,method,h,point,lo80,hi80,lo95,hi95'
 */
export function forecastBatch(series: BatchSeries[], opts: { horizon: number; method?: MethodName; levels?: number[] }): BatchResult {
  const levels = opts.levels ?? [80, 95];
  if (!Number.isInteger(opts.horizon) || opts.horizon < 1 || opts.horizon > 100) throw new UsageError(`--horizon must be a whole number from 1 to 100 (got ${opts.horizon})`);
  const header = ['id', 'method', 'h', 'point', ...levels.flatMap((l) => [`lo${l}`, `hi${l}`])];
  const out = [header.join(',')];
  const problems: string[] = [];
  for (const s of series) {
    if (s.values.length < 3) {
      problems.push(`${s.id}: skipped, ${s.values.length} value(s) (a forecast needs at least 3)`);
      continue;
    }
    let f;
    const chain: MethodName[] = [opts.method ?? 'auto', 'drift', 'naive'];
    for (const m of chain) {
      try {
        f = forecast(s.values, { method: m, horizon: opts.horizon, levels });
        if (m !== chain[0]) problems.push(`${s.id}: ${chain[0]} failed, ${m} used`);
        break;
      } catch (e) {
        if (m === 'naive') problems.push(`${s.id}: skipped (${(e as Error).message})`);
      }
    }
    if (!f) continue;
    const fallbackNote = (f.model.notes ?? []).find((n) => / used instead|replaced by/.test(n));
    if (fallbackNote) problems.push(`${s.id}: ${fallbackNote}`);
    const id = /[",\n]/.test(s.id) ? `"${s.id.replace(/"/g, '""')}"` : s.id;
    for (let i = 0; i < f.horizon; i++) {
      out.push([id, f.method, i + 1, g(f.point[i]), ...f.intervals.flatMap((iv) => [g(iv.lower[i]), g(iv.upper[i])])].join(','));
    }
  }
  return { csv: out.join('\n') + '\n', problems };
}
