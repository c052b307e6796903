/**
 * Turn a raw table into validated observations. Handles both layouts:
 * long (one row per series and year: series, year, value, unit, …) and wide
 * (one row per series, years as columns, as in the report tables). Every
 * problem is collected (not just the first) as an InputError naming file,
 * line, column, the offending text and what was expected.
 */
import { z } from '../vendor/zod.js';
import { InputError } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { LIMITS } from '../io/limits.js';
import { detectLocale, isMissingText, parseLocaleNumber, type LocatedText, type NumberLocale } from './numbers.js';
import { isPeriodColumnName, parsePeriod } from './period.js';
import type { Cell, RawTable } from './rawtable.js';
import { FLAGS, UNITS, type Flag, type Observation, type Unit } from './types.js';

export type Layout = 'long' | 'wide';

export interface InterpretOptions {
  /** Force the number convention (otherwise detected; ambiguous files are refused). */
  locale?: NumberLocale;
  /** Force the layout (otherwise detected from the header). */
  layout?: Layout;
  /** Area/measure/category for known series ids (e.g. from the bundled dataset). */
  knownMeta?: (id: string) => { area: string; measure: string; category: string } | undefined;
  /**
   * Receive each observation instead of collecting them in `observations` (large files:
   * the caller keeps only what it needs). Observations of one call share their `flags` arrays.
   */
  sink?: (o: Observation) => void;
  /** Most problems listed (default `LIMITS.problemsPerFile`); the rest are counted in `omitted`. */
  maxProblems?: number;
}

export interface Interpreted {
  observations: Observation[];
  /** The problems found, at most `maxProblems` of them. */
  problems: InputError[];
  /** Problems found beyond `maxProblems` (not listed). */
  omitted?: number;
  layout?: Layout;
  locale?: NumberLocale;
}

/** Where monthly or quarterly figures go instead. */

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

/** Header names accepted for each field (lower-case; Danish and English). */
export const COLUMN_ALIASES: Record<string, string[]> = {
  series: ['series', 'serie', 'id'],
  year: ['year', 'år', 'aar'],
  value: ['value', 'værdi', 'vaerdi'],
  unit: ['unit', 'enhed'],
  area: ['area', 'område', 'omraade', 'konto'],
  measure: ['measure', 'mål', 'maal', 'størrelse'],
  category: ['category', 'kategori', 'hovedområde'],
  source: ['source', 'kilde'],
  flags: ['flags', 'flag'],
};

/** Unit spellings accepted (lower-case) → unit. */
const UNIT_ALIASES: Record<string, Unit> = {
  'mio. kr.': 'mio. kr.',
  'mio.kr.': 'mio. kr.',
  'mio kr': 'mio. kr.',
  'mio. kr': 'mio. kr.',
  'mio kr.': 'mio. kr.',
  'dkk m': 'mio. kr.',
  count: 'count',
  antal: 'count',
  pct: 'pct',
  'pct.': 'pct',
  '%': 'pct',
};

const SERIES_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const SERIES_MESSAGE = 'a series id of lower-case letters, digits, _ and . (e.g. viso.raadgivning.forbrug)';

/** Schema of one converted record; messages are the "expected" part of the error. */
export const recordSchema = z
  .object({
    series: z.string().regex(SERIES_RE, { error: SERIES_MESSAGE }),
    year: z
      .number()
      .int({ error: 'a whole-number year' })
      .min(YEAR_MIN, { error: `a year between ${YEAR_MIN} and ${YEAR_MAX}` })
      .max(YEAR_MAX, { error: `a year between ${YEAR_MIN} and ${YEAR_MAX}` }),
    value: z.number({ error: 'a finite number' }).refine(Number.isFinite, { error: 'a finite number' }),
    unit: z.enum(UNITS as [Unit, ...Unit[]], { error: `a unit: ${UNITS.join(', ')}` }),
    flags: z.array(z.enum(FLAGS as [Flag, ...Flag[]])),
  })
  .superRefine((r, ctx) => {
    if (r.unit === 'count' && r.value < 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a count of 0 or more' });
    else if (r.unit === 'count' && !Number.isInteger(r.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a whole number (unit count)' });
    if (r.unit === 'pct' && (r.value < 0 || r.value > 100)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage between 0 and 100' });
  });

/**
 * Find the index of a field's column in a header (by alias, case-insensitive), or -1.
 *
 * @example
 * findColumn(['serie', 'år', 'værdi'], 'value') // 2
 */
export function findColumn(header: string[], field: string): number {
  const names = COLUMN_ALIASES[field] ?? [field];
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * Detect the layout from the header: wide if it has year-like columns
 * (`2014`), long if it has a year or value column, otherwise undefined.
 *
 * @example
 * detectLayout(['series', 'unit', '2019', '2020']) // 'wide'
 */
export function detectLayout(header: string[]): Layout | undefined {
  if (header.some((h) => /^\d{4}$/.test(h.trim()))) return 'wide';
  if (findColumn(header, 'year') >= 0 || findColumn(header, 'value') >= 0) return 'long';
  return undefined;
}

/**
 * Interpret a raw table as observations, collecting every problem.
 * Observations get the flag `user_supplied` and the file path as source.
 *
 * @example
 * const { observations, problems } = interpretTable(await readRawTable('mine.csv'));
 */
export function interpretTable(t: RawTable, opts: InterpretOptions = {}): Interpreted {
  const problems = [...t.problems];
  const at = (line: number, col: number) => ({ file: t.file, line, column: t.columnLabels[col] });
  const layout = opts.layout ?? detectLayout(t.header);
  if (!layout) {
    problems.push(
      new InputError(
        { file: t.file, line: t.headerLine },
        { code: t.header.some(isPeriodColumnName) ? 'data.layoutMonthly' : 'data.layout' },
        t.header.join(','),
      ),
    );
    return { observations: [], problems };
  }
  const seenHeader = new Map<string, number>();
  t.header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (k === '') return;
    const first = seenHeader.get(k);
    if (first !== undefined) problems.push(new InputError({ file: t.file, line: t.headerLine, column: t.columnLabels[i] }, { code: 'data.uniqueColumn', params: { name: h.trim(), other: first + 1 } }, h));
    else seenHeader.set(k, i);
  });
  if (t.rowCount === 0 && t.problems.length === 0) problems.push(new InputError({ file: t.file, line: t.headerLine + 1 }, { code: 'data.rowsAfterHeader' }, { code: 'data.endOfFile' }));
  const required = layout === 'long' ? ['series', 'year', 'value', 'unit'] : ['series', 'unit'];
  const col: Record<string, number> = {};
  for (const f of Object.keys(COLUMN_ALIASES)) col[f] = findColumn(t.header, f);
  const missing = required.filter((f) => col[f] < 0);
  if (missing.length) {
    problems.push(new InputError({ file: t.file, line: t.headerLine }, { code: 'data.missingColumns', params: { count: missing.length, columns: missing.join(', '), layout } }, t.header.join(',')));
    return { observations: [], problems, layout };
  }
  let yearCols: YearColumn[] = [];
  if (layout === 'wide') {
    yearCols = wideYearColumns(t, problems);
    if (yearCols.length === 0) {
      problems.push(new InputError({ file: t.file, line: t.headerLine }, { code: 'data.yearColumns' }, t.header.join(',')));
      return { observations: [], problems, layout };
    }
  }
  let locale = opts.locale;
  if (!locale) {
    const numberCols = layout === 'long' ? [col.value, col.year] : yearCols.map((c) => c.idx);
    const d = decideLocale(t, numberCols);
    if (d instanceof InputError) {
      problems.push(d);
      return { observations: [], problems, layout };
    }
    locale = d;
  }
  const num = (cell: Cell): number | undefined => (typeof cell === 'number' ? cell : locale ? parseLocaleNumber(cell, locale) : parseLocaleNumber(cell, 'en'));

  const observations: Observation[] = [];
  const maxProblems = opts.maxProblems ?? LIMITS.problemsPerFile;
  let omitted = 0;
  const problem = (loc: { file: string; line?: number; column?: string | number }, expected: string | Msg, found?: string) => {
    if (problems.length < maxProblems) problems.push(new InputError(loc, expected, found));
    else omitted++;
  };
  /** Per series: unit, metadata and the line of each year already read (duplicates are refused). */
  interface SeenSeries {
    unit: Unit;
    line: number;
    meta: { area: string; measure: string; category: string };
    years: Int32Array;
  }
  const seen = new Map<string, SeenSeries>();
  const flagSets = new Map<string, Flag[]>();
  const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell).trim());
  const sink = opts.sink ?? ((o: Observation) => void observations.push(o));

  const emit = (line: number, cells: Cell[], year: number | undefined, yearCol: number, valueCell: Cell, valueCol: number) => {
    const seriesText = text(cells[col.series]);
    const unitText = text(cells[col.unit]);
    const flagsText = col.flags >= 0 ? text(cells[col.flags]) : '';
    let bad = false;
    const push = (c: number, expected: string | Msg, found: string) => {
      problem(at(line, c), expected, found);
      bad = true;
    };
    if (seriesText === '') push(col.series, { code: 'data.seriesId' }, '');
    const unit = UNIT_ALIASES[unitText.toLowerCase()];
    if (!unit) push(col.unit, { code: 'data.unit', params: { units: UNITS.join(', ') } }, unitText);
    const value = num(valueCell);
    if (value === undefined) push(valueCol, { code: locale === 'da' ? 'data.numberDa' : locale === 'en' ? 'data.numberEn' : 'data.number' }, text(valueCell));
    if (year === undefined) push(yearCol, { code: parsePeriod(text(cells[yearCol])) ? 'data.yearSuchAsMonthly' : 'data.yearSuchAs' }, text(cells[yearCol]));
    let flags = flagSets.get(flagsText);
    if (!flags) {
      const given = flagsText === '' ? [] : flagsText.split('|').map((f) => f.trim());
      const badFlag = given.find((f) => !(FLAGS as readonly string[]).includes(f));
      if (badFlag !== undefined) push(col.flags, { code: 'data.flags', params: { flags: FLAGS.join(', ') } }, badFlag);
      else {
        flags = Object.freeze([...new Set<Flag>([...(given as Flag[]), 'user_supplied'])]) as Flag[];
        if (flagSets.size < 1000) flagSets.set(flagsText, flags);
      }
    }
    if (bad || !flags || year === undefined || value === undefined || !unit) return;
    // the checks of recordSchema, in its order and wording, without a zod parse per row
    const issues = checkRecord(seriesText, year, value, unit);
    if (issues.length) {
      for (const [field, message] of issues) {
        const c = field === 'year' ? yearCol : field === 'value' ? valueCol : col[field];
        const found = field === 'year' ? text(cells[yearCol]) || String(year) : field === 'value' ? text(valueCell) : text(cells[c]);
        problem(at(line, c), message, found);
      }
      return;
    }
    const series = seriesText;
    let s = seen.get(series);
    if (s) {
      const prev = s.years[year - YEAR_MIN];
      if (prev !== 0) {
        problem(at(line, yearCol), { code: 'data.oneValue', params: { series, year, line: prev } }, text(cells[yearCol]) || String(year));
        return;
      }
      if (s.unit !== unit) {
        problem(at(line, col.unit), { code: 'data.sameUnit', params: { series, line: s.line, unit: s.unit } }, unitText);
        return;
      }
    }
    const meta = s?.meta ?? opts.knownMeta?.(series) ?? metaFromId(series, cells, col);
    if (s && col.area + col.measure + col.category > -3) {
      // explicit metadata columns must agree within a series
      const own = opts.knownMeta?.(series) ?? metaFromId(series, cells, col);
      for (const k of ['area', 'measure', 'category'] as const) {
        if (own[k] !== s.meta[k]) {
          problem(at(line, col[k]), { code: 'data.sameMeta', params: { field: k, series, line: s.line, value: s.meta[k] } }, own[k]);
          return;
        }
      }
    }
    if (!s) {
      s = { unit, line, meta, years: new Int32Array(YEAR_MAX - YEAR_MIN + 1) };
      seen.set(series, s);
    }
    s.years[year - YEAR_MIN] = line;
    sink({ series, area: meta.area, measure: meta.measure, category: meta.category, year, value, unit, source: t.file, flags });
  };

  for (const r of t.rows) {
    if (layout === 'long') {
      if (typeof r.cells[col.value] === 'string' && isMissingText(r.cells[col.value] as string)) continue;
      const yc = r.cells[col.year];
      const yt = text(yc);
      const year = typeof yc === 'number' ? yc : /^-?\d+([.,]\d+)?$/.test(yt) ? Number(yt.replace(',', '.')) : undefined;
      emit(r.line, r.cells, year, col.year, r.cells[col.value], col.value);
    } else {
      for (const { idx, year } of yearCols) {
        const cell = r.cells[idx];
        if (typeof cell === 'string' && isMissingText(cell)) continue;
        emit(r.line, r.cells, year, idx, cell, idx);
      }
    }
  }
  return { observations, problems, ...(omitted ? { omitted } : {}), layout, locale };
}

/**
 * The problems `recordSchema` finds in one converted record, as [field, message] pairs in
 * its order (a year that is not whole, or a value that is not finite, stops the checks
 * of the unit, as zod's type checks do).
 */
function checkRecord(series: string, year: number, value: number, unit: Unit): [string, Msg][] {
  const out: [string, Msg][] = [];
  if (!SERIES_RE.test(series)) out.push(['series', { code: 'data.seriesIdForm' }]);
  let stop = false;
  if (!Number.isInteger(year)) {
    out.push(['year', { code: 'data.wholeYear' }]);
    stop = true;
  } else if (year < YEAR_MIN || year > YEAR_MAX) out.push(['year', { code: 'data.yearBetween', params: { min: YEAR_MIN, max: YEAR_MAX } }]);
  if (!Number.isFinite(value)) {
    out.push(['value', { code: 'data.finite' }]);
    stop = true;
  }
  if (stop) return out;
  if (unit === 'count' && value < 0) out.push(['value', { code: 'data.countNonNegative' }]);
  else if (unit === 'count' && !Number.isInteger(value)) out.push(['value', { code: 'data.countWhole' }]);
  if (unit === 'pct' && (value < 0 || value > 100)) out.push(['value', { code: 'data.pct' }]);
  return out;
}

/** A year column of a wide table. */
interface YearColumn {
  idx: number;
  year: number;
}

/** The year columns of a wide header; out-of-range years are reported and left out. */
function wideYearColumns(t: RawTable, problems: InputError[]): YearColumn[] {
  const out: YearColumn[] = [];
  t.header.forEach((h, idx) => {
    if (!/^\d{4}$/.test(h.trim())) return;
    const y = Number(h.trim());
    if (y < YEAR_MIN || y > YEAR_MAX) problems.push(new InputError({ file: t.file, line: t.headerLine, column: t.columnLabels[idx] }, { code: 'data.yearBetween', params: { min: YEAR_MIN, max: YEAR_MAX } }, h));
    else out.push({ idx, year: y });
  });
  return out;
}

/**
 * The number convention of a table from the text cells of its number columns:
 * a locale, `undefined` when it does not matter, or the InputError refusing an
 * ambiguous or mixed file.
 */
function decideLocale(t: RawTable, numberCols: number[]): NumberLocale | undefined | InputError {
  // numbers stored as numbers (XLSX, JSON) need no convention: no pass over the rows
  if (t.textColumns && !numberCols.some((c) => t.textColumns![c])) return undefined;
  function* texts(): Generator<LocatedText> {
    for (const r of t.rows) {
      for (const c of numberCols) {
        const cell = r.cells[c];
        if (typeof cell === 'string' && !isMissingText(cell)) yield { text: cell.trim(), line: r.line, column: t.columnLabels[c] };
      }
    }
  }
  const d = detectLocale(texts());
  if (d.kind === 'decided') return d.locale;
  if (d.kind === 'ambiguous') {
    const x = d.example.text;
    return new InputError(
      { file: t.file, line: d.example.line, column: d.example.column },
      { code: 'data.ambiguous', params: { x, da: String(parseLocaleNumber(x, 'da')), en: String(parseLocaleNumber(x, 'en')) } },
      x,
    );
  }
  if (d.kind === 'mixed') {
    return new InputError(
      { file: t.file, line: d.en.line, column: d.en.column },
      { code: 'data.mixed', params: { line: d.da.line, text: d.da.text } },
      d.en.text,
    );
  }
  return undefined;
}

/** Area, measure and category from explicit columns, else from the dotted id (`viso.<area>.<measure>.<category>`). */
function metaFromId(id: string, cells: Cell[], col: Record<string, number>): { area: string; measure: string; category: string } {
  const parts = id.split('.');
  const pick = (f: string, fallback: string) => (col[f] >= 0 && String(cells[col[f]]).trim() !== '' ? String(cells[col[f]]).trim() : fallback);
  return {
    area: pick('area', parts[1] ?? ''),
    measure: pick('measure', parts[2] ?? ''),
    category: pick('category', parts[3] ?? 'i_alt'),
  };
}
