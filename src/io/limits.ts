/**
 * The resource limits every input path enforces (README section `limits`). Each one is
 * far above what a real file needs and low enough that a hostile or broken file is
 * refused within seconds and bounded memory, with a one-line `InputError`.
 */

import { UsageError, shownArg } from '../errors.js';

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
 * The largest counts the library's functions take from a script (the CLI's own limits are in
 * src/cli/options.ts): beyond them an allocation would run to gigabytes or a loop to minutes, so a
 * typo such as 1e12 runs is refused before anything is allocated.
 */
export const API_LIMITS = {
  /** Most values (paths × horizon) one `simulate` call draws: 400 MB of doubles. */
  simulateValues: 50_000_000,
  /** Most runs of the cost model's bootstrap and of the funnel forecast (each keeps every run in memory). */
  keptRuns: 1_000_000,
  /** Most simulated counterfactual paths of a measure evaluation (as `--runs` of `viso measure evaluate`). */
  measurePaths: 1_000_000,
  /** Runs of a follow-up (every draw is kept; at least 1.000 for its quantiles), as `runs:` in followup.yaml and `--runs`. */
  followUpRuns: { min: 1_000, max: 10_000_000 },
  /** The seeds the random number generator distinguishes: 32-bit unsigned integers. */
  seedMax: 4_294_967_295,
} as const;

/**
 * Check an integer argument of an API function: a UsageError naming it, its range and what was
 * found otherwise.
 *
 * @example
 * checkIntegerArg('runs', 1000, 1, 1e6) // ok
 * checkIntegerArg('runs', 1.5, 1, 1e6)  // throws UsageError: runs must be an integer from 1 to 1,000,000, got 1.5
 */
export function checkIntegerArg(name: string, v: unknown, min: number, max: number): asserts v is number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return;
  throw new UsageError({ code: 'api.integer', params: { name, min, max, got: shownArg(v) } });
}

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
