import { describe, expect, it } from 'vitest';
import { detectLocale, isMissingText, localeEvidence, parseLocaleNumber, readNumber } from '../../src/data/numbers.js';

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
