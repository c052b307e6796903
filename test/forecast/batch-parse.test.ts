import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { SeriesAssembler, batchColumns, parseDecimal, parseWhole } from '../../src/forecast/batch-parse.js';
import type { RawSeries } from '../../src/forecast/batch-parse.js';
import { parseLongCsv } from '../../src/forecast/batch.js';

describe('parseDecimal: strict decimal numbers', () => {
  it('accepts sign, digits, one . as decimal mark and an exponent; blanks around are allowed', () => {
    for (const [s, v] of [
      ['12', 12],
      ['-3.5', -3.5],
      ['+7', 7],
      ['.5', 0.5],
      ['5.', 5],
      ['1e3', 1000],
      ['2.5E-2', 0.025],
      [' 42 ', 42],
      ['1e-400', 0],
      ['1e300', 1e300],
    ] as const) {
      expect(parseDecimal(s)).toEqual({ ok: true, value: v });
    }
  });
  it('refuses hex, binary, octal, separators and text as not_decimal', () => {
    for (const s of [
      '0x10',
      '0b11',
      '0o17',
      '1,5',
      '1 000',
      '12abc',
      '1.5.3',
      '+-5',
      '--5',
      '1e5e5',
      '١٢',
      '５',
      'e5',
      '.',
    ]) {
      expect(parseDecimal(s).ok, s).toBe(false);
    }
    expect(parseDecimal('0x10')).toEqual({ ok: false, code: 'not_decimal' });
  });
  it('names missing, NaN, infinite and overflowing values', () => {
    for (const s of ['', ' ', 'NA', 'n/a', 'null', 'None', '-'])
      expect(parseDecimal(s)).toEqual({ ok: false, code: 'missing' });
    for (const s of ['NaN', 'nan', '-NaN']) expect(parseDecimal(s)).toEqual({ ok: false, code: 'nan' });
    for (const s of ['Infinity', '-Infinity', 'inf', '+INF', '∞'])
      expect(parseDecimal(s)).toEqual({ ok: false, code: 'infinite' });
    for (const s of ['1e400', '-1e400', '1' + '0'.repeat(400)])
      expect(parseDecimal(s)).toEqual({ ok: false, code: 'overflow' });
  });
});

describe('parseWhole: strict time index', () => {
  it('accepts decimal digits with an optional sign within ±2^53', () => {
    expect(parseWhole('2015')).toEqual({ ok: true, value: 2015 });
    expect(parseWhole('-3')).toEqual({ ok: true, value: -3 });
  });
  it('refuses 0b11, 0x3, 3.0, 1e3, empty, text and unsafe integers', () => {
    for (const s of ['0b11', '0x3', '3.0', '1e3', '', 'abc', '99999999999999999999'])
      expect(parseWhole(s), s).toEqual({ ok: false, code: 't' });
  });
});

describe('batchColumns', () => {
  it('finds id, t, value and split in any order, case-insensitive, ignoring other columns', () => {
    expect(batchColumns({ line: 1, fields: ['ID', ' split ', 'T', 'Value', 'extra'] }, 'a.csv')).toEqual({
      id: 0,
      t: 2,
      value: 3,
      split: 1,
      count: 5,
    });
    expect(batchColumns({ line: 1, fields: ['id', 't', 'value'] }, 'a.csv').split).toBe(-1);
  });
  it('a missing or repeated column is an InputError on line 1', () => {
    expect(() => batchColumns({ line: 1, fields: ['id', 'time', 'value'] }, 'a.csv')).toThrow(
      'a.csv:1: expected a header with columns id, t, value (and optionally split; other columns are ignored); no column t, found "id,time,value"',
    );
    expect(() => batchColumns({ line: 1, fields: ['id', 't', 'value', 'T'] }, 'a.csv')).toThrow(
      'a.csv:1:2: expected one column named t (it appears twice)',
    );
    expect(() => batchColumns({ line: 1, fields: ['id;t;value'] }, 'a.csv')).toThrow(
      'a.csv:1: expected a header with columns id, t, value (and optionally split; other columns are ignored); no column id (the header looks semicolon-separated: forecast-batch reads comma-separated values with . as decimal mark), found "id;t;value"',
    );
  });
  it("a semicolon or tab batch file's header is shown with the file's own delimiter, never re-joined by commas", () => {
    expect(() => parseLongCsv('id;t;value;split\na;1;10;train\n', 'semi.csv')).toThrow(
      'semi.csv:1: expected a header with columns id, t, value (and optionally split; other columns are ignored); no column id (the header looks semicolon-separated: forecast-batch reads comma-separated values with . as decimal mark), found "id;t;value;split"',
    );
    expect(() => parseLongCsv('id\tt\tvalue\na\t1\t10\n', 'tab.csv')).toThrow(
      '(the header looks tab-separated: forecast-batch reads comma-separated values with . as decimal mark), found "id\\tt\\tvalue"',
    );
  });
  it('a semicolon header with a comma in a column name still gets the semicolon hint and is shown as written', () => {
    expect(() => parseLongCsv('id;t;value;beløb, mio. kr.\na;1;10;10\n', 'semi.csv')).toThrow(
      'no column id (the header looks semicolon-separated: forecast-batch reads comma-separated values with . as decimal mark), found "id;t;value;beløb, mio. kr."',
    );
  });
  it('a comma header that has one of the columns gets no delimiter hint', () => {
    expect(() => parseLongCsv('id,time;value\n', 'a.csv')).toThrow(/no column t, found "id,time;value"$/);
  });
});

function series(text: string, maxPoints?: number): RawSeries[] {
  const lines = text.split('\n').filter((l) => l !== '');
  const a = new SeriesAssembler('in.csv', maxPoints);
  a.header({ line: 1, fields: lines[0].split(',') });
  const out: RawSeries[] = [];
  lines.slice(1).forEach((l, i) => a.row({ line: i + 2, fields: l.split(',') }, (s) => out.push(s)));
  a.end((s) => out.push(s));
  return out;
}

describe('SeriesAssembler', () => {
  it('sorts the rows of a series by t, keeps train rows only, and records where each value came from when not consecutive lines', () => {
    const [a, b] = series(
      'id,split,t,value\nA,train,2,12\nA,train,1,10\nA,test,3,99\nA,train,3,13\nB,train,5,1\nB,train,6,2\n',
    );
    expect(a).toEqual({ id: 'A', line: 2, t0: 1, values: [10, 12, 13], lines: [3, 2, 5] });
    expect(b).toEqual({ id: 'B', line: 6, t0: 5, values: [1, 2] });
  });
  it('never closes up a gap in t: t = 1, 2, 3, 100, 101, 1000 is refused with the line of the jump', () => {
    const [s] = series('id,t,value\nG,1,1\nG,2,2\nG,3,3\nG,100,4\nG,101,5\nG,1000,6\n');
    expect(s.problem).toEqual({ id: 'G', line: 5, action: 'skipped', code: 'gap', detail: { from: 3, to: 100 } });
    expect(s.values).toEqual([]);
  });
  it('a repeated t spoils its series and names both lines', () => {
    const [s] = series('id,t,value\nD,1,1\nD,2,2\nD,2,3\n');
    expect(s.problem).toMatchObject({ code: 'duplicate_t', line: 4, detail: { t: 2, other: 3 } });
  });
  it('a bad row spoils only its own series; the first problem is kept and bad rows counted', () => {
    const out = series('id,t,value\nX,1,1\nX,2,NaN\nX,3,0x10\nY,1,1\nY,2,2\nY,3,3\n');
    expect(out[0].problem).toMatchObject({ id: 'X', line: 3, code: 'nan', detail: { found: 'NaN' } });
    expect(out[0].badRows).toBe(2);
    expect(out[1]).toEqual({ id: 'Y', line: 5, t0: 1, values: [1, 2, 3] });
  });
  it('rows of the wrong width, bad split and bad t are series problems', () => {
    expect(series('id,t,value\nA,1,1,9\n')[0].problem).toMatchObject({
      code: 'fields',
      detail: { found: 4, expected: 3 },
    });
    expect(series('id,split,t,value\nA,valid,1,1\n')[0].problem).toMatchObject({
      code: 'split',
      detail: { found: 'valid' },
    });
    expect(series('id,t,value\nA,0b11,1\n')[0].problem).toMatchObject({ code: 't', detail: { found: '0b11' } });
  });
  it('an empty id is a row problem that belongs to no series', () => {
    const a = new SeriesAssembler('in.csv');
    a.header({ line: 1, fields: ['id', 't', 'value'] });
    a.row({ line: 2, fields: ['', '1', '1'] }, () => undefined);
    expect(a.orphans).toEqual([
      { id: '', line: 2, action: 'skipped', code: 'missing_id', detail: { found: 3, expected: 3 } },
    ]);
  });
  it('an id that comes back after another id is an error of the file (sort it first)', () => {
    expect(() => series('id,t,value\nA,1,1\nB,1,1\nA,2,2\n')).toThrow(InputError);
    expect(() => series('id,t,value\nA,1,1\nB,1,1\nA,2,2\n')).toThrow(
      'in.csv:4: column id: expected the rows of each id together (id "A" appeared before, then other ids); sort the file by id',
    );
  });
  it('a series beyond the value limit is skipped as too long (memory stays bounded)', () => {
    const [s] = series('id,t,value\n' + Array.from({ length: 12 }, (_, i) => `L,${i + 1},${i}`).join('\n'), 10);
    expect(s.problem).toMatchObject({ code: 'too_long', line: 12, detail: { max: 10 } });
  });
});

describe('parseLongCsv (in memory)', () => {
  it('reads quoted ids with commas and newlines', () => {
    const r = parseLongCsv('id,t,value\n"a,\nb",1,1\n"a,\nb",2,2\n', 'in.csv');
    expect(r.series).toEqual([{ id: 'a,\nb', line: 2, t0: 1, values: [1, 2], lines: [2, 4] }]);
  });
  it('file problems are one-line InputErrors with file and line', () => {
    expect(() => parseLongCsv('', 'in.csv')).toThrow('in.csv:1: expected a header with columns id, t, value');
    expect(() => parseLongCsv('id,t,value\n"a,1,2\n', 'in.csv')).toThrow('in.csv:2: expected a closing quote');
  });
});
