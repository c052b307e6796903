/**
 * danfojs interop: series, forecasts and scenario results as danfojs
 * `DataFrame`s and back, for analysts who like data frames in notebooks.
 *
 * danfojs-node is heavy (it pulls in TensorFlow.js), so it is loaded lazily
 * the first time a frame is built (`loadDanfo`); importing this module costs
 * nothing. The conversions go through plain row/column tables
 * (`seriesColumns`, `forecastColumns`, `scenarioColumns`), which are pure,
 * synchronous and usable without danfojs (e.g. for `console.table`).
 *
 * Column conventions:
 * - series: `year, value, flags, source` — flags and sources joined by `|`
 *   (as in `data/viso.csv`), empty string when none.
 * - forecasts: `h` (1-based step), `year` (when the forecast knows its years),
 *   `point`, then `lo80, hi80, lo95, hi95, ...` per interval level.
 * - scenario results: one row per year; numbers as they are (`pMerforbrug`),
 *   quantile objects flattened to `<name>_<field>` (`merforbrug_p50`).
 */
import type { DataFrame } from 'danfojs-node';
import { UsageError, shownArg } from '../errors.js';
import { FLAGS, type Flag, type Series, type SeriesPoint, type Unit } from './types.js';

/** The danfojs-node module namespace. */
export type Danfo = typeof import('danfojs-node');

let danfoPromise: Promise<Danfo> | undefined;

/**
 * Load danfojs-node once (about a second the first time) and return the module.
 *
 * @example
 * const dfd = await loadDanfo();
 * const df = new dfd.DataFrame({ year: [2023, 2024], value: [1859, 2543] });
 */
export function loadDanfo(): Promise<Danfo> {
  danfoPromise ??= import('danfojs-node').then((m) => ((m as { default?: Danfo }).default ?? m) as Danfo);
  return danfoPromise;
}

/** A column-oriented table: column names in order, and one array per column. */
export interface ColumnTable {
  columns: string[];
  data: Record<string, (number | string)[]>;
}

/** Minimal shape of a forecast accepted by `forecastColumns` (a `Forecast`, optionally with `years`). */
export interface ForecastLike {
  point: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** Calendar years of the horizon (as returned by `forecastSeries`). */
  years?: number[];
}

/** A forecast read back from a table: everything but the fitted model. */
export interface ForecastColumnsData {
  h: number[];
  years?: number[];
  point: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
}

/** Minimal shape of a scenario result accepted by `scenarioColumns`: per-year records of numbers and quantile objects. */
export interface ScenarioLike {
  years: ReadonlyArray<{ year: number } & object>;
}

/** One year of a scenario result read back from a table (numbers, or nested quantile records). */
export type ScenarioYearRecord = { year: number } & Record<string, number | Record<string, number>>;

const SERIES_COLUMNS = ['year', 'value', 'flags', 'source'];

/**
 * A series as a column table `year, value, flags, source` (flags and sources joined by `|`).
 *
 * @example
 * seriesColumns(loadBundled().get('viso.raadgivning.forloeb.i_alt')).data.year.slice(-2) // [2023, 2024]
 */
export function seriesColumns(s: Series): ColumnTable {
  return {
    columns: [...SERIES_COLUMNS],
    data: {
      year: s.points.map((p) => p.year),
      value: s.points.map((p) => p.value),
      flags: s.points.map((p) => p.flags.join('|')),
      source: s.points.map((p) => p.sources.join('|')),
    },
  };
}

/**
 * A forecast as a column table: `h, [year], point, lo<L>, hi<L>` per interval level.
 *
 * @example
 * const f = forecast([1, 2, 3, 4], { method: 'drift', horizon: 2 });
 * forecastColumns(f).columns // ['h', 'point', 'lo80', 'hi80', 'lo95', 'hi95']
 */
export function forecastColumns(f: ForecastLike): ColumnTable {
  const n = f.point.length;
  if (f.years && f.years.length !== n) {
    throw new UsageError(`forecastColumns: ${f.years.length} years but ${n} point forecasts`);
  }
  const columns = ['h'];
  const data: ColumnTable['data'] = { h: f.point.map((_, i) => i + 1) };
  if (f.years) {
    columns.push('year');
    data.year = [...f.years];
  }
  columns.push('point');
  data.point = [...f.point];
  for (const iv of f.intervals) {
    if (iv.lower.length !== n || iv.upper.length !== n) {
      throw new UsageError(`forecastColumns: the ${iv.level} % interval does not have ${n} values`);
    }
    const lo = `lo${iv.level}`;
    const hi = `hi${iv.level}`;
    columns.push(lo, hi);
    data[lo] = [...iv.lower];
    data[hi] = [...iv.upper];
  }
  return { columns, data };
}

/**
 * A scenario result as a column table with one row per year. Numeric fields
 * become columns as they are; quantile objects (`{mean, p5, ..., p95}`) become
 * `<field>_<quantile>` columns. Column order follows the first year's fields.
 *
 * @example
 * const t = scenarioColumns(runScenario(loadScenario('models/scenarios/baseline.yaml'), { runs: 10000, seed: 1 }));
 * t.data.merforbrug_p50 // median merforbrug per year
 */
export function scenarioColumns(r: ScenarioLike): ColumnTable {
  const columns: string[] = [];
  const data: ColumnTable['data'] = {};
  const add = (name: string) => {
    if (!(name in data)) {
      columns.push(name);
      data[name] = [];
    }
  };
  r.years.forEach((y, row) => {
    for (const [key, v] of Object.entries(y)) {
      if (typeof v === 'number') {
        add(key);
        data[key][row] = v;
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [q, x] of Object.entries(v as Record<string, unknown>)) {
          if (typeof x !== 'number') continue;
          const name = `${key}_${q}`;
          add(name);
          data[name][row] = x;
        }
      }
    }
  });
  for (const c of columns) {
    for (let i = 0; i < r.years.length; i++) if (data[c][i] === undefined) data[c][i] = NaN;
  }
  return { columns, data };
}

/**
 * A column table as a danfojs DataFrame (loads danfojs-node on first use).
 *
 * @example
 * const df = await columnsToDataFrame({ columns: ['a'], data: { a: [1, 2] } });
 * df.shape // [2, 1]
 */
export async function columnsToDataFrame(t: ColumnTable): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const nRows = t.columns.length ? t.data[t.columns[0]].length : 0;
  if (nRows === 0) return new dfd.DataFrame([], { columns: t.columns });
  const dtypes = t.columns.map((c) => (t.data[c].every((v) => typeof v === 'number') ? (t.data[c].every(Number.isInteger) ? 'int32' : 'float32') : 'string'));
  const cols: Record<string, (number | string)[]> = {};
  for (const c of t.columns) cols[c] = t.data[c];
  return new dfd.DataFrame(cols, { columns: t.columns, dtypes });
}

/**
 * A danfojs DataFrame as a column table (no danfojs import needed).
 *
 * @example
 * dataFrameColumns(df).data.value // the value column as an array
 */
export function dataFrameColumns(df: DataFrame): ColumnTable {
  const columns = (df.columns as string[]).map(String);
  const data: ColumnTable['data'] = {};
  for (const c of columns) data[c] = [];
  const rows = df.values as unknown as (number | string)[][];
  for (const row of rows) columns.forEach((c, j) => data[c].push(row[j]));
  return { columns, data };
}

/**
 * A series, forecast or scenario result (or a ready column table) as a danfojs
 * DataFrame; see the module comment for the columns.
 *
 * @example
 * const df = await toDataFrame(loadBundled().get('viso.raadgivning.forbrug'));
 * df.columns // ['year', 'value', 'flags', 'source']
 */
export async function toDataFrame(x: Series | ForecastLike | ScenarioLike | ColumnTable): Promise<DataFrame> {
  return columnsToDataFrame(toTable(x));
}

/** Dispatch on shape: Series has `points`, a forecast `point`, a scenario result `years` of records. */
function toTable(x: Series | ForecastLike | ScenarioLike | ColumnTable): ColumnTable {
  if (x === null || typeof x !== 'object')
    throw new UsageError(
      `toDataFrame: expected a Series, a Forecast, a ScenarioResult or a column table, got ${shownArg(x)}`,
    );
  if ('points' in x) return seriesColumns(x);
  if ('point' in x) return forecastColumns(x);
  if ('columns' in x && 'data' in x) return x;
  if ('years' in x && Array.isArray(x.years) && x.years.every((y) => typeof y === 'object' && y !== null)) return scenarioColumns(x);
  throw new UsageError('toDataFrame: expected a Series, a Forecast, a ScenarioResult or a column table');
}

/** Metadata of a series read back from a data frame. */
export interface SeriesFrameMeta {
  id: string;
  unit: Unit;
  area?: string;
  measure?: string;
  category?: string;
}

/** What `fromDataFrame` returns for each kind. */
export interface FromDataFrameResult {
  series: Series;
  forecast: ForecastColumnsData;
  scenario: ScenarioYearRecord[];
  table: ColumnTable;
}

/**
 * Read a DataFrame back: `'series'` (needs `meta`; columns `year, value` and
 * optionally `flags, source`), `'forecast'` (columns `point`, `lo<L>/hi<L>`,
 * optionally `year`), `'scenario'` (one row per year, `<field>_<quantile>`
 * columns nested back) or `'table'`. Bad content is a UsageError naming the
 * row and column.
 *
 * @example
 * const s = fromDataFrame(await toDataFrame(ds.get('viso.raadgivning.forbrug')), 'series', { id: 'x', unit: 'mio. kr.' });
 * s.points.length // 13
 */
export function fromDataFrame(df: DataFrame, kind: 'series', meta: SeriesFrameMeta): Series;
export function fromDataFrame(df: DataFrame, kind: 'forecast'): ForecastColumnsData;
export function fromDataFrame(df: DataFrame, kind: 'scenario'): ScenarioYearRecord[];
export function fromDataFrame(df: DataFrame, kind: 'table'): ColumnTable;
export function fromDataFrame(
  df: DataFrame,
  kind: keyof FromDataFrameResult,
  meta?: SeriesFrameMeta,
): FromDataFrameResult[keyof FromDataFrameResult] {
  // `values` is not read here: on a danfojs frame it is a getter that copies the data
  const d = df as { columns?: unknown } | null | undefined;
  if (d == null || typeof d !== 'object' || !Array.isArray(d.columns) || !('values' in d))
    throw new UsageError(
      `fromDataFrame(df, '${String(kind)}'): df must be a danfojs DataFrame (with columns and values), got ${shownArg(df)}`,
    );
  const t = dataFrameColumns(df);
  switch (kind) {
    case 'series':
      if (!meta) throw new UsageError("fromDataFrame(df, 'series', meta): meta {id, unit} is required");
      return seriesFromColumns(t, meta);
    case 'forecast':
      return forecastFromColumns(t);
    case 'scenario':
      return scenarioFromColumns(t);
    case 'table':
      return t;
    default:
      throw new UsageError(`fromDataFrame: unknown kind "${String(kind)}" (series, forecast, scenario, table)`);
  }
}

function requireColumn(t: ColumnTable, name: string, what: string): (number | string)[] {
  const col = t.data[name];
  if (!col) throw new UsageError(`${what}: missing column "${name}" (columns: ${t.columns.join(', ') || 'none'})`);
  return col;
}

function numberAt(col: (number | string)[], row: number, name: string, what: string, finite = true): number {
  const v = col[row];
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  // Missing numbers (NaN) are allowed where `finite` is false, but only when the cell really is a number.
  const bad = finite ? !Number.isFinite(x) : Number.isNaN(x) && typeof v !== 'number';
  if (bad) throw new UsageError(`${what}: row ${row + 1}, column ${name}: expected a number, found ${JSON.stringify(v ?? null)}`);
  return x;
}

function splitList(v: number | string | undefined): string[] {
  if (v === undefined || v === null || typeof v === 'number') return [];
  return v
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/**
 * A series from a column table with `year, value` and optionally `flags, source`.
 *
 * @example
 * seriesFromColumns({ columns: ['year', 'value'], data: { year: [2024], value: [5] } }, { id: 'x', unit: 'count' }).points[0].value // 5
 */
export function seriesFromColumns(t: ColumnTable, meta: SeriesFrameMeta): Series {
  const what = `series ${meta.id}`;
  const years = requireColumn(t, 'year', what);
  const values = requireColumn(t, 'value', what);
  const flagCol = t.data.flags;
  const sourceCol = t.data.source ?? t.data.sources;
  const points: SeriesPoint[] = [];
  for (let i = 0; i < years.length; i++) {
    const year = numberAt(years, i, 'year', what);
    if (!Number.isInteger(year)) throw new UsageError(`${what}: row ${i + 1}, column year: expected an integer year, found ${year}`);
    const flags = splitList(flagCol?.[i]);
    for (const f of flags) {
      if (!(FLAGS as readonly string[]).includes(f)) {
        throw new UsageError(`${what}: row ${i + 1}, column flags: expected one of ${FLAGS.join(', ')}, found "${f}"`);
      }
    }
    points.push({ year, value: numberAt(values, i, 'value', what), flags: flags as Flag[], sources: splitList(sourceCol?.[i]) });
  }
  points.sort((a, b) => a.year - b.year);
  for (let i = 1; i < points.length; i++) {
    if (points[i].year === points[i - 1].year) throw new UsageError(`${what}: year ${points[i].year} occurs twice`);
  }
  return { id: meta.id, area: meta.area ?? '', measure: meta.measure ?? '', category: meta.category ?? '', unit: meta.unit, points };
}

/**
 * A forecast (without its model) from a column table with `point`, `lo<L>/hi<L>` and optionally `h`, `year`.
 *
 * @example
 * forecastFromColumns(forecastColumns(f)).intervals.map((iv) => iv.level) // [80, 95]
 */
export function forecastFromColumns(t: ColumnTable): ForecastColumnsData {
  const what = 'forecast table';
  const pointCol = requireColumn(t, 'point', what);
  const n = pointCol.length;
  const point = pointCol.map((_, i) => numberAt(pointCol, i, 'point', what, false));
  const h = t.data.h ? t.data.h.map((_, i) => numberAt(t.data.h, i, 'h', what)) : point.map((_, i) => i + 1);
  const intervals: ForecastColumnsData['intervals'] = [];
  for (const c of t.columns) {
    const m = /^lo(\d+(?:\.\d+)?)$/.exec(c);
    if (!m) continue;
    const hiName = `hi${m[1]}`;
    const hi = requireColumn(t, hiName, what);
    intervals.push({
      level: Number(m[1]),
      lower: t.data[c].map((_, i) => numberAt(t.data[c], i, c, what, false)),
      upper: hi.map((_, i) => numberAt(hi, i, hiName, what, false)),
    });
  }
  const out: ForecastColumnsData = { h, point, intervals };
  if (t.data.year) {
    out.years = t.data.year.map((_, i) => numberAt(t.data.year, i, 'year', what));
    if (out.years.length !== n) throw new UsageError(`${what}: ${out.years.length} years but ${n} points`);
  }
  return out;
}

/**
 * Per-year scenario records from a column table: `<field>_<quantile>` columns
 * are nested back into `{field: {quantile: x}}`; other columns stay numbers.
 *
 * @example
 * scenarioFromColumns(scenarioColumns(result))[0].merforbrug // { mean, p5, ..., p95 }
 */
export function scenarioFromColumns(t: ColumnTable): ScenarioYearRecord[] {
  const what = 'scenario table';
  const yearCol = requireColumn(t, 'year', what);
  return yearCol.map((_, i) => {
    const rec: Record<string, number | Record<string, number>> = {};
    for (const c of t.columns) {
      const x = numberAt(t.data[c], i, c, what, false);
      const us = c.indexOf('_');
      if (us > 0) {
        const key = c.slice(0, us);
        const sub = (rec[key] ??= {}) as Record<string, number>;
        sub[c.slice(us + 1)] = x;
      } else {
        rec[c] = x;
      }
    }
    return rec as ScenarioYearRecord;
  });
}
