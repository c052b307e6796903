/**
 * Turn a raw table into validated observations. Handles both layouts:
 * long (one row per series and year: series, year, value, unit, …) and wide
 * (one row per series, years as columns, as in the report tables). Every
 * problem is collected (not just the first) as an InputError naming file,
 * line, column, the offending text and what was expected.
 */
import { z } from '../vendor/zod.js';
import { InputError } from '../errors.js';
import { detectLocale, isMissingText, numberExample, parseLocaleNumber, type LocatedText, type NumberLocale } from './numbers.js';
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
}

export interface Interpreted {
  observations: Observation[];
  problems: InputError[];
  layout?: Layout;
  locale?: NumberLocale;
}

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

/** Schema of one converted record; messages are the "expected" part of the error. */
export const recordSchema = z
  .object({
    series: z.string().regex(SERIES_RE, { error: 'a series id of lower-case letters, digits, _ and . (e.g. viso.raadgivning.forbrug)' }),
    year: z
      .number()
      .int({ error: 'a whole-number year' })
      .min(YEAR_MIN, { error: `a year between ${YEAR_MIN} and ${YEAR_MAX}` })
      .max(YEAR_MAX, { error: `a year between ${YEAR_MIN} and ${YEAR_MAX}` }),
    value: z.number().refine(Number.isFinite, { error: 'a finite number' }),
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
        'columns series, year, value, unit (long layout) or series, unit and year columns such as 2020 (wide layout)',
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
    if (first !== undefined) problems.push(new InputError({ file: t.file, line: t.headerLine, column: t.columnLabels[i] }, `unique column names (${JSON.stringify(h.trim())} is also column ${first + 1})`, h));
    else seenHeader.set(k, i);
  });
  if (t.rows.length === 0 && t.problems.length === 0) problems.push(new InputError({ file: t.file, line: t.headerLine + 1 }, 'data rows after the header', 'end of file'));
  const required = layout === 'long' ? ['series', 'year', 'value', 'unit'] : ['series', 'unit'];
  const col: Record<string, number> = {};
  for (const f of Object.keys(COLUMN_ALIASES)) col[f] = findColumn(t.header, f);
  const missing = required.filter((f) => col[f] < 0);
  if (missing.length) {
    problems.push(new InputError({ file: t.file, line: t.headerLine }, `column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (${layout} layout)`, t.header.join(',')));
    return { observations: [], problems, layout };
  }
  let yearCols: YearColumn[] = [];
  if (layout === 'wide') {
    yearCols = wideYearColumns(t, problems);
    if (yearCols.length === 0) {
      problems.push(new InputError({ file: t.file, line: t.headerLine }, 'year columns such as 2020 (wide layout)', t.header.join(',')));
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
  const firstLine = new Map<string, number>();
  const unitOf = new Map<string, { unit: Unit; line: number }>();
  const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell).trim());

  const emit = (line: number, cells: Cell[], year: number | undefined, yearCol: number, valueCell: Cell, valueCol: number) => {
    const seriesText = text(cells[col.series]);
    const unitText = text(cells[col.unit]);
    const flagsText = col.flags >= 0 ? text(cells[col.flags]) : '';
    let bad = false;
    const push = (c: number, expected: string, found: string) => {
      problems.push(new InputError(at(line, c), expected, found));
      bad = true;
    };
    if (seriesText === '') push(col.series, 'a series id', '');
    const unit = UNIT_ALIASES[unitText.toLowerCase()];
    if (!unit) push(col.unit, `a unit: ${UNITS.join(', ')} (or antal, %, mio.kr.)`, unitText);
    const value = num(valueCell);
    if (value === undefined) push(valueCol, numberExample(locale), text(valueCell));
    if (year === undefined) push(yearCol, 'a year such as 2020', text(cells[yearCol]));
    const flags = flagsText === '' ? [] : flagsText.split('|').map((f) => f.trim());
    const badFlag = flags.find((f) => !(FLAGS as readonly string[]).includes(f));
    if (badFlag !== undefined) push(col.flags, `flags separated by | from ${FLAGS.join(', ')}`, badFlag);
    if (bad) return;
    const parsed = recordSchema.safeParse({ series: seriesText, year, value, unit, flags });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const c = field === 'year' ? yearCol : field === 'value' ? valueCol : col[field];
        const found = field === 'year' ? text(cells[yearCol]) || String(year) : field === 'value' ? text(valueCell) : text(cells[c]);
        problems.push(new InputError(at(line, c), issue.message, found));
      }
      return;
    }
    const r = parsed.data;
    const key = `${r.series}\u0000${r.year}`;
    const prev = firstLine.get(key);
    if (prev !== undefined) {
      problems.push(new InputError(at(line, yearCol), `one value per series and year (${r.series} ${r.year} is already on line ${prev})`, text(cells[yearCol]) || String(r.year)));
      return;
    }
    const u = unitOf.get(r.series);
    if (u && u.unit !== r.unit) {
      problems.push(new InputError(at(line, col.unit), `the same unit for all rows of ${r.series} (line ${u.line} has ${u.unit})`, unitText));
      return;
    }
    firstLine.set(key, line);
    if (!u) unitOf.set(r.series, { unit: r.unit, line });
    const meta = opts.knownMeta?.(r.series) ?? metaFromId(r.series, cells, col);
    observations.push({
      series: r.series,
      area: meta.area,
      measure: meta.measure,
      category: meta.category,
      year: r.year,
      value: r.value,
      unit: r.unit,
      source: t.file,
      flags: [...new Set<Flag>([...r.flags, 'user_supplied'])],
    });
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
  return { observations, problems, layout, locale };
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
    if (y < YEAR_MIN || y > YEAR_MAX) problems.push(new InputError({ file: t.file, line: t.headerLine, column: t.columnLabels[idx] }, `a year between ${YEAR_MIN} and ${YEAR_MAX}`, h));
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
  const texts: LocatedText[] = [];
  for (const r of t.rows) {
    for (const c of numberCols) {
      const cell = r.cells[c];
      if (typeof cell === 'string' && !isMissingText(cell)) texts.push({ text: cell.trim(), line: r.line, column: t.columnLabels[c] });
    }
  }
  const d = detectLocale(texts);
  if (d.kind === 'decided') return d.locale;
  if (d.kind === 'ambiguous') {
    const x = d.example.text;
    return new InputError(
      { file: t.file, line: d.example.line, column: d.example.column },
      `an unambiguous number format: "${x}" reads as ${parseLocaleNumber(x, 'da')} (Danish) or ${parseLocaleNumber(x, 'en')} (international); give --locale da or --locale en`,
      x,
    );
  }
  if (d.kind === 'mixed') {
    return new InputError(
      { file: t.file, line: d.en.line, column: d.en.column },
      `numbers in one format: line ${d.da.line} uses Danish "${d.da.text}", this line international; give --locale da or --locale en`,
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
