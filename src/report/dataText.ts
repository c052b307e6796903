/**
 * The words of the data commands in Danish (default) and English: the `viso data list`, `show`
 * and `events` tables and the lines telling what a user's data file changed. The engine
 * (src/data/) returns the series, summaries and merge records; this words them.
 */
import { formatNumber, type Lang } from '../text/number.js';
import { term } from '../text/terms.js';
import { say } from '../text/messages.js';
import type { Dataset } from '../data/dataset.js';
import type { Event } from '../data/events.js';
import type { DataMerge } from '../data/merge.js';
import { summarizeSeries, yearRanges } from '../data/present.js';
import { FLAGS, type Flag, type Series } from '../data/types.js';

/** Human labels of the flags: the dictionary's terms (`src/text/terms.ts`), the same words as the report's. */
export const FLAG_LABELS = Object.fromEntries(
  FLAGS.map((f) => [f, { da: term('flag', f, 'da'), en: term('flag', f, 'en') }]),
) as Record<Flag, { da: string; en: string }>;

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

/**
 * A unit as the tables name it: `antal`, `pct.`, `mio. kr.` in Danish; `count`, `per cent`, `DKK m` in English.
 *
 * @example
 * unitLabel('count', 'da') // 'antal'
 */
export function unitLabel(unit: string, lang: Lang): string {
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
  const head =
    lang === 'da'
      ? ['år', `værdi (${unitLabel(s.unit, lang)})`, 'flag', 'kilde']
      : ['year', `value (${unitLabel(s.unit, lang)})`, 'flags', 'source'];
  const byYear = new Map(s.points.map((p) => [p.year, p]));
  const rows: string[][] = [];
  if (s.points.length) {
    for (let y = s.points[0].year; y <= s.points[s.points.length - 1].year; y++) {
      const p = byYear.get(y);
      if (!p)
        rows.push([
          String(y),
          '–',
          lang === 'da' ? 'mangler (ingen værdi i kilderne)' : 'missing (no value in the sources)',
          '',
        ]);
      else
        rows.push([
          String(y),
          formatNumber(p.value, dec, lang),
          p.flags.map((f) => FLAG_LABELS[f]?.[lang] ?? f).join(', '),
          p.sources.join(' + '),
        ]);
    }
  }
  const title = `${s.id}  (${[s.area, s.measure, s.category].filter(Boolean).join(' / ')})`;
  return `${title}\n${columns([head, ...rows], [false, true, false, false])}\n`;
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
  const date = (e: Event) =>
    e.datePrecision === 'year' ? e.date.slice(0, 4) : e.datePrecision === 'month' ? e.date.slice(0, 7) : e.date;
  const rows = events.map((e) => [date(e), kinds[e.kind]?.[lang] ?? e.kind, e.title[lang], e.source]);
  return columns([head, ...rows], [false, false, false, false]) + '\n';
}

/** Decimals enough to show both numbers as written (at most 3). */
function mergeDecimals(...xs: number[]): number {
  let d = 0;
  for (const x of xs) {
    for (let k = 0; k <= 3; k++) {
      if (Math.abs(Math.round(x * 10 ** k) - x * 10 ** k) < 1e-6) {
        d = Math.max(d, k);
        break;
      }
      if (k === 3) d = 3;
    }
  }
  return d;
}

/**
 * One line per changed value, one per series with added years, and one per file whose figures are illustrative
 * (`merge.illustrative`), in the user's language.
 *
 * @example
 * formatMerge(merge, 'da') // ['viso.raadgivning.forbrug 2024: 143,5 → 146,0 (fra mine.csv)', 'viso.raadgivning.forbrug: tilføjet 2025 (fra mine.csv)']
 */
export function formatMerge(merge: DataMerge, lang: Lang = 'da'): string[] {
  const da = lang === 'da';
  const out: string[] = [];
  for (const o of merge.overrides) {
    const d = mergeDecimals(o.from, o.to);
    out.push(
      `${o.series} ${o.year}: ${formatNumber(o.from, d, lang)} → ${formatNumber(o.to, d, lang)} (${da ? 'fra' : 'from'} ${o.file})`,
    );
  }
  for (const a of merge.additions) {
    const ys = a.years.join(', ');
    out.push(
      a.newSeries
        ? `${a.series}: ${da ? 'ny serie' : 'new series'} ${ys} (${da ? 'fra' : 'from'} ${a.file})`
        : `${a.series}: ${da ? 'tilføjet' : 'added'} ${ys} (${da ? 'fra' : 'from'} ${a.file})`,
    );
  }
  for (const file of merge.illustrative ?? []) out.push(say('data.illustrativeMerged', { file }, lang));
  return out;
}
