/**
 * The bundled VISO dataset: `data/viso.csv` (tidy long format),
 * `data/sources.csv` and `data/events.csv`, located relative to the package
 * root so it works from `src/` (vitest) and from `dist/` (the CLI).
 */
import { readFileSync } from 'node:fs';
import { bundledPath } from '../io/paths.js';
import { InputError } from '../errors.js';
import { parseDelimited } from './csv.js';
import { Dataset } from './dataset.js';
import { parseEvents } from './events.js';
import { seriesFromObservations } from './series.js';
import { parseSources } from './sources.js';
import { FLAGS, UNITS, type Flag, type Observation, type Unit } from './types.js';

/** Columns of the long format, in order. */
export const LONG_COLUMNS = ['series', 'area', 'measure', 'category', 'year', 'value', 'unit', 'source', 'flags'] as const;

let cached: Dataset | undefined;

/**
 * Absolute path of a file in the package's `data/` folder.
 *
 * @example
 * bundledDataPath('viso.csv') // '/…/viso-budget/data/viso.csv'
 */
export function bundledDataPath(name: string): string {
  return bundledPath(`data/${name}`);
}

/**
 * The bundled dataset (read once, then cached). Synchronous.
 *
 * @example
 * const ds = loadBundled();
 * valueAt(ds.get('viso.raadgivning.forbrug'), 2020) // 143.9
 */
export function loadBundled(): Dataset {
  if (cached) return cached;
  const read = (name: string) => readFileSync(bundledDataPath(name), 'utf8');
  const sources = parseSources(read('sources.csv'), 'data/sources.csv');
  const docs = new Set(sources.map((s) => s.doc));
  const observations = parseBundledObservations(read('viso.csv'), 'data/viso.csv', docs);
  const events = parseEvents(read('events.csv'), 'data/events.csv').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of events) {
    if (!docs.has(e.source.split('#')[0])) throw new InputError({ file: 'data/events.csv', column: 'source' }, 'a document listed in data/sources.csv', e.source);
  }
  cached = new Dataset(seriesFromObservations(observations), events, sources);
  return cached;
}

/**
 * Parse the bundled long-format CSV (comma separated, international numbers,
 * header `series,area,measure,category,year,value,unit,source,flags`).
 * Strict: any malformed row is an InputError with its line and column. With
 * `docs`, every source must cite one of those document ids.
 *
 * @example
 * parseBundledObservations(readFileSync(bundledDataPath('viso.csv'), 'utf8'), 'data/viso.csv').length
 */
export function parseBundledObservations(text: string, file: string, docs?: Set<string>): Observation[] {
  const rows = parseDelimited(text, ',');
  const head = rows[0]?.cells.map((c) => c.trim()) ?? [];
  if (head.join(',') !== LONG_COLUMNS.join(',')) throw new InputError({ file, line: 1 }, `the header ${LONG_COLUMNS.join(',')}`, head.join(','));
  const seen = new Set<string>();
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length !== LONG_COLUMNS.length) throw new InputError({ file, line }, `${LONG_COLUMNS.length} fields`, `${cells.length} fields`);
    const [series, area, measure, category, yearText, valueText, unit, source, flagText] = cells.map((c) => c.trim());
    const at = (column: string) => ({ file, line, column });
    if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(series)) throw new InputError(at('series'), 'a dotted series id', series);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText)) throw new InputError(at('year'), 'a four-digit year', yearText);
    if (!/^-?\d+(\.\d+)?$/.test(valueText)) throw new InputError(at('value'), 'a number like 147.7', valueText);
    const value = Number(valueText);
    if (!(UNITS as readonly string[]).includes(unit)) throw new InputError(at('unit'), `one of ${UNITS.join(', ')}`, unit);
    if (!/^[a-z0-9-]+#\S+$/.test(source)) throw new InputError(at('source'), 'a source doc#locator', source);
    if (docs && !docs.has(source.split('#')[0])) throw new InputError(at('source'), 'a document listed in data/sources.csv', source);
    const flags = flagText === '' ? [] : flagText.split('|');
    for (const f of flags) if (!(FLAGS as readonly string[]).includes(f)) throw new InputError(at('flags'), `flags from ${FLAGS.join(', ')}`, f);
    const key = `${series}@${year}`;
    if (seen.has(key)) throw new InputError(at('year'), `one row per series and year (${series})`, yearText);
    seen.add(key);
    return { series, area, measure, category, year, value, unit: unit as Unit, source, flags: flags as Flag[] };
  });
}

/**
 * Forget the cached bundled dataset, so the next `loadBundled()` reads the files again (tests).
 *
 * @example
 * clearBundledCache();
 */
export function clearBundledCache(): void {
  cached = undefined;
}
