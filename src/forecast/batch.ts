/**
 * Batch forecasting, one series at a time: checks that make a series unusable
 * (too short, unreadable rows, gaps) or worth a note (constant, spikes,
 * negative or extreme values), the forecast with a fallback chain (requested
 * method → drift → naive), and the output rows
 * `id,method,h,point,lo80,hi80,lo95,hi95` with only finite numbers, ids
 * neutralised against formula injection and quoted per RFC 4180.
 * `parseLongCsv` and `forecastBatch` do the same for a CSV held in memory;
 * `runBatch` (batch-run.ts) streams files through worker threads.
 */
import { UsageError, shownArg } from '../errors.js';
import type { MethodName } from './types.js';
import { METHOD_NAMES } from './types.js';
import { forecast } from './select.js';
import { CsvRecordReader, CsvSyntaxError, csvField, neutraliseFormula } from './batch-csv.js';
import type { CsvRecord } from './batch-csv.js';
import { SeriesAssembler } from './batch-parse.js';
import type { RawSeries } from './batch-parse.js';
import type { BatchProblem } from './batch-problems.js';
import { InputError } from '../errors.js';

/** The engine's notes that say it used another method than the one asked for (reported as fallbacks). */
const ENGINE_FALLBACKS: ReadonlySet<string> = new Set([
  'forecast.note.constant',
  'forecast.note.needsPositive',
  'forecast.note.needsObservations',
  'forecast.note.failed',
  'forecast.note.nonFinite',
]);

/** One series of a batch: id and values in time order (optionally where it came from and what spoilt it). */
export interface BatchSeries {
  id: string;
  values: number[];
  /** first input line (for messages; 0 when not from a file) */
  line?: number;
  /** t of the first value */
  t0?: number;
  /** input line of each value when not line, line + 1, … */
  lines?: number[];
  /** a problem found while reading: the series is skipped */
  problem?: BatchProblem;
}

/** Options of a batch run. */
export interface BatchOptions {
  horizon: number;
  /** default `'auto'` */
  method?: MethodName;
  /** interval levels in percent, default [80, 95] */
  levels?: number[];
  /** write ids as read, without neutralising formula-like ids (default false) */
  rawIds?: boolean;
}

/** What became of one series. */
export interface SeriesOutcome {
  /** output CSV lines of the series, each ending in `\n` ('' when skipped) */
  rows: string;
  status: 'forecast' | 'fallback' | 'skipped';
  /** method whose forecast was written */
  method?: string;
  problems: BatchProblem[];
}

/**
 * Check batch options; throws a UsageError.
 *
 * @example
 * checkBatchOptions({ horizon: 0 }) // throws: --horizon must be a whole number from 1 to 100 (got 0)
 */
export function checkBatchOptions(opts: BatchOptions): void {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts))
    throw new UsageError({ code: 'forecast.err.options', params: { got: shownArg(opts) } });
  if (opts.levels !== undefined && !Array.isArray(opts.levels))
    throw new UsageError({ code: 'forecast.err.levelsArray', params: { got: shownArg(opts.levels) } });
  if (!Number.isInteger(opts.horizon) || opts.horizon < 1 || opts.horizon > 100)
    throw new UsageError({
      code: 'forecast.err.horizon',
      params: { name: '--horizon', max: 100, got: String(opts.horizon) },
    });
  if (opts.method !== undefined && !METHOD_NAMES.includes(opts.method))
    throw new UsageError({
      code: 'forecast.err.method',
      params: { method: String(JSON.stringify(opts.method)), methods: METHOD_NAMES.join(', ') },
    });
  for (const l of opts.levels ?? [])
    if (!(typeof l === 'number' && l > 0 && l < 100))
      throw new UsageError({ code: 'forecast.err.levels', params: { got: String(l) } });
}

/**
 * The output header for the given levels.
 *
 * @example
 * batchHeader([80, 95]) // 'id,method,h,point,lo80,hi80,lo95,hi95\n'
 */
export function batchHeader(levels: number[] = [80, 95]): string {
  return ['id', 'method', 'h', 'point', ...levels.flatMap((l) => [`lo${l}`, `hi${l}`])].join(',') + '\n';
}

/** 10 significant digits, shortest form (`-0` as `0`). */
const g = (x: number): string => (x === 0 ? '0' : Number(x.toPrecision(10)).toString());

/**
 * The output form of an id: neutralised against formula injection (unless
 * `raw`), then quoted per RFC 4180 when needed.
 *
 * @example
 * outputId('=SUM(A1)', false) // "'=SUM(A1)"
 * outputId('a,b', false) // '"a,b"'
 */
export function outputId(id: string, raw: boolean): string {
  return csvField(raw ? id : neutraliseFormula(id));
}

/** Median of a copy (no recursion, no spread). */
function median(a: ArrayLike<number>): number {
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** How far beyond the robust spread of changes an interior point must stand out to be called a spike. */
export const SPIKE_FACTOR = 10;

/**
 * The first interior spike of y, or -1: a point above (or below) both
 * neighbours by more than `SPIKE_FACTOR` × the robust scale of the series'
 * changes (1.4826 × the median absolute deviation of the first differences,
 * at least 5 % of the median absolute change) and more than half the
 * neighbours' mean absolute level. Needs 5+ points.
 *
 * @example
 * findSpike([10, 11, 12, 13, 500, 15, 16, 17]) // 4
 * findSpike([10, 11, 12, 13, 14, 15]) // -1
 */
export function findSpike(y: ArrayLike<number>): number {
  const n = y.length;
  if (n < 5) return -1;
  const d = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) d[i - 1] = y[i] - y[i - 1];
  const md = median(d);
  const dev = new Float64Array(n - 1);
  const absd = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    dev[i] = Math.abs(d[i] - md);
    absd[i] = Math.abs(d[i]);
  }
  const scale = Math.max(1.4826 * median(dev), 0.05 * median(absd));
  if (!(scale > 0)) return -1;
  for (let i = 1; i < n - 1; i++) {
    const a = y[i] - y[i - 1];
    const b = y[i] - y[i + 1];
    if (Math.sign(a) !== Math.sign(b) || a === 0) continue;
    const jump = Math.min(Math.abs(a), Math.abs(b));
    const level = (Math.abs(y[i - 1]) + Math.abs(y[i + 1])) / 2;
    if (jump > SPIKE_FACTOR * scale && jump > 0.5 * level) return i;
  }
  return -1;
}

/** One-line reason from an error (no stack, at most 200 characters). */
function reasonOf(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return m.length > 200 ? m.slice(0, 197) + '...' : m;
}

/**
 * Forecast one series of a batch. Never throws for anything in the series:
 * a series that cannot be forecast comes back `skipped` with its problem.
 *
 * @example
 * const o = forecastBatchSeries({ id: 'a', values: [10, 12, 13, 15], line: 2 }, { horizon: 2, method: 'drift' });
 * o.rows.split('\n')[0] // 'a,drift,1,16.66666667,…'
 */
export function forecastBatchSeries(s: BatchSeries, opts: BatchOptions): SeriesOutcome {
  const line = s.line ?? 0;
  if (s.problem) return { rows: '', status: 'skipped', problems: [s.problem] };
  const y = s.values;
  const n = y.length;
  const t0 = s.t0 ?? 1;
  const skip = (code: BatchProblem['code'], detail: BatchProblem['detail']): SeriesOutcome => ({
    rows: '',
    status: 'skipped',
    problems: [{ id: s.id, line, action: 'skipped', code, detail }],
  });
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(y[i])) return skip(Number.isNaN(y[i]) ? 'nan' : 'infinite', { found: String(y[i]), index: i });
  if (n < 3) return skip('too_short', { n });
  const problems: BatchProblem[] = [];
  const note = (code: BatchProblem['code'], detail: BatchProblem['detail'], at = line): void =>
    void problems.push({ id: s.id, line: at, action: 'note', code, detail });
  // notes on series that are forecast but deserve a look
  let constant = true;
  let neg = 0;
  let firstNeg = -1;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (let i = 0; i < n; i++) {
    if (y[i] !== y[0]) constant = false;
    if (y[i] < 0 && neg++ === 0) firstNeg = i;
    const a = Math.abs(y[i]);
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minAbs) minAbs = a;
  }
  const lineAt = (i: number): number => (s.lines ? s.lines[i] : line > 0 ? line + i : 0);
  if (constant) note('constant', { value: y[0] });
  if (neg > 0) note('negative', { count: neg, t: t0 + firstNeg }, lineAt(firstNeg));
  if (maxAbs >= 1e100 || minAbs <= 1e-100) note('extreme', { max: maxAbs >= 1e100 ? maxAbs : minAbs });
  const sp = constant ? -1 : findSpike(y);
  if (sp >= 0) note('spike', { t: t0 + sp, value: y[sp], prev: y[sp - 1], next: y[sp + 1] }, lineAt(sp));

  const levels = opts.levels ?? [80, 95];
  const requested = opts.method ?? 'auto';
  const chain = [requested, ...(['drift', 'naive'] as const).filter((m) => m !== requested)];
  let lastReason = '';
  for (const m of chain) {
    let f;
    try {
      f = forecast(y, { method: m, horizon: opts.horizon, levels });
    } catch (e) {
      lastReason = reasonOf(e);
      continue;
    }
    const finite =
      f.point.every(Number.isFinite) &&
      f.intervals.every((iv) => iv.lower.every(Number.isFinite) && iv.upper.every(Number.isFinite));
    if (!finite) {
      lastReason = 'non-finite forecast';
      continue;
    }
    let status: SeriesOutcome['status'] = 'forecast';
    if (m !== requested) {
      status = 'fallback';
      problems.push({
        id: s.id,
        line,
        action: 'fallback',
        code: 'fallback',
        detail: { method: requested, reason: lastReason, used: f.method },
      });
    }
    for (const nt of f.model.notes ?? []) {
      if (!ENGINE_FALLBACKS.has(nt.code) || (constant && nt.code === 'forecast.note.constant')) continue;
      status = 'fallback';
      problems.push({ id: s.id, line, action: 'fallback', code: 'engine', detail: { note: nt } });
    }
    const id = outputId(s.id, opts.rawIds ?? false);
    let rows = '';
    for (let i = 0; i < f.horizon; i++) {
      rows += `${id},${f.method},${i + 1},${g(f.point[i])}`;
      for (const iv of f.intervals) rows += `,${g(iv.lower[i])},${g(iv.upper[i])}`;
      rows += '\n';
    }
    return { rows, status, method: f.method, problems };
  }
  return {
    rows: '',
    status: 'skipped',
    problems: [...problems, { id: s.id, line, action: 'skipped', code: 'failed', detail: { reason: lastReason } }],
  };
}

/** Series and row-level problems read from a long CSV held in memory. */
export interface ParsedBatch {
  series: RawSeries[];
  /** rows that belong to no series (empty id, too few fields to hold one) */
  orphans: BatchProblem[];
}

/**
 * Parse a long CSV (`id`, `t`, `value`, optional `split`: only `train` rows
 * are kept; other columns ignored) held in memory. Problems of single rows
 * spoil only their series (`problem`); problems of the file (no header, an
 * unterminated quote, ids not grouped) throw an InputError with file and line.
 *
 * @example
 * parseLongCsv('id,t,value\na,1,10\na,2,12\na,3,13\n', 'in.csv').series[0].values // [10, 12, 13]
 */
export function parseLongCsv(text: string, file: string): ParsedBatch {
  const reader = new CsvRecordReader();
  const asm = new SeriesAssembler(file);
  const series: RawSeries[] = [];
  let header = true;
  const onRecord = (r: CsvRecord): void => {
    if (header) {
      asm.header(r);
      header = false;
    } else asm.row(r, (s) => series.push(s));
  };
  try {
    reader.push(text, onRecord);
    reader.end(onRecord);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputError({ file, line: e.line }, e.msg);
    throw e;
  }
  if (header) throw new InputError({ file, line: 1 }, { code: 'forecast.err.header' }, '');
  asm.end((s) => series.push(s));
  return { series, orphans: asm.orphans };
}

/** Result of `forecastBatch`. */
export interface BatchResult {
  csv: string;
  /** every problem: skipped series, fallbacks, notes */
  problems: BatchProblem[];
  /** series forecast (including fallbacks) and skipped */
  forecast: number;
  skipped: number;
}

/**
 * Forecast every series in memory (for small inputs; `runBatch` streams
 * files). A series that cannot be forecast is skipped and reported; the
 * others are always written.
 *
 * @example
 * const r = forecastBatch([{ id: 'a', values: [10, 12, 13, 15] }], { horizon: 2, method: 'drift' });
 * r.csv.split('\n')[0] // 'id,method,h,point,lo80,hi80,lo95,hi95'
 */
export function forecastBatch(series: BatchSeries[], opts: BatchOptions): BatchResult {
  if (!Array.isArray(series))
    throw new UsageError({ code: 'forecast.err.batchSeries', params: { got: shownArg(series) } });
  series.forEach((s: unknown, i) => {
    if (s === null || typeof s !== 'object')
      throw new UsageError({ code: 'forecast.err.batchElement', params: { i, got: shownArg(s) } });
  });
  checkBatchOptions(opts);
  let csv = batchHeader(opts.levels);
  const problems: BatchProblem[] = [];
  let ok = 0;
  let skipped = 0;
  for (const s of series) {
    const o = forecastBatchSeries(s, opts);
    csv += o.rows;
    problems.push(...o.problems);
    if (o.status === 'skipped') skipped++;
    else ok++;
  }
  return { csv, problems, forecast: ok, skipped };
}
