/**
 * Months, quarters and dates for people, in Danish (default) and English: `juni 2025` / `June 2025`,
 * `2. kvt. 2025` / `Q2 2025`, `30.06.2025` / `2025-06-30`. Parsing stays in src/data/period.ts;
 * this is the wording. Ground floor: the shapes are structural, so nothing above is imported.
 */
import type { Lang } from './number.js';

const DA_MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DA_SHORT = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month or a quarter (the shape of `Period` in src/data/period.ts). */
export type PeriodLike =
  { kind: 'month'; year: number; month: number } | { kind: 'quarter'; year: number; quarter: number };

/** A calendar date (the shape of `CalendarDate` in src/data/period.ts). */
export interface DateLike {
  year: number;
  month: number;
  day: number;
}

/**
 * The name of month 1–12: Danish `januar` / `jan.`, English `January` / `Jan`.
 *
 * @example
 * monthName(3)              // 'marts'
 * monthName(3, 'en', true)  // 'Mar'
 */
export function monthName(m: number, lang: Lang = 'da', short = false): string {
  const list = lang === 'da' ? (short ? DA_SHORT : DA_MONTHS) : short ? EN_SHORT : EN_MONTHS;
  return list[m - 1] ?? String(m);
}

/**
 * A period for people: `juni 2025` / `June 2025`, `2. kvt. 2025` / `Q2 2025`.
 *
 * @example
 * formatPeriod({ kind: 'month', year: 2025, month: 6 })           // 'juni 2025'
 * formatPeriod({ kind: 'quarter', year: 2025, quarter: 2 }, 'en') // 'Q2 2025'
 */
export function formatPeriod(p: PeriodLike, lang: Lang = 'da'): string {
  if (p.kind === 'month') return `${monthName(p.month, lang)} ${p.year}`;
  return lang === 'da' ? `${p.quarter}. kvt. ${p.year}` : `Q${p.quarter} ${p.year}`;
}

/**
 * A date for people: `30.06.2025` (Danish) / `2025-06-30` (English, ISO).
 *
 * @example
 * formatDate({ year: 2025, month: 6, day: 30 }) // '30.06.2025'
 */
export function formatDate(d: DateLike, lang: Lang = 'da'): string {
  return lang === 'da' ? `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}` : isoDate(d);
}

/**
 * A date as ISO 8601 (`2025-06-30`): the form of data files and JSON, in any language.
 *
 * @example
 * isoDate({ year: 2025, month: 6, day: 3 }) // '2025-06-03'
 */
export function isoDate(d: DateLike): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
