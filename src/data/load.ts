/**
 * Loading user data files (CSV/TSV, XLSX, JSON; long or wide layout; Danish
 * or international numbers) into a `Dataset`, and validating them.
 */
import { columnCode, InputError, InputErrors, UsageError, type InputLocation } from '../errors.js';
import { loadBundled } from './bundled.js';
import { Dataset } from './dataset.js';
import type { NumberLocale } from './numbers.js';
import { loadSeriesMap, type SeriesMap } from './mapping.js';
import { readRawTables, type FileFormat, type RawTable } from './rawtable.js';
import { interpretTable, seenAt, type Layout, type SeenSeries } from './records.js';
import { nearestKnownId } from './suggest.js';
import type { Flag, Observation, Series, SeriesPoint } from './types.js';
import type { TextEncoding } from '../io/encoding.js';
import { LIMITS } from '../io/limits.js';

export interface LoadOptions {
  /** Number convention; detected when omitted (ambiguous files are refused). */
  locale?: NumberLocale;
  /** Layout; detected from the header when omitted. */
  layout?: Layout;
  /** Labels of the file → series ids: a mapping file (`--map map.yaml`) or a loaded mapping. */
  map?: string | SeriesMap;
}

/** Outcome of validating one file. */
export interface FileReport {
  file: string;
  ok: boolean;
  format?: FileFormat;
  /** The layout (`long+columns` when the sheets of a workbook differ). */
  layout?: string;
  locale?: NumberLocale;
  /** The encoding a text file was read in. */
  encoding?: TextEncoding;
  /** The sheets read (a workbook). */
  sheets?: string[];
  /** Number of observations read (0 if the file could not be read at all). */
  observations: number;
  series: number;
  /** Every problem found, in file order. */
  problems: InputError[];
  /** The sum rows (`I alt`, `Total`, …) skipped, not read as data: where each stands (a line, or a sheet's cell). */
  sumRows?: InputLocation[];
}

/**
 * The reports of `viso data validate --json`: language-neutral, the same bytes whatever `--lang` is (like
 * every `--json` of the CLI). Each problem is its location (`column` by `columnCode`: a blank header is
 * its bare letter or number, never `(tom)`/`(blank)`), `expected` and `found`, and `message`, the
 * problem's English line (`InputError.message`, as the API and logs have it).
 *
 * @example
 * JSON.stringify(validationJson([await validateFile('export.csv')]), null, 2)
 */
export function validationJson(reports: FileReport[]): unknown[] {
  return reports.map((r) => ({
    ...r,
    problems: r.problems.map((p) => ({
      ...p.location,
      ...(p.location.column === undefined ? {} : { column: columnCode(p.location.column) }),
      expected: p.expected,
      found: p.found,
      message: p.message,
    })),
  }));
}

/**
 * Read a file and return its observations together with every problem found
 * (nothing is thrown for bad content; only programming errors throw). At most
 * `LIMITS.problemsPerFile` problems are listed; a last line counts the rest.
 *
 * @example
 * const { observations, problems } = await readObservations('export.csv', { locale: 'da' });
 */
export async function readObservations(file: string, opts: LoadOptions = {}): Promise<{ observations: Observation[]; report: FileReport }> {
  const observations: Observation[] = [];
  const report = await readInto(file, opts, (o) => void observations.push(o));
  return { observations, report };
}

/** Read a file, handing each observation to `sink`; the report counts them. */
async function readInto(file: string, opts: LoadOptions, sink: (o: Observation, seen: SeenSeries) => void): Promise<FileReport> {
  let tables: RawTable[];
  let map: SeriesMap | undefined;
  try {
    map = typeof opts.map === 'string' ? loadSeriesMap(opts.map) : opts.map;
    tables = await readRawTables(file);
  } catch (e) {
    if (e instanceof InputError) return { file, ok: false, observations: 0, series: 0, problems: [e] };
    throw e;
  }
  const bundled = loadBundled();
  const misspeltOf = misspellings(bundled);
  let count = 0;
  const ids = new Set<string>();
  const seen = new Map<string, SeenSeries>();
  const problems: InputError[] = [];
  let omitted = 0;
  const sumRows: InputLocation[] = [];
  const layouts: Layout[] = [];
  let locale: NumberLocale | undefined;
  for (const table of tables) {
    const r = interpretTable(table, {
      locale: opts.locale,
      layout: opts.layout,
      ...(map ? { map } : {}),
      seen,
      maxProblems: Math.max(0, LIMITS.problemsPerFile - problems.length),
      knownMeta: (id) => (bundled.has(id) ? bundled.get(id) : undefined),
      scaleOf: (id) => bundledScale(bundled, id),
      misspeltOf,
      sink: (o, seen) => {
        count++;
        ids.add(o.series);
        sink(o, seen);
      },
    });
    problems.push(...[...r.problems].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0)));
    omitted += r.omitted ?? 0;
    if (r.sumRows) sumRows.push(...r.sumRows);
    if (r.layout && !layouts.includes(r.layout)) layouts.push(r.layout);
    locale ??= r.locale;
  }
  if (omitted) problems.push(new InputError({ file }, { code: 'data.err.problemsListed', params: { n: LIMITS.problemsPerFile } }, { code: 'data.err.more', params: { n: omitted } }));
  const first = tables[0];
  return {
    file,
    ok: problems.length === 0,
    format: first.format,
    ...(layouts.length ? { layout: layouts.join('+') } : {}),
    locale,
    ...(first.encoding ? { encoding: first.encoding } : {}),
    ...(first.format === 'xlsx' ? { sheets: tables.map((t) => t.sheet ?? '') } : {}),
    observations: count,
    series: ids.size,
    problems,
    ...(sumRows.length ? { sumRows } : {}),
  };
}

/**
 * The catalogue of known series ids (the bundled series) as a misspelling check: for an id it does not
 * have, the known id within two edits of it (`nearestKnownId`), remembered per id (as the series read are).
 * An id far from every known one is a series of its own (added to the data, listed as a new series).
 */
function misspellings(bundled: Dataset): (id: string) => string | undefined {
  const known = bundled.ids().sort();
  const memo = new Map<string, string | undefined>();
  return (id) => {
    if (bundled.has(id)) return undefined;
    if (memo.has(id)) return memo.get(id);
    const near = nearestKnownId(id, known);
    memo.set(id, near);
    return near;
  };
}

/**
 * The scale of a bundled series in mio. kr., which a user file's values of it join: its latest value
 * (year and value), or undefined for another unit or a series the bundled data does not have.
 */
function bundledScale(bundled: Dataset, id: string): { value: number; year: number; nonNegative: boolean } | undefined {
  if (!bundled.has(id)) return undefined;
  const s = bundled.get(id);
  if (s.unit !== 'mio. kr.') return undefined;
  // a series never negative in the bundled data (forbrug, bevilling) is not negative in a user's file either
  const nonNegative = s.points.every((p) => !(p.value < 0));
  for (let i = s.points.length - 1; i >= 0; i--) if (s.points[i].value > 0) return { value: s.points[i].value, year: s.points[i].year, nonNegative };
  return undefined;
}

/**
 * Validate a file: collects ALL problems (not only the first; at most
 * `LIMITS.problemsPerFile` are listed). Observations are counted, not kept.
 *
 * @example
 * const rep = await validateFile('test/fixtures/good/viso-da.csv');
 * rep.ok // true
 */
export async function validateFile(file: string, opts: LoadOptions = {}): Promise<FileReport> {
  return readInto(file, opts, () => {});
}

/**
 * A value read from a user file. `at` (where it stands, `file:line` or `file: Ark1!B4`) is made when asked from the
 * reader's record of its series (`seenAt`), not stored as a text per value: 150 MB less for a file of 1,6 million
 * rows. It is part of the point's JSON; the record itself is private.
 */
class UserPoint implements SeriesPoint {
  readonly #seen: SeenSeries;
  constructor(
    public year: number,
    public value: number,
    public flags: Flag[],
    public sources: string[],
    seen: SeenSeries,
  ) {
    this.#seen = seen;
  }
  get at(): string | undefined {
    return seenAt(this.#seen, this.year);
  }
  toJSON(): SeriesPoint {
    const at = this.at;
    return { year: this.year, value: this.value, flags: this.flags, sources: this.sources, ...(at !== undefined ? { at } : {}) };
  }
}

/**
 * Load a user file as a Dataset (events and sources of the bundled data are
 * attached). Throws InputErrors listing every problem if the file is not valid.
 * Series are built while the file is read (no list of observations is kept).
 *
 * @example
 * const mine = await loadDataFile('export.xlsx');
 * mine.get('viso.raadgivning.forbrug')
 */
export async function loadDataFile(file: string, opts: LoadOptions = {}): Promise<Dataset> {
  const byId = new Map<string, Series>();
  const sources = Object.freeze([file]) as string[];
  const report = await readInto(file, opts, (o, seen) => {
    let s = byId.get(o.series);
    if (!s) {
      s = { id: o.series, area: o.area, measure: o.measure, category: o.category, unit: o.unit, points: [] };
      byId.set(o.series, s);
    }
    s.points.push(new UserPoint(o.year, o.value, o.flags, sources, seen));
  });
  if (!report.ok) throw report.problems.length === 1 ? report.problems[0] : new InputErrors(report.problems);
  if (report.observations === 0) throw new InputError({ file }, { code: 'data.atLeastOne' }, { code: 'data.err.noDataRows' });
  const series = [...byId.values()];
  for (const s of series) s.points.sort((a, b) => a.year - b.year);
  const b = loadBundled();
  return new Dataset(series, b.events, b.sources);
}

/** Options of `loadDataset`. */
export interface DatasetOptions extends LoadOptions {
  /** User files merged into the bundled data per (series, year), in order: a later file's value wins. */
  files?: string[];
  /** Start from the bundled data (default true); false = only the files. */
  bundled?: boolean;
}

/**
 * The dataset a command works on: the bundled data with user files merged in per
 * (series, year) (what `--data FILE` does in the CLI): a file's value wins, every
 * other year is kept, new years and series are added; `ds.merge` lists each changed
 * value and each added year. Invalid files throw InputError/InputErrors listing every problem.
 *
 * @example
 * const ds = await loadDataset({ files: ['budget-2025.xlsx'] });
 * ds.get('viso.raadgivning.bevilling').points.at(-1)?.year // 2025: the bundled 2011–2024 and the file's 2025
 * ds.merge.overrides // the bundled values the file changed
 */
export async function loadDataset(opts: DatasetOptions = {}): Promise<Dataset> {
  const bundled = loadBundled();
  const files = opts.files ?? [];
  if (opts.bundled === false && files.length === 0) throw new UsageError({ code: 'opt.noData' });
  let ds = opts.bundled === false ? new Dataset([], bundled.events, bundled.sources) : bundled;
  for (const f of files) ds = ds.mergeFile((await loadDataFile(f, opts)).list(), f);
  return ds;
}
