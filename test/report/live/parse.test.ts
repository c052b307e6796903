import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/report/live/parse.js';

const ok = (value: number) => ({ kind: 'ok', value });
const bad = (problem: string) => ({ kind: 'invalid', problem });

describe('parseAmount: a typed bevilling read the way the page language writes numbers', () => {
  it('Danish: comma decimals, dot or space thousands; a dot that cannot be a thousands separator is a decimal point', () => {
    const cases: [string, unknown][] = [
      ['', { kind: 'empty' }],
      ['   ', { kind: 'empty' }],
      ['171,5', ok(171.5)],
      [' 171,5 ', ok(171.5)],
      ['12.5', ok(12.5)],
      ['171.25', ok(171.25)],
      ['1.000', ok(1000)],
      ['1.000,5', ok(1000.5)],
      ['1.234.567,25', ok(1234567.25)],
      ['1 000', ok(1000)],
      ['1\u00a0000,5', ok(1000.5)],
      ['0', ok(0)],
      ['-0', ok(0)],
      ['1,000', ok(1)],
    ];
    for (const [s, want] of cases) expect(parseAmount(s, 'da'), JSON.stringify(s)).toEqual(want);
  });

  it('English: dot decimals, comma or space thousands; a comma that cannot be a thousands separator is a decimal point', () => {
    const cases: [string, unknown][] = [
      ['171.5', ok(171.5)],
      ['12,5', ok(12.5)],
      ['1,000', ok(1000)],
      ['1,000.5', ok(1000.5)],
      ['1 000.5', ok(1000.5)],
      ['1.000', ok(1)],
    ];
    for (const [s, want] of cases) expect(parseAmount(s, 'en'), JSON.stringify(s)).toEqual(want);
  });

  it('letters, exponents, stray or mixed-up separators and non-ASCII digits are refused as not a number, never guessed', () => {
    for (const s of [
      'abc',
      '1e9',
      '171,5kr',
      '12,5,5',
      '.5',
      '5.',
      '1,000.5',
      '1 0 0',
      '1.00.0',
      '٣',
      'NaN',
      'Infinity',
      '0x10',
      '+-1',
    ])
      expect(parseAmount(s, 'da'), JSON.stringify(s)).toEqual(bad('format'));
    expect(parseAmount('1.000,5', 'en')).toEqual(bad('format'));
  });

  it('a negative amount is refused as negative (also with the typographic minus); one above max as too large', () => {
    expect(parseAmount('-5', 'da')).toEqual(bad('negative'));
    expect(parseAmount('\u22125,5', 'da')).toEqual(bad('negative'));
    expect(parseAmount('- 5', 'en')).toEqual(bad('negative'));
    expect(parseAmount('1000000000', 'da', 1599)).toEqual(bad('tooLarge'));
    expect(parseAmount('1.599', 'da', 1599)).toEqual(ok(1599));
    expect(parseAmount('1.599,1', 'da', 1599)).toEqual(bad('tooLarge'));
    expect(parseAmount('1000000000', 'da')).toEqual(ok(1e9));
  });
});
