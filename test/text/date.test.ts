import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, isoDate, monthName } from '../../src/text/date.js';
import type { Month, Quarter } from '../../src/data/period.js';

const M = (year: number, month: number): Month => ({ kind: 'month', year, month });
const Q = (year: number, quarter: number): Quarter => ({ kind: 'quarter', year, quarter });

describe('months, periods and dates for people', () => {
  it('names periods and months in Danish and English', () => {
    expect(formatPeriod(M(2025, 6))).toBe('juni 2025');
    expect(formatPeriod(M(2025, 6), 'en')).toBe('June 2025');
    expect(formatPeriod(Q(2025, 2))).toBe('2. kvt. 2025');
    expect(formatPeriod(Q(2025, 2), 'en')).toBe('Q2 2025');
    expect(monthName(5, 'da', true)).toBe('maj');
    expect(monthName(9, 'en', true)).toBe('Sep');
    expect(monthName(3)).toBe('marts');
  });
  it('formats dates: Danish day first, English and data ISO', () => {
    expect(formatDate({ year: 2025, month: 6, day: 3 })).toBe('03.06.2025');
    expect(formatDate({ year: 2025, month: 6, day: 3 }, 'en')).toBe('2025-06-03');
    expect(isoDate({ year: 2025, month: 6, day: 3 })).toBe('2025-06-03');
  });
});
