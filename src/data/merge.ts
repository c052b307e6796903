/**
 * Merging a user's data file into a dataset per (series, year): the user's value wins, the
 * other years are kept, and every change is recorded (what `--data FILE` does in the CLI).
 */
import type { Series, SeriesPoint } from './types.js';

/** One (series, year) whose value a user file changed. */
export interface DataOverride {
  series: string;
  year: number;
  /** The value before (the bundled data, or an earlier file). */
  from: number;
  /** The user's value. */
  to: number;
  /** The file the user's value comes from (as given). */
  file: string;
}

/** Years a user file added to a series (years the data did not have), per file. */
export interface DataAddition {
  series: string;
  years: number[];
  /** The user's value of each of `years`. */
  values: number[];
  file: string;
  /** True if the series was not in the data at all. */
  newSeries: boolean;
}

/** What merging one or more user files did: every changed value and every added year. */
export interface DataMerge {
  /** The user files merged, in order (as given). */
  files: string[];
  overrides: DataOverride[];
  additions: DataAddition[];
  /** The files (of `files`) whose figures are illustrative, not accounts (a comment line or the flag says so). */
  illustrative?: string[];
}

/**
 * Merge `user` series (from `file`) into `base` per (series, year). A year in both takes the
 * user's point (recorded as an override if the value differs; an equal value keeps the base
 * point and its source); a year only in the base is kept; a year only in the user file is
 * added. A series only in the user file is added whole.
 *
 * @example
 * const { series, merge } = mergeSeries(bundled.list(), mine.list(), 'mine.csv');
 * merge.overrides[0] // { series: 'viso.raadgivning.forbrug', year: 2024, from: 143.5, to: 146, file: 'mine.csv' }
 */
export function mergeSeries(base: Series[], user: Series[], file: string): { series: Series[]; merge: DataMerge } {
  const byId = new Map(base.map((s) => [s.id, s]));
  const overrides: DataOverride[] = [];
  const additions: DataAddition[] = [];
  for (const u of [...user].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const b = byId.get(u.id);
    if (!b) {
      byId.set(u.id, u);
      additions.push({
        series: u.id,
        years: u.points.map((p) => p.year),
        values: u.points.map((p) => p.value),
        file,
        newSeries: true,
      });
      continue;
    }
    const points = new Map<number, SeriesPoint>(b.points.map((p) => [p.year, p]));
    const added: SeriesPoint[] = [];
    for (const p of u.points) {
      const old = points.get(p.year);
      if (!old) {
        added.push(p);
        points.set(p.year, p);
      } else if (!sameValue(old.value, p.value)) {
        overrides.push({ series: u.id, year: p.year, from: old.value, to: p.value, file });
        points.set(p.year, p);
      }
    }
    if (added.length)
      additions.push({
        series: u.id,
        years: added.map((p) => p.year),
        values: added.map((p) => p.value),
        file,
        newSeries: false,
      });
    byId.set(u.id, { ...b, points: [...points.values()].sort((x, y) => x.year - y.year) });
  }
  return { series: [...byId.values()], merge: { files: [file], overrides, additions } };
}

function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
