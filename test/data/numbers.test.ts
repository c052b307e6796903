import { describe, expect, it } from 'vitest';
import { detectLocale, isMissingText, localeEvidence, numberMsg, parseLocaleNumber, readNumber } from '../../src/data/numbers.js';
import { sayMsg } from '../../src/text/messages.js';

describe('Danish and international numbers', () => {
  it('reads each text under both conventions', () => {
    expect(readNumber('1.941')).toEqual({ da: 1941, en: 1.941 });
    expect(readNumber('1,941')).toEqual({ da: 1.941, en: 1941 });
    expect(readNumber('147,7')).toEqual({ da: 147.7 });
    expect(readNumber('147.7')).toEqual({ en: 147.7 });
    expect(readNumber('1.234,5')).toEqual({ da: 1234.5 });
    expect(readNumber('1,234.5')).toEqual({ en: 1234.5 });
    expect(readNumber('1.234.567')).toEqual({ da: 1234567 });
    expect(readNumber('−3,7')).toEqual({ da: -3.7 });
    expect(readNumber('2020')).toEqual({ da: 2020, en: 2020 });
    expect(readNumber('12 stk')).toEqual({});
    expect(readNumber('1.94')).toEqual({ en: 1.94 });
  });
  it('parses in a given convention', () => {
    expect(parseLocaleNumber('1.941', 'da')).toBe(1941);
    expect(parseLocaleNumber('1.941', 'en')).toBe(1.941);
    expect(parseLocaleNumber('147,7', 'en')).toBeUndefined();
  });
  it('classifies evidence', () => {
    expect(localeEvidence('147,7')).toBe('da');
    expect(localeEvidence('147.7')).toBe('en');
    expect(localeEvidence('1.941')).toBe('ambiguous');
    expect(localeEvidence('42')).toBe('neutral');
    expect(localeEvidence('x')).toBe('invalid');
  });
  it('decides a file convention, refuses ambiguous and mixed files', () => {
    const t = (text: string, line = 2) => ({ text, line, column: 'value' });
    expect(detectLocale([t('1.941'), t('147,7', 3)])).toEqual({ kind: 'decided', locale: 'da', by: t('147,7', 3) });
    expect(detectLocale([t('1,941'), t('147.7', 3)])).toMatchObject({ kind: 'decided', locale: 'en' });
    expect(detectLocale([t('1.941'), t('2.012', 3)])).toEqual({ kind: 'ambiguous', example: t('1.941') });
    expect(detectLocale([t('42'), t('7', 3)])).toEqual({ kind: 'irrelevant' });
    expect(detectLocale([t('147,7'), t('147.7', 3)])).toMatchObject({ kind: 'mixed' });
  });
  it('knows missing-value markers', () => {
    expect(['', ' ', '-', '–'].every(isMissingText)).toBe(true);
    expect(isMissingText('0')).toBe(false);
  });
});

describe('a number written as accounts print it is refused with what to write instead', () => {
  it('a negative in parentheses, a per cent sign, a currency in the cell; other bad texts just ask for a number', () => {
    expect(sayMsg(numberMsg('da', '(3,7)'), 'da')).toBe('et tal som 1.234,5 (et negativt tal skrives med minus: -3,7)');
    expect(sayMsg(numberMsg(undefined, '(1.234,5)'), 'en')).toBe('a number (a negative number is written with a minus: -1.234,5)');
    expect(sayMsg(numberMsg('da', '90,8 %'), 'da')).toBe('et tal som 1.234,5 (uden %-tegn: enheden står i kolonnen enhed eller overskriften)');
    for (const x of ['152,4 kr.', 'kr. 152,4', '152.400 DKK', '152,4 mio. kr.'])
      expect(sayMsg(numberMsg('en', x), 'en')).toBe('a number like 1,234.5 (without a unit in the cell: the unit goes in the unit column or the header, e.g. "forbrug (kr.)")');
    expect(numberMsg('da', 'x')).toEqual({ code: 'data.numberDa' });
    expect(numberMsg('da', '3,7-')).toEqual({ code: 'data.numberDa' });
    expect(numberMsg(undefined)).toEqual({ code: 'data.number' });
  });
});
