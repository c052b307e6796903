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
import type { Observation } from './types.js';

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
 * (nothing is thrown for bad content; only programming errors throw).
 *
 * @example
 * const { observations, problems } = await readObservations('export.csv', { locale: 'da' });
 */
export async function readObservations(file: string, opts: LoadOptions = {}): Promise<{ observations: Observation[]; report: FileReport }> {
  let table;
  try {
    table = await readRawTable(file);
  } catch (e) {
    if (e instanceof InputError) return { observations: [], report: { file, ok: false, observations: 0, series: 0, problems: [e] } };
    throw e;
  }
  const bundled = loadBundled();
  const r = interpretTable(table, {
    ...opts,
    knownMeta: (id) => (bundled.has(id) ? bundled.get(id) : undefined),
  });
  const problems = [...r.problems].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  return {
    observations: r.observations,
    report: {
      file,
      ok: problems.length === 0,
      format: table.format,
      layout: r.layout,
      locale: r.locale,
      observations: r.observations.length,
      series: new Set(r.observations.map((o) => o.series)).size,
      problems,
    },
  };
}

/**
 * Validate a file: collects ALL problems (not only the first).
 *
 * @example
 * const rep = await validateFile('test/fixtures/good/viso-da.csv');
 * rep.ok // true
 */
export async function validateFile(file: string, opts: LoadOptions = {}): Promise<FileReport> {
  return (await readObservations(file, opts)).report;
}

/**
 * Load a user file as a Dataset (events and sources of the bundled data are
 * attached). Throws InputErrors listing every problem if the file is not valid.
 *
 * @example
 * const mine = await loadDataFile('export.xlsx');
 * mine.get('viso.raadgivning.forbrug')
 */
export async function loadDataFile(file: string, opts: LoadOptions = {}): Promise<Dataset> {
  const { observations, report } = await readObservations(file, opts);
  if (!report.ok) throw report.problems.length === 1 ? report.problems[0] : new InputErrors(report.problems);
  if (observations.length === 0) throw new InputError({ file }, 'at least one value', 'no data rows');
  const b = loadBundled();
  return Dataset.fromObservations(observations, b.events, b.sources);
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
  if (opts.bundled === false && files.length === 0) throw new UsageError('without the bundled data at least one data file is needed (--data FILE)');
  let ds = opts.bundled === false ? new Dataset([], bundled.events, bundled.sources) : bundled;
  for (const f of files) ds = ds.withSeries((await loadDataFile(f, opts)).list());
  return ds;
}
