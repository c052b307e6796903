/**
 * Text, CSV and JSON renderings of series for `viso data list|show`.
 * Pure functions: no I/O. Danish by default.
 */
import { formatNumber, type Lang } from '../text/number.js';
import { csvCell } from './csv.js';
import type { Dataset } from './dataset.js';
import type { Event } from './events.js';
import { LONG_COLUMNS } from './bundled.js';
import { FLAGS, type Flag, type Series } from './types.js';
import { term } from '../text/terms.js';

/** Human labels of the flags: the dictionary's terms (`src/text/terms.ts`), the same words as the report's. */
export const FLAG_LABELS = Object.fromEntries(FLAGS.map((f) => [f, { da: term('flag', f, 'da'), en: term('flag', f, 'en') }])) as Record<Flag, { da: string; en: string }>;

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

/** Pad cells to aligned columns (numbers right-aligned where `right[i]`). */
function columns(rows: string[][], right: boolean[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => {
          const pad = ' '.repeat(widths[i] - [...c].length);
          return right[i] ? pad + c : i === r.length - 1 ? c : c + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The `viso data list` table.
 *
 * @example
 * console.log(formatSeriesList(loadBundled(), 'da'));
 */
export function formatSeriesList(ds: Dataset, lang: Lang = 'da'): string {
  const head = lang === 'da' ? ['serie', 'enhed', 'år', 'n', 'flag'] : ['series', 'unit', 'years', 'n', 'flags'];
  const rows = ds.list().map((s) => {
    const sum = summarizeSeries(s);
    const flags = Object.entries(sum.flags)
      .map(([f, n]) => `${FLAG_LABELS[f as Flag][lang]} (${n})`)
      .join(', ');
    return [s.id, unitLabel(s.unit, lang), yearRanges(sum.years), String(sum.n), flags];
  });
  return columns([head, ...rows], [false, false, false, true, false]) + '\n';
}

function unitLabel(unit: string, lang: Lang): string {
  if (unit === 'count') return lang === 'da' ? 'antal' : 'count';
  if (unit === 'pct') return lang === 'da' ? 'pct.' : 'per cent';
  return lang === 'da' ? unit : unit === 'mio. kr.' ? 'DKK m' : unit;
}

/** Decimals needed to show every value of a series exactly (at most 3). */
function decimalsOf(s: Series): number {
  let d = 0;
  for (const p of s.points) {
    for (let k = 0; k <= 3; k++) {
      if (Math.abs(Math.round(p.value * 10 ** k) - p.value * 10 ** k) < 1e-9) {
        d = Math.max(d, k);
        break;
      }
      if (k === 3) d = 3;
    }
  }
  return d;
}

/**
 * The `viso data show` table: one row per year from the first to the last,
 * a missing year shown as its own row, flags and sources per year.
 *
 * @example
 * console.log(formatSeriesTable(loadBundled().get('viso.raadgivning.forbrug')));
 * // … 2021  –  mangler (ingen kilde) …
 */
export function formatSeriesTable(s: Series, lang: Lang = 'da'): string {
  const dec = decimalsOf(s);
  const head = lang === 'da' ? ['år', `værdi (${unitLabel(s.unit, lang)})`, 'flag', 'kilde'] : ['year', `value (${unitLabel(s.unit, lang)})`, 'flags', 'source'];
  const byYear = new Map(s.points.map((p) => [p.year, p]));
  const rows: string[][] = [];
  if (s.points.length) {
    for (let y = s.points[0].year; y <= s.points[s.points.length - 1].year; y++) {
      const p = byYear.get(y);
      if (!p) rows.push([String(y), '–', lang === 'da' ? 'mangler (ingen værdi i kilderne)' : 'missing (no value in the sources)', '']);
      else rows.push([String(y), formatNumber(p.value, dec, lang), p.flags.map((f) => FLAG_LABELS[f]?.[lang] ?? f).join(', '), p.sources.join(' + ')]);
    }
  }
  const title = `${s.id}  (${[s.area, s.measure, s.category].filter(Boolean).join(' / ')})`;
  return `${title}\n${columns([head, ...rows], [false, true, false, false])}\n`;
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

/**
 * The `viso data events` table: date (as precise as the source), kind, title, source.
 *
 * @example
 * console.log(formatEvents(loadBundled().events, 'en'));
 * // 2020-03-18  covid  COVID-19 hotline opens at VISO  aarsrapport2020#resume
 */
export function formatEvents(events: Event[], lang: Lang = 'da'): string {
  const head = lang === 'da' ? ['dato', 'type', 'hændelse', 'kilde'] : ['date', 'kind', 'event', 'source'];
  const kinds: Record<string, { da: string; en: string }> = {
    measure: { da: 'tiltag', en: 'measure' },
    registration_break: { da: 'registreringsbrud', en: 'registration break' },
    covid: { da: 'covid', en: 'covid' },
    supply: { da: 'leverandører', en: 'supply' },
  };
  const date = (e: Event) => (e.datePrecision === 'year' ? e.date.slice(0, 4) : e.datePrecision === 'month' ? e.date.slice(0, 7) : e.date);
  const rows = events.map((e) => [date(e), kinds[e.kind]?.[lang] ?? e.kind, e.title[lang], e.source]);
  return columns([head, ...rows], [false, false, false, false]) + '\n';
}
