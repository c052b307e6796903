/**
 * Months and quarters as finance staff write them: `2025-01`, `jan 2025`, `januar 2025`,
 * `2025M01`, `01-2025`, `jan-25` (Excel's mmm-yy), dates such as `2025-01-31` or `31.01.2025`
 * (the month they fall in), Excel date serials in spreadsheet cells; quarters `2025K1`,
 * `2025Q1`, `K1 2025`, `1. kvt. 2025`, `1. kvartal 2025`. Danish and English month names.
 * Pure parsing: nothing here reads files or knows about the tables that hold the periods.
 */

/** A calendar month (month 1 = January). */
export interface Month {
  kind: 'month';
  year: number;
  month: number;
}

/** A calendar quarter (quarter 1 = January–March). */
export interface Quarter {
  kind: 'quarter';
  year: number;
  quarter: number;
}

/** A month or a quarter. */
export type Period = Month | Quarter;

/** A calendar date. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Options of {@link parsePeriod}. */
export interface PeriodOptions {
  /** Year for a month or quarter written without one (`januar`, `K1`). */
  year?: number;
}

const PERIOD_YEAR_MIN = 1990;
const PERIOD_YEAR_MAX = 2100;

/**
 * Month names and abbreviations (lower case, without a trailing dot) → month number. A Map, not an object: a cell
 * such as `constructor` or `__proto__` is no month, and a lookup of an arbitrary cell text does not intern it
 * (a 50 MB file of bad rows asks once per row).
 */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  Object.entries({
  januar: 1, january: 1, jan: 1,
  februar: 2, february: 2, feb: 2,
  marts: 3, march: 3, mar: 3, mrt: 3,
  april: 4, apr: 4,
  maj: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
  }),
);
/** The longest name in MONTH_NAMES (`september`), with room for a trailing dot. */
const MONTH_NAME_MAX = 10;

/** Excel serial of 1990-01-01 and 2100-01-01 (1900 date system). */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73051;

function okYear(y: number): boolean {
  return Number.isInteger(y) && y >= PERIOD_YEAR_MIN && y <= PERIOD_YEAR_MAX;
}

function month(year: number, m: number): Month | undefined {
  return okYear(year) && Number.isInteger(m) && m >= 1 && m <= 12 ? { kind: 'month', year, month: m } : undefined;
}

function quarter(year: number, q: number): Quarter | undefined {
  return okYear(year) && Number.isInteger(q) && q >= 1 && q <= 4 ? { kind: 'quarter', year, quarter: q } : undefined;
}

/** Two-digit years: 90–99 → 1990s, 00–89 → 2000s. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 2) return y >= 90 ? 1900 + y : 2000 + y;
  return y;
}

function daysInMonth(year: number, m: number): number {
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

function validDate(year: number, m: number, d: number): CalendarDate | undefined {
  if (!okYear(year) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(year, m))) return undefined;
  return { year, month: m, day: d };
}

/**
 * The month number of a month name or abbreviation, Danish or English (`jan.`, `maj`, `okt`,
 * `October`), or `undefined`.
 *
 * @example
 * monthFromName('Januar') // 1
 * monthFromName('okt.')   // 10
 * monthFromName('foo')    // undefined
 */
export function monthFromName(name: string): number | undefined {
  const t = name.trim();
  if (t.length > MONTH_NAME_MAX) return undefined;
  return MONTH_NAMES.get(t.toLowerCase().replace(/\.$/, ''));
}

/**
 * The calendar date of an Excel date serial (1900 date system, as XLSX stores dates), or
 * `undefined` outside 1990–2100. Fractions (times of day) are dropped.
 *
 * @example
 * excelSerialDate(45658) // { year: 2025, month: 1, day: 1 }
 */
export function excelSerialDate(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial >= SERIAL_MAX) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Parse a date: ISO `2025-06-30`, Danish day-first `30.06.2025`, `30-06-2025`, `30/6/2025`,
 * or with a month name `30. juni 2025`, `30 June 2025`. `undefined` if not a valid date.
 *
 * @example
 * parseDate('30.06.2025')    // { year: 2025, month: 6, day: 30 }
 * parseDate('30. juni 2025') // { year: 2025, month: 6, day: 30 }
 * parseDate('2025-02-30')    // undefined
 */
export function parseDate(text: string): CalendarDate | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+z?)?$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.?\s*([a-zæøå]+\.?)\s*(\d{4})$/.exec(t);
  if (m) {
    const mo = monthFromName(m[2]);
    return mo === undefined ? undefined : validDate(Number(m[3]), mo, Number(m[1]));
  }
  return undefined;
}

/**
 * Parse a month written in any of the usual ways (see the module comment); dates give the month
 * they fall in; a number is read as an Excel date serial (spreadsheet date cells). A month name
 * without a year needs `opts.year`. `undefined` if the text is not a month.
 *
 * @example
 * parseMonth('2025-01')     // { kind: 'month', year: 2025, month: 1 }
 * parseMonth('januar 2025') // { kind: 'month', year: 2025, month: 1 }
 * parseMonth('2025M03')     // { kind: 'month', year: 2025, month: 3 }
 * parseMonth('jan-25')      // { kind: 'month', year: 2025, month: 1 }
 * parseMonth('marts', { year: 2025 }) // { kind: 'month', year: 2025, month: 3 }
 */
export function parseMonth(cell: string | number, opts: PeriodOptions = {}): Month | undefined {
  if (typeof cell === 'number') {
    const d = excelSerialDate(cell);
    return d ? month(d.year, d.month) : undefined;
  }
  const t = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  let m = /^(\d{4})\s?[-/]\s?(\d{1,2})$/.exec(t) ?? /^(\d{4})\s?m\s?(\d{1,2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\s?[-/.]\s?(\d{4})$/.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]));
  const d = parseDate(t);
  if (d) return month(d.year, d.month);
  // month name and year, either order: "jan 2025", "januar 2025", "jan. 2025", "jan-25", "2025 jan"
  m = /^([a-zæøå]+)\.?\s?[-/ ]?\s?'?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const mo = monthFromName(m[1]);
    return mo === undefined ? undefined : month(fullYear(m[2]), mo);
  }
  m = /^(\d{4})\s?[-/ ]\s?([a-zæøå]+)\.?$/.exec(t);
  if (m) {
    const mo = monthFromName(m[2]);
    return mo === undefined ? undefined : month(Number(m[1]), mo);
  }
  const alone = monthFromName(t);
  if (alone !== undefined && opts.year !== undefined) return month(opts.year, alone);
  return undefined;
}

/**
 * Parse a quarter: `2025K1`, `2025Q1`, `2025-K1`, `K1 2025`, `Q1-2025`, `1. kvt. 2025`,
 * `1. kvartal 2025`, `1Q2025`; `K1` alone with `opts.year`. `undefined` if not a quarter.
 *
 * @example
 * parseQuarter('2025K1')       // { kind: 'quarter', year: 2025, quarter: 1 }
 * parseQuarter('1. kvt. 2025') // { kind: 'quarter', year: 2025, quarter: 1 }
 * parseQuarter('Q3 2024')      // { kind: 'quarter', year: 2024, quarter: 3 }
 */
export function parseQuarter(cell: string | number, opts: PeriodOptions = {}): Quarter | undefined {
  if (typeof cell === 'number') return undefined;
  const t = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})\s?[- ]?\s?[kq]\s?([1-4])$/.exec(t);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^[kq]\s?([1-4])\s?[- /]?\s?(\d{4})$/.exec(t) ?? /^([1-4])\s?q\s?(\d{4})$/.exec(t);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  m = /^([1-4])\.? ?(?:kvt\.?|kvartal|quarter|qtr\.?) ?(\d{4})$/.exec(t);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  m = /^(?:kvt\.?|kvartal) ?([1-4]) ?(\d{4})$/.exec(t);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  m = /^(?:[kq] ?([1-4])|([1-4])\.? ?(?:kvt\.?|kvartal))$/.exec(t);
  if (m && opts.year !== undefined) return quarter(opts.year, Number(m[1] ?? m[2]));
  return undefined;
}

/**
 * Parse a month or a quarter (months first, so `2025-01` is January, never a quarter).
 *
 * @example
 * parsePeriod('2025-01')?.kind // 'month'
 * parsePeriod('2025K1')?.kind  // 'quarter'
 * parsePeriod('2025')          // undefined (a year is not a month)
 */
export function parsePeriod(cell: string | number, opts: PeriodOptions = {}): Period | undefined {
  return parseMonth(cell, opts) ?? parseQuarter(cell, opts);
}

/**
 * A sortable index: months count from year 0 (year·12 + month − 1); a quarter is placed
 * at its first month.
 *
 * @example
 * periodIndex({ kind: 'month', year: 2025, month: 2 }) - periodIndex({ kind: 'month', year: 2025, month: 1 }) // 1
 */
export function periodIndex(p: Period): number {
  return p.year * 12 + (p.kind === 'month' ? p.month - 1 : (p.quarter - 1) * 3);
}

/**
 * The last month covered by a period (a quarter's third month).
 *
 * @example
 * lastMonthOf({ kind: 'quarter', year: 2025, quarter: 2 }) // 6
 */
export function lastMonthOf(p: Period): number {
  return p.kind === 'month' ? p.month : p.quarter * 3;
}

/**
 * The canonical key of a period: `2025-01` for months, `2025K1` for quarters.
 *
 * @example
 * periodKey({ kind: 'month', year: 2025, month: 1 })     // '2025-01'
 * periodKey({ kind: 'quarter', year: 2025, quarter: 1 }) // '2025K1'
 */
export function periodKey(p: Period): string {
  return p.kind === 'month' ? `${p.year}-${String(p.month).padStart(2, '0')}` : `${p.year}K${p.quarter}`;
}

/**
 * The period after `p` (December → January of the next year).
 *
 * @example
 * nextPeriod({ kind: 'month', year: 2024, month: 12 }) // { kind: 'month', year: 2025, month: 1 }
 */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'month') return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
  return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: p.quarter + 1 };
}

/** Header names of a period column (lower case). */
export const PERIOD_COLUMN_NAMES: readonly string[] = ['måned', 'maaned', 'md', 'md.', 'month', 'periode', 'period', 'kvartal', 'kvt', 'kvt.', 'quarter', 'dato', 'date', 'tid', 'time'];

/**
 * True if a header cell names a period column (`måned`, `month`, `periode`, `kvartal`, `dato`, …).
 *
 * @example
 * isPeriodColumnName('Måned') // true
 * isPeriodColumnName('år')    // false
 */
export function isPeriodColumnName(name: string): boolean {
  return PERIOD_COLUMN_NAMES.includes(name.trim().toLowerCase());
}

/**
 * Find a date stated in free text such as a title row or a comment line: after `opgjort pr.`,
 * `pr.`, `as of`, `status`, `dato:` …; a month alone (`pr. juni 2025`) means its last day.
 * `undefined` if there is none.
 *
 * @example
 * statedDate('# Opgjort pr. 30. juni 2025') // { year: 2025, month: 6, day: 30 }
 * statedDate('Status pr. juni 2025')        // { year: 2025, month: 6, day: 30 }
 * statedDate('as of 2025-06-30')            // { year: 2025, month: 6, day: 30 }
 */
export function statedDate(text: string): CalendarDate | undefined {
  const t = text.toLowerCase();
  const re = /(?:opgjort|opgørelse(?:sdato)?|status|pr\.|per|as of|as at|dato|date)\s*:?\s*(?:pr\.\s*)?([0-9a-zæøå][0-9a-zæøå./ -]*\d)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const cand = m[1].trim();
    // the longest prefix that is a date or a month
    const words = cand.split(/\s+/);
    for (let n = Math.min(words.length, 3); n >= 1; n--) {
      const s = words.slice(0, n).join(' ');
      const d = parseDate(s);
      if (d) return d;
      const mo = parseMonth(s);
      if (mo && !/^\d{4}$/.test(s)) return { year: mo.year, month: mo.month, day: daysInMonth(mo.year, mo.month) };
    }
  }
  return undefined;
}

/**
 * Compare two calendar dates (negative, zero, positive).
 *
 * @example
 * compareDates({ year: 2025, month: 7, day: 1 }, { year: 2025, month: 6, day: 30 }) > 0 // true
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
