/**
 * The resource limits every input path enforces (README section `limits`). Each one is
 * far above what a real file needs and low enough that a hostile or broken file is
 * refused within seconds and bounded memory, with a one-line `InputError`.
 */

const MiB = 1024 * 1024;

/** The limits, by input kind. */
export const LIMITS = {
  /** Largest data file (CSV/TSV/TXT/JSON) read, in bytes. */
  dataFileBytes: 100 * MiB,
  /** Largest XLSX file read (compressed), in bytes. */
  xlsxFileBytes: 100 * MiB,
  /** Largest total uncompressed size of the parts of an XLSX file that are read, in bytes. */
  xlsxUncompressedBytes: 400 * MiB,
  /** Most entries (files) in the zip container of an XLSX file. */
  xlsxEntries: 10_000,
  /** Largest YAML model file (scenario, measure, cost, mapping), in bytes. */
  yamlFileBytes: 16 * MiB,
  /** Most values (keys, list items) in a YAML file; long flow lists of numbers `[1, 2, …]` do not count. */
  yamlValues: 50_000,
  /** Most alias (`*name`) expansions when a YAML document is turned into values. */
  yamlAliasCount: 100,
  /** Deepest nesting of YAML or JSON collections. */
  nestingDepth: 64,
  /** Most variables in a scenario (after merging its `extends` chain). */
  scenarioVariables: 1_000,
  /** Longest scenario expression, in characters. */
  expressionChars: 500,
  /** Most problems one data file reports (the rest are counted, not listed). */
  problemsPerFile: 1_000,
} as const;

/**
 * A byte count for (English) error messages, in the binary unit that fits.
 *
 * @example
 * formatBytes(16 * 1024 * 1024) // '16 MiB'
 * formatBytes(1536)             // '1.5 KiB'
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}
