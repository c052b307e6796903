import { describe, expect, it } from 'vitest';
import {
  compareDates, excelSerialDate, isPeriodColumnName, lastMonthOf, monthFromName, nextPeriod,
  parseDate, parseMonth, parsePeriod, parseQuarter, periodIndex, periodKey, statedDate, type Month, type Quarter,
} from '../../src/data/period.js';

const M = (year: number, month: number): Month => ({ kind: 'month', year, month });
const Q = (year: number, quarter: number): Quarter => ({ kind: 'quarter', year, quarter });

describe('parseMonth: months as finance staff write them', () => {
  const cases: [string, number, number][] = [
    ['2025-01', 2025, 1], ['2025-1', 2025, 1], ['2025/03', 2025, 3], ['2025M01', 2025, 1], ['2025m12', 2025, 12],
    ['01-2025', 2025, 1], ['1/2025', 2025, 1], ['12.2024', 2024, 12],
    ['jan 2025', 2025, 1], ['Jan. 2025', 2025, 1], ['januar 2025', 2025, 1], ['Januar 2025', 2025, 1], ['JANUAR 2025', 2025, 1],
    ['marts 2025', 2025, 3], ['maj 2025', 2025, 5], ['okt 2025', 2025, 10], ['sept. 2025', 2025, 9],
    ['January 2025', 2025, 1], ['May 2025', 2025, 5], ['Oct 2025', 2025, 10],
    ['jan-25', 2025, 1], ['jan.-25', 2025, 1], ['dec-99', 1999, 12], ['2025 jan', 2025, 1], ['2025-maj', 2025, 5],
    ['2025-01-01', 2025, 1], ['2025-01-31', 2025, 1], ['2025-01-31T00:00:00.000Z', 2025, 1], ['31.01.2025', 2025, 1], ['28-02-2025', 2025, 2], ['1/3/2025', 2025, 3],
    ['31. januar 2025', 2025, 1], ['  2025-06  ', 2025, 6],
  ];
  for (const [text, y, m] of cases) it(`reads "${text}" as ${y}-${m}`, () => expect(parseMonth(text)).toEqual(M(y, m)));

  it('reads Excel date serials in spreadsheet cells (1900 date system)', () => {
    expect(parseMonth(45658)).toEqual(M(2025, 1)); // =DATE(2025;1;1)
    expect(parseMonth(45688.5)).toEqual(M(2025, 1)); // 31 Jan 2025, noon
    expect(parseMonth(45689)).toEqual(M(2025, 2));
    expect(excelSerialDate(45838)).toEqual({ year: 2025, month: 6, day: 30 });
  });

  it('refuses years, invalid months and dates, out-of-range years and plain numbers', () => {
    for (const t of ['2025', '2025-13', '2025-00', '13-2025', '2025-02-30', '31.04.2025', 'foo 2025', 'januar', '', '1989-12', '2101-01', 'Q1 2025', '2025K1'])
      expect(parseMonth(t), t).toBeUndefined();
    expect(parseMonth(2025)).toBeUndefined(); // a year typed as a number is not an Excel date of 2025
    expect(parseMonth(20250)).toBeUndefined();
  });

  it('reads a month name without year only when the year is given', () => {
    expect(parseMonth('marts')).toBeUndefined();
    expect(parseMonth('marts', { year: 2025 })).toEqual(M(2025, 3));
    expect(parseMonth('Dec.', { year: 2024 })).toEqual(M(2024, 12));
  });
});

describe('parseQuarter', () => {
  const cases: [string, number, number][] = [
    ['2025K1', 2025, 1], ['2025Q1', 2025, 1], ['2025-K2', 2025, 2], ['2025 q3', 2025, 3], ['K4 2024', 2024, 4], ['Q1-2025', 2025, 1],
    ['1Q2025', 2025, 1], ['1. kvt. 2025', 2025, 1], ['1. kvt 2025', 2025, 1], ['2 kvt. 2025', 2025, 2], ['3. kvartal 2025', 2025, 3], ['kvt. 4 2025', 2025, 4],
  ];
  for (const [text, y, q] of cases) it(`reads "${text}" as ${y} Q${q}`, () => expect(parseQuarter(text)).toEqual(Q(y, q)));
  it('refuses quarter 5, months and years', () => {
    for (const t of ['2025K5', '2025Q0', '2025-01', '2025', 'K1']) expect(parseQuarter(t), t).toBeUndefined();
    expect(parseQuarter('K2', { year: 2025 })).toEqual(Q(2025, 2));
    expect(parseQuarter(45658)).toBeUndefined();
  });
});

describe('parsePeriod and period arithmetic', () => {
  it('tries months first: 2025-01 is January, 2025K1 a quarter', () => {
    expect(parsePeriod('2025-01')).toEqual(M(2025, 1));
    expect(parsePeriod('2025K1')).toEqual(Q(2025, 1));
    expect(parsePeriod('2025')).toBeUndefined();
  });
  it('orders months and quarters on one month index', () => {
    expect(periodIndex(M(2025, 1)) - periodIndex(M(2024, 12))).toBe(1);
    expect(periodIndex(Q(2025, 2))).toBe(periodIndex(M(2025, 4)));
    expect(lastMonthOf(Q(2025, 2))).toBe(6);
    expect(lastMonthOf(M(2025, 7))).toBe(7);
  });
  it('steps over year ends', () => {
    expect(nextPeriod(M(2024, 12))).toEqual(M(2025, 1));
    expect(nextPeriod(M(2025, 3))).toEqual(M(2025, 4));
    expect(nextPeriod(Q(2024, 4))).toEqual(Q(2025, 1));
  });
  it('has canonical keys and reads month names', () => {
    expect(periodKey(M(2025, 1))).toBe('2025-01');
    expect(periodKey(Q(2025, 3))).toBe('2025K3');
    expect(monthFromName('Okt.')).toBe(10);
    expect(monthFromName(' September. ')).toBe(9);
  });
  it('reads only month names as months: an object key of JavaScript or a long text is no month', () => {
    for (const t of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'år 12', 'septemberr'])
      expect(monthFromName(t), t).toBeUndefined();
    expect(parseMonth('constructor', { year: 2025 })).toBeUndefined();
  });
});

describe('dates and stated dates', () => {
  it('parses ISO, Danish day-first and month-name dates, refusing impossible ones', () => {
    expect(parseDate('2025-06-30')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseDate('30.06.2025')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseDate('30/6/2025')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseDate('30. juni 2025')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseDate('29.02.2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('29.02.2025')).toBeUndefined();
    expect(parseDate('2025-06')).toBeUndefined();
  });
  it('finds the date a title or comment states; a month alone means its last day', () => {
    expect(statedDate('# ILLUSTRATIVE DATA – opgjort pr. 30. juni 2025')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(statedDate('Forbrug 2025, status pr. 31.05.2025')).toEqual({ year: 2025, month: 5, day: 31 });
    expect(statedDate('Opgørelsesdato: 2025-03-31')).toEqual({ year: 2025, month: 3, day: 31 });
    expect(statedDate('as of June 2025')).toEqual({ year: 2025, month: 6, day: 30 });
    expect(statedDate('Opgjort pr. februar 2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(statedDate('Forbrug pr. måned 2025')).toBeUndefined();
    expect(statedDate('Budgetopfølgning 2025')).toBeUndefined();
  });
  it('compares dates', () => {
    expect(compareDates({ year: 2025, month: 7, day: 1 }, { year: 2025, month: 6, day: 30 })).toBeGreaterThan(0);
    expect(compareDates({ year: 2025, month: 6, day: 30 }, { year: 2025, month: 6, day: 30 })).toBe(0);
  });
  it('recognises period column names', () => {
    for (const n of ['måned', 'Maaned', 'Month', 'periode', 'Kvartal', 'dato']) expect(isPeriodColumnName(n), n).toBe(true);
    for (const n of ['år', 'year', 'forbrug']) expect(isPeriodColumnName(n), n).toBe(false);
  });
});
