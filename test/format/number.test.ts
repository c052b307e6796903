import { describe, expect, it } from 'vitest';
import { formatMio, formatNumber, formatPct, rangeText } from '../../src/text/number.js';

describe('Danish and English number formatting', () => {
  it('groups thousands and uses the right decimal mark', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-3.7, 1)).toBe('-3,7');
    expect(formatNumber(-0.01, 1)).toBe('0,0');
    expect(formatNumber(NaN)).toBe('–');
  });
  it('formats amounts and shares', () => {
    expect(formatMio(1234.5)).toBe('1.234,5 mio. kr.');
    expect(formatMio(143.9, 'en')).toBe('DKK 143.9m');
    expect(formatPct(0.908)).toBe('90,8 %');
    expect(formatPct(0.908, 'en')).toBe('90.8%');
  });
  it('a number of decimals that is no integer from 0 to 100 is a RangeError naming it; a value that is no finite number is the dash', () => {
    expect(() => formatNumber(1.234, 1.5)).toThrow('formatNumber: decimals must be an integer from 0 to 100 (got 1.5)');
    expect(() => formatMio(1, 'da', -1)).toThrow(RangeError);
    expect(formatMio(NaN)).toBe('– mio. kr.');
    expect(formatPct(Infinity, 'en')).toBe('–%');
  });
});

describe('rangeText', () => {
  it('joins a range by an en dash, or by »til« / »to« when a bound is negative (never `-5,9–-0,3`)', () => {
    expect(rangeText('2,9', '5,3')).toBe('2,9–5,3');
    expect(rangeText('-5,9', '-0,3')).toBe('-5,9 til -0,3');
    expect(rangeText('-16,4', '16,7', 'da')).toBe('-16,4 til 16,7');
    expect(rangeText('-16.4', '16.7', 'en')).toBe('-16.4 to 16.7');
    expect(rangeText('−1', '2', 'en')).toBe('−1 to 2');
  });
});
