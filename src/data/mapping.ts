/**
 * A label mapping (`--map map.yaml`): which series a label in a user's file stands for,
 * when the file names its rows or columns in words (`Bevilling`, `Rådgivning og udredning`,
 * a finance-law account) instead of series ids. `viso data map --suggest FILE` writes one.
 *
 * ```yaml
 * series:
 *   Bevilling: viso.raadgivning.bevilling
 *   Forløb:
 *     series: viso.raadgivning.forloeb.i_alt
 *     unit: antal          # when the file does not state it
 * ```
 * Labels are matched ignoring case and runs of white space.
 */
import { InputError } from '../errors.js';
import { readYamlFile, yamlError, type YamlFile } from '../io/yaml.js';
import { parseUnit, type FileUnit } from './units.js';

/** What one label maps to. */
export interface MappedLabel {
  series: string;
  unit?: FileUnit;
  /** `map.yaml:3` (where the entry is written). */
  where: string;
}

/** A loaded mapping. */
export interface SeriesMap {
  file: string;
  /** The entry of a label (case and white space ignored), or undefined. */
  lookup(label: string): MappedLabel | undefined;
  size: number;
}

const SERIES_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

/**
 * The key a label is matched by: lower-case, white space collapsed, surrounding quotes dropped.
 *
 * @example
 * labelKey('  Rådgivning  og udredning ') // 'rådgivning og udredning'
 */
export function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * Read a mapping file. Every problem is an InputError at its line and column.
 *
 * @example
 * const m = loadSeriesMap('map.yaml');
 * m.lookup('Bevilling')?.series // 'viso.raadgivning.bevilling'
 */
export function loadSeriesMap(path: string): SeriesMap {
  return seriesMapFromYaml(readYamlFile(path));
}

/** A mapping from a parsed YAML file (see {@link loadSeriesMap}). */
export function seriesMapFromYaml(y: YamlFile): SeriesMap {
  const data = y.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError({ file: y.file, line: 1 }, { code: 'data.err.mapRoot' }, String(data));
  for (const k of Object.keys(data)) if (k !== 'series') throw yamlError(y, [k], { code: 'data.err.mapOnlySeries' }, k);
  const entries = data.series;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw yamlError(y, ['series'], { code: 'data.err.mapEntries' });
  const byKey = new Map<string, MappedLabel>();
  for (const [label, v] of Object.entries(entries as Record<string, unknown>)) {
    const path = ['series', label];
    const line = y.locate(path).line;
    let series: unknown = v;
    let unit: FileUnit | undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (k !== 'series' && k !== 'unit') throw yamlError(y, [...path, k], { code: 'data.err.mapSeriesUnit' }, k);
      series = o.series;
      if (o.unit !== undefined) {
        unit = typeof o.unit === 'string' ? parseUnit(o.unit) : undefined;
        if (!unit) throw yamlError(y, [...path, 'unit'], { code: 'data.err.mapUnit' });
      }
      if (series === undefined) throw yamlError(y, path, { code: 'data.err.mapSeries' });
    }
    const at = series !== v ? [...path, 'series'] : path;
    if (typeof series !== 'string' || !SERIES_RE.test(series)) throw yamlError(y, at, { code: 'data.err.mapSeriesId', params: { label: JSON.stringify(label) } });
    const key = labelKey(label);
    if (byKey.has(key)) throw yamlError(y, path, { code: 'data.err.mapLabelOnce', params: { label: JSON.stringify(label), where: byKey.get(key)!.where } }, label);
    byKey.set(key, { series, ...(unit ? { unit } : {}), where: `${y.file}:${line}` });
  }
  return { file: y.file, lookup: (label) => byKey.get(labelKey(label)), size: byKey.size };
}
