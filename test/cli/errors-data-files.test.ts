/**
 * The last English-only problems of data files carry codes: a mapping file's errors
 * (`--map map.yaml`, read by `viso data validate FILE --map` and every `--data` command) and the
 * line that counts the problems beyond LIMITS.problemsPerFile. Danish by default, English with
 * --lang en (the English unchanged); one line, exit code 2, no stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';
import { loadSeriesMap } from '../../src/data/mapping.js';
import { InputError, userMessage } from '../../src/errors.js';
import { LIMITS } from '../../src/io/limits.js';

const dir = mkdtempSync(join(tmpdir(), 'viso-err-data-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const DATA = write('ok.csv', 'series,year,value,unit\nviso.raadgivning.forbrug,2020,1,mio. kr.\n');

/** The Danish and the English output on stderr of a refused command (one line each, no stack). */
function both(...args: string[]): { da: string; en: string } {
  const da = viso(...args);
  const en = viso(...args, '--lang', 'en');
  for (const r of [da, en]) {
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  }
  return { da: da.err.trimEnd(), en: en.err.trimEnd() };
}

/** `viso data validate ok.csv --map FILE` with the mapping `text`: its one-line error in both languages. */
function mapError(name: string, text: string): { da: string; en: string } {
  const m = write(name, text);
  const r = both('data', 'validate', DATA, '--map', m);
  expect(r.da.split('\n')).toHaveLength(1);
  expect(r.en.split('\n')).toHaveLength(1);
  return { da: r.da.replace(`${dir}/`, ''), en: r.en.replace(`${dir}/`, '') };
}

describe('viso data validate FILE --map MAP: a bad mapping file', () => {
  it('not a mapping, a key beside series:, series: not a mapping', () => {
    expect(mapError('m1.yaml', '42\n')).toEqual({
      da: 'm1.yaml:1: forventede en afbildning med nøglen series: (etiket: serie-id), fandt "42"',
      en: 'm1.yaml:1: expected a mapping with a key series: (label: series id), found "42"',
    });
    expect(mapError('m2.yaml', 'series:\n  A: viso.a\nextra: 1\n')).toEqual({
      da: 'm2.yaml:3:8: forventede kun nøglen series: (etiket: serie-id) for extra, fandt "extra"',
      en: 'm2.yaml:3:8: expected only the key series: (label: series id) for extra, found "extra"',
    });
    expect(mapError('m3.yaml', 'series: [a]\n')).toEqual({
      da: 'm3.yaml:1:9: forventede poster af formen etiket: serie-id for series, fandt "[a]"',
      en: 'm3.yaml:1:9: expected label: series id entries for series, found "[a]"',
    });
  });
  it('an entry with another key, a bad unit, no series:', () => {
    expect(mapError('m4.yaml', 'series:\n  A:\n    series: viso.a\n    colour: red\n')).toEqual({
      da: 'm4.yaml:4:13: forventede kun series: og unit: for series.A.colour, fandt "colour"',
      en: 'm4.yaml:4:13: expected only series: and unit: for series.A.colour, found "colour"',
    });
    expect(mapError('m5.yaml', 'series:\n  A:\n    series: viso.a\n    unit: stk\n')).toEqual({
      da: 'm5.yaml:4:11: forventede en enhed: mio. kr., 1.000 kr., kr., antal eller pct for series.A.unit, fandt "stk"',
      en: 'm5.yaml:4:11: expected a unit: mio. kr., 1.000 kr., kr., antal or pct for series.A.unit, found "stk"',
    });
    expect(mapError('m6.yaml', 'series:\n  A:\n    unit: antal\n')).toEqual({
      da: 'm6.yaml:3:5: forventede series: et serie-id for series.A, fandt "unit: antal"',
      en: 'm6.yaml:3:5: expected series: a series id for series.A, found "unit: antal"',
    });
  });
  it('a series id that is not one, a label twice', () => {
    expect(mapError('m7.yaml', 'series:\n  A: Viso.A\n')).toEqual({
      da: 'm7.yaml:2:6: forventede et serie-id for etiketten "A" (små bogstaver, cifre, _ og ., f.eks. viso.raadgivning.forbrug) for series.A, fandt "Viso.A"',
      en: 'm7.yaml:2:6: expected a series id for the label "A" (lower-case letters, digits, _ and ., e.g. viso.raadgivning.forbrug) for series.A, found "Viso.A"',
    });
    const twice = mapError('m8.yaml', 'series:\n  Bevilling: viso.a\n  BEVILLING: viso.b\n');
    expect(twice.da).toBe(
      `m8.yaml:3:14: forventede hver etiket én gang ("BEVILLING" står også på ${dir}/m8.yaml:2) for series.BEVILLING, fandt "BEVILLING"`,
    );
    expect(twice.en).toBe(
      `m8.yaml:3:14: expected each label once ("BEVILLING" is also on ${dir}/m8.yaml:2) for series.BEVILLING, found "BEVILLING"`,
    );
  });
  it('the same through --data on another command, and through the API (English message, code kept)', () => {
    const m = write('m9.yaml', 'series:\n  A:\n    series: viso.a\n    colour: red\n');
    const r = both('data', 'list', '--data', DATA, '--map', m);
    expect(r.da).toBe(`${m}:4:13: forventede kun series: og unit: for series.A.colour, fandt "colour"`);
    expect(r.en).toBe(`${m}:4:13: expected only series: and unit: for series.A.colour, found "colour"`);
    let e: unknown;
    try {
      loadSeriesMap(m);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(r.en);
    expect((e as InputError).msg).toMatchObject({
      code: 'yaml.for',
      params: { what: { code: 'data.err.mapSeriesUnit' } },
    });
    expect(userMessage(e as InputError, 'da')).toBe(r.da);
  });
});

describe('viso data validate FILE: more problems than are listed', () => {
  it('the last line counts the rest, in both languages', () => {
    const extra = 5;
    const rows = Array.from({ length: LIMITS.problemsPerFile + extra }, () => 'viso.x,abc,1,antal');
    const f = write('many.csv', ['series,year,value,unit', ...rows].join('\n') + '\n');
    const r = both('data', 'validate', f);
    const da = r.da.split('\n');
    const en = r.en.split('\n');
    expect(da).toHaveLength(LIMITS.problemsPerFile + 1);
    expect(en).toHaveLength(LIMITS.problemsPerFile + 1);
    expect(da.at(-2)).toBe(
      `${f}:${LIMITS.problemsPerFile + 1}: kolonne year: forventede et årstal som 2020, fandt "abc"`,
    );
    expect(da.at(-1)).toBe(
      `${f}: forventede højst 1.000 problemer vises pr. fil (de første fundne står ovenfor), fandt "${extra} flere"`,
    );
    expect(
      userMessage(
        new InputError(
          { file: 'f.csv' },
          { code: 'data.err.problemsListed', params: { n: 1000 } },
          { code: 'data.err.more', params: { n: 4_199_000 } },
        ),
        'da',
      ),
    ).toBe(
      'f.csv: forventede højst 1.000 problemer vises pr. fil (de første fundne står ovenfor), fandt "4.199.000 flere"',
    );
    expect(en.at(-1)).toBe(
      `${f}: expected at most 1000 problems listed per file (the first ones found are above), found "${extra} more"`,
    );
  });
});
