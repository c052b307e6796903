/**
 * Loading user data files (CSV/TSV, XLSX, JSON; long or wide layout; Danish
 * or international numbers) into a `Dataset`, and validating them.
 */
import { InputError, InputErrors, UsageError } from '../errors.js';
import { loadBundled } from './bundled.js';
import { Dataset } from './dataset.js';
import type { NumberLocale } from './numbers.js';
import { readRawTable, type FileFormat } from './rawtable.js';
import { interpretTable, type Layout } from './records.js';
import type { Observation, Series } from './types.js';
import { LIMITS } from '../io/limits.js';

export interface LoadOptions {
  /** Number convention; detected when omitted (ambiguous files are refused). */
  locale?: NumberLocale;
  /** Layout; detected from the header when omitted. */
  layout?: Layout;
}

/** Outcome of validating one file. */
export interface FileReport {
  file: string;
  ok: boolean;
  format?: FileFormat;
  layout?: Layout;
  locale?: NumberLocale;
  /** Number of observations read (0 if the file could not be read at all). */
  observations: number;
  series: number;
  /** Every problem found, in file order. */
  problems: InputError[];
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
async function readInto(file: string, opts: LoadOptions, sink: (o: Observation) => void): Promise<FileReport> {
  let table;
  try {
    table = await readRawTable(file);
  } catch (e) {
    if (e instanceof InputError) return { file, ok: false, observations: 0, series: 0, problems: [e] };
    throw e;
  }
  const bundled = loadBundled();
  let count = 0;
  const ids = new Set<string>();
  const r = interpretTable(table, {
    ...opts,
    knownMeta: (id) => (bundled.has(id) ? bundled.get(id) : undefined),
    sink: (o) => {
      count++;
      ids.add(o.series);
      sink(o);
    },
  });
  const problems = [...r.problems].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  if (r.omitted) problems.push(new InputError({ file }, `at most ${LIMITS.problemsPerFile} problems listed per file (the first ones found are above)`, `${r.omitted} more`));
  return {
    file,
    ok: problems.length === 0,
    format: table.format,
    layout: r.layout,
    locale: r.locale,
    observations: count,
    series: ids.size,
    problems,
  };
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
  const report = await readInto(file, opts, (o) => {
    let s = byId.get(o.series);
    if (!s) {
      s = { id: o.series, area: o.area, measure: o.measure, category: o.category, unit: o.unit, points: [] };
      byId.set(o.series, s);
    }
    s.points.push({ year: o.year, value: o.value, flags: o.flags, sources });
  });
  if (!report.ok) throw report.problems.length === 1 ? report.problems[0] : new InputErrors(report.problems);
  if (report.observations === 0) throw new InputError({ file }, { code: 'data.atLeastOne' }, 'no data rows');
  const series = [...byId.values()];
  for (const s of series) s.points.sort((a, b) => a.year - b.year);
  const b = loadBundled();
  return new Dataset(series, b.events, b.sources);
}

/** Options of `loadDataset`. */
export interface DatasetOptions extends LoadOptions {
  /** User files whose series replace bundled series with the same id (in order). */
  files?: string[];
  /** Start from the bundled data (default true); false = only the files. */
  bundled?: boolean;
}

/**
 * The dataset a command works on: the bundled data, with series from user
 * files added or replacing bundled ones (what `--data FILE` does in the CLI).
 * Invalid files throw InputError/InputErrors listing every problem.
 *
 * @example
 * const ds = await loadDataset({ files: ['budget-2025.xlsx'] });
 * ds.get('viso.raadgivning.bevilling') // the file's series if it has one, else the bundled one
 */
export async function loadDataset(opts: DatasetOptions = {}): Promise<Dataset> {
  const bundled = loadBundled();
  const files = opts.files ?? [];
  if (opts.bundled === false && files.length === 0) throw new UsageError({ code: 'opt.noData' });
  let ds = opts.bundled === false ? new Dataset([], bundled.events, bundled.sources) : bundled;
  for (const f of files) ds = ds.withSeries((await loadDataFile(f, opts)).list());
  return ds;
}
