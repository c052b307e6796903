/**
 * From CSV records to series for `forecast-batch`: the header (columns `id`,
 * `t`, `value`, optional `split`), strict number parsing, and the grouping of
 * consecutive rows of one id into a series with its problems. A bad row spoils
 * only its own series (reported with id, line and reason); only problems of
 * the file as a whole (no header, an id whose rows are not together) are errors.
 */
import { InputError } from '../errors.js';
import type { CsvRecord } from './batch-csv.js';
import type { BatchProblem } from './batch-problems.js';

/** Most values kept per series (bounds memory; longer series are reported and skipped). */
export const MAX_SERIES_POINTS = 1_000_000;

/** A series read from the input: values in t order, or the problem that spoils it. */
export interface RawSeries {
  id: string;
  /** line of the series' first row */
  line: number;
  /** t of the first value */
  t0: number;
  values: number[];
  /** input line of each value, only when they are not simply line, line + 1, … */
  lines?: number[];
  /** the first problem that makes the series unusable (then `values` may be incomplete) */
  problem?: BatchProblem;
  /** number of bad rows (the first is `problem`) */
  badRows?: number;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;
const MISSING = /^(?:|na|n\/a|null|none|nil|-|\.)$/i;
const NAN = /^[+-]?nan$/i;
const INF = /^[+-]?(?:inf|infinity|∞)$/i;

/** Outcome of parsing one number: a value, or the problem code with the text found. */
export type NumberParse =
  { ok: true; value: number } | { ok: false; code: 'missing' | 'nan' | 'infinite' | 'overflow' | 'not_decimal' | 't' };

/**
 * Parse a decimal number strictly: optional sign, digits with `.` as decimal
 * mark, optional exponent; surrounding blanks allowed. Hex (`0x10`), binary
 * (`0b11`), octal, `Infinity`, `NaN`, thousands separators and anything that
 * overflows to ±Infinity (`1e400`) are refused with a reason code.
 *
 * @example
 * parseDecimal('12.5')  // { ok: true, value: 12.5 }
 * parseDecimal('0x10')  // { ok: false, code: 'not_decimal' }
 * parseDecimal('1e400') // { ok: false, code: 'overflow' }
 */
export function parseDecimal(text: string): NumberParse {
  const s = text.trim();
  if (DECIMAL.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, code: 'overflow' };
  }
  if (MISSING.test(s)) return { ok: false, code: 'missing' };
  if (NAN.test(s)) return { ok: false, code: 'nan' };
  if (INF.test(s)) return { ok: false, code: 'infinite' };
  return { ok: false, code: 'not_decimal' };
}

/**
 * Parse a whole number (time index) strictly: optional sign and decimal digits
 * only, within ±2^53 (no `0b11`, `0x3`, `3.0`, `1e3`).
 *
 * @example
 * parseWhole('2015') // { ok: true, value: 2015 }
 * parseWhole('0b11') // { ok: false, code: 't' }
 */
export function parseWhole(text: string): NumberParse {
  const s = text.trim();
  if (!WHOLE.test(s)) return { ok: false, code: 't' };
  const v = Number(s);
  return Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, code: 't' };
}

/** Column positions of a batch input. */
export interface BatchColumns {
  id: number;
  t: number;
  value: number;
  split: number;
  count: number;
}

/**
 * Find the columns in the header record (names case-insensitive, blanks
 * trimmed; other columns are ignored). Throws an InputError on line 1 when
 * `id`, `t` or `value` is missing or named twice.
 *
 * @example
 * batchColumns({ line: 1, fields: ['id', 'split', 't', 'value'] }, 'm4.csv') // { id: 0, t: 2, value: 3, split: 1, count: 4 }
 */
export function batchColumns(header: CsvRecord, file: string): BatchColumns {
  const names = header.fields.map((h) => h.trim().toLowerCase());
  // The record reader splits at commas only, so the fields joined by commas are the header as the file has it: a
  // semicolon or tab file's header is one field (`id;t;value`), shown with its own delimiter.
  const found = header.fields.join(',');
  const find = (k: string): number => {
    const i = names.indexOf(k);
    if (i >= 0 && names.indexOf(k, i + 1) >= 0)
      throw new InputError(
        { file, line: header.line, column: i + 1 },
        { code: 'forecast.err.columnTwice', params: { name: k } },
        found,
      );
    return i;
  };
  const cols = { id: find('id'), t: find('t'), value: find('value'), split: find('split'), count: names.length };
  // no column found at all: the header may be written with another delimiter, also when a column name holds a comma
  const sep = cols.id < 0 && cols.t < 0 && cols.value < 0 ? /[;\t]/.exec(found)?.[0] : undefined;
  for (const k of ['id', 't', 'value'] as const) {
    if (cols[k] < 0)
      throw new InputError(
        { file, line: header.line },
        { code: 'forecast.err.missingColumn', params: { name: k, sep: sep ?? '' } },
        found,
      );
  }
  return cols;
}

interface Pending {
  id: string;
  line: number;
  t: number[];
  v: number[];
  lines: number[];
  problem?: BatchProblem;
  bad: number;
}

/**
 * Groups the rows of a long CSV into series. Rows of one id must be
 * together (any t order within them); an id that comes back after another id
 * is an InputError (sort the file by id first). Within a series the rows are
 * sorted by t; a repeated t or a gap in t spoils the series (never closed up).
 *
 * @example
 * const a = new SeriesAssembler('in.csv');
 * const out: RawSeries[] = [];
 * a.header({ line: 1, fields: ['id', 't', 'value'] });
 * a.row({ line: 2, fields: ['a', '1', '10'] }, (s) => out.push(s));
 * a.end((s) => out.push(s)); // out[0].values = [10]
 */
export class SeriesAssembler {
  private cols: BatchColumns | undefined;
  private cur: Pending | undefined;
  private readonly done = new Set<string>();
  /** problems of rows that belong to no series (empty id) */
  readonly orphans: BatchProblem[] = [];
  /** rows read (excluding the header) */
  rows = 0;

  constructor(
    readonly file: string,
    private readonly maxPoints = MAX_SERIES_POINTS,
  ) {}

  /** Read the header record. */
  header(rec: CsvRecord): BatchColumns {
    this.cols = batchColumns(rec, this.file);
    return this.cols;
  }

  /** Read one data record; a finished series goes to `emit`. */
  row(rec: CsvRecord, emit: (s: RawSeries) => void): void {
    const c = this.cols!;
    this.rows++;
    const f = rec.fields;
    const id = f[c.id];
    if (id === undefined || id === '') {
      this.orphans.push({
        id: '',
        line: rec.line,
        action: 'skipped',
        code: id === undefined ? 'fields' : 'missing_id',
        detail: { found: f.length, expected: c.count },
      });
      return;
    }
    if (!this.cur || this.cur.id !== id) {
      if (this.cur) this.finish(emit);
      if (this.done.has(id))
        throw new InputError(
          { file: this.file, line: rec.line, column: 'id' },
          { code: 'forecast.err.idTogether', params: { id: JSON.stringify(id) } },
          id,
        );
      this.cur = { id, line: rec.line, t: [], v: [], lines: [], bad: 0 };
    }
    const s = this.cur;
    const bad = (p: Omit<BatchProblem, 'id' | 'action'>): void => {
      s.bad++;
      if (!s.problem) s.problem = { id, action: 'skipped', ...p };
    };
    if (rec.error !== undefined) return bad({ line: rec.line, code: 'malformed', detail: { what: rec.error } });
    if (f.length !== c.count)
      return bad({ line: rec.line, code: 'fields', detail: { found: f.length, expected: c.count } });
    if (c.split >= 0) {
      const sp = f[c.split].trim().toLowerCase();
      if (sp === 'test') return;
      if (sp !== 'train') return bad({ line: rec.line, code: 'split', detail: { found: f[c.split] } });
    }
    if (s.problem) return void s.bad++; // the series is spoilt: count, do not store
    const t = parseWhole(f[c.t]);
    if (!t.ok) return bad({ line: rec.line, code: 't', detail: { found: f[c.t] } });
    const v = parseDecimal(f[c.value]);
    if (!v.ok) return bad({ line: rec.line, code: v.code, detail: { found: f[c.value] } });
    if (s.v.length >= this.maxPoints) return bad({ line: rec.line, code: 'too_long', detail: { max: this.maxPoints } });
    s.t.push(t.value);
    s.v.push(v.value);
    s.lines.push(rec.line);
  }

  /** Flush the last series. */
  end(emit: (s: RawSeries) => void): void {
    if (this.cur) this.finish(emit);
    this.cur = undefined;
  }

  /** Number of series finished so far. */
  get seriesCount(): number {
    return this.done.size;
  }

  private finish(emit: (s: RawSeries) => void): void {
    const s = this.cur!;
    this.done.add(s.id);
    this.cur = undefined;
    const out: RawSeries = { id: s.id, line: s.line, t0: s.t[0] ?? NaN, values: s.v };
    if (!s.problem) {
      let sorted = true;
      for (let i = 1; i < s.t.length; i++) if (s.t[i] <= s.t[i - 1]) sorted = false;
      let t = s.t;
      let lines = s.lines;
      if (!sorted) {
        const order = Array.from(s.t.keys()).sort((a, b) => s.t[a] - s.t[b] || a - b);
        t = order.map((k) => s.t[k]);
        lines = order.map((k) => s.lines[k]);
        out.values = order.map((k) => s.v[k]);
        out.t0 = t[0];
      }
      for (let i = 1; i < t.length && !s.problem; i++) {
        if (t[i] === t[i - 1])
          s.problem = {
            id: s.id,
            line: Math.max(lines[i], lines[i - 1]),
            action: 'skipped',
            code: 'duplicate_t',
            detail: { t: t[i], other: Math.min(lines[i], lines[i - 1]) },
          };
        else if (t[i] !== t[i - 1] + 1)
          s.problem = {
            id: s.id,
            line: lines[i],
            action: 'skipped',
            code: 'gap',
            detail: { from: t[i - 1], to: t[i] },
          };
      }
      if (s.problem) s.bad = 1;
      else {
        let simple = true;
        for (let i = 0; i < lines.length && simple; i++) if (lines[i] !== s.line + i) simple = false;
        if (!simple) out.lines = lines;
      }
    }
    if (s.problem) {
      out.problem = s.problem;
      out.badRows = s.bad;
      out.values = [];
    }
    emit(out);
  }
}
