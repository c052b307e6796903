/**
 * Summaries and the CSV and JSON renderings of series for `viso data list|show`: data, no words
 * (the tables for people are in src/report/dataText.ts). Pure functions: no I/O.
 */
import { csvCell } from './csv.js';
import { LONG_COLUMNS } from './bundled.js';
import type { Flag, Series } from './types.js';

/** One line of `viso data list`. */
export interface SeriesSummary {
  id: string;
  area: string;
  measure: string;
  category: string;
  unit: string;
  years: number[];
  /** Years between the first and last year with no value. */
  missingYears: number[];
  n: number;
  /** How many points carry each flag. */
  flags: Partial<Record<Flag, number>>;
}

/**
 * Years between the first and the last point that have no value.
 *
 * @example
 * missingYears(ds.get('viso.raadgivning.forbrug')) // [2021]
 */
export function missingYears(s: Series): number[] {
  const have = new Set(s.points.map((p) => p.year));
  const out: number[] = [];
  if (s.points.length === 0) return out;
  for (let y = s.points[0].year; y <= s.points[s.points.length - 1].year; y++) if (!have.has(y)) out.push(y);
  return out;
}

/**
 * Summary of one series (years, count, flags).
 *
 * @example
 * summarizeSeries(ds.get('viso.raadgivning.forbrug')).missingYears // [2021]
 */
export function summarizeSeries(s: Series): SeriesSummary {
  const flags: Partial<Record<Flag, number>> = {};
  for (const p of s.points) for (const f of p.flags) flags[f] = (flags[f] ?? 0) + 1;
  return {
    id: s.id,
    area: s.area,
    measure: s.measure,
    category: s.category,
    unit: s.unit,
    years: s.points.map((p) => p.year),
    missingYears: missingYears(s),
    n: s.points.length,
    flags,
  };
}

/**
 * Compress years into ranges: `2011–2020, 2022–2024`.
 *
 * @example
 * yearRanges([2011, 2012, 2013, 2020, 2022, 2023]) // '2011–2013, 2020, 2022–2023'
 */
export function yearRanges(years: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(j === i ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * A series as long-format CSV (the columns of data/viso.csv, international
 * numbers), which `viso data validate` accepts back.
 *
 * @example
 * seriesCsv(ds.get('viso.kas.bevilling')) // 'series,area,…\nviso.kas.bevilling,kas,bevilling,i_alt,2020,106.7,mio. kr.,aarsrapport2020#kap8,\n'
 */
export function seriesCsv(s: Series): string {
  const lines = [LONG_COLUMNS.join(',')];
  for (const p of s.points) {
    lines.push([s.id, s.area, s.measure, s.category, String(p.year), String(p.value), s.unit, p.sources.join(' + '), p.flags.join('|')].map((c) => csvCell(c)).join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * A series as JSON (the `Series` object plus its missing years).
 *
 * @example
 * JSON.parse(seriesJson(ds.get('viso.raadgivning.forbrug'))).missingYears // [2021]
 */
export function seriesJson(s: Series): string {
  return JSON.stringify({ ...s, missingYears: missingYears(s) }, null, 2) + '\n';
}
