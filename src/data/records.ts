/**
 * Turn a raw table into validated observations. Handles the layouts finance offices use:
 * long (one row per series and year: series, year, value, unit, …; also StatBank's
 * `TID`/`INDHOLD` with label columns), wide (one row per series, years as columns, the
 * series named by an id or by label columns such as `Finanslovskonto;Tekst`) and columns
 * (years as rows, one column per series: `År;Bevilling (mio. kr.);Forløb`). Labels that are
 * not series ids are named by a mapping (`--map`); units come from a unit column, a
 * column header (`(mio. kr.)`, `1.000 kr.`, scaled), a title row, the mapping or the
 * bundled series. Every problem is collected (not just the first) as an InputError naming
 * file, line (or cell), column, the offending text and what was expected.
 */
import { z } from '../vendor/zod.js';
import { InputError, type InputLocation } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { LIMITS } from '../io/limits.js';
import { labelKey, type MappedLabel, type SeriesMap } from './mapping.js';
import { detectLocale, isMissingText, localeEvidence, numberMsg, parseLocaleNumber, readWholeNumber, type LocatedText, type NumberLocale } from './numbers.js';
import { preambleIllustrative } from './illustrative.js';
import { headerText, lineOrCell, mixedFormats, rowAt, textAt } from './cellref.js';
import { isPeriodColumnName, parsePeriod } from './period.js';
import type { Cell, RawTable } from './rawtable.js';
import { FLAGS, UNITS, type Flag, type Observation, type Unit } from './types.js';
import { offByThousandsEitherWay, thousandsExponent } from './scale.js';
import { convertValue, parseUnit, splitHeaderUnit, unitInText, type FileUnit } from './units.js';

/** long: a row per series and year; wide: years as columns; columns: years as rows, a column per series. */
export type Layout = 'long' | 'wide' | 'columns';

/** What is known of a series id (e.g. from the bundled dataset). */
export interface KnownSeries {
  area: string;
  measure: string;
  category: string;
  unit?: Unit;
}

export interface InterpretOptions {
  /** Force the number convention (otherwise detected; ambiguous files are refused). */
  locale?: NumberLocale;
  /** Force the layout (otherwise detected from the header). */
  layout?: Layout;
  /** Area/measure/category (and unit) of known series ids (e.g. from the bundled dataset). */
  knownMeta?: (id: string) => KnownSeries | undefined;
  /** Labels → series ids (`--map map.yaml`); also applied to the cells of a series column. */
  map?: SeriesMap;
  /**
   * The scale of a known series in mio. kr. (e.g. its latest bundled value): an amount three orders of
   * magnitude above it (kroner or 1.000 kr. where mio. kr. are meant) or below it (mia. kr.) is refused with the
   * likely intended value; with `nonNegative` (the series is never negative), a negative amount is refused too.
   */
  scaleOf?: (id: string) => { value: number; year: number; nonNegative?: boolean } | undefined;
  /**
   * The known id an unknown series id is most likely a misspelling of (`viso.raadgivning.forbrg` →
   * `viso.raadgivning.forbrug`), or undefined. Such an id is refused with the suggestion, once per table
   * at its first row: read as a series of its own, its rows would join no series the model reads.
   */
  misspeltOf?: (id: string) => string | undefined;
  /**
   * Receive each observation instead of collecting them in `observations` (large files:
   * the caller keeps only what it needs). Observations of one call share their `flags` arrays.
   */
  sink?: (o: Observation, seen: SeenSeries) => void;
  /** Most problems listed (default `LIMITS.problemsPerFile`); the rest are counted in `omitted`. */
  maxProblems?: number;
  /** Shared between the tables (sheets) of one file, so a series and year is read once across them. */
  seen?: Map<string, SeenSeries>;
}

/** Per series: unit, metadata and where each year was read (duplicates are refused). */
export interface SeenSeries {
  unit: Unit;
  line: number;
  /** Where the first row's unit and metadata stand, as a message names them (`line 3`, or `Data!D3` in a spreadsheet). */
  unitAt: string | Msg;
  metaAt: Record<'area' | 'measure' | 'category', string | Msg>;
  meta: { area: string; measure: string; category: string };
  /** The line (row) each year was read on in `table`, 0 for none. */
  years: Int32Array;
  /** The column each year's value was read in, in a spreadsheet's `table` (so the cell is named). */
  cols?: Int32Array;
  /** Where each year was read, when not in `table` (another sheet). */
  where: Map<number, string | number>;
  table: RawTable;
}

/**
 * Where a series' value of `year` stands, as problems are cited: `file:line` in a text file, `file: Ark1!B4` in a
 * spreadsheet (undefined for a year not read). Made when asked, from what the reader keeps anyway to refuse a
 * second value for the year, so a file of a million rows does not hold a million location texts.
 *
 * @example
 * seenAt(seen.get('viso.raadgivning.forbrug')!, 2025) // 'mine.csv:3'
 */
export function seenAt(s: SeenSeries, year: number): string | undefined {
  const file = s.table.file;
  const other = s.where.get(year);
  if (other !== undefined) return typeof other === 'string' ? `${file}: ${other}` : `${file}:${other}`;
  const line = year >= YEAR_MIN && year <= YEAR_MAX ? s.years[year - YEAR_MIN] : 0;
  if (!line) return undefined;
  return s.table.cellName && s.cols ? `${file}: ${s.table.cellName(line, s.cols[year - YEAR_MIN])}` : `${file}:${line}`;
}

export interface Interpreted {
  observations: Observation[];
  /** The problems found, at most `maxProblems` of them. */
  problems: InputError[];
  /** Problems found beyond `maxProblems` (not listed). */
  omitted?: number;
  /** Where the sum rows (`I alt`, `Total`, …) stand that were skipped, not read as data: `file:line` or the row's first cell. */
  sumRows?: InputLocation[];
  layout?: Layout;
  locale?: NumberLocale;
}

/** Where monthly or quarterly figures go instead. */

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

/** Header names accepted for each field (lower-case; Danish and English; StatBank's TID and INDHOLD). */
export const COLUMN_ALIASES: Record<string, string[]> = {
  series: ['series', 'serie', 'id'],
  year: ['year', 'år', 'aar', 'tid', 'regnskabsår', 'finansår'],
  value: ['value', 'værdi', 'vaerdi', 'indhold', 'beløb', 'beloeb'],
  unit: ['unit', 'enhed'],
  area: ['area', 'område', 'omraade', 'konto'],
  measure: ['measure', 'mål', 'maal', 'størrelse'],
  category: ['category', 'kategori', 'hovedområde'],
  source: ['source', 'kilde'],
  flags: ['flags', 'flag'],
};

/** The label of a sum row (`I alt`, `Total`, `Sum`, any case; also `I alt 2025`): the row is a total, not data. */
const TOTAL_LABEL = /^(i alt|total|totalt|sum|samlet|i alt \d{4}|total \d{4})$/i;

/**
 * Whether a cell's text labels a sum row (the last row of many spreadsheet exports).
 *
 * @example
 * isTotalLabel(' I ALT ') // true
 * isTotalLabel('viso.raadgivning.forbrug') // false
 */
export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(text.trim());
}

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
 * Find the index of a field's column in a header (by alias, case-insensitive; a unit in the
 * header such as `Værdi (mio. kr.)` is allowed), or -1.
 *
 * @example
 * findColumn(['serie', 'år', 'værdi'], 'value') // 2
 */
export function findColumn(header: string[], field: string): number {
  const names = COLUMN_ALIASES[field] ?? [field];
  const exact = header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  if (exact >= 0 || field !== 'value') return exact;
  return header.findIndex((h) => {
    const s = splitHeaderUnit(h);
    return s.unit !== undefined && names.includes(labelKey(s.label));
  });
}

/** A year column header: `2020` (a number cell of a sheet reads the same). */
const YEAR_HEADER = /^\d{4}$/;

/**
 * Detect the layout from the header: wide if it has year-like columns (`2014`), long if it
 * has a value column (or a year and a series column), columns if it has a year column and
 * other columns but no value or series column; otherwise undefined.
 *
 * @example
 * detectLayout(['series', 'unit', '2019', '2020']) // 'wide'
 * detectLayout(['År', 'Bevilling (mio. kr.)', 'Forløb']) // 'columns'
 */
export function detectLayout(header: string[]): Layout | undefined {
  if (header.some((h) => YEAR_HEADER.test(h.trim()))) return 'wide';
  const year = findColumn(header, 'year');
  const value = findColumn(header, 'value');
  if (value >= 0) return 'long';
  if (year >= 0 && findColumn(header, 'series') < 0 && findColumn(header, 'unit') < 0 && header.some((h, i) => i !== year && h.trim() !== '')) return 'columns';
  if (year >= 0) return 'long';
  return undefined;
}

/** Fields that never name a series. */
const NON_LABEL_FIELDS = ['year', 'value', 'unit', 'source', 'flags'];

/** How the series of a value is found. */
interface Resolved {
  series: string;
  /** Column to blame for a bad id. */
  col: number;
  found: string;
  unit?: FileUnit;
}

/**
 * Interpret a raw table as observations, collecting every problem.
 * Observations get the flag `user_supplied` (and `illustrative` when a comment or title line above the table says
 * so, `preambleIllustrative`) and the file path as source.
 *
 * @example
 * const { observations, problems } = interpretTable(await readRawTable('mine.csv'));
 */
export function interpretTable(t: RawTable, opts: InterpretOptions = {}): Interpreted {
  const problems = [...t.problems];
  // where a problem is: `file:line` and the column, or in a spreadsheet the cell and its column (`file: Ark1!C5`, column C (value))
  const at = (line: number, col: number): InputLocation =>
    t.cellName && col >= 0 ? { file: t.file, cell: t.cellName(line, col), column: t.columnLabels[col] } : { file: t.file, line, column: t.columnLabels[col] };
  // a header cell or a label cell of a spreadsheet, named by itself (its text is what was found)
  const cellAt = (line: number, col: number): InputLocation => (t.cellName ? { file: t.file, cell: t.cellName(line, col) } : at(line, col));
  const layout = opts.layout ?? detectLayout(t.header);
  if (!layout) {
    problems.push(
      new InputError(
        rowAt(t, t.headerLine),
        { code: 'data.err.layout', params: { hint: t.header.some(isPeriodColumnName) ? 1 : 0 } },
        headerText(t),
      ),
    );
    return { observations: [], problems };
  }
  const seenHeader = new Map<string, number>();
  t.header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (k === '') return;
    const first = seenHeader.get(k);
    if (first !== undefined) problems.push(new InputError(at(t.headerLine, i), { code: 'data.uniqueColumn', params: { name: h.trim(), other: first + 1 } }, h));
    else seenHeader.set(k, i);
  });
  if (t.rowCount === 0 && t.problems.length === 0) problems.push(new InputError(rowAt(t, t.headerLine + 1), { code: 'data.rowsAfterHeader' }, { code: 'data.endOfFile' }));
  const col: Record<string, number> = {};
  for (const f of Object.keys(COLUMN_ALIASES)) col[f] = findColumn(t.header, f);
  let yearCols: YearColumn[] = [];
  if (layout === 'wide') yearCols = wideYearColumns(t, problems, at);
  const yearIdx = new Set(yearCols.map((c) => c.idx));
  // without a series column, the other text columns label the rows (mapped by --map)
  const labelCols =
    col.series >= 0 || layout === 'columns'
      ? []
      : t.header.map((_h, i) => i).filter((i) => !yearIdx.has(i) && !NON_LABEL_FIELDS.some((f) => col[f] === i) && t.header[i].trim() !== '');
  const byLabels = labelCols.length > 0;
  const required = layout === 'long' ? ['series', 'year', 'value', 'unit'] : layout === 'wide' ? ['series', 'unit'] : ['year'];
  const missing = required.filter((f) => col[f] < 0 && !((f === 'series' || f === 'unit') && byLabels));
  if (missing.length) {
    problems.push(new InputError(rowAt(t, t.headerLine), { code: 'data.missingColumns', params: { count: missing.length, columns: missing.join(', '), layout } }, headerText(t)));
    return { observations: [], problems, layout };
  }
  if (layout === 'wide' && yearCols.length === 0) {
    problems.push(new InputError(rowAt(t, t.headerLine), { code: 'data.yearColumns' }, headerText(t)));
    return { observations: [], problems, layout };
  }
  const maxProblems = opts.maxProblems ?? LIMITS.problemsPerFile;
  let omitted = 0;
  // the line whose bad year was reported last (columns layout: several value cells share the row's year)
  let yearReported = -1;
  // likewise the line whose bad series id was reported last (wide layout: the year cells share the row's series)
  let seriesReported = -1;
  const problem = (loc: InputLocation, expected: string | Msg, found?: string) => {
    if (problems.length < maxProblems) problems.push(new InputError(loc, expected, found));
    else omitted++;
  };
  const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell).trim());
  const map = opts.map;
  // a unit stated once for the whole table: in a title row, or in the header of the value column
  const tableUnit = (layout === 'long' && col.value >= 0 ? splitHeaderUnit(t.header[col.value]).unit : undefined) ?? firstUnit(t.preamble?.map((p) => p.text) ?? []);

  // columns layout: each column other than the year (and flags/source) is one series
  interface MeasureColumn {
    idx: number;
    resolved?: Resolved;
    unit?: FileUnit;
  }
  const measureCols: MeasureColumn[] = [];
  if (layout === 'columns') {
    t.header.forEach((h, idx) => {
      if (idx === col.year || idx === col.flags || idx === col.source || h.trim() === '') return;
      const { label, unit } = splitHeaderUnit(h);
      const hit = map?.lookup(h) ?? map?.lookup(label);
      const id = hit?.series ?? (SERIES_RE.test(label) && label.includes('.') ? label : undefined);
      if (!id) {
        problem(cellAt(t.headerLine, idx), { code: 'data.err.seriesColumn', params: { map: map ? map.file : '', label: JSON.stringify(label) } }, h.trim());
        return;
      }
      measureCols.push({ idx, resolved: { series: id, col: idx, found: h.trim(), ...(hit?.unit ? { unit: hit.unit } : {}) }, ...(unit ? { unit } : {}) });
    });
    if (measureCols.length === 0 && problems.length === t.problems.length) {
      problems.push(new InputError(rowAt(t, t.headerLine), { code: 'data.err.valueColumns' }, headerText(t)));
    }
    if (measureCols.length === 0) return { observations: [], problems, layout };
  }

  const bySeriesText = new Map<string, Resolved>();
  /** The series of a row (long and wide layouts), or the problem to report. */
  const rowSeries = (line: number, cells: Cell[]): Resolved | { problem: [InputLocation, string | Msg, string] } => {
    if (!byLabels) {
      const s = text(cells[col.series]);
      let r = bySeriesText.get(s);
      if (!r) {
        const hit = map && s !== '' ? map.lookup(s) : undefined;
        r = hit ? { series: hit.series, col: col.series, found: s, ...(hit.unit ? { unit: hit.unit } : {}) } : { series: s, col: col.series, found: s };
        if (bySeriesText.size < 100_000) bySeriesText.set(s, r);
      }
      return r;
    }
    const texts = labelCols.map((c) => text(cells[c]));
    const filled = labelCols.filter((_c, i) => texts[i] !== '');
    if (filled.length === 0) return { problem: [at(line, labelCols[0]), { code: 'data.err.labelNaming', params: { columns: labelCols.map((c) => t.header[c]).join(', ') } }, ''] };
    const joined = filled.map((c) => text(cells[c])).join(' / ');
    let hit: MappedLabel | undefined = map?.lookup(joined);
    let by = filled[0];
    if (!hit && map) {
      for (const c of filled) {
        hit = map.lookup(text(cells[c]));
        if (hit) {
          by = c;
          break;
        }
      }
    }
    if (hit) return { series: hit.series, col: by, found: text(cells[by]), ...(hit.unit ? { unit: hit.unit } : {}) };
    const asId = filled.find((c) => SERIES_RE.test(text(cells[c])) && text(cells[c]).includes('.'));
    if (asId !== undefined) return { series: text(cells[asId]), col: asId, found: text(cells[asId]) };
    const c = filled[filled.length - 1];
    return { problem: [cellAt(line, c), { code: 'data.err.seriesLabel', params: { map: map ? map.file : '' } }, text(cells[c])] };
  };

  /** The unit of a value: unit column, column header, table, mapping, bundled series. */
  const unitTexts = new Map<string, FileUnit | { bad: string }>();
  const unitOf = (cells: Cell[], r: Resolved, headerUnit: FileUnit | undefined): FileUnit | { bad: string } | undefined => {
    if (col.unit >= 0) {
      const u = text(cells[col.unit]);
      if (u !== '' || !byLabels) {
        let hit = unitTexts.get(u);
        if (!hit) {
          hit = parseUnit(u) ?? { bad: u };
          if (unitTexts.size < 1000) unitTexts.set(u, hit);
        }
        return hit;
      }
    }
    return headerUnit ?? tableUnit ?? r.unit ?? knownUnit(r.series);
  };
  const knownUnit = (id: string): FileUnit | undefined => {
    const u = opts.knownMeta?.(id)?.unit;
    return u ? { unit: u, divide: 1, text: u } : undefined;
  };

  // the number convention, from the text cells of the value columns (a count such as
  // 5.480 reads the same in both: its thousands separator is not evidence)
  let locale = opts.locale;
  // the number text that settled a detected convention (none when --locale gave it)
  let detectedBy: LocatedText | undefined;
  if (!locale) {
    const numberCols = layout === 'long' ? [col.value, col.year] : layout === 'wide' ? yearCols.map((c) => c.idx) : [col.year, ...measureCols.map((c) => c.idx)];
    const isCount = (cells: Cell[], c: number, line: number): boolean => {
      if (layout === 'columns') {
        const m = measureCols.find((x) => x.idx === c);
        if (!m) return true;
        return isWhole(unitOf(cells, m.resolved!, m.unit));
      }
      if (layout === 'long' && c === col.year) return true;
      const r = rowSeries(line, cells);
      return !('problem' in r) && isWhole(unitOf(cells, r, undefined));
    };
    const d = decideLocale(t, numberCols, isCount, at, layout === 'wide' ? -1 : col.year);
    if (d instanceof InputError) {
      problems.push(d);
      return { observations: [], problems, layout };
    }
    locale = d?.locale;
    detectedBy = d?.by;
  }
  const num = (cell: Cell, whole: boolean): number | undefined => {
    if (typeof cell === 'number') return cell;
    if (locale) return parseLocaleNumber(cell, locale);
    return (whole ? readWholeNumber(cell) : undefined) ?? parseLocaleNumber(cell, 'en');
  };

  const observations: Observation[] = [];
  const seen = opts.seen ?? new Map<string, SeenSeries>();
  const flagSets = new Map<string, Flag[]>();
  // a comment or title line saying the figures are illustrative marks every observation of the table
  const illustrative = preambleIllustrative(t.preamble);
  const sink = opts.sink ?? ((o: Observation) => void observations.push(o));
  const metaCols = byLabels ? { area: -1, measure: -1, category: -1 } : col;
  const unnamed = new Set<string>();
  // misspelt series ids reported (once each)
  const misspelt = new Set<string>();

  const emit = (line: number, cells: Cell[], year: number | undefined, yearCol: number, valueCell: Cell, valueCol: number, resolved: Resolved | { problem: [InputLocation, string | Msg, string] }, headerUnit: FileUnit | undefined) => {
    const flagsText = col.flags >= 0 ? text(cells[col.flags]) : '';
    let bad = false;
    const push = (c: number, expected: string | Msg, found: string) => {
      problem(at(line, c), expected, found);
      bad = true;
    };
    let r: Resolved | undefined;
    // the known id a misspelt series id is meant as
    let meant: string | undefined;
    if ('problem' in resolved) {
      // an unnamed label is reported once, at its first cell
      const key = resolved.problem[2];
      if (!unnamed.has(key)) {
        unnamed.add(key);
        problem(...resolved.problem);
      }
      bad = true;
    } else {
      r = resolved;
      if (r.series === '') push(r.col, { code: 'data.seriesId' }, '');
      // (an id not of the form of one is refused for that; only the form is checked then, as cheaply as before, unless
      // it is one in lower case: Viso.Raadgivning.Forbrug is refused for its case, with the known id it means)
      else if ((SERIES_RE.test(r.series) || SERIES_RE.test(r.series.toLowerCase())) && (meant = opts.misspeltOf?.(r.series)) !== undefined) {
        // reported once (a columns layout names its series in the header); the row's other cells are still checked
        if (!misspelt.has(r.series)) {
          misspelt.add(r.series);
          const expected: Msg = SERIES_RE.test(r.series) ? { code: 'data.err.seriesNear', params: { id: r.series, near: meant } } : { code: 'data.err.seriesCase', params: { near: meant } };
          problem(at(layout === 'columns' ? t.headerLine : line, r.col), expected, r.found);
        }
        bad = true;
      }
    }
    let fu: FileUnit | undefined;
    if (r) {
      const u = unitOf(cells, r, headerUnit);
      if (u && 'bad' in u) push(col.unit, { code: 'data.unit', params: { units: UNITS.join(', ') } }, u.bad);
      // (a misspelt id has no unit of a known series: that is its problem)
      else if (!u && meant === undefined) push(valueCol, { code: 'data.err.unitFor', params: { series: r.series } }, text(valueCell));
      else fu = u;
    }
    const unit = fu?.unit;
    const raw = num(valueCell, isWhole(fu));
    const value = raw === undefined ? undefined : convertValue(raw, fu);
    if (raw === undefined) push(valueCol, numberMsg(locale, text(valueCell)), text(valueCell));
    else if (detectedBy && typeof valueCell === 'string' && isWhole(fu)) {
      // 5.480 in 1.000 kr. is 5480 as a whole amount, but 5.48 in the international convention
      // another cell showed (5,480 likewise in the Danish one): refused, not guessed
      const whole = readWholeNumber(valueCell);
      if (whole !== undefined && whole !== raw) {
        const format: Msg = { code: locale === 'da' ? 'data.formatDa' : 'data.formatEn' };
        push(valueCol, { code: 'data.ambiguousWhole', params: { unit: fu!.text, x: valueCell.trim(), whole, literal: raw, format, by: detectedBy.text, where: textAt(t, detectedBy) } }, text(valueCell));
      }
    }
    // a row's year is read once for all its value cells: a bad one is one problem, not one per cell
    if (year === undefined) {
      if (yearReported !== line) push(yearCol, { code: parsePeriod(text(cells[yearCol])) ? 'data.yearSuchAsMonthly' : 'data.yearSuchAs' }, text(cells[yearCol]));
      yearReported = line;
      bad = true;
    }
    let flags = flagSets.get(flagsText);
    if (!flags) {
      const given = flagsText === '' ? [] : flagsText.split('|').map((f) => f.trim());
      const badFlag = given.find((f) => !(FLAGS as readonly string[]).includes(f));
      if (badFlag !== undefined) push(col.flags, { code: 'data.flags', params: { flags: FLAGS.join(', ') } }, badFlag);
      else {
        flags = Object.freeze([...new Set<Flag>([...(given as Flag[]), 'user_supplied', ...(illustrative ? (['illustrative'] as const) : [])])]) as Flag[];
        if (flagSets.size < 1000) flagSets.set(flagsText, flags);
      }
    }
    if (bad || !r || !flags || year === undefined || value === undefined || !unit) return;
    const series = r.series;
    // the checks of recordSchema, in its order and wording, without a zod parse per row
    const issues = checkRecord(series, year, value, unit);
    if (issues.length) {
      for (const [field, message] of issues) {
        if (field === 'series' && seriesReported === line) continue;
        if (field === 'series') seriesReported = line;
        const c = field === 'year' ? yearCol : field === 'value' ? valueCol : field === 'series' ? r.col : col[field];
        const found = field === 'year' ? text(cells[yearCol]) || String(year) : field === 'value' ? text(valueCell) : field === 'series' ? r.found : text(cells[c]);
        problem(at(line, c), message, found);
      }
      return;
    }
    const off = amountProblem(series, value, unit, opts.scaleOf, fu);
    if (off) {
      problem(at(line, valueCol), off, text(valueCell));
      return;
    }
    let s = seen.get(series);
    if (s) {
      // read before: on a line of the series' first table (this one or another sheet), or on another sheet
      const first = s.years[year - YEAR_MIN];
      const before = s.where.get(year) ?? (first === 0 ? undefined : s.table.cellName && s.cols ? s.table.cellName(first, s.cols[year - YEAR_MIN]) : first);
      if (before !== undefined) {
        problem(at(line, yearCol), { code: 'data.err.oneValue', params: { series, year, where: typeof before === 'string' ? before : { code: 'data.err.onLine', params: { line: before } } } }, text(cells[yearCol]) || String(year));
        return;
      }
      if (s.unit !== unit) {
        problem(at(line, col.unit >= 0 ? col.unit : valueCol), { code: 'data.sameUnit', params: { series, where: s.unitAt, unit: s.unit } }, col.unit >= 0 ? text(cells[col.unit]) : fu!.text);
        return;
      }
    }
    const meta = s?.meta ?? opts.knownMeta?.(series) ?? metaFromId(series, cells, metaCols);
    if (s && metaCols.area + metaCols.measure + metaCols.category > -3) {
      // explicit metadata columns must agree within a series
      const own = opts.knownMeta?.(series) ?? metaFromId(series, cells, metaCols);
      for (const k of ['area', 'measure', 'category'] as const) {
        if (own[k] !== s.meta[k]) {
          problem(at(line, metaCols[k]), { code: 'data.sameMeta', params: { field: k, series, where: s.metaAt[k], value: s.meta[k] } }, own[k]);
          return;
        }
      }
    }
    if (!s) {
      // (metadata read from the series id is cited at the row's value)
      const metaAt = (c: number) => lineOrCell(t, line, c >= 0 ? c : valueCol);
      s = { unit, line, unitAt: lineOrCell(t, line, col.unit >= 0 ? col.unit : valueCol), metaAt: { area: metaAt(metaCols.area), measure: metaAt(metaCols.measure), category: metaAt(metaCols.category) }, meta: { area: meta.area, measure: meta.measure, category: meta.category }, years: new Int32Array(YEAR_MAX - YEAR_MIN + 1), ...(t.cellName ? { cols: new Int32Array(YEAR_MAX - YEAR_MIN + 1) } : {}), where: new Map(), table: t };
      seen.set(series, s);
    }
    if (s.table === t) {
      s.years[year - YEAR_MIN] = line;
      if (s.cols) s.cols[year - YEAR_MIN] = valueCol;
    } else s.where.set(year, t.cellName ? t.cellName(line, valueCol) : line);
    // `s` knows where the value stands (`seenAt`), so no location text is made per row
    sink({ series, area: meta.area, measure: meta.measure, category: meta.category, year, value, unit, source: t.file, flags }, s);
  };

  const yearOf = (yc: Cell): number | undefined => {
    const yt = text(yc);
    return typeof yc === 'number' ? yc : /^-?\d+([.,]\d+)?$/.test(yt) ? Number(yt.replace(',', '.')) : undefined;
  };
  const missingCell = (c: Cell | undefined) => c === undefined || (typeof c === 'string' && isMissingText(c));
  // a sum row: the series cell (or, without one, the first filled label cell) a total label, and no year cell of its
  // own filled (the wide layout has none: its years are columns); with years as rows (columns layout), the year cell
  // a total label
  const isTotalRow = (cells: Cell[]): boolean => {
    if (layout === 'columns') return isTotalLabel(text(cells[col.year]));
    if (text(cells[col.year]) !== '') return false;
    const label = byLabels ? labelCols.map((c) => text(cells[c])).find((x) => x !== '') : text(cells[col.series]);
    return label !== undefined && isTotalLabel(label);
  };
  // the problems of one row are listed in column order (a row's cells are checked in another order: its series, unit
  // and value before its year); a problem of the header found at a row (a misspelt column's series) stays before it
  const rowOf = (p: InputError) => p.location.line ?? Number(/\d+$/.exec(p.location.cell ?? '')?.[0] ?? 0);
  const colOf = (p: InputError) => (p.location.column === undefined || typeof p.location.column === 'number' ? -1 : t.columnLabels.indexOf(p.location.column));
  let rowStart = problems.length;
  const sumRows: InputLocation[] = [];
  const inColumnOrder = () => {
    if (problems.length - rowStart > 1) {
      const own = problems.splice(rowStart).sort((a, b) => rowOf(a) - rowOf(b) || colOf(a) - colOf(b));
      problems.push(...own);
    }
    rowStart = problems.length;
  };
  for (const r of t.rows) {
    inColumnOrder();
    // a sum row (I alt, Total, Sum in the series cell, no year; in the columns layout in the year cell) is no
    // observation, in every layout alike: skipped, as follow-up skips it
    if (isTotalRow(r.cells)) {
      sumRows.push(rowAt(t, r.line));
      continue;
    }
    if (layout === 'long') {
      if (missingCell(r.cells[col.value])) continue;
      emit(r.line, r.cells, yearOf(r.cells[col.year]), col.year, r.cells[col.value], col.value, rowSeries(r.line, r.cells), undefined);
    } else if (layout === 'wide') {
      let resolved: ReturnType<typeof rowSeries> | undefined;
      for (const { idx, year } of yearCols) {
        const cell = r.cells[idx];
        if (missingCell(cell)) continue;
        resolved ??= rowSeries(r.line, r.cells);
        emit(r.line, r.cells, year, idx, cell, idx, resolved, undefined);
        if ('problem' in resolved) break;
      }
    } else {
      // a note row below the table (text in the year column, nothing else) is not data
      if (measureCols.every((m) => missingCell(r.cells[m.idx]))) continue;
      const year = yearOf(r.cells[col.year]);
      for (const m of measureCols) {
        const cell = r.cells[m.idx];
        if (missingCell(cell)) continue;
        emit(r.line, r.cells, year, col.year, cell, m.idx, m.resolved!, m.unit);
      }
    }
  }
  inColumnOrder();
  return { observations, problems, ...(omitted ? { omitted } : {}), ...(sumRows.length ? { sumRows } : {}), layout, locale };
}

/**
 * Whether values in a unit are whole numbers, so that `5.480` is 5480 when the file does not
 * show its number convention: counts, and amounts in 1.000 kr. or kr. (nobody writes a
 * fraction of those). When another cell shows the convention and it reads such a text
 * differently (`5.480` in an international file), the cell is refused as ambiguous.
 */
function isWhole(u: FileUnit | { bad: string } | undefined): boolean {
  return !!u && !('bad' in u) && (u.unit === 'count' || u.divide >= 1000);
}

/** The first unit stated in some lines of text. */
function firstUnit(lines: string[]): FileUnit | undefined {
  for (const l of lines) {
    const u = unitInText(l);
    if (u) return u;
  }
  return undefined;
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

/** Amounts in mio. kr. beyond this are kroner or 1.000 kr. when nothing tells the series' scale (VISO's are about 10²). */
const MAX_MIO_KR = 1e5;
/** Numbers beyond this (in absolute value) are refused in every unit: no count or amount of the data is near. */
const MAX_ABS = 1e12;

/**
 * The problem of a value off its plausible scale, or undefined: beyond 10¹² in any unit; in mio. kr.,
 * three orders of magnitude above or below the known series' scale (`offByThousands`: kroner or 1.000 kr., or
 * mia. kr., where mio. kr. are meant), negative in a series that never is (forbrug, bevilling), or without a
 * scale, 10⁵ or more; with the likely intended value (and, for an amount converted from the file's unit, that unit).
 */
function amountProblem(series: string, value: number, unit: Unit, scaleOf: InterpretOptions['scaleOf'], fu?: FileUnit): Msg | undefined {
  if (Math.abs(value) > MAX_ABS) return { code: 'data.absurd', params: { max: MAX_ABS } };
  if (unit !== 'mio. kr.') return undefined;
  const ref = scaleOf?.(series);
  const known = ref && ref.value > 0 && Number.isFinite(ref.value) ? ref : undefined;
  const refText = known ? String(Number(known.value.toPrecision(6))) : '';
  if (known?.nonNegative && value < 0) return { code: 'data.amountNegative', params: { series, year: known.year, ref: refText } };
  if (!(value > 0)) return undefined;
  if (known) {
    if (!offByThousandsEitherWay(value, known.value)) return undefined;
    const guess = Number((value / 10 ** thousandsExponent(value, known.value)).toPrecision(6));
    // 152,4 in mia. kr. is 152.400 mio. kr.: the message says so, or "did you mean 152,4?, found "152,4"" puzzles
    const from: Msg | '' = fu && fu.divide !== 1 ? { code: 'data.amountFrom', params: { unit: fu.text, value: String(Number(value.toPrecision(6))) } } : '';
    return { code: 'data.amountScale', params: { series, year: known.year, ref: refText, guess: String(guess), from } };
  }
  if (value < MAX_MIO_KR) return undefined;
  // the smallest power of 10³ that brings it under the limit: 161.200 (1.000 kr.) → 161,2; 152.400.000 (kr.) → 152,4
  let k = 3;
  while (value / 10 ** k >= MAX_MIO_KR) k += 3;
  return { code: 'data.amountUnit', params: { max: MAX_MIO_KR, guess: String(Number((value / 10 ** k).toPrecision(6))) } };
}

/** A year column of a wide table. */
interface YearColumn {
  idx: number;
  year: number;
}

/** The year columns of a wide header; out-of-range years are reported and left out. */
function wideYearColumns(t: RawTable, problems: InputError[], at: (line: number, col: number) => InputLocation): YearColumn[] {
  const out: YearColumn[] = [];
  t.header.forEach((h, idx) => {
    if (!/^\d{4}$/.test(h.trim())) return;
    const y = Number(h.trim());
    if (y < YEAR_MIN || y > YEAR_MAX) problems.push(new InputError(at(t.headerLine, idx), { code: 'data.yearBetween', params: { min: YEAR_MIN, max: YEAR_MAX } }, h));
    else out.push({ idx, year: y });
  });
  return out;
}

/**
 * The number convention of a table from the text cells of its number columns:
 * a locale (with the text that settled it), `undefined` when it does not matter, or the InputError refusing an
 * ambiguous or mixed file.
 */
function decideLocale(
  t: RawTable,
  numberCols: number[],
  isCount: (cells: Cell[], col: number, line: number) => boolean,
  at: (line: number, col: number) => InputLocation,
  yearCol: number,
): { locale: NumberLocale; by?: LocatedText } | undefined | InputError {
  const where = (x: LocatedText) => at(x.line, t.columnLabels.indexOf(x.column));
  // numbers stored as numbers (XLSX, JSON) need no convention: no pass over the rows
  if (t.textColumns && !numberCols.some((c) => t.textColumns![c])) return undefined;
  function* texts(): Generator<LocatedText> {
    for (const r of t.rows) {
      for (const c of numberCols) {
        const cell = r.cells[c];
        if (typeof cell !== 'string' || isMissingText(cell)) continue;
        const text = cell.trim();
        // 5.480 in a count is 5480 either way (a count has no decimals)
        if (/[.,\s]\d{3}$/.test(text) && localeEvidence(text) === 'ambiguous' && isCount(r.cells, c, r.line)) continue;
        yield { text, line: r.line, column: t.columnLabels[c] };
      }
    }
  }
  const d = detectLocale(texts());
  if (d.kind === 'decided') return { locale: d.locale, by: d.by };
  if (d.kind === 'ambiguous') {
    const x = d.example.text;
    return new InputError(
      where(d.example),
      { code: 'data.ambiguous', params: { x, da: String(parseLocaleNumber(x, 'da')), en: String(parseLocaleNumber(x, 'en')) } },
      x,
    );
  }
  if (d.kind === 'mixed') {
    // a year written with decimals (2025.0 beside 152,4 on its line) is the cell to fix: reported there
    const year = yearCol >= 0 ? t.columnLabels[yearCol] : undefined;
    const blamed = d.da.line === d.en.line && year !== undefined && d.da.column === year ? d.da : d.en;
    return new InputError(where(blamed), mixedFormats(t, d.da, d.en, year), blamed.text);
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
