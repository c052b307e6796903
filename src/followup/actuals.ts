/**
 * Reading monthly (or quarterly) actuals for the in-year follow-up: forbrug, henvendelser,
 * started forløb, optionally indgåede aftaler (commitments) and a budget profile, from CSV,
 * XLSX or JSON through the data layer's reader (`readRawTable`) and number conventions.
 *
 * Layouts: *wide* (one row per month: a period column `måned`/`month`/`kvartal`/… and one
 * column per measure, units in the header such as `forbrug (kr.)`) or *long* (`serie, måned,
 * værdi[, enhed]`). A title row or `#` comment line may state the file's date (`opgjort pr.
 * 30.06.2025`) and say the data are illustrative.
 *
 * Every cell problem is collected (one line each); then the structure is checked and the
 * first structural problem is the error: duplicate months, months out of order, a missing
 * month inside the range (whole missing years are allowed), a month after the stated date, a
 * value missing between months that have one, and a running (cumulative) total where monthly
 * values are expected. Quarterly values are spread evenly over their three months.
 */
import { InputError, InputErrors, type ColumnLabel, type InputLocation } from '../errors.js';
import { loadBundled } from '../data/bundled.js';
import { saysIllustrative } from '../data/illustrative.js';
import type { Dataset } from '../data/dataset.js';
import {
  detectLocale,
  isMissingText,
  localeEvidence,
  numberMsg,
  parseLocaleNumber,
  readWholeNumber,
  type LocatedText,
  type NumberLocale,
} from '../data/numbers.js';
import {
  compareDates,
  isPeriodColumnName,
  lastMonthOf,
  nextPeriod,
  parsePeriod,
  periodIndex,
  periodKey,
  statedDate,
  type CalendarDate,
  type Period,
} from '../data/period.js';
import { isoDate } from '../text/date.js';
import type { Msg } from '../text/messages.js';
import { readRawTable, type Cell, type RawTable } from '../data/rawtable.js';
import { cellAt, headerText, mixedFormats, rowAt } from '../data/cellref.js';
import { isTotalLabel } from '../data/records.js';
import { offByThousands, thousandsExponent } from '../scenario/plausibility.js';

/** The quantities of a follow-up file. Money (forbrug, aftaler, budget) in mio. kr.; henvendelser and forløb are counts. */
export type Measure = 'forbrug' | 'henvendelser' | 'forloeb' | 'aftaler' | 'budget';

/** A count column's quantity in words for a message (»startede forløb«, not the key `forloeb`). */
const countWord = (m: Measure): Msg | string =>
  m === 'forloeb' || m === 'henvendelser' ? { code: `followup.measure.${m}` } : m;

/** All measures, in column order of outputs. */
export const MEASURES: readonly Measure[] = ['forbrug', 'henvendelser', 'forloeb', 'aftaler', 'budget'];

const MONEY: ReadonlySet<Measure> = new Set(['forbrug', 'aftaler', 'budget']);

/** Header names of each measure (lower case, unit suffix removed). */
export const MEASURE_ALIASES: Record<Measure, readonly string[]> = {
  forbrug: [
    'forbrug',
    'forbrug i alt',
    'faktisk forbrug',
    'udgift',
    'udgifter',
    'regnskab',
    'spending',
    'expenditure',
    'viso.raadgivning.forbrug',
  ],
  henvendelser: [
    'henvendelser',
    'antal henvendelser',
    'requests',
    'viso.raadgivning.henvendelser',
    'viso.raadgivning.henvendelser.i_alt',
  ],
  forloeb: [
    'forløb',
    'forloeb',
    'startede forløb',
    'startede forloeb',
    'igangsatte forløb',
    'nye forløb',
    'forløb startet',
    'rådgivningsforløb',
    'started',
    'starts',
    'started cases',
    'cases started',
    'viso.raadgivning.forloeb',
    'viso.raadgivning.forloeb.i_alt',
  ],
  aftaler: [
    'aftaler',
    'indgåede aftaler',
    'indgaaede aftaler',
    'kontrakter',
    'commitments',
    'viso.raadgivning.aftaler',
  ],
  budget: [
    'budget',
    'budgetprofil',
    'periodiseret budget',
    'budgetteret forbrug',
    'budget profile',
    'viso.raadgivning.budget',
  ],
};

const LONG_ALIASES = {
  series: ['series', 'serie', 'id'],
  value: ['value', 'værdi', 'vaerdi'],
  unit: ['unit', 'enhed'],
} as const;

/** Money unit spellings → factor to mio. kr.; `count` for counts. */
const UNIT_FACTORS: Record<string, number | 'count'> = {
  'mio. kr.': 1,
  'mio.kr.': 1,
  'mio kr': 1,
  'mio. kr': 1,
  'mio kr.': 1,
  mio: 1,
  'mio.': 1,
  'dkk m': 1,
  'dkk million': 1,
  '1.000 kr.': 1e-3,
  '1.000 kr': 1e-3,
  '1000 kr': 1e-3,
  '1000 kr.': 1e-3,
  't.kr.': 1e-3,
  't.kr': 1e-3,
  tkr: 1e-3,
  'tkr.': 1e-3,
  'tusind kr.': 1e-3,
  'dkk 1000': 1e-3,
  'dkk thousand': 1e-3,
  'kr.': 1e-6,
  kr: 1e-6,
  dkk: 1e-6,
  count: 'count',
  antal: 'count',
  stk: 'count',
  'stk.': 'count',
};

/** One year of actuals: 12 monthly values per measure (NaN = not given). */
export interface ActualsYear {
  year: number;
  /** First and last month (1–12) with a row in the file. */
  firstMonth: number;
  lastMonth: number;
  values: Record<Measure, number[]>;
  /** Last month (1–12) with a value, per measure (0 = none). */
  lastWith: Record<Measure, number>;
  /** Line of each month's row (wide) or forbrug entry (long); 0 = none. */
  lines: number[];
}

/**
 * A month (or quarter) of forbrug, henvendelser or started forløb far from the others (see
 * {@link OUTLIER_FACTOR}): used as it stands, and said on stderr and in the follow-up's notes.
 */
export interface ActualsWarning {
  code: 'outlier';
  /** forbrug (an amount), henvendelser or forloeb (counts). */
  measure: OutlierMeasure;
  /** The period as written in outputs (`2025-03`, `2025K1`). */
  label: string;
  year: number;
  /** The period's value (mio. kr. for forbrug, else a count) and the cell as written. */
  value: number;
  text: string;
  /** The median period of `basisYear` and the range of its periods inside the band (the measure's unit). */
  median: number;
  lo: number;
  hi: number;
  /** The year whose periods give the median (the same year, or the one before when it has fewer than 3). */
  basisYear: number;
  /** `high`: more than OUTLIER_FACTOR × the median; `low`: less than the median / OUTLIER_FACTOR. */
  side: 'high' | 'low';
  location: InputLocation;
}

/** The measures whose periods are compared with their year's median: forbrug and the two counts. */
export type OutlierMeasure = 'forbrug' | 'henvendelser' | 'forloeb';

/** Measures checked for periods far from their year, in the order of the warnings of one cell row. */
export const OUTLIER_MEASURES: readonly OutlierMeasure[] = ['forbrug', 'henvendelser', 'forloeb'];

/**
 * A period is an outlier when its forbrug is more than 4 times the median period of its year, or
 * less than a quarter of it (the median of the year's periods when it has 3 or more, else of the
 * year before in the file). The bundled illustrative file's months lie within 0,83–1,10 times their
 * year's median (its December is 7,5–8,6 % of the year); a December with twice or three times the
 * ordinary month's invoicing stays below 4, while a misplaced decimal (10 ×) or a 1.000-times
 * unit error (refused before this) is far beyond it. Counts (henvendelser, started forløb) follow
 * the same band, and a count must also lie more than {@link COUNT_NOISE_SDS} Poisson standard
 * deviations (√median) from the median, so that a small file's ordinary spread (a median of 3
 * forløb a month and a month with none) is not flagged; the bundled file's count months lie within
 * 0,49–1,30 times their year's median (July and December are low).
 */
export const OUTLIER_FACTOR = 4;

/** How many Poisson standard deviations (√median) a count period must lie from the median to be an outlier. */
export const COUNT_NOISE_SDS = 3;

/**
 * A month's count (henvendelser, started forløb) above this many times its measure's whole annual level (the
 * reference data's nearest year, else the file's other years) is refused, not only warned about: no month of
 * requests or cases outgrows a year by half (the bundled counts grew at most 37 % in a year), while an amount in
 * 1.000 kr. in a count column (a month's forbrug of 12.600 where 290 forløb start) is 40–60 times the typical month.
 */
export const COUNT_YEAR_FACTOR = 1.5;

/** A monthly actuals file, read and checked. */
export interface MonthlyActuals {
  file: string;
  granularity: 'month' | 'quarter';
  years: ActualsYear[];
  /** The date the file states (`opgjort pr. …`), with its line. */
  statedDate?: { date: CalendarDate; line: number };
  /** The title or comments say the data are illustrative. */
  illustrative: boolean;
  /** Title rows and comment lines, as written. */
  preamble: string[];
  /** Measures with at least one value. */
  measures: Measure[];
  /** Columns that were not recognised (and not used). */
  ignoredColumns: string[];
  /** How the period column is named in messages. */
  periodColumn: ColumnLabel;
  locale?: NumberLocale;
  /** Periods far from the others (used as they stand). */
  warnings: ActualsWarning[];
  /** The year of months written without one (`januar`), taken from the one year in the title rows. */
  yearFromTitle?: { year: number; line: number; text: string };
}

/** Options of {@link readMonthlyActuals}. */
export interface ReadActualsOptions {
  /** Number convention (detected when omitted; ambiguous files are refused). */
  locale?: NumberLocale;
  /** Year for months written without one (`januar`). */
  year?: number;
  /** Annual data to tell monthly values from running totals (default: the bundled data; `false`: only the file's own years). */
  reference?: Dataset | false;
}

interface ParsedHeader {
  name: string;
  measure?: Measure;
  factor?: number | 'count';
}

/** Split a header cell into a name and a unit: `forbrug (kr.)`, `forbrug [mio. kr.]`, `forbrug, 1.000 kr.`. */
function parseHeaderCell(h: string): ParsedHeader {
  const t = h.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(.*?)\s*(?:\(([^)]*)\)|\[([^\]]*)\]|,\s*(.+))$/.exec(t);
  const name = (m ? m[1] : t).trim();
  const unitText = m ? (m[2] ?? m[3] ?? m[4] ?? '').trim() : '';
  const measure = MEASURES.find((k) => MEASURE_ALIASES[k].includes(name));
  const factor = unitText === '' ? undefined : UNIT_FACTORS[unitText];
  return {
    name,
    ...(measure ? { measure } : {}),
    ...(factor !== undefined ? { factor } : unitText ? { factor: NaN } : {}),
  };
}

function findAlias(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * True if a header row looks like a follow-up table: a period column and a measure column
 * (wide), or series, period and value columns (long).
 *
 * @example
 * isActualsHeader(['Måned', 'Forbrug (mio. kr.)', 'Startede forløb']) // true
 * isActualsHeader(['serie', 'år', 'værdi'])                            // false
 */
export function isActualsHeader(cells: string[]): boolean {
  if (!cells.some((c) => isPeriodColumnName(c))) return false;
  if (cells.some((c) => parseHeaderCell(c).measure !== undefined)) return true;
  return findAlias(cells, LONG_ALIASES.series) >= 0 && findAlias(cells, LONG_ALIASES.value) >= 0;
}

/** One value of one measure in one period, with where it was read. */
interface Entry {
  measure: Measure;
  period: Period;
  value: number;
  /** The number as written, in the column's own unit (before the unit's factor). */
  raw: number;
  line: number;
  /** 0-based column index (for a spreadsheet's cell name). */
  col: number;
  column: ColumnLabel;
  periodColumn: ColumnLabel;
  text: string;
}

/** A row's period with where it was read. */
interface RowPeriod {
  period: Period;
  line: number;
  text: string;
  /** The row has an actual (not only a budget). */
  hasActual: boolean;
  /** Measure the row belongs to (long layout), or undefined for a wide row. */
  measure?: Measure;
}

const cellText = (c: Cell | undefined) => (c === undefined ? '' : String(c).trim());

/**
 * Read and check a monthly or quarterly actuals file. Throws `InputError` (one problem) or
 * `InputErrors` (several cell problems), each naming file, line and column.
 *
 * @example
 * const a = await readMonthlyActuals('data/viso-maanedlig-illustrativ.csv');
 * a.years.at(-1)?.year // 2025
 */
export async function readMonthlyActuals(file: string, opts: ReadActualsOptions = {}): Promise<MonthlyActuals> {
  const t = await readRawTable(file, { isHeader: isActualsHeader });
  return interpretActuals(t, opts);
}

/**
 * Interpret a raw table (see {@link readMonthlyActuals}).
 *
 * @example
 * interpretActuals(csvTable('måned;forbrug\n2025-01;12,5\n', 'a.csv')).years[0].values.forbrug[0] // 12.5
 */
export function interpretActuals(t: RawTable, opts: ReadActualsOptions = {}): MonthlyActuals {
  const problems: InputError[] = [...t.problems];
  const at = (line: number, col: number) => ({ file: t.file, line, column: t.columnLabels[col] ?? String(col + 1) });
  const fail = (): never => {
    throw problems.length === 1
      ? problems[0]
      : new InputErrors([...problems].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0)));
  };
  if (!isActualsHeader(t.header)) {
    problems.push(new InputError(rowAt(t, t.headerLine), { code: 'followup.header' }, headerText(t)));
    fail();
  }
  const periodCol = t.header.findIndex((h) => isPeriodColumnName(h));
  const seriesCol = findAlias(t.header, LONG_ALIASES.series);
  const valueCol = findAlias(t.header, LONG_ALIASES.value);
  const unitCol = findAlias(t.header, LONG_ALIASES.unit);
  const long = seriesCol >= 0 && valueCol >= 0;
  const parsed = t.header.map(parseHeaderCell);
  const measureCols: { col: number; measure: Measure; factor: number | 'count' | undefined }[] = [];
  const ignored: string[] = [];
  if (!long) {
    const seen = new Map<Measure, number>();
    parsed.forEach((p, i) => {
      if (i === periodCol || t.header[i].trim() === '') return;
      if (!p.measure) {
        ignored.push(t.header[i].trim());
        return;
      }
      const prev = seen.get(p.measure);
      if (prev !== undefined)
        problems.push(
          new InputError(
            cellAt(t, t.headerLine, i),
            { code: 'followup.err.columnPerMeasure', params: { measure: p.measure, other: t.columnLabels[prev] } },
            t.header[i],
          ),
        );
      else seen.set(p.measure, i);
      if (p.factor !== undefined && Number.isNaN(p.factor)) {
        problems.push(new InputError(cellAt(t, t.headerLine, i), { code: 'followup.err.unitSuchAs' }, t.header[i]));
      } else if (p.factor === 'count' && MONEY.has(p.measure)) {
        problems.push(
          new InputError(
            cellAt(t, t.headerLine, i),
            { code: 'followup.err.amountFor', params: { measure: p.measure } },
            t.header[i],
          ),
        );
      } else if (typeof p.factor === 'number' && !MONEY.has(p.measure)) {
        problems.push(
          new InputError(
            cellAt(t, t.headerLine, i),
            { code: 'followup.err.countFor', params: { measure: p.measure } },
            t.header[i],
          ),
        );
      }
      measureCols.push({ col: i, measure: p.measure, factor: p.factor });
    });
    if (!measureCols.some((c) => c.measure === 'forbrug'))
      problems.push(new InputError(rowAt(t, t.headerLine), { code: 'followup.forbrugColumn' }, headerText(t)));
  } else {
    t.header.forEach((h, i) => {
      if (![periodCol, seriesCol, valueCol, unitCol].includes(i) && h.trim() !== '') ignored.push(h.trim());
    });
  }
  if (problems.length) fail();

  // number convention from every text cell that should hold a number; a column of whole numbers (counts, and amounts
  // in 1.000 kr., which have no decimals) reads 12.490 as 12490 either way, so such a text is not evidence (as in the
  // data files' reader)
  const wholeCols = new Set(
    measureCols
      .filter((c) => !MONEY.has(c.measure) || (typeof c.factor === 'number' && c.factor < 1))
      .map((c) => c.col),
  );
  const ambiguousWhole = (text: string, col: number) =>
    wholeCols.has(col) && /[.,\s]\d{3}$/.test(text) && localeEvidence(text) === 'ambiguous';
  let locale = opts.locale;
  if (!locale) {
    // a number text's place: its cell in a spreadsheet (as the other problems of a workbook), else its line
    const located = (x: LocatedText): InputLocation => {
      const c = t.columnLabels.indexOf(x.column);
      return t.cellName && c >= 0
        ? { file: t.file, cell: t.cellName(x.line, c), column: x.column }
        : { file: t.file, line: x.line, column: x.column };
    };
    const texts: LocatedText[] = [];
    const numberCols = long ? [valueCol] : measureCols.map((c) => c.col);
    for (const r of t.rows)
      for (const c of numberCols) {
        const cell = r.cells[c];
        if (typeof cell === 'string' && !isMissingText(cell) && !ambiguousWhole(cell.trim(), c))
          texts.push({ text: cell.trim(), line: r.line, column: t.columnLabels[c] });
      }
    const d = detectLocale(texts);
    if (d.kind === 'decided') locale = d.locale;
    else if (d.kind === 'ambiguous') {
      const x = d.example.text;
      throw new InputError(
        located(d.example),
        {
          code: 'data.ambiguous',
          params: { x, da: String(parseLocaleNumber(x, 'da')), en: String(parseLocaleNumber(x, 'en')) },
        },
        x,
      );
    } else if (d.kind === 'mixed') {
      throw new InputError(located(d.en), mixedFormats(t, d.da, d.en), d.en.text);
    }
  }
  const num = (cell: Cell, col: number): number | undefined =>
    typeof cell === 'number'
      ? cell
      : !locale && wholeCols.has(col)
        ? (readWholeNumber(cell) ?? parseLocaleNumber(cell, 'en'))
        : parseLocaleNumber(cell, locale ?? 'en');

  const entries: Entry[] = [];
  const rowPeriods: RowPeriod[] = [];
  let granularity: 'month' | 'quarter' | undefined;
  let firstGranularityLine = 0;
  // months without a year (`januar`): --year, else the one year the title rows name, else one error asking for --year
  const title = titleYears(t.preamble ?? []);
  const titleYear = opts.year === undefined && title.years.length === 1 ? title.years[0] : undefined;
  let usedTitleYear = false;
  const yearless: { line: number; text: string; count: number } = { line: 0, text: '', count: 0 };
  const periodOf = (line: number, cell: Cell): Period | undefined => {
    let p = parsePeriod(cell, opts.year !== undefined ? { year: opts.year } : {});
    if (!p && opts.year === undefined && parsePeriod(cell, { year: 2000 })) {
      if (titleYear !== undefined) {
        p = parsePeriod(cell, { year: titleYear });
        usedTitleYear = true;
      } else {
        if (!yearless.count) Object.assign(yearless, { line, text: cellText(cell) });
        yearless.count++;
        return undefined;
      }
    }
    if (!p) {
      problems.push(new InputError(at(line, periodCol), { code: 'followup.month' }, cellText(cell)));
      return undefined;
    }
    if (!granularity) {
      granularity = p.kind;
      firstGranularityLine = line;
    } else if (p.kind !== granularity) {
      problems.push(
        new InputError(
          at(line, periodCol),
          { code: 'followup.err.throughout', params: { g: granularity, line: firstGranularityLine } },
          cellText(cell),
        ),
      );
      return undefined;
    }
    return p;
  };
  const readValue = (
    line: number,
    col: number,
    measure: Measure,
    factor: number | 'count' | undefined,
    cell: Cell,
  ): number | undefined => {
    if (typeof cell === 'string' && isMissingText(cell)) return undefined;
    const v = num(cell, col);
    if (v === undefined || !Number.isFinite(v)) {
      problems.push(new InputError(at(line, col), numberMsg(locale, cellText(cell)), cellText(cell)));
      return undefined;
    }
    if (!MONEY.has(measure)) {
      if (v < 0)
        problems.push(
          new InputError(
            at(line, col),
            { code: 'followup.countNonNegative', params: { measure: countWord(measure) } },
            cellText(cell),
          ),
        );
      else if (!Number.isInteger(v))
        problems.push(
          new InputError(
            at(line, col),
            { code: 'followup.countWhole', params: { measure: countWord(measure) } },
            cellText(cell),
          ),
        );
      else return v;
      return undefined;
    }
    return v * (typeof factor === 'number' ? factor : 1);
  };

  // a spreadsheet export's empty rows (;;;) and a sum row at the end (I alt, Total) are no months: skipped
  const blank = (cells: Cell[]) => cells.every((c) => typeof c === 'string' && c.trim() === '');
  let lastFilledLine = -1;
  for (const r of t.rows) if (!blank(r.cells)) lastFilledLine = r.line;
  for (const r of t.rows) {
    if (blank(r.cells) || (r.line === lastFilledLine && isTotalLabel(cellText(r.cells[periodCol])))) continue;
    const pc = r.cells[periodCol];
    if (long) {
      const seriesText = cellText(r.cells[seriesCol]).toLowerCase();
      const measure = MEASURES.find((k) => MEASURE_ALIASES[k].includes(seriesText));
      const valueCell = r.cells[valueCol];
      if (typeof valueCell === 'string' && isMissingText(valueCell) && cellText(pc) === '') continue;
      if (!measure) {
        problems.push(
          new InputError(at(r.line, seriesCol), { code: 'followup.err.series' }, cellText(r.cells[seriesCol])),
        );
        continue;
      }
      let factor: number | 'count' | undefined;
      if (unitCol >= 0 && cellText(r.cells[unitCol]) !== '') {
        factor = UNIT_FACTORS[cellText(r.cells[unitCol]).toLowerCase()];
        const bad = factor === undefined || (factor === 'count') === MONEY.has(measure);
        if (bad) {
          problems.push(
            new InputError(
              at(r.line, unitCol),
              { code: MONEY.has(measure) ? 'followup.err.amountUnit' : 'followup.err.countUnit', params: { measure } },
              cellText(r.cells[unitCol]),
            ),
          );
          continue;
        }
      }
      const p = periodOf(r.line, pc);
      const v = readValue(r.line, valueCol, measure, factor, valueCell);
      if (!p) continue;
      rowPeriods.push({
        period: p,
        line: r.line,
        text: cellText(pc),
        hasActual: measure !== 'budget' && v !== undefined,
        measure,
      });
      if (v !== undefined)
        entries.push({
          measure,
          period: p,
          value: v,
          raw: typeof factor === 'number' ? v / factor : v,
          line: r.line,
          col: valueCol,
          column: t.columnLabels[valueCol],
          periodColumn: t.columnLabels[periodCol],
          text: cellText(valueCell),
        });
    } else {
      const p = periodOf(r.line, pc);
      let hasActual = false;
      const rowEntries: Entry[] = [];
      for (const mc of measureCols) {
        const v = readValue(r.line, mc.col, mc.measure, mc.factor, r.cells[mc.col]);
        if (v === undefined || !p) continue;
        if (mc.measure !== 'budget') hasActual = true;
        rowEntries.push({
          measure: mc.measure,
          period: p,
          value: v,
          raw: typeof mc.factor === 'number' ? v / mc.factor : v,
          line: r.line,
          col: mc.col,
          column: t.columnLabels[mc.col],
          periodColumn: t.columnLabels[periodCol],
          text: cellText(r.cells[mc.col]),
        });
      }
      if (!p) continue;
      rowPeriods.push({ period: p, line: r.line, text: cellText(pc), hasActual });
      entries.push(...rowEntries);
    }
  }
  if (yearless.count)
    problems.push(
      new InputError(
        at(yearless.line, periodCol),
        { code: 'followup.err.noYear', params: { n: yearless.count, years: title.years.join(' ') } },
        yearless.text,
      ),
    );
  if (t.rowCount === 0)
    problems.push(
      new InputError(rowAt(t, t.headerLine + 1), { code: 'data.rowsAfterHeader' }, { code: 'data.endOfFile' }),
    );
  if (problems.length) fail();

  // the stated date and the illustrative label from the preamble
  const preamble = (t.preamble ?? []).map((p) => p.text);
  let stated: MonthlyActuals['statedDate'];
  for (const p of t.preamble ?? []) {
    const d = statedDate(p.text);
    if (d) {
      stated = { date: d, line: p.line };
      break;
    }
  }
  const illustrative = preamble.some(saysIllustrative);
  const g = granularity ?? 'month';
  const periodLabel = t.columnLabels[periodCol];

  // structure: the stated date, duplicates, order and gaps (per series in the long layout)
  if (stated) {
    const s = stated;
    const late = rowPeriods.find((rp) => rp.hasActual && compareDates(firstDay(rp.period), s.date) > 0);
    if (late)
      throw new InputError(
        { file: t.file, line: late.line, column: periodLabel },
        { code: 'followup.err.afterStated', params: { g, date: isoDate(s.date), line: s.line } },
        late.text,
      );
  }
  const groups = long ? MEASURES.map((m) => rowPeriods.filter((rp) => rp.measure === m)) : [rowPeriods];
  for (const rows of groups) checkSequence(rows, t.file, periodLabel, g);

  // pivot into years of 12 months
  const byYear = new Map<number, ActualsYear>();
  const yearOf = (y: number): ActualsYear => {
    let a = byYear.get(y);
    if (!a) {
      a = {
        year: y,
        firstMonth: 13,
        lastMonth: 0,
        values: Object.fromEntries(MEASURES.map((m) => [m, new Array<number>(12).fill(NaN)])) as Record<
          Measure,
          number[]
        >,
        lastWith: Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>,
        lines: new Array<number>(12).fill(0),
      };
      byYear.set(y, a);
    }
    return a;
  };
  for (const rp of rowPeriods) {
    const a = yearOf(rp.period.year);
    const first = lastMonthOf(rp.period) - (rp.period.kind === 'quarter' ? 2 : 0);
    a.firstMonth = Math.min(a.firstMonth, first);
    a.lastMonth = Math.max(a.lastMonth, lastMonthOf(rp.period));
  }
  const entryAt = new Map<string, Entry>();
  for (const e of entries) {
    const a = yearOf(e.period.year);
    entryAt.set(`${e.measure}|${periodKey(e.period)}`, e);
    const last = lastMonthOf(e.period);
    const months = e.period.kind === 'quarter' ? [last - 2, last - 1, last] : [last];
    for (const mo of months) {
      a.values[e.measure][mo - 1] = e.value / months.length;
      if (e.measure === 'forbrug' || (!long && a.lines[mo - 1] === 0)) a.lines[mo - 1] = e.line;
    }
    a.lastWith[e.measure] = Math.max(a.lastWith[e.measure], last);
  }
  for (const rp of rowPeriods) {
    const a = yearOf(rp.period.year);
    const mo = lastMonthOf(rp.period);
    if (a.lines[mo - 1] === 0) a.lines[mo - 1] = rp.line;
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);

  // values of a measure run without holes within a year: from the year's first row to the last month with one
  for (const a of years) {
    for (const m of MEASURES) {
      const v = a.values[m];
      const last = a.lastWith[m];
      if (last === 0) continue;
      for (let mo = a.firstMonth; mo <= last; mo++) {
        if (!Number.isNaN(v[mo - 1])) continue;
        const where = rowPeriods.find(
          (rp) => rp.period.year === a.year && lastMonthOf(rp.period) >= mo && (!long || rp.measure === m),
        );
        const e = [...entryAt.values()].find(
          (x) => x.measure === m && x.period.year === a.year && lastMonthOf(x.period) > mo,
        );
        const label = monthLabel(a.year, mo, g);
        throw new InputError(
          { file: t.file, line: where?.line ?? e?.line ?? t.headerLine, column: e?.column ?? periodLabel },
          { code: 'followup.err.valueFor', params: { m, label, year: a.year, upTo: monthLabel(a.year, last, g) } },
          '',
        );
      }
    }
  }
  const measures = MEASURES.filter((m) => entries.some((e) => e.measure === m));
  const out: MonthlyActuals = {
    file: t.file,
    granularity: g,
    years,
    ...(stated ? { statedDate: stated } : {}),
    illustrative,
    preamble,
    measures,
    ignoredColumns: ignored,
    periodColumn: periodLabel,
    ...(locale ? { locale } : {}),
    warnings: [],
    ...(usedTitleYear && titleYear !== undefined ? { yearFromTitle: { year: titleYear, ...title.at! } } : {}),
  };
  const reference = opts.reference === false ? undefined : (opts.reference ?? loadBundled());
  checkScale(out, entries, reference, t.cellName);
  checkRunningTotals(out, entryAt, reference);
  out.warnings = outliers(out, entries, t.cellName);
  return out;
}

/**
 * The years (1990–2100) the title rows and comment lines name, and the first line naming one.
 *
 * @example
 * titleYears([{ line: 1, text: 'Forbrug 2025 - status pr. juni' }]) // { years: [2025], at: { line: 1, text: … } }
 */
export function titleYears(preamble: readonly { line: number; text: string }[]): {
  years: number[];
  at?: { line: number; text: string };
} {
  const years = new Set<number>();
  let at: { line: number; text: string } | undefined;
  for (const p of preamble)
    for (const m of p.text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
      const y = Number(m[1]);
      if (y < 1990 || y > 2100) continue;
      years.add(y);
      at ??= { line: p.line, text: p.text.trim() };
    }
  return { years: [...years].sort((a, b) => a - b), ...(at ? { at } : {}) };
}

function firstDay(p: Period): CalendarDate {
  return { year: p.year, month: p.kind === 'month' ? p.month : (p.quarter - 1) * 3 + 1, day: 1 };
}

function monthLabel(year: number, month: number, g: 'month' | 'quarter'): string {
  return g === 'month'
    ? periodKey({ kind: 'month', year, month })
    : periodKey({ kind: 'quarter', year, quarter: Math.ceil(month / 3) });
}

/** Duplicates, order and gaps of one sequence of periods (whole missing years are allowed). */
function checkSequence(rows: RowPeriod[], file: string, column: ColumnLabel, g: 'month' | 'quarter'): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = periodKey(r.period);
    const prev = seen.get(k);
    if (prev !== undefined)
      throw new InputError(
        { file, line: r.line, column },
        { code: 'followup.err.oneRow', params: { g, series: r.measure ? 1 : 0, key: k, line: prev } },
        r.text,
      );
    seen.set(k, r.line);
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (periodIndex(b.period) < periodIndex(a.period)) {
      throw new InputError(
        { file, line: b.line, column },
        { code: 'followup.err.order', params: { g, key: periodKey(a.period), line: a.line } },
        b.text,
      );
    }
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const next = nextPeriod(a.period);
    if (periodKey(next) === periodKey(b.period)) continue;
    const wholeYears = lastMonthOf(a.period) === 12 && lastMonthOf(b.period) === (g === 'month' ? 1 : 3);
    if (wholeYears) continue;
    throw new InputError(
      { file, line: b.line, column },
      {
        code: 'followup.err.gap',
        params: { g, from: periodKey(rows[0].period), missing: periodKey(next), line: a.line },
      },
      b.text,
    );
  }
}

/** Bundled annual series used as the scale of each measure. */
const REFERENCE_SERIES: Partial<Record<Measure, string>> = {
  forbrug: 'viso.raadgivning.forbrug',
  aftaler: 'viso.raadgivning.forbrug',
  budget: 'viso.raadgivning.forbrug',
  henvendelser: 'viso.raadgivning.henvendelser.i_alt',
  forloeb: 'viso.raadgivning.forloeb.i_alt',
};

/**
 * An amount in kroner or 1.000 kr. where the column is in mio. kr. (or 1.000 times off in
 * another unit): a month's amount whose ratio to the typical month — 1/12 of the measure's annual
 * level (the reference data's nearest year, else the mean of the file's other complete years) —
 * rounds to 10³ or more on the log scale (`offByThousands`, the rule of a scenario file's
 * amounts and of `--bevilling`). The first such cell is the error, with the likely intended value
 * in the column's own unit (`thousandsExponent`) and how many more cells are as far off.
 * Counts (henvendelser, started forløb) by the same rule: a month's count 1.000 times the typical
 * month (an amount in kroner in a count column, or a count typed with three zeros too many) is
 * refused at its cell, without a guess of the intended value; and so is a month's count above
 * {@link COUNT_YEAR_FACTOR} times the whole annual level (an amount in 1.000 kr. in a count column).
 */
function checkScale(
  a: MonthlyActuals,
  entries: readonly Entry[],
  reference: Dataset | undefined,
  cellName?: (line: number, col: number) => string,
): void {
  for (const m of ['forbrug', 'aftaler', 'budget', 'henvendelser', 'forloeb'] as const) {
    const off: {
      e: Entry;
      monthly: number;
      typical: number;
      ref: { value: number; what?: string; meanOf?: string };
      /** a count above COUNT_YEAR_FACTOR × the annual level, but not 1.000 times the typical month */
      overYear?: boolean;
      /** a forbrug month 1.000 times below the typical month (mio. kr. in a column in kr. or 1.000 kr.) */
      below?: boolean;
    }[] = [];
    for (const e of entries) {
      if (e.measure !== m) continue;
      const ref = referenceLevel(a, e.period.year, m, reference);
      if (ref === undefined || !(ref.value > 0)) continue;
      const monthly = Math.abs(e.value) / (e.period.kind === 'quarter' ? 3 : 1);
      const typical = ref.value / 12;
      if (monthly > 0 && offByThousands(monthly, typical)) off.push({ e, monthly, typical, ref });
      // (forbrug only: the projection rests on it, and no month of a year's spending is a thousandth of a typical one)
      else if (m === 'forbrug' && monthly > 0 && offByThousands(typical, monthly))
        off.push({ e, monthly, typical, ref, below: true });
      else if (!MONEY.has(m) && monthly > COUNT_YEAR_FACTOR * ref.value)
        off.push({ e, monthly, typical, ref, overYear: true });
    }
    if (!off.length) continue;
    // the 1.000-times cells first (their message is the more specific), then the first in the file
    off.sort((x, y) => Number(x.overYear ?? false) - Number(y.overYear ?? false) || x.e.line - y.e.line);
    const { e, monthly, typical, ref, overYear, below } = off[0];
    const k = thousandsExponent(monthly, typical);
    const round = (x: number) => String(Number(x.toPrecision(4)));
    const location = cellName
      ? { file: a.file, cell: cellName(e.line, e.col), column: e.column }
      : { file: a.file, line: e.line, column: e.column };
    const common = { m, what: ref.what ?? '', meanOf: ref.meanOf ?? '', more: off.length - 1 };
    throw new InputError(
      location,
      MONEY.has(m)
        ? {
            code: 'followup.err.amountScale',
            params: {
              ...common,
              typical: round(typical),
              ref: round(ref.value),
              guess: String(Number((e.raw / 10 ** k).toPrecision(6))),
              ...(below
                ? { below: 1, more: off.filter((x) => x.below).length - 1 }
                : { more: off.filter((x) => !x.below).length - 1 }),
            },
          }
        : {
            code: 'followup.err.countScale',
            params: {
              ...common,
              // as far off: the cells of the same rule
              more: off.filter((x) => (x.overYear ?? false) === (overYear ?? false)).length - 1,
              typical: Math.round(typical),
              ref: Math.round(ref.value),
              ...(overYear ? { overYear: COUNT_YEAR_FACTOR, ratio: Math.round(monthly / typical) } : {}),
            },
          },
      e.text,
    );
  }
}

function median(xs: readonly number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const h = a.length >> 1;
  return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
}

/** The forbrug, henvendelser and started forløb periods far from their year's median period (see {@link OUTLIER_FACTOR}), in file order. */
function outliers(
  a: MonthlyActuals,
  entries: readonly Entry[],
  cellName?: (line: number, col: number) => string,
): ActualsWarning[] {
  const out: { w: ActualsWarning; line: number; col: number }[] = [];
  for (const m of OUTLIER_MEASURES) {
    const count = !MONEY.has(m);
    const byYear = new Map<number, Entry[]>();
    for (const e of entries) if (e.measure === m) byYear.set(e.period.year, [...(byYear.get(e.period.year) ?? []), e]);
    const years = [...byYear.keys()].sort((x, y) => x - y);
    for (const y of years) {
      const basisYear =
        byYear.get(y)!.length >= 3 ? y : years.filter((k) => k < y && byYear.get(k)!.length >= 3).at(-1);
      if (basisYear === undefined) continue;
      const basis = byYear.get(basisYear)!.map((e) => e.value);
      const med = median(basis);
      if (!(med > 0)) continue;
      // a count's own noise: beyond the band and more than COUNT_NOISE_SDS Poisson sds from the median
      const noisy = (v: number) => count && Math.abs(v - med) <= COUNT_NOISE_SDS * Math.sqrt(med);
      const inside = basis.filter((v) => (v <= OUTLIER_FACTOR * med && v >= med / OUTLIER_FACTOR) || noisy(v));
      for (const e of byYear.get(y)!) {
        const side = e.value > OUTLIER_FACTOR * med ? 'high' : e.value < med / OUTLIER_FACTOR ? 'low' : undefined;
        if (!side || noisy(e.value)) continue;
        out.push({
          line: e.line,
          col: e.col,
          w: {
            code: 'outlier',
            measure: m,
            label: periodKey(e.period),
            year: y,
            value: e.value,
            text: e.text,
            median: med,
            lo: Math.min(...inside),
            hi: Math.max(...inside),
            basisYear,
            side,
            location: cellName
              ? { file: a.file, cell: cellName(e.line, e.col), column: e.column }
              : { file: a.file, line: e.line, column: e.column },
          },
        });
      }
    }
  }
  return out.sort((x, y) => x.line - y.line || x.col - y.col).map((x) => x.w);
}

/**
 * A running (cumulative) total where monthly values are expected: a year whose values never
 * fall over three or more months and whose annual level reads far better as a year-to-date
 * total (last value × 12 / months) than as monthly values (mean × 12), compared with the
 * measure's annual level (the reference data's nearest year, else the file's other years).
 */
function checkRunningTotals(a: MonthlyActuals, entryAt: Map<string, Entry>, reference?: Dataset): void {
  for (const m of ['forbrug', 'aftaler', 'henvendelser', 'forloeb'] as const) {
    for (const y of a.years) {
      const months: number[] = [];
      for (let mo = y.firstMonth; mo <= y.lastWith[m]; mo++) months.push(mo);
      const step = a.granularity === 'quarter' ? 3 : 1;
      const vals = months.filter((mo) => mo % step === 0 || step === 1).map((mo) => y.values[m][mo - 1] * step);
      if (vals.length < 3 || vals.some((v, i) => i > 0 && v < vals[i - 1]) || !(vals[0] > 0)) continue;
      const ref = referenceLevel(a, y.year, m, reference);
      if (ref === undefined || !(ref.value > 0)) continue;
      const n = vals.length;
      const perYear = 12 / step;
      const asMonthly = (vals.reduce((s, v) => s + v, 0) / n) * perYear;
      const asRunning = (vals[n - 1] * perYear) / n;
      const dMonthly = Math.abs(Math.log(asMonthly / ref.value));
      const dRunning = Math.abs(Math.log(asRunning / ref.value));
      if (dRunning < dMonthly - Math.log(1.5)) {
        const lastMonth = months[months.length - 1];
        const key = monthLabel(y.year, lastMonth, a.granularity);
        const e = entryAt.get(`${m}|${key}`);
        const round = (x: number) => (m === 'henvendelser' || m === 'forloeb' ? String(Math.round(x)) : x.toFixed(1));
        throw new InputError(
          { file: a.file, line: e?.line ?? y.lines[lastMonth - 1], column: e?.column ?? m },
          {
            code: 'followup.err.runningTotal',
            params: {
              g: a.granularity,
              m,
              year: y.year,
              running: round(asRunning),
              monthly: round(asMonthly),
              what: ref.what ?? '',
              meanOf: ref.meanOf ?? '',
              ref: round(ref.value),
            },
          },
          e?.text ?? '',
        );
      }
    }
  }
}

/** The annual level a measure is compared with: the reference data's nearest year, else the mean of the file's other complete years. */
function referenceLevel(
  a: MonthlyActuals,
  year: number,
  m: Measure,
  reference?: Dataset,
): { value: number; what?: string; meanOf?: string } | undefined {
  const id = REFERENCE_SERIES[m];
  if (reference && id && reference.has(id)) {
    const pts = reference.get(id).points;
    if (pts.length) {
      const best = [...pts].sort((p, q) => Math.abs(p.year - year) - Math.abs(q.year - year) || q.year - p.year)[0];
      return { value: best.value, what: `${id} ${best.year}` };
    }
  }
  const others = a.years.filter((y) => y.year !== year && y.firstMonth === 1 && y.lastWith[m] === 12);
  if (!others.length) return undefined;
  const totals = others.map((y) => y.values[m].reduce((s, v) => s + v, 0));
  return {
    value: totals.reduce((s, v) => s + v, 0) / totals.length,
    meanOf: others.map((y) => y.year).join(', '),
  };
}
